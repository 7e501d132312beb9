"""The values hook writes e-notation as a power of ten (e would read as Euler's number)."""

from __future__ import annotations

import pytest
from pages import load_hook

values = load_hook("values")


@pytest.mark.parametrize(
    ("raw", "tex", "prose"),
    [
        ("2.2e-16", r"2.2 \times 10^{-16}", "2.2 × 10⁻¹⁶"),
        ("1.0e-05", r"1.0 \times 10^{-5}", "1.0 × 10⁻⁵"),
        ("-1.65e+157", r"-1.65 \times 10^{157}", "-1.65 × 10¹⁵⁷"),
        ("2e-15", r"2 \times 10^{-15}", "2 × 10⁻¹⁵"),
        ("7.6e-01", r"7.6 \times 10^{-1}", "7.6 × 10⁻¹"),
        ("0.0e+00", r"0.0 \times 10^{0}", "0.0 × 10⁰"),
    ],
)
def test_e_notation_becomes_a_power_of_ten(raw, tex, prose):
    assert values.scientific(raw, math=True) == tex
    assert values.scientific(raw, math=False) == prose


@pytest.mark.parametrize("plain", ["0.25", "−12.2", "1e", "e-5", "3.05", "inf"])
def test_other_values_are_unchanged(plain):
    assert values.scientific(plain, math=True) == plain == values.scientific(plain, math=False)


def test_a_token_inside_math_gets_tex_and_in_prose_unicode(monkeypatch):
    monkeypatch.setitem(values._values, "derivatives.eps", "2.2e-16")

    class File:
        src_uri = "x.md"

    class Page:
        file = File()

    eps = "{{ derivatives.eps }}"
    text = f"ε is {eps}; $\\varepsilon = {eps}$\n$$\nh = {eps}\n$$"
    out = values.on_page_markdown(text, Page(), None, None)
    tex = "2.2 \\times 10^{-16}"
    assert out == f"ε is 2.2 × 10⁻¹⁶; $\\varepsilon = {tex}$\n$$\nh = {tex}\n$$"
