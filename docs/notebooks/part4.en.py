# %% [markdown]
# # Part IV notebook: training a neural network
#
# This notebook walks through Part IV: one neuron, its gradients and logistic regression → softmax and cross-entropy, with log-sum-exp → the three gradients of a linear layer → gradient checking → a two-layer network trained on handwritten digits → the hand-written backward pass against the tensor engine → gradient norms layer by layer in a deep network.
# Every computation comes from the `descent` package; install it (`pip install -e .`), download this notebook and run it. Change any number and run again.

# %%
import numpy as np
from matplotlib.figure import Figure
from matplotlib_inline.backend_inline import set_matplotlib_formats

from descent import datasets, logistic
from descent import softmax as sm
from descent.depth import gradient_norms
from descent.digits import load
from descent.mlp import MLP, Linear, init_params
from descent.mlp_training import train_engine, train_hand
from descent.numdiff import gradient

np.set_printoptions(precision=4, suppress=True)
set_matplotlib_formats("retina")  # a cell that ends with a Figure shows it as an image

# %% [markdown]
# ## 1. One neuron, and every gradient from one backward pass
#
# $f = \sigma(w_1 x_1 + w_2 x_2 + b)$ at $w = (2, -3)$, $b = -3$, $x = (-1, -2)$, built with the scalar engine. One call of `backward()` gives the derivative of $f$ with respect to every input; $\partial f/\partial b$ is $\sigma'(z) = f(1 - f)$.

# %%
f, inputs = logistic.neuron([2.0, -3.0], -3.0, [-1.0, -2.0])
f.backward()
print(f"f = {f.data:.4f}")
for v in inputs:
    print(f"∂f/∂{v.label} = {v.grad:+.4f}")
print(f"f(1 − f) = {f.data * (1 - f.data):.4f}")

# %% [markdown]
# ## 2. Binary cross-entropy against squared error
#
# Through the sigmoid, the gradient of BCE with respect to $z$ is $\hat y - y$; squared error keeps the factor $\sigma'(z)$, which is tiny where the neuron is saturated. Then logistic regression on the breast-cancer data, from $\theta = 0$, and both losses from the same saturated start.

# %%
for z in (-8.0, 0.0):
    print(
        f"z = {z:+.0f}: BCE {logistic.bce_grad_z(z, 1.0):+.6f}, MSE {logistic.mse_grad_z(z, 1.0):+.6f}"
    )
data = datasets.breast_cancer()
fit = logistic.train(data.x_train, data.y_train, np.zeros(3), 1.0, 300, "bce")
print(
    f"θ = {fit.theta}, test accuracy {100 * logistic.accuracy(fit.theta, data.x_test, data.y_test):.1f}%"
)
for loss in ("bce", "mse"):
    run = logistic.train(data.x_train, data.y_train, np.array([4.0, 2.0, 4.0]), 1.0, 100, loss)
    print(
        f"{loss}, saturated start, 100 steps: training accuracy {100 * logistic.accuracy(run.theta, data.x_train, data.y_train):.1f}%"
    )

# %% [markdown]
# ## 3. Softmax and cross-entropy
#
# The worked example $z = (1, 2, 3)$ with true class 1: $p$, the loss, and the gradient $p - \mathrm{onehot}(y)$, checked against central differences. Adding a constant to every logit changes nothing; the naive softmax overflows at $c = 1000$, the log-sum-exp version does not.

# %%
z = np.array([1.0, 2.0, 3.0])
print("p =", sm.softmax(z), " L =", round(sm.cross_entropy(z, 1), 4))
print("p − onehot(y) =", sm.cross_entropy_grad(z, 1))
print("central differences:", gradient(lambda t: sm.cross_entropy(t, 1), z))
print("softmax(z + 100) =", sm.softmax(z + 100))
with np.errstate(over="ignore", invalid="ignore"):
    print("naive, z + 1000:", sm.softmax_naive(z + 1000))
print("stable, z + 1000:", sm.softmax(z + 1000))

# %% [markdown]
# ## 4. The three gradients of a linear layer
#
# $Y = XW + b$. Given the upstream gradient $G = \partial L/\partial Y$, the three gradients are $X^\top G$, $G W^\top$ and the column sums of $G$.

# %%
X = np.array([[1.0, 2.0], [3.0, -1.0]])
W = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
b = np.array([0.5, -1.0, 0.0])
G = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
layer = Linear(W, b)
print("Y =\n", layer.forward(X))
print("∂L/∂X = G Wᵀ =\n", layer.backward(G))
print("∂L/∂W = Xᵀ G =\n", layer.dW)
print("∂L/∂b =", layer.db)

# %% [markdown]
# ## 5. Gradient checking
#
# Take $L = \sum G \odot Y$ (its gradient with respect to $Y$ is exactly $G$), differentiate with respect to $W$ by central differences, and compare with $X^\top G$.


# %%
def L_of_W(flat):
    return float(np.sum(G * (X @ flat.reshape(W.shape) + b)))


numeric = gradient(L_of_W, W.ravel()).reshape(W.shape)
print("central differences:\n", numeric)
print("largest difference:", np.abs(numeric - layer.dW).max())

# %% [markdown]
# ## 6. Training on handwritten digits
#
# 64 → 32 → 10, ReLU hidden layer, He initialisation, learning rate 0.1, batch size 32. Only 10 epochs here; the book trains 30.

# %%
d = load()
start = init_params([64, 32, 10], np.random.default_rng(0))
run = train_hand(start, d.x_train, d.y_train, lr=0.1, epochs=10, batch_size=32)
accuracy = np.mean(MLP(run.params).predict(d.x_test) == d.y_test)
print(f"loss of the first step {run.losses[0]:.3f}, of the last {run.losses[-1]:.3f}")
print(f"test accuracy {100 * accuracy:.1f}%")

# %% [markdown]
# ## 7. The tensor engine: write only the forward pass
#
# Same start, same mini-batches, gradients from the tensor engine. The two trainings should agree to rounding.

# %%
engine = train_engine(start, d.x_train, d.y_train, lr=0.1, epochs=10, batch_size=32)
gap = max(np.abs(p - q).max() for p, q in zip(run.params, engine.params, strict=True))
print(f"largest parameter difference: {gap:.1e}")

# %% [markdown]
# ## 8. A deep network: gradient norms layer by layer
#
# Ten hidden layers of 64 units. With sigmoid and small random weights the gradient shrinks towards the input; with ReLU and He initialisation every layer is on the same scale.

# %% alt="Gradient norm of each layer against the layer number l, log scale, for three initialisations: with sigmoid and small weights it shrinks towards the input; with tanh and Xavier, and ReLU and He, every layer is on the same scale"
x, y = d.x_train[:256], d.y_train[:256]
fig = Figure(figsize=(5.5, 3), dpi=80)
ax = fig.subplots()
for activation, scheme, style in [
    ("sigmoid", "small", ":o"),
    ("tanh", "xavier", "-s"),
    ("relu", "he", "--^"),
]:
    norms = gradient_norms(x, y, 10, 64, activation, scheme)
    ax.semilogy(range(1, len(norms) + 1), norms, style, label=f"{activation}, {scheme}")
    print(f"{activation:8s} {scheme:7s} first layer {norms[0]:.1e}  last layer {norms[-1]:.1e}")
ax.set_xlabel("$l$")
ax.set_ylabel(r"$\|\partial L/\partial W_l\|$")
ax.legend()
fig
