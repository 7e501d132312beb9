"""Tables and named numbers of the chapter on derivatives, partial derivatives and the gradient."""

from __future__ import annotations

import math

import numpy as np

from descent import calculus as c
from descent.build.table import linear_text, markdown_table
from descent.numdiff import (
    check_gradient,
    derivative,
    difference_quotient,
    directional_derivative,
    gradient,
    relative_error,
    unit,
)

# The chapter's givens: the parabola's tangent points, the point p on the bowl, the neuron.
TANGENT_X = (0.0, 2.5)
LIMIT_X0 = 2.5
LIMIT_HS = (1.0, -1.0, 0.1, -0.1, 0.01, -0.01, 0.001, -0.001, 1e-4, -1e-4, 1e-5, -1e-5)
P = np.array([1.0, 0.5])
ANGLES_DEG = tuple(range(0, 360, 45))
STEP_X = 1.0  # step-size study of f(x) = e^x at x = 1, where f = f' = f''' = e
# e^x for that study from the C library, not numpy: below h ≈ 1e-8 the errors are rounding
# errors, and numpy's exp has its own AVX-512 code whose last bit can differ from libm's,
# which would make the table and figure depend on the CPU they are rendered on.
STEP_EXP = math.exp
STEP_HS = tuple(10.0**-k for k in range(1, 14))
NEURON = {"x": 1.5, "y": 1.0}
NEURON_P = np.array([0.5, -0.25])
CHECK_HS = tuple(10.0**-k for k in range(1, 13))
EPS = float(np.finfo(float).eps)


def neuron_as_vector(q: np.ndarray) -> float:
    """L(w, b) of the chapter's neuron, with (w, b) packed in one vector."""
    return c.neuron_loss(q[0], q[1], **NEURON)


def neuron_grad(q: np.ndarray) -> np.ndarray:
    return np.array(c.neuron_loss_grad(q[0], q[1], **NEURON))


def neuron_grad_bug(q: np.ndarray) -> np.ndarray:
    return np.array(c.neuron_loss_grad_no_sigma_prime(q[0], q[1], **NEURON))


# Exercise functions: f(x) = x³ − 3x;  f(x, y) = x²y + 3y;  g(x, y) = sin(x)·y².
def ex1_f(x: float) -> float:
    return x**3 - 3.0 * x


def ex1_df(x: float) -> float:
    return 3.0 * x**2 - 3.0


def ex2_f(q: np.ndarray) -> float:
    return q[0] ** 2 * q[1] + 3.0 * q[1]


def ex4_g(q: np.ndarray) -> float:
    return math.sin(q[0]) * q[1] ** 2


def ex4_claimed(q: np.ndarray) -> np.ndarray:
    return np.array([math.cos(q[0]) * q[1] ** 2, q[1] ** 2 * math.sin(q[0])])


EX1_X0, EX1_X1 = 2.0, 0.5
EX2_P, EX2_U = np.array([1.0, 2.0]), np.array([3.0, 4.0])
EX3_Z = 2.0
EX4_P = np.array([0.5, 1.5])


def _g(value: float, digits: int = 6) -> str:
    return f"{value:.{digits}g}"


def _e(value: float) -> str:
    return f"{value:.1e}"


def theta_star_deg() -> float:
    """The angle of ∇f(p) in degrees, measured from the x axis."""
    g = c.bowl_grad(P)
    return math.degrees(math.atan2(g[1], g[0]))


def direction_scan(step_deg: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Angles θ (degrees) and the numerical D_u f(p) for u = (cos θ, sin θ)."""
    thetas = np.arange(0.0, 360.0, step_deg)
    rad = np.radians(thetas)
    d = [directional_derivative(c.bowl, P, [math.cos(t), math.sin(t)]) for t in rad]
    return thetas, np.array(d)


def table_derivative_limit() -> str:
    """Difference quotients of the parabola at x0 for h shrinking from both sides."""
    exact = c.parabola_slope(LIMIT_X0)
    rows = []
    for h in LIMIT_HS:
        q = difference_quotient(c.parabola, LIMIT_X0, h)
        rows.append([_g(h), _g(c.parabola(LIMIT_X0 + h), 12), f"{q:.8f}", _g(q - exact, 4)])
    headers = ["$h$", "$f(x_0+h)$", "$Q(h)$", "$Q(h) - f'(x_0)$"]
    return markdown_table(headers, rows)


def table_derivative_rules() -> str:
    """Each rule of the derivative table: the formula's value beside the central difference."""
    rows = []
    for rule in c.RULES:
        for x in c.RULE_POINTS:
            exact, numeric = float(rule.df(x)), derivative(rule.f, x)
            cells = [f"{exact:.10f}", f"{numeric:.10f}", _e(abs(exact - numeric))]
            rows.append([rule.f_tex, rule.df_tex, _g(x), *cells])
    headers = ["$f(x)$", "$f'(x)$", "$x_0$", "$f'(x_0)$", "$D_h f(x_0)$", r"$\lvert\Delta\rvert$"]
    return markdown_table(headers, rows)


def table_directional_derivatives() -> str:
    """D_u f(p) for f = x² + y² at p, in eight directions and along the gradient."""
    g = c.bowl_grad(P)
    rows = []
    for theta in sorted([*map(float, ANGLES_DEG), theta_star_deg()]):
        u = np.array([math.cos(math.radians(theta)), math.sin(math.radians(theta))])
        u = np.round(u, 12) + 0.0  # cos 270° is −1.8e-16 in floating point: print it as 0
        d = directional_derivative(c.bowl, P, u)
        cells = [f"{theta:.2f}°", f"({u[0]:.4f}, {u[1]:.4f})", f"{d:.6f}", f"{g @ u:.6f}"]
        rows.append(cells)
    headers = [r"$\theta$", "$u$", "$D_u f(p)$", r"$\nabla f(p)\cdot u$"]
    return markdown_table(headers, rows)


def table_difference_step_size() -> str:
    """Errors of the forward and the central difference of e^x at x = 1 for h = 10^-k."""
    forward, central = c.difference_errors(STEP_EXP, STEP_EXP, STEP_X, STEP_HS)
    rows = [[_e(h), _e(a), _e(b)] for h, a, b in zip(STEP_HS, forward, central, strict=True)]
    headers = ["$h$", r"$\lvert Q(h) - f'(x)\rvert$", r"$\lvert D_h f(x) - f'(x)\rvert$"]
    return markdown_table(headers, rows)


def table_gradient_check() -> str:
    """The neuron's gradient by the chain rule, a buggy version, and the central difference."""
    good = check_gradient(neuron_as_vector, neuron_grad, NEURON_P)
    bad = check_gradient(neuron_as_vector, neuron_grad_bug, NEURON_P)
    rows = [
        [
            r"$\nabla L$",
            f"{good.analytic[0]:.10f}",
            f"{good.analytic[1]:.10f}",
            _e(good.rel_error),
        ],
        [r"$\tilde g$", f"{bad.analytic[0]:.10f}", f"{bad.analytic[1]:.10f}", _e(bad.rel_error)],
        ["$D_h L$", f"{good.numeric[0]:.10f}", f"{good.numeric[1]:.10f}", ""],
    ]
    headers = ["", r"$\partial L/\partial w$", r"$\partial L/\partial b$", "$r$"]
    return markdown_table(headers, rows)


def table_gradient_check_steps() -> str:
    """The relative error of the correct neuron gradient against D_h for h = 10^-k."""
    rows = []
    for h in CHECK_HS:
        r = check_gradient(neuron_as_vector, neuron_grad, NEURON_P, h=h).rel_error
        rows.append([_e(h), _e(r)])
    return markdown_table(["$h$", "$r$"], rows)


def values() -> dict[str, str]:
    """Every result number the chapter's prose quotes, formatted."""
    v: dict[str, str] = {}
    for side, x0 in zip(("left", "right"), TANGENT_X, strict=True):
        slope, intercept = c.tangent_line(c.parabola, c.parabola_slope, x0)
        v |= {f"tan_{side}_slope": _g(slope), f"tan_{side}_line": linear_text(slope, intercept)}
        v[f"tan_{side}_f"] = _g(c.parabola(x0))
    v["limit_slope"] = _g(c.parabola_slope(LIMIT_X0))
    g = c.bowl_grad(P)
    thetas, d = direction_scan()
    v |= {"grad_x": _g(g[0]), "grad_y": _g(g[1]), "grad_norm": f"{np.linalg.norm(g):.6f}"}
    v |= {"theta_star": f"{theta_star_deg():.2f}", "scan_max": f"{d.max():.6f}"}
    v |= {"scan_argmax": f"{thetas[d.argmax()]:.1f}", "scan_n": str(len(thetas))}
    v |= {"scan_min": f"{d.min():.6f}", "scan_argmin": f"{thetas[d.argmin()]:.1f}"}
    v["f_p"] = _g(c.bowl(P))
    forward, central = c.difference_errors(STEP_EXP, STEP_EXP, STEP_X, STEP_HS)
    v |= {"eps": _e(EPS), "eps_cbrt": _e(EPS ** (1 / 3)), "eps_sqrt": _e(EPS**0.5)}
    v |= {"h_star": _e(c.best_central_step(math.e, math.e))}
    v |= {"min_err_central": _e(central.min())}
    v |= {"best_h_forward": _e(STEP_HS[forward.argmin()]), "min_err_forward": _e(forward.min())}
    v |= {"err_central_tiny": _e(central[-1])}
    v |= _noise_floor(central)
    v["sin_sq_grad"] = f"{c.sin_of_square_grad(1.5):.6f}"
    v["sin_sq_numeric"] = f"{derivative(c.sin_of_square, 1.5):.6f}"
    w, b = NEURON_P
    z = w * NEURON["x"] + b
    v |= {"neuron_z": _g(z), "neuron_a": f"{c.sigmoid(z):.6f}"}
    grad_w, grad_b = c.neuron_loss_grad(w, b, **NEURON)
    v |= {"neuron_grad_w": f"{grad_w:.6f}", "neuron_grad_b": f"{grad_b:.6f}"}
    good = check_gradient(neuron_as_vector, neuron_grad, NEURON_P)
    bad = check_gradient(neuron_as_vector, neuron_grad_bug, NEURON_P)
    v |= {"check_good": _e(good.rel_error), "check_bad": _e(bad.rel_error)}
    r = [check_gradient(neuron_as_vector, neuron_grad, NEURON_P, h=h).rel_error for h in CHECK_HS]
    v |= {"check_best_h": _e(CHECK_HS[int(np.argmin(r))]), "check_best_r": _e(min(r))}
    v |= {"check_tiny_h": _e(CHECK_HS[-1]), "check_tiny_r": _e(r[-1])}
    return v | _exercise_values()


def _noise_floor(central: np.ndarray) -> dict[str, str]:
    """Where the central difference's error sits at its floor (within 10× of the least error),
    and how the error at the smallest step compares with the one at h = 10⁻²."""
    floor = np.flatnonzero(central <= 10 * central.min())
    if np.any(np.diff(floor) != 1):
        raise ValueError("the steps at the noise floor are not one run of neighbours")
    h_floor = [STEP_HS[i] for i in floor]
    v = {"floor_h_hi": _e(max(h_floor)), "floor_h_lo": _e(min(h_floor))}
    v |= {"floor_err_max": _e(central[floor].max())}
    i2 = STEP_HS.index(1e-2)
    v |= {"err_central_h2": _e(central[i2]), "tiny_over_h2": f"{central[-1] / central[i2]:.0f}"}
    return v


def _exercise_values() -> dict[str, str]:
    v: dict[str, str] = {}
    slope, intercept = c.tangent_line(ex1_f, ex1_df, EX1_X0)
    v |= {
        "ex1_f": _g(ex1_f(EX1_X0)),
        "ex1_slope": _g(slope),
        "ex1_line": linear_text(slope, intercept),
    }
    v |= {"ex1_numeric": f"{derivative(ex1_f, EX1_X0):.10f}", "ex1_slope_b": _g(ex1_df(EX1_X1))}
    fx, fy = gradient(ex2_f, EX2_P)
    u = unit(EX2_U)
    exact = np.array([2 * EX2_P[0] * EX2_P[1], EX2_P[0] ** 2 + 3.0])
    v |= {"ex2_fx": _g(exact[0]), "ex2_fy": _g(exact[1]), "ex2_u": f"({u[0]:g}, {u[1]:g})"}
    v |= {"ex2_fx_numeric": f"{fx:.8f}", "ex2_fy_numeric": f"{fy:.8f}"}
    v |= {
        "ex2_d": _g(exact @ u),
        "ex2_d_numeric": f"{directional_derivative(ex2_f, EX2_P, u):.8f}",
    }
    v |= {"ex2_max": f"{np.linalg.norm(exact):.6f}"}
    best = unit(exact)
    v |= {"ex2_best": f"({best[0]:.6f}, {best[1]:.6f})"}
    v |= {"ex2_best_numeric": f"{directional_derivative(ex2_f, EX2_P, best):.6f}"}
    v |= {
        "ex3_grad": f"{c.neg_log_sigmoid_grad(EX3_Z):.8f}",
        "ex3_sigma": f"{c.sigmoid(EX3_Z):.8f}",
    }
    n3 = derivative(c.neg_log_sigmoid, EX3_Z)
    v |= {"ex3_numeric": f"{n3:.8f}", "ex3_diff": _e(abs(n3 - c.neg_log_sigmoid_grad(EX3_Z)))}
    check = check_gradient(ex4_g, ex4_claimed, EX4_P)
    v |= {"ex4_rel": _e(check.rel_error), "ex4_tol": _e(1e-7)}
    for i, name in enumerate(("x", "y")):
        v[f"ex4_claimed_{name}"] = f"{check.analytic[i]:.6f}"
        v[f"ex4_numeric_{name}"] = f"{check.numeric[i]:.6f}"
        v[f"ex4_rel_{name}"] = _e(relative_error(check.analytic[i], check.numeric[i]))
    fixed = check_gradient(
        ex4_g, lambda q: np.array([math.cos(q[0]) * q[1] ** 2, 2 * q[1] * math.sin(q[0])]), EX4_P
    )
    v |= {"ex4_fixed_y": f"{fixed.analytic[1]:.6f}", "ex4_fixed_rel": _e(fixed.rel_error)}
    return v


BASE_LIMIT_STEPS = (0.1, 0.01, 0.001, 0.0001)


def table_derivative_base_limits() -> str:
    """The three limits eˣ, sin and cos reduce to, at shrinking h (math, not numpy: exact
    to the printed digits on every machine)."""
    rows = [
        [
            f"{h:g}",
            f"{(math.exp(h) - 1) / h:.8f}",
            f"{math.sin(h) / h:.8f}",
            f"{(math.cos(h) - 1) / h:.8f}".replace("-", "−"),
        ]
        for h in BASE_LIMIT_STEPS
    ]
    heads = ["$h$", r"$\dfrac{e^h - 1}{h}$", r"$\dfrac{\sin h}{h}$", r"$\dfrac{\cos h - 1}{h}$"]
    return markdown_table(heads, rows)
