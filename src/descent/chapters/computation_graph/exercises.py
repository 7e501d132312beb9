"""Exercises of chapter 7: two-variable backprop by hand, and the shortest step to z = 150.

>>> log = two_variable_by_hand(3.0, 4.0)
>>> len(log), round(log[-1][0], 6), round(log[-1][1], 6)
(4, 2.661517, 3.903263)
"""

from __future__ import annotations

from descent.chapters.computation_graph.examples import TOL, Z_TARGET, partials
from descent.finite import finite_number

MAX_STEPS = 100


# --8<-- [start:two-variable-by-hand]
def two_variable_by_hand(
    w: float, b: float, target: float = Z_TARGET, tol: float = TOL
) -> list[tuple[float, float, float]]:
    """Error division on w and b with plain floats: forward, backward by hand, update."""
    w, b, target = finite_number("w", w), finite_number("b", b), finite_number("target", target)
    log = []
    for _ in range(MAX_STEPS):
        x, y = 2 * w + 3 * b, 2 * b + 1  # forward
        z = x * y
        log.append((w, b, z))
        dz = z - target
        if abs(dz) < tol:  # |Δz|: the error may be negative
            return log
        dz_dx, dz_dy = y, x  # backward: z = x·y
        dz_dw = dz_dx * 2  # one path, w → x → z
        dz_db = dz_dx * 3 + dz_dy * 2  # two paths, b → x → z and b → y → z
        if dz_dw == 0 or dz_db == 0:
            raise ZeroDivisionError(f"a partial derivative is 0 at w = {w}, b = {b}")
        w, b = w - (dz / 2) / dz_dw, b - (dz / 2) / dz_db  # half of the error each
    raise ArithmeticError(f"no convergence in {MAX_STEPS} steps")


# --8<-- [end:two-variable-by-hand]


# --8<-- [start:shortest-step]
def shortest_steps(w: float, b: float, target: float = Z_TARGET, tol: float = TOL) -> list:
    """Repeat the shortest step with ∂z/∂w·Δw + ∂z/∂b·Δb = Δz: (Δw, Δb) = Δz·g/|g|².

    >>> [round(v, 6) for v in shortest_steps(3.0, 4.0)[-1]]  # w, b, z at the end
    [2.948723, 3.820522, 150.0]
    """
    w, b, target = finite_number("w", w), finite_number("b", b), finite_number("target", target)
    log = []
    for _ in range(MAX_STEPS):
        z, g_w, g_b = partials(w, b)
        log.append((w, b, z))
        if abs(z - target) < tol:
            return log
        norm2 = g_w**2 + g_b**2  # |g|²; 0 only where both partials vanish
        if norm2 == 0:
            raise ZeroDivisionError(f"∂z/∂w = ∂z/∂b = 0 at w = {w}, b = {b}")
        w, b = w - (z - target) * g_w / norm2, b - (z - target) * g_b / norm2
    raise ArithmeticError(f"no convergence in {MAX_STEPS} steps")


# --8<-- [end:shortest-step]
