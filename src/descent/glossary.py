"""The glossary as data: each term in both languages, a one-line definition in each, and the
section of the book that defines it. Both glossary pages render tables from this one list.

>>> term = by_en("gradient")
>>> term.zh, term.link
('梯度', 'derivatives.md#gradient-vector')
"""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    """One glossary entry; ``where`` is ``page#heading-id`` of the defining section."""

    zh: str
    en: str
    pinyin: str  # toneless, one syllable per character, spaces between: the zh sort key
    where: str
    zh_def: str
    en_def: str
    abbr: str = ""  # an abbreviation used in both languages, such as MSE

    @property
    def page(self) -> str:
        return self.where.partition("#")[0]

    @property
    def anchor(self) -> str:
        return self.where.partition("#")[2]

    @property
    def link(self) -> str:
        return f"{self.page}.md#{self.anchor}"


# Chapter number and title of each page a term can point to, in both languages.
CHAPTERS: dict[str, tuple[int, str, str]] = {
    "three-ideas": (1, "三个基本思想", "The three ideas"),
    "loss": (2, "损失函数", "Loss functions"),
    "derivatives": (3, "导数与梯度", "Derivatives and the gradient"),
    "gradient-descent": (4, "梯度下降", "Gradient descent"),
    "line-fit": (5, "拟合一条直线", "Fitting a line"),
    "sin-cubic": (6, "用三次多项式拟合 sin(x)", "Fitting sin(x) with a cubic"),
    "computation-graph": (7, "计算图与链式法则", "Computation graphs and the chain rule"),
    "nonlinear-backprop": (
        8,
        "非线性函数的反向传播",
        "Backpropagation through nonlinear functions",
    ),
    "autograd": (9, "从零实现自动微分", "Autograd from scratch"),
    "pytorch": (10, "PyTorch 做了什么", "What PyTorch does"),
    "pitfalls": (11, "常见陷阱，逐一运行", "Pitfalls, executed"),
}

T = Term
# fmt: off
TERMS: tuple[Term, ...] = (
    # Part I: from error to gradient
    T("训练循环", "training loop", "xun lian xun huan", "three-ideas#training-loop",
      "初始化 → 前向计算 → 损失 → 反向计算 → 下降，反复进行，直到损失足够小。",
      "Initialise, forward pass, loss, backward pass, step; repeat until the loss is small "
      "enough."),
    T("轮次", "epoch", "lun ci", "three-ideas#training-loop",
      "把全部训练样本过一遍；逐样本或小批量更新时，一轮包含多次更新。",
      "One pass over all training samples; with single samples or mini-batches it holds many "
      "steps."),
    T("学习率", "learning rate", "xue xi lv", "three-ideas#training-loop",
      r"更新 $\theta \leftarrow \theta - \eta\,\nabla J$ 中的正数 $\eta$；"
      "步子的长短由它与梯度共同决定。",
      r"The positive $\eta$ in $\theta \leftarrow \theta - \eta\,\nabla J$; with the gradient "
      "it sets the step."),
    T("权重", "weight", "quan zhong", "three-ideas#data-and-model",
      r"模型中由训练确定的系数，如 $\hat y = w_1 x + w_2 x^2$ 中的 $w_1, w_2$。",
      r"A coefficient of the model found by training, such as $w_1, w_2$ in $\hat y = w_1 x + "
      "w_2 x^2$."),
    T("停止规则", "stopping rule", "ting zhi gui ze", "three-ideas#learning-rate-and-stopping",
      r"何时结束训练：损失低于门槛 $\varepsilon$，或者轮数达到上限。",
      r"When training ends: the loss drops below a threshold $\varepsilon$, or an epoch cap is "
      "hit."),
    T("损失函数", "loss function", "sun shi han shu", "loss#loss-functions",
      "把模型在数据上的全部误差合成一个数；越小越好，训练就是让它变小。",
      "Turns all of a model's errors on the data into one number; training makes it smaller."),
    T("误差", "error", "wu cha", "loss#why-square",
      r"带符号的差 $e_i = \hat y_i - y_i$：预测偏大为正，偏小为负。",
      r"The signed difference $e_i = \hat y_i - y_i$: positive when the prediction is too large."),
    T("绝对误差", "absolute error", "jue dui wu cha", "loss#absolute-vs-squared",
      r"$\lvert e_i \rvert$；对大误差罚得比平方轻，斜率只剩符号，在 $e = 0$ 处不可导。",
      r"$\lvert e_i \rvert$; milder on large errors than the square, its slope is only a sign."),
    T("平方误差和", "sum of squared errors", "ping fang wu cha he", "loss#sse-mse-half-mse",
      r"$\sum_i (\hat y_i - y_i)^2$；梯度随样本数 $n$ 成比例增大。",
      r"$\sum_i (\hat y_i - y_i)^2$; its gradient grows in proportion to the number of samples "
      "$n$.",
      "SSE"),
    T("均方误差", "mean squared error", "jun fang wu cha", "loss#sse-mse-half-mse",
      r"$\frac{1}{n}\sum_i (\hat y_i - y_i)^2$；最低点与 SSE 相同，梯度是它的 $1/n$。",
      r"$\frac{1}{n}\sum_i (\hat y_i - y_i)^2$; same minimum as SSE, gradient $1/n$ of it.",
      "MSE"),
    T("二元交叉熵", "binary cross-entropy", "er yuan jiao cha shang", "loss#binary-cross-entropy",
      r"概率预测的损失 $-[y \ln \hat y + (1 - y)\ln(1 - \hat y)]$；对分数的梯度是 $\sigma(z) - "
      "y$。",
      r"The loss $-[y \ln \hat y + (1 - y)\ln(1 - \hat y)]$ of a probability; its score gradient "
      r"is $\sigma(z) - y$.",
      "BCE"),
    T("回归", "regression", "hui gui", "loss#binary-cross-entropy",
      "要预测的是一个连续的数。",
      "Predicting a continuous number."),
    T("分类", "classification", "fen lei", "loss#binary-cross-entropy",
      "要回答“是或否”，标签只取 0 或 1。",
      "Answering yes or no; the label is 0 or 1."),
    T("sigmoid 函数", "sigmoid function", "sigmoid han shu", "loss#binary-cross-entropy",
      r"$\sigma(z) = 1/(1 + e^{-z})$，把任意实数压到 0 和 1 之间；$\sigma' = \sigma(1 - "
      r"\sigma)$。",
      r"$\sigma(z) = 1/(1 + e^{-z})$ squeezes any number into $(0, 1)$; $\sigma' = \sigma(1 - "
      r"\sigma)$."),
    T("损失曲面", "loss surface", "sun shi qu mian", "loss#loss-surface",
      "数据固定后损失随参数变化的图像：一个参数是抛物线，两个参数是一只碗。",
      "The loss plotted over the parameters for fixed data: a parabola for one, a bowl for two."),
    T("导数", "derivative", "dao shu", "derivatives#derivative-limit",
      r"差商 $\frac{f(x_0 + h) - f(x_0)}{h}$ 在 $h \to 0$ 时的极限，即切线的斜率。",
      r"The limit of $\frac{f(x_0 + h) - f(x_0)}{h}$ as $h \to 0$: the slope of the tangent."),
    T("切线", "tangent line", "qie xian", "derivatives#tangent-line",
      "过 $(x_0, f(x_0))$、斜率为 $f'(x_0)$ 的直线；在 $x_0$ 附近几乎与曲线重合。",
      "The line through $(x_0, f(x_0))$ with slope $f'(x_0)$; near $x_0$ it hugs the curve."),
    T("偏导数", "partial derivative", "pian dao shu", "derivatives#partial-derivatives",
      "其余变量固定不动时，对一个变量求的导数。",
      "The derivative with respect to one variable while all the others are held fixed."),
    T("梯度", "gradient", "ti du", "derivatives#gradient-vector",
      r"全部偏导数排成的向量 $\nabla f$；指向上升最快的方向。",
      r"The vector $\nabla f$ of all partial derivatives; it points in the direction of "
      "steepest ascent."),
    T("方向导数", "directional derivative", "fang xiang dao shu",
      "derivatives#directional-derivative",
      r"沿单位向量 $u$ 的变化率，等于 $\nabla f \cdot u$。",
      r"The rate of change along a unit vector $u$; it equals $\nabla f \cdot u$."),
    T("上升最快的方向", "steepest ascent", "shang sheng zui kuai de fang xiang",
      "derivatives#steepest-ascent",
      r"方向导数最大的单位方向，即梯度方向，最大值为 $\lvert \nabla f \rvert$；反方向下降最快。",
      "The unit direction of largest directional derivative, the gradient's, with value "
      r"$\lvert \nabla f \rvert$."),
    T("链式法则", "chain rule", "lian shi fa ze", "derivatives#chain-rule-statement",
      "复合函数的导数是各层导数之积；有多条路径时，把各条路径的乘积相加。",
      "The derivative of a composition is the product of the layers' derivatives, summed over "
      "paths."),
    T("中心差分", "central difference", "zhong xin cha fen", "derivatives#central-difference",
      r"$\frac{f(x + h) - f(x - h)}{2h}$；数值导数，截断误差随 $h^2$ 缩小。",
      r"$\frac{f(x + h) - f(x - h)}{2h}$; a numerical derivative whose truncation error shrinks "
      "like $h^2$."),
    T("向前差分", "forward difference", "xiang qian cha fen", "derivatives#central-difference",
      r"$\frac{f(x + h) - f(x)}{h}$；截断误差只随 $h$ 缩小。",
      r"$\frac{f(x + h) - f(x)}{h}$; its truncation error shrinks only like $h$."),
    T("截断误差", "truncation error", "jie duan wu cha", "derivatives#step-size",
      "用有限的 $h$ 代替极限造成的误差，随 $h$ 减小而减小。",
      "The error of using a finite $h$ instead of the limit; it falls as $h$ falls."),
    T("舍入误差", "rounding error", "she ru wu cha", "derivatives#step-size",
      "浮点数精度有限造成的误差；在差商里被除以 $h$，$h$ 越小越大。",
      "The error from finite floating-point precision; a difference quotient divides it by $h$."),
    T("机器 epsilon", "machine epsilon", "ji qi epsilon", "derivatives#step-size",
      r"浮点数的相对精度 $\varepsilon$；中心差分的最佳步长约为 $\varepsilon^{1/3}$。",
      r"The relative precision $\varepsilon$ of floating point; the best central-difference "
      r"step is near $\varepsilon^{1/3}$."),
    T("梯度检查", "gradient check", "ti du jian cha", "derivatives#gradient-check",
      "在不退化的点上，用中心差分的相对误差检验手推的梯度。",
      "Testing a derived gradient against central differences, by relative error, at a "
      "non-degenerate point."),
    T("相对误差", "relative error", "xiang dui wu cha", "derivatives#gradient-check",
      r"$\lvert g - D_h \rvert / \max(\lvert g \rvert, \lvert D_h \rvert)$；不随梯度的尺度改变。",
      r"$\lvert g - D_h \rvert / \max(\lvert g \rvert, \lvert D_h \rvert)$; it ignores the "
      "gradient's scale."),
    # Part II: gradient descent
    T("梯度下降", "gradient descent", "ti du xia jiang", "gradient-descent#update-rule",
      r"反复执行 $\theta \leftarrow \theta - \eta\,\nabla J(\theta)$，"
      "沿负梯度一小步一小步地降低损失。",
      r"Repeating $\theta \leftarrow \theta - \eta\,\nabla J(\theta)$: small steps against the "
      "gradient."),
    T("一阶泰勒展开", "first-order Taylor expansion", "yi jie tai le zhan kai",
      "gradient-descent#why-minus",
      r"$J(\theta + \Delta) \approx J(\theta) + \nabla J(\theta) \cdot \Delta$；"
      "更新规则里的减号由它而来。",
      r"$J(\theta + \Delta) \approx J(\theta) + \nabla J(\theta) \cdot \Delta$; the update's "
      "minus sign comes from it."),
    T("振荡", "oscillating", "zhen dang", "gradient-descent#learning-rate-study",
      r"每步越过谷底落到对面；在 $\frac{L}{2}x^2$ 上，$1/L < \eta < 2/L$ 时振荡但收敛。",
      r"Each step jumps over the valley floor; on $\frac{L}{2}x^2$ it still converges when $1/L "
      r"< \eta < 2/L$."),
    T("发散", "diverging", "fa san", "gradient-descent#learning-rate-study",
      r"损失越来越大直到溢出；在 $\frac{L}{2}x^2$ 上恰好发生于 $\eta > 2/L$。",
      r"The loss grows without bound; on $\frac{L}{2}x^2$ exactly when $\eta > 2/L$."),
    T("弯曲程度", "curvature", "wan qu cheng du", "gradient-descent#stability",
      "二阶导数 $L$；弯得最厉害的方向（黑塞矩阵最大特征值）决定学习率的上限 $2/L$。",
      "The second derivative $L$; the most curved direction (the Hessian's largest eigenvalue) "
      r"sets the limit $2/L$ on $\eta$."),
    T("局部最小值", "local minimum", "ju bu zui xiao zhi", "gradient-descent#local-minima",
      "附近没有更低的点，但别处可能有更低点的谷底。",
      "A valley floor with no lower point nearby, though there may be one elsewhere."),
    T("全局最小值", "global minimum", "quan ju zui xiao zhi", "gradient-descent#local-minima",
      "整个定义域上的最低点。",
      "The lowest point over the whole domain."),
    T("动量法", "momentum", "dong liang fa", "gradient-descent#momentum",
      r"用速度 $v \leftarrow \beta v + g$ 累积过去的梯度，再走 $\theta \leftarrow \theta - \eta "
      "v$。",
      r"Accumulates past gradients in a velocity $v \leftarrow \beta v + g$, then steps $\theta "
      r"\leftarrow \theta - \eta v$."),
    T("Adam", "Adam", "adam", "gradient-descent#adam",
      "按坐标用梯度及其平方的滑动平均（经偏差修正）确定步长的优化器。",
      "An optimiser that sizes each coordinate's step from running means of $g$ and $g^2$."),
    T("偏差修正", "bias correction", "pian cha xiu zheng", "gradient-descent#adam",
      r"Adam 中除以 $1 - \beta^t$，抵消滑动平均从 0 起步造成的偏小。",
      r"Adam's division by $1 - \beta^t$, undoing the pull towards 0 of averages that start at "
      "0."),
    T("批量梯度下降", "batch gradient descent", "pi liang ti du xia jiang", "line-fit#batch-gd",
      "每一步都用全部 $n$ 个样本计算梯度。",
      "Every step computes the gradient on all $n$ samples."),
    T("最小二乘", "least squares", "zui xiao er cheng", "line-fit#batch-gd",
      "让平方误差和最小的参数；线性模型可令各偏导数为零直接解出。",
      "The parameters that minimise the squared errors; for a linear model, solved directly."),
    T("随机梯度下降", "stochastic gradient descent", "sui ji ti du xia jiang",
      "line-fit#three-gradients",
      "每一步只用一个随机样本估计梯度。",
      "Every step estimates the gradient from one random sample.",
      "SGD"),
    T("小批量梯度下降", "mini-batch gradient descent", "xiao pi liang ti du xia jiang",
      "line-fit#three-gradients",
      "每一步用一批 $1 < B < n$ 个样本的平均梯度。",
      "Every step uses the mean gradient over a batch of $1 < B < n$ samples."),
    T("标准化", "standardising", "biao zhun hua", "line-fit#standardize",
      r"$x' = (x - \mu)/\sigma$，让输入平均为 0、标准差为 1，把损失的碗变圆。",
      r"$x' = (x - \mu)/\sigma$: inputs with mean 0 and standard deviation 1, a rounder bowl."),
    T("正则化", "regularisation", "zheng ze hua", "line-fit#regularization",
      r"在损失上加惩罚项，如 $\lambda w^2$（L2）或 $\lambda \lvert w \rvert$（L1），把参数往 0 "
      "拉。",
      r"Adding a penalty such as $\lambda w^2$ (L2) or $\lambda \lvert w \rvert$ (L1) that "
      "pulls parameters to 0."),
    T("次梯度法", "subgradient method", "ci ti du fa", "line-fit#l1",
      r"在不可导处取一个次梯度（如 $\operatorname{sign}(0) = 0$）照常下降；停不在恰好为 0 处。",
      r"Descent with a subgradient such as $\operatorname{sign}(0) = 0$ at a kink; it never "
      "rests at exactly 0."),
    T("软阈值", "soft-thresholding", "ruan yu zhi", "line-fit#l1",
      "$S_t(v)$：把 $v$ 朝 0 收缩 $t$，越过 0 就停在 0。",
      "$S_t(v)$ shrinks $v$ towards 0 by $t$ and stops at 0 instead of crossing it."),
    T("近端梯度法", "proximal gradient method", "jin duan ti du fa", "line-fit#l1",
      "平方误差部分走一步梯度，惩罚部分精确求解；L1 时就是梯度步加软阈值。",
      "A gradient step on the smooth part, the penalty solved exactly: for L1, "
      "soft-thresholding."),
    T("黑塞矩阵", "Hessian", "hei sai ju zhen", "sin-cubic#quadratic",
      r"全部二阶偏导数排成的矩阵 $H$；平方误差下 $H = 2X^\top X$，与参数无关。",
      r"The matrix $H$ of all second partial derivatives; for squared errors $H = 2X^\top X$."),
    T("正规方程", "normal equations", "zheng gui fang cheng", "sin-cubic#quadratic",
      r"$X^\top X\,\theta = X^\top y$：令平方误差的梯度为零得到的方程组。",
      r"$X^\top X\,\theta = X^\top y$: the squared-error gradient set to zero."),
    T("特征值", "eigenvalue", "te zheng zhi", "sin-cubic#eigen-directions",
      r"$Hv = \lambda v$ 中的 $\lambda$，损失沿 $v$ 的弯曲程度；收敛要求 $\eta < "
      r"2/\lambda_{\max}$。",
      r"The $\lambda$ in $Hv = \lambda v$, the curvature along $v$; convergence needs $\eta < "
      r"2/\lambda_{\max}$."),
    T("特征向量", "eigenvector", "te zheng xiang liang", "sin-cubic#eigen-directions",
      "$H$ 只伸缩、不转向的方向；沿各特征向量，梯度下降互不干扰。",
      "A direction that $H$ only stretches; along each one gradient descent runs on its own."),
    T("条件数", "condition number", "tiao jian shu", "sin-cubic#near-the-limit",
      r"$\kappa = \lambda_{\max}/\lambda_{\min}$；越大，梯度下降越慢。",
      r"$\kappa = \lambda_{\max}/\lambda_{\min}$; the larger it is, the slower gradient descent."),
    T("向量化", "vectorised", "xiang liang hua", "sin-cubic#vectorised",
      "用矩阵运算一次处理全部样本，代替逐点的循环。",
      "Processing all samples at once with array operations instead of a loop over points."),
    # Part III: backpropagation
    T("计算图", "computation graph", "ji suan tu", "computation-graph#graph",
      "以每个运算结果为节点、从输入指向结果的图。",
      "A graph with a node for every intermediate result and an arrow from each input to it."),
    T("前向计算", "forward pass", "qian xiang ji suan", "computation-graph#forward",
      "从输入到输出依次算出每个节点的值。",
      "Computing every node's value in order from the inputs to the output."),
    T("局部导数", "local derivative", "ju bu dao shu", "computation-graph#graph",
      "一个运算的结果对它某个输入的偏导数，标在计算图的边上。",
      "The partial derivative of one operation's result with respect to one of its inputs."),
    T("牛顿法", "Newton's method", "niu dun fa", "computation-graph#newton",
      r"求根：$b \leftarrow b - (z - z^*)/z'(b)$，走到切线与目标的交点；“误差除以导数”就是它。",
      r"Root finding by $b \leftarrow b - (z - z^*)/z'(b)$; dividing the error by the "
      "derivative is this."),
    T("简化牛顿法", "simplified Newton method", "jian hua niu dun fa", "computation-graph#newton",
      "除数一直固定为起点导数的牛顿法。",
      "Newton's method that keeps dividing by the derivative at the start."),
    T("线性收敛", "linear convergence", "xian xing shou lian", "computation-graph#convergence",
      "误差每步大约乘以同一个小于 1 的数。",
      "The error is multiplied by about the same number below 1 at every step."),
    T("二次收敛", "quadratic convergence", "er ci shou lian", "computation-graph#convergence",
      "下一步的误差与这一步误差的平方成正比。",
      "The next error is proportional to the square of this one."),
    T("反向传播", "backpropagation", "fan xiang chuan bo", "autograd#adjoints",
      "从损失出发，按与前向相反的顺序把“梯度 × 局部导数”累加到每个节点；只算梯度，不更新参数。",
      "Summing gradient times local derivative into every node in reverse order; it computes, "
      "never updates."),
    T("反向模式自动微分", "reverse-mode automatic differentiation",
      "fan xiang mo shi zi dong wei fen", "autograd#adjoints",
      "一次反向遍历得到一个输出对全部输入的偏导数，耗时与前向计算同一量级。",
      "One backward pass gives one output's derivatives with respect to all inputs, at the cost "
      "of a forward pass."),
    T("前向模式", "forward mode", "qian xiang mo shi", "autograd#adjoints",
      "把对某一个输入的导数随前向计算带下去；每遍只得到一个输入的偏导数。",
      "Carrying the derivative with respect to one input along the forward pass; one input per "
      "pass."),
    T("伴随值", "adjoint", "ban sui zhi", "autograd#adjoints",
      r"节点的梯度 $\bar v = \partial L / \partial v$。",
      r"A node's gradient $\bar v = \partial L / \partial v$."),
    T("拓扑序", "topological order", "tuo pu xu", "autograd#topological-order",
      "每个节点都排在它所有输入之后的顺序；反向遍历按它的逆序进行。",
      "An order with every node after all of its inputs; the backward pass runs it in reverse."),
    T("反向遍历", "backward pass", "fan xiang bian li", "autograd#backward",
      r"从 $\bar L = 1$ 出发按拓扑逆序处理节点，把每个节点的梯度送给它的输入。",
      r"Starting from $\bar L = 1$, visiting nodes in reverse topological order, passing "
      "gradients to inputs."),
    T("种子梯度", "seed gradient", "zhong zi ti du", "autograd#tensor-backward",
      r"反向遍历的起点：标量损失取 $\bar L = 1$；对非标量调用 backward() 要另给一个同形的数组。",
      "Where the backward pass starts: 1 for a scalar loss; a non-scalar output needs an array "
      "of its shape."),
    T("梯度累加", "gradient accumulation", "ti du lei jia", "autograd#accumulation",
      "backward() 把新梯度加到 grad 上而不是覆盖它，所以每一步先要清零。",
      "backward() adds to grad instead of overwriting it, so every step starts by zeroing it."),
    T("广播", "broadcasting", "guang bo", "autograd#broadcast-gradient",
      "形状不同的数组运算时复制较小的一方；它的梯度是沿复制方向求和。",
      "Copying the smaller array to match shapes; its gradient is summed along the copied axes."),
    T("叶子张量", "leaf tensor", "ye zi zhang liang", "pytorch#leaf-tensors",
      "用户直接创建、不由运算产生的张量；PyTorch 只在叶子上保留 .grad。",
      "A tensor created directly rather than by an operation; PyTorch keeps .grad only on "
      "leaves."),
)
# fmt: on
del T


def by_en(en: str) -> Term:
    """Return the entry whose English term is ``en`` (a KeyError names a missing one).

    >>> by_en("Hessian").zh
    '黑塞矩阵'
    """
    for term in TERMS:
        if term.en == en:
            return term
    raise KeyError(f"no glossary entry with English term {en!r}")


def sorted_zh() -> list[Term]:
    """Entries in pinyin order, syllable by syllable; ties keep the Chinese term's order."""
    return sorted(TERMS, key=lambda t: (t.pinyin.split(), t.zh))


def sorted_en() -> list[Term]:
    """Entries in English alphabetical order, ignoring case."""
    return sorted(TERMS, key=lambda t: (t.en.casefold(), t.en))
