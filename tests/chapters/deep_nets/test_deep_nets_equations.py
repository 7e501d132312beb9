"""Chapter deep-nets: the variance argument behind Xavier/Glorot and He, checked with sympy."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.stats import E, Normal, variance

n = 3  # the argument holds for any n; three inputs keep sympy fast
s_w, s_x, s = sp.symbols("sigma_w sigma_x sigma", positive=True)


@pytest.mark.equation("15.1")
def test_eq_15_1_variance_of_a_weighted_sum() -> None:
    w = [Normal(f"w{i}", 0, s_w) for i in range(n)]
    x = [Normal(f"x{i}", 0, s_x) for i in range(n)]
    z = sum(wi * xi for wi, xi in zip(w, x, strict=True))
    # Var(z) = n · Var(w) · E[x²]
    assert sp.simplify(variance(z) - n * s_w**2 * E(x[0] ** 2)) == 0


@pytest.mark.equation("15.2")
def test_eq_15_2_relu_keeps_half_the_mean_square() -> None:
    z = sp.Symbol("z", real=True)
    density = sp.exp(-(z**2) / (2 * s**2)) / (s * sp.sqrt(2 * sp.pi))
    mean_square = sp.integrate(z**2 * density, (z, 0, sp.oo))  # ReLU(z) = 0 for z < 0
    assert sp.simplify(mean_square - s**2 / 2) == 0


@pytest.mark.equation("15.3")
def test_eq_15_3_he_and_xavier_variances() -> None:
    v, m, n_in, n_out = sp.symbols("v m n_in n_out", positive=True)
    # ReLU: Var(z_next) = m · v · Var(z)/2 equals Var(z) when v = 2/m
    assert sp.solve(sp.Eq(m * v * s**2 / 2, s**2), v) == [2 / m]
    # tanh near 0 is the identity: forward needs n_in·v = 1, backward n_out·v = 1;
    # Glorot takes the harmonic compromise (n_in + n_out)/2 · v = 1
    assert sp.solve(sp.Eq((n_in + n_out) / 2 * v, 1), v) == [2 / (n_in + n_out)]
    assert sp.simplify((2 / (n_in + n_out)).subs(n_out, n_in) - 1 / n_in) == 0


@pytest.mark.equation("15.4")
def test_eq_15_4_backward_factor_per_layer() -> None:
    # ∂L/∂x_i = Σ_j w_ij f′(z_j) g_j with independent zero-mean w of variance σ_w²:
    # E[(∂L/∂x_i)²] = m σ_w² E[f′²] E[g²]; the norm is multiplied by f′ σ_w √m per layer
    m = 3
    w = [Normal(f"w{j}", 0, s_w) for j in range(m)]
    slope, g2 = sp.symbols("fprime g2", positive=True)
    g = sp.sqrt(g2)
    grad_x = sum(wj * slope * g for wj in w)
    assert sp.simplify(E(grad_x**2) - m * s_w**2 * slope**2 * g2) == 0
    factor = sp.sqrt(m * s_w**2 * slope**2)
    assert sp.simplify(factor - slope * s_w * sp.sqrt(m)) == 0
