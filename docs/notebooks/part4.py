# %% [markdown]
# # 第四部分笔记本：训练一个神经网络
#
# 这个笔记本沿着第四部分走一遍：一个神经元、它的梯度和逻辑回归 → softmax 与交叉熵，以及 log-sum-exp → 一个线性层的三个梯度 → 梯度检验 → 在手写数字上训练两层网络 → 手写反向传播与张量引擎对照 → 深层网络里逐层的梯度范数。
# 所有计算都来自 `descent` 包；装好它（`pip install -e .`）之后，下载本笔记本即可运行。可以随手改数字重新运行。

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
set_matplotlib_formats("retina")  # 单元格以 Figure 结尾时，把它显示成图片

# %% [markdown]
# ## 1. 一个神经元，一次反向传播得到全部梯度
#
# 用标量引擎搭出 $f = \sigma(w_1 x_1 + w_2 x_2 + b)$，取 $w = (2, -3)$、$b = -3$、$x = (-1, -2)$。调用一次 `backward()`，就得到 $f$ 对每个输入的导数；其中 $\partial f/\partial b$ 就是 $\sigma'(z) = f(1 - f)$。

# %%
f, inputs = logistic.neuron([2.0, -3.0], -3.0, [-1.0, -2.0])
f.backward()
print(f"f = {f.data:.4f}")
for v in inputs:
    print(f"∂f/∂{v.label} = {v.grad:+.4f}")
print(f"f(1 − f) = {f.data * (1 - f.data):.4f}")

# %% [markdown]
# ## 2. 二元交叉熵与平方误差
#
# 经过 sigmoid 之后，BCE 对 $z$ 的梯度是 $\hat y - y$；平方误差却留着因子 $\sigma'(z)$，神经元饱和时它小得几乎为零。接着在乳腺癌数据上从 $\theta = 0$ 做逻辑回归，再让两种损失从同一个饱和的起点出发。

# %%
for z in (-8.0, 0.0):
    print(
        f"z = {z:+.0f}: BCE {logistic.bce_grad_z(z, 1.0):+.6f}, MSE {logistic.mse_grad_z(z, 1.0):+.6f}"
    )
data = datasets.breast_cancer()
fit = logistic.train(data.x_train, data.y_train, np.zeros(3), 1.0, 300, "bce")
print(
    f"θ = {fit.theta}, 测试准确率 {100 * logistic.accuracy(fit.theta, data.x_test, data.y_test):.1f}%"
)
for loss in ("bce", "mse"):
    run = logistic.train(data.x_train, data.y_train, np.array([4.0, 2.0, 4.0]), 1.0, 100, loss)
    print(
        f"{loss}，饱和起点，100 步：训练准确率 {100 * logistic.accuracy(run.theta, data.x_train, data.y_train):.1f}%"
    )

# %% [markdown]
# ## 3. softmax 与交叉熵
#
# 算例 $z = (1, 2, 3)$，正确类别为 1：$p$、损失，以及梯度 $p - \mathrm{onehot}(y)$，并用中心差分核对。给每个 logit 加同一个常数，什么都不变；朴素的 softmax 在 $c = 1000$ 时溢出，log-sum-exp 版本不会。

# %%
z = np.array([1.0, 2.0, 3.0])
print("p =", sm.softmax(z), " L =", round(sm.cross_entropy(z, 1), 4))
print("p − onehot(y) =", sm.cross_entropy_grad(z, 1))
print("中心差分：", gradient(lambda t: sm.cross_entropy(t, 1), z))
print("softmax(z + 100) =", sm.softmax(z + 100))
with np.errstate(over="ignore", invalid="ignore"):
    print("朴素版，z + 1000：", sm.softmax_naive(z + 1000))
print("稳定版，z + 1000：", sm.softmax(z + 1000))

# %% [markdown]
# ## 4. 一个线性层的三个梯度
#
# $Y = XW + b$。给定上游梯度 $G = \partial L/\partial Y$，三个梯度是 $X^\top G$、$G W^\top$ 和 $G$ 的列和。

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
# ## 5. 梯度检验
#
# 取 $L = \sum G \odot Y$（它对 $Y$ 的梯度正是 $G$），用中心差分对 $W$ 求梯度，与 $X^\top G$ 比较。


# %%
def L_of_W(flat):
    return float(np.sum(G * (X @ flat.reshape(W.shape) + b)))


numeric = gradient(L_of_W, W.ravel()).reshape(W.shape)
print("中心差分：\n", numeric)
print("最大差别：", np.abs(numeric - layer.dW).max())

# %% [markdown]
# ## 6. 在手写数字上训练
#
# 64 → 32 → 10，隐藏层 ReLU，He 初始化，学习率 0.1，批大小 32。这里只训练 10 轮，书中是 30 轮。

# %%
d = load()
start = init_params([64, 32, 10], np.random.default_rng(0))
run = train_hand(start, d.x_train, d.y_train, lr=0.1, epochs=10, batch_size=32)
accuracy = np.mean(MLP(run.params).predict(d.x_test) == d.y_test)
print(f"第一步的损失 {run.losses[0]:.3f}，最后一步 {run.losses[-1]:.3f}")
print(f"测试准确率 {100 * accuracy:.1f}%")

# %% [markdown]
# ## 7. 张量引擎：只写前向
#
# 同一个起点、同一串小批量，由张量引擎求梯度。两次训练的参数应当一致到舍入误差。

# %%
engine = train_engine(start, d.x_train, d.y_train, lr=0.1, epochs=10, batch_size=32)
gap = max(np.abs(p - q).max() for p, q in zip(run.params, engine.params, strict=True))
print(f"参数的最大差别：{gap:.1e}")

# %% [markdown]
# ## 8. 深层网络：逐层的梯度范数
#
# 10 个隐藏层、每层 64 个单元。sigmoid 配小随机数时，越靠近输入，梯度越小；ReLU 配 He 初始化时，各层在同一量级。

# %% alt="三种初始化下各层梯度范数随层号 l 的变化（对数纵轴）：sigmoid 配小随机数时越靠近输入越小，tanh 配 Xavier 与 ReLU 配 He 时各层在同一量级"
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
    print(f"{activation:8s} {scheme:7s} 第一层 {norms[0]:.1e}  最后一层 {norms[-1]:.1e}")
ax.set_xlabel("$l$")
ax.set_ylabel(r"$\|\partial L/\partial W_l\|$")
ax.legend()
fig
