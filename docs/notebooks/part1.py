# %% [markdown]
# # 第一部分笔记本：从误差到梯度
#
# 这个笔记本把第一部分的三章串成一条可以亲手运行的路线：
# 数据 → 损失 → 损失作为参数的函数 → 数值导数 → 用差分检验手推的梯度 → 拟合黑盒子。
# 所有计算都来自 `descent` 包；装好它（`pip install -e .`）之后，下载本笔记本即可运行。

# %%
import numpy as np

from descent import blackbox, linear, losses, numdiff
from descent.data import BLACK_BOX, SAMPLE_1_1

np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 1. 数据
#
# 样本集 1-1 有 10 个点，看上去大致落在一条直线上。

# %%
x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
print("x =", x)
print("y =", y)

# %% [markdown]
# ## 2. 误差为什么要平方
#
# 取一条平线 $\hat y = \bar y$：不管 $x$ 是多少，都预测 $y$ 的平均值。它离每个点都差得很远，
# 可带符号的误差加起来恰好是 $0$（计算机里只差最后一位的舍入），好像拟合得完美无缺：正负互相抵消了。
# 直线 $\hat y = 2x$ 贴着数据走，误差之和反而不是 $0$。平方之后每一项都非负，抵消不再发生，
# $\sum e^2$ 给两条线排出了正确的顺序。

# %%
lines = {"平线 ŷ = ȳ ": np.full_like(y, y.mean()), "直线 ŷ = 2x": 2.0 * x}
for name, y_hat in lines.items():
    e = y_hat - y
    sum_e = round(float(np.sum(e)), 10) + 0.0  # + 0.0 turns -0.0 into 0.0
    print(f"{name}   Σe = {sum_e:8.4f}   Σe² = {losses.sse(y_hat, y):9.4f}")

# %% [markdown]
# 对直线 $\hat y = 2x$，平方误差还有两种常用的平均法：

# %%
y_hat = lines["直线 ŷ = 2x"]
print("均方误差       MSE  =", round(losses.mse(y_hat, y), 4))
print("½·MSE               =", round(losses.half_mse(y_hat, y), 4))

# %% [markdown]
# ## 3. 损失是参数的函数
#
# 对过原点的直线 $\hat y = wx$，损失 $J(w)=\sum_i (wx_i-y_i)^2$ 只随 $w$ 变化，是一条开口向上的抛物线。
# 抛物线的最低点就是最小二乘解。

# %%
for w in [1.5, 1.8, 2.0, 2.2, 2.5]:
    print(f"w = {w:.1f}   J(w) = {linear.loss_w(w, x, y):9.4f}")
w_star = linear.least_squares_w(x, y)
print(f"最小点 w* = {w_star:.6f},  J(w*) = {linear.loss_w(w_star, x, y):.6f}")

# %% [markdown]
# ## 4. 导数告诉我们往哪边走
#
# 在最小点左侧，$J$ 对 $w$ 的导数为负（往右走 $J$ 下降）；在右侧为正。用中心差分可以直接看到：

# %%
for w in [1.8, w_star, 2.4]:
    slope = numdiff.derivative(lambda v: linear.loss_w(v, x, y), w)
    print(f"w = {w:.4f}   dJ/dw ≈ {round(slope, 4) + 0.0:10.4f}")  # + 0.0 turns -0.0 into 0.0

# %% [markdown]
# ## 5. 用差分检验手推的梯度
#
# 对 $\hat y = wx + b$，均方误差的梯度由 `linear.grad_mse` 给出（推导见“损失函数”一章）。
# 在一个普通的点上把它与中心差分比较，相对误差应当非常小。

# %%
point = np.array([1.7, 0.4])
check = numdiff.check_gradient(
    lambda p: linear.loss_wb(p[0], p[1], x, y) / len(x),
    lambda p: np.array(linear.grad_mse(p[0], p[1], x, y)),
    point,
)
print("解析梯度:", check.analytic)
print("数值梯度:", check.numeric)
print(f"相对误差: {check.rel_error:.2e}   通过: {check.ok}")

# %% [markdown]
# ## 6. 破解黑盒子
#
# 用模型 $\hat y = w_1x + w_2x^2$ 从猜测 $w_1 = w_2 = 1$ 出发，做梯度下降直到损失足够小。

# %%
run = blackbox.fit(BLACK_BOX.x, BLACK_BOX.y)
print(f"共 {len(run.epochs) - 1} 轮更新, 收敛: {run.converged}")
print(f"w1 = {run.w1:.6f},  w2 = {run.w2:.6f}")
print(f"最终损失 J = {run.epochs[-1].J:.3e}")
