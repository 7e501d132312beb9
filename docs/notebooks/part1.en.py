# %% [markdown]
# # Part I notebook: from error to gradient
#
# This notebook strings the three chapters of Part I into one path you can run yourself:
# data → loss → the loss as a function of the parameters → numerical derivatives →
# checking a hand-derived gradient → fitting the black box.
# Everything is computed by the `descent` package; install it (`pip install -e .`),
# download this notebook, and run it.

# %%
import numpy as np

from descent import blackbox, linear, losses, numdiff
from descent.data import BLACK_BOX, SAMPLE_1_1

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 1. The data
#
# Sample set 1-1 has ten points that lie roughly on a line.

# %%
x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
print("x =", x)
print("y =", y)

# %% [markdown]
# ## 2. Why the error is squared
#
# Take the flat line $\hat y = \bar y$, which predicts the mean of $y$ whatever $x$ is. It misses
# every point by a lot, yet its signed errors add up to exactly $0$ (up to rounding in the last
# bit), as if it fitted perfectly: the positive and negative errors cancel. The line $\hat y = 2x$
# follows the data, but its errors do not sum to $0$. After squaring, every term is non-negative,
# nothing cancels, and $\sum e^2$ ranks the two lines correctly.

# %%
lines = {"flat ŷ = ȳ": np.full_like(y, y.mean()), "line ŷ = 2x": 2.0 * x}
for name, y_hat in lines.items():
    e = y_hat - y
    sum_e = round(float(np.sum(e)), 10) + 0.0  # + 0.0 turns -0.0 into 0.0
    print(f"{name:11}   Σe = {sum_e:8.4f}   Σe² = {losses.sse(y_hat, y):9.4f}")

# %% [markdown]
# For the line $\hat y = 2x$ the squared errors have two more common averages:

# %%
y_hat = lines["line ŷ = 2x"]
print("mean squared error    MSE =", round(losses.mse(y_hat, y), 4))
print("½·MSE                     =", round(losses.half_mse(y_hat, y), 4))

# %% [markdown]
# ## 3. The loss is a function of the parameters
#
# For a line through the origin, $\hat y = wx$, the loss $J(w)=\sum_i (wx_i-y_i)^2$ depends on $w$
# alone and is a parabola opening upwards. Its lowest point is the least-squares solution.

# %%
for w in [1.5, 1.8, 2.0, 2.2, 2.5]:
    print(f"w = {w:.1f}   J(w) = {linear.loss_w(w, x, y):9.4f}")
w_star = linear.least_squares_w(x, y)
print(f"minimum w* = {w_star:.6f},  J(w*) = {linear.loss_w(w_star, x, y):.6f}")

# %% [markdown]
# ## 4. The derivative says which way to go
#
# Left of the minimum the derivative of $J$ with respect to $w$ is negative (moving right lowers $J$);
# right of it, positive. A central difference shows it directly:

# %%
for w in [1.8, w_star, 2.4]:
    slope = numdiff.derivative(lambda v: linear.loss_w(v, x, y), w)
    print(f"w = {w:.4f}   dJ/dw ≈ {round(slope, 4) + 0.0:10.4f}")  # + 0.0 turns -0.0 into 0.0

# %% [markdown]
# ## 5. Checking a hand-derived gradient
#
# For $\hat y = wx + b$ the gradient of the mean squared error is `linear.grad_mse`
# (derived in the chapter on loss functions). Compared with a central difference at an
# ordinary point, the relative error should be tiny.

# %%
point = np.array([1.7, 0.4])
check = numdiff.check_gradient(
    lambda p: linear.loss_wb(p[0], p[1], x, y) / len(x),
    lambda p: np.array(linear.grad_mse(p[0], p[1], x, y)),
    point,
)
print("analytic gradient:", check.analytic)
print("numeric gradient: ", check.numeric)
print(f"relative error: {check.rel_error:.2e}   passed: {check.ok}")

# %% [markdown]
# ## 6. Cracking the black box
#
# With the model $\hat y = w_1x + w_2x^2$, start from the guess $w_1 = w_2 = 1$ and run gradient
# descent until the loss is small enough.

# %%
run = blackbox.fit(BLACK_BOX.x, BLACK_BOX.y)
print(f"{len(run.epochs) - 1} updates, converged: {run.converged}")
print(f"w1 = {run.w1:.6f},  w2 = {run.w2:.6f}")
print(f"final loss J = {run.epochs[-1].J:.3e}")
