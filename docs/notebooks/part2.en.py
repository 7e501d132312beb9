# %% [markdown]
# # Part II notebook: gradient descent you can watch
#
# This notebook walks through Part II in order: data → the loss parabola → tangent lines →
# gradient descent → SGD → mini-batches → the learning rate.
# Everything is computed by the `descent` package; install it (`pip install -e .`), download this
# notebook and run it. Each step uses only what came before, so change a number and run it again.

# %%
import numpy as np
from matplotlib.figure import Figure
from matplotlib_inline.backend_inline import set_matplotlib_formats

from descent import batching, linear, linefit, lrstudy, optim
from descent.calculus import tangent_line
from descent.data import SAMPLE_1_1
from descent.landscapes import square, square_grad

np.set_printoptions(precision=4, suppress=True)
set_matplotlib_formats("retina")  # a cell that ends with a Figure shows it as an image

# %% [markdown]
# ## 1. The data
#
# Sample set 1-1: ten points lying roughly on a straight line.

# %%
x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
print("x =", x)
print("y =", y)

# %% [markdown]
# ## 2. The loss parabola
#
# Keep a single parameter, the model $\hat y = wx$. With the data fixed,
# $J(w)=\frac1n\sum_i (wx_i-y_i)^2$ is a parabola in $w$, and its lowest point is the
# least-squares answer $w^*$.

# %%
mse_w = lambda w: linear.loss_w(w, x, y) / len(x)  # noqa: E731
w_star = linear.least_squares_w(x, y)
for w in [1.0, 1.5, w_star, 2.5, 3.0]:
    print(f"w = {w:.4f}   J(w) = {mse_w(w):8.4f}")

# %% [markdown]
# ## 3. Tangent lines: how steep, and which way
#
# At $w_0$ the derivative of $J$ is the slope of the tangent. A negative slope means $J$ falls
# to the right; a positive slope means it falls to the left. Gradient descent takes a small step
# against the slope.

# %% alt="The loss J(w) as a parabola in w, with its tangent lines at w = 1 and w = 3: the left one slopes down, the right one up"
dJ = lambda w: linear.grad_mse(w, 0.0, x, y)[0]  # noqa: E731  ∂J/∂w at b = 0

fig = Figure(figsize=(5.5, 3), dpi=80)
ax = fig.subplots()
ws = np.linspace(0.5, 3.5, 121)
ax.plot(ws, [mse_w(w) for w in ws], color="C0")
for w0 in [1.0, 3.0]:
    slope, intercept = tangent_line(mse_w, dJ, w0)
    near = np.linspace(w0 - 0.6, w0 + 0.6, 2)
    ax.plot(near, slope * near + intercept, "--", color="C1")
    ax.plot([w0], [mse_w(w0)], "o", color="C1")
    print(f"w0 = {w0}: slope dJ/dw = {slope:9.4f}  →  move {'right' if slope < 0 else 'left'}")
ax.set_xlabel("$w$")
ax.set_ylabel("$J(w)$")
fig

# %% [markdown]
# ## 4. Gradient descent
#
# The update $w \leftarrow w - \eta\, \mathrm{d}J/\mathrm{d}w$ is repeated by `optim.descend`,
# which records the parameters and the loss at every step. Here $w$ and $b$ are fitted together
# and compared with the closed-form least-squares answer.

# %%
run = linefit.fit_batch_gd(x, y, lr=0.01, steps=2000)
w_ls, b_ls = linear.least_squares_wb(x, y)
for k in [0, 1, 2, 10, 100, 1000, 2000]:
    w_k, b_k = run.thetas[k]
    print(f"step {k:4d}   w = {w_k:8.5f}   b = {b_k:8.5f}   J = {run.losses[k]:.6f}")
print(f"least squares   w = {w_ls:8.5f}   b = {b_ls:8.5f}")

# %% [markdown]
# ## 5. SGD: one sample per step
#
# Each step draws one sample at random and follows its gradient: cheap, but noisy. The loss no
# longer falls at every step; it jitters around the bottom. The draws come from a seeded
# generator, so every run gives the same numbers.

# %%
sgd = linefit.fit_minibatch(x, y, 0.005, 2000, batch_size=1, rng=np.random.default_rng(0))
rises = int(np.sum(np.diff(sgd.losses) > 0))
print(
    f"SGD after 2000 steps: w = {sgd.theta[0]:.4f}, b = {sgd.theta[1]:.4f}, J = {sgd.losses[-1]:.4f}"
)
print(f"in {rises} of the 2000 steps the loss went up")

# %% [markdown]
# ## 6. Mini-batches: shuffle x and y with one permutation
#
# A mini-batch run shuffles once per epoch and then slices. $x_i$ and $y_i$ must move together;
# shuffling them separately breaks the pairs, and the model learns from data that no longer exists.

# %%
rng = np.random.default_rng(1)
xs, ys = batching.paired_shuffle(x, y, rng)
xw, yw = batching.shuffled_separately(x, y, rng)
print("y/x after one shared shuffle:", ys / xs)
print("y/x after separate shuffles: ", yw / xw)
for name, shuffle in [
    ("shared", batching.paired_shuffle),
    ("separate", batching.shuffled_separately),
]:
    r = linefit.fit_minibatch(x, y, 0.01, 3000, 4, np.random.default_rng(2), shuffle=shuffle)
    print(
        f"{name:8}: w = {r.theta[0]:8.4f}, b = {r.theta[1]:8.4f}, J on all the data = {r.losses[-1]:.4f}"
    )

# %% [markdown]
# ## 7. The learning rate
#
# On $J(x)=x^2$ from $x_0=1.2$, different values of $\eta$ take very different paths: too small
# crawls, a good one arrives in a few steps, one close to $1$ oscillates, and beyond $1$ (that is
# $2/L$ with $L=2$) the run diverges. When it does, `descend` reports the step and the learning rate.

# %%
for outcome in lrstudy.lr_sweep(
    square, square_grad, [1.2], [0.01, 0.3, 0.9, 1.1], stop_below=0.01
):
    if outcome.diverged_at is not None:
        result = f"diverged at step {outcome.diverged_at}"
    elif outcome.reached is not None:
        result = f"J < 0.01 after {outcome.reached} steps"
    else:
        result = f"J < 0.01 not reached in 1000 steps (J = {outcome.run.losses[-1]:.4f})"
    print(f"η = {outcome.lr:<5} {result}")

try:
    optim.descend(square, square_grad, [1.2], optim.GD(1.1), steps=1000)
except optim.DivergenceError as err:
    print("DivergenceError:", err)
