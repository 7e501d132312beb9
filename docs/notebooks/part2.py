# %% [markdown]
# # 第二部分笔记本：看得见的梯度下降
#
# 这个笔记本沿着第二部分走一遍：数据 → 损失抛物线 → 切线 → 梯度下降 → SGD → 小批量 → 学习率。
# 所有计算都来自 `descent` 包；装好它（`pip install -e .`）之后，下载本笔记本即可运行。
# 每一步都只用到前面已经出现过的东西，可以随手改数字重新运行。

# %%
import numpy as np
from matplotlib.figure import Figure
from matplotlib_inline.backend_inline import set_matplotlib_formats

from descent import batching, linear, linefit, lrstudy, optim
from descent.calculus import tangent_line
from descent.data import SAMPLE_1_1
from descent.landscapes import square, square_grad

np.set_printoptions(precision=4, suppress=True)
set_matplotlib_formats("retina")  # 单元格以 Figure 结尾时，把它显示成图片

# %% [markdown]
# ## 1. 数据
#
# 样本集 1-1：10 个点，大致落在一条直线上。

# %%
x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
print("x =", x)
print("y =", y)

# %% [markdown]
# ## 2. 损失抛物线
#
# 只留一个参数，模型 $\hat y = wx$。数据固定后，$J(w)=\frac1n\sum_i (wx_i-y_i)^2$ 是 $w$ 的抛物线，
# 它的最低点就是最小二乘解 $w^*$。

# %%
mse_w = lambda w: linear.loss_w(w, x, y) / len(x)  # noqa: E731
w_star = linear.least_squares_w(x, y)
for w in [1.0, 1.5, w_star, 2.5, 3.0]:
    print(f"w = {w:.4f}   J(w) = {mse_w(w):8.4f}")

# %% [markdown]
# ## 3. 切线：坡有多陡，往哪边
#
# 在 $w_0$ 处，$J$ 的导数就是切线的斜率。斜率为负说明往右走 $J$ 下降，为正说明往左走。
# 梯度下降正是“逆着斜率走一小步”。

# %% alt="损失 J(w) 随 w 变化的抛物线，以及它在 w = 1 和 w = 3 处的两条切线：左边的切线向下倾斜，右边的向上"
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
    print(f"w0 = {w0}: 斜率 dJ/dw = {slope:9.4f}  →  往{'右' if slope < 0 else '左'}走")
ax.set_xlabel("$w$")
ax.set_ylabel("$J(w)$")
fig

# %% [markdown]
# ## 4. 梯度下降
#
# 更新规则 $w \leftarrow w - \eta\, \mathrm{d}J/\mathrm{d}w$，交给 `optim.descend` 反复执行，
# 它记下每一步的参数和损失。这里同时拟合 $w$ 和 $b$，和最小二乘的闭式解对比。

# %%
run = linefit.fit_batch_gd(x, y, lr=0.01, steps=2000)
w_ls, b_ls = linear.least_squares_wb(x, y)
for k in [0, 1, 2, 10, 100, 1000, 2000]:
    w_k, b_k = run.thetas[k]
    print(f"第 {k:4d} 步   w = {w_k:8.5f}   b = {b_k:8.5f}   J = {run.losses[k]:.6f}")
print(f"最小二乘     w = {w_ls:8.5f}   b = {b_ls:8.5f}")

# %% [markdown]
# ## 5. SGD：每步只看一个样本
#
# 每一步随机抽一个样本算梯度，便宜但有噪声：损失不再单调下降，而是在最低点附近抖动。
# 随机数由带种子的生成器给出，所以每次运行结果都一样。

# %%
sgd = linefit.fit_minibatch(x, y, 0.005, 2000, batch_size=1, rng=np.random.default_rng(0))
rises = int(np.sum(np.diff(sgd.losses) > 0))
print(f"SGD 2000 步后 w = {sgd.theta[0]:.4f}, b = {sgd.theta[1]:.4f}, J = {sgd.losses[-1]:.4f}")
print(f"2000 步里有 {rises} 步损失反而上升")

# %% [markdown]
# ## 6. 小批量：x 和 y 必须用同一个排列打乱
#
# 小批量每个 epoch 打乱一次再切块。打乱时 $x_i$ 和 $y_i$ 必须一起移动；
# 分别打乱会把配对拆散，模型学到的就不再是原来的数据。

# %%
rng = np.random.default_rng(1)
xs, ys = batching.paired_shuffle(x, y, rng)
xw, yw = batching.shuffled_separately(x, y, rng)
print("一起打乱后 y/x:", ys / xs)
print("分别打乱后 y/x:", yw / xw)
for name, shuffle in [
    ("一起打乱", batching.paired_shuffle),
    ("分别打乱", batching.shuffled_separately),
]:
    r = linefit.fit_minibatch(x, y, 0.01, 3000, 4, np.random.default_rng(2), shuffle=shuffle)
    print(
        f"{name}: w = {r.theta[0]:8.4f}, b = {r.theta[1]:8.4f}, 全体数据上的 J = {r.losses[-1]:.4f}"
    )

# %% [markdown]
# ## 7. 学习率
#
# 在 $J(x)=x^2$ 上，从 $x_0=1.2$ 出发，不同的 $\eta$ 走出完全不同的路：太小走得慢，合适时几步到底，
# 接近 $1$ 时来回振荡，超过 $1$（即 $2/L$，这里 $L=2$）就发散。发散时 `descend` 报出是第几步、哪个学习率。

# %%
for outcome in lrstudy.lr_sweep(
    square, square_grad, [1.2], [0.01, 0.3, 0.9, 1.1], stop_below=0.01
):
    if outcome.diverged_at is not None:
        result = f"第 {outcome.diverged_at} 步发散"
    elif outcome.reached is not None:
        result = f"{outcome.reached} 步后 J < 0.01"
    else:
        result = f"1000 步仍未到 J < 0.01（J = {outcome.run.losses[-1]:.4f}）"
    print(f"η = {outcome.lr:<5} {result}")

try:
    optim.descend(square, square_grad, [1.2], optim.GD(1.1), steps=1000)
except optim.DivergenceError as err:
    print("DivergenceError:", err)
