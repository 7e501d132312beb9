"""The punctuation hook keeps ，。 and the like on the line of the inline formula before them."""

from __future__ import annotations

from pages import load_hook

punctuation = load_hook("punctuation")
X, Y = '<span class="arithmatex">\\(x\\)</span>', '<span class="arithmatex">\\(y\\)</span>'


def test_formula_and_closing_punctuation_are_wrapped_together():
    html = f"<p>设 {X}，则 {Y}。</p>"
    wrapped_x, wrapped_y = (f'<span class="math-nowrap">{m}</span>' for m in (X + "，", Y + "。"))
    assert punctuation.keep_together(html) == f"<p>设 {wrapped_x}则 {wrapped_y}</p>"


def test_a_formula_without_punctuation_after_it_is_left_alone():
    html = f"<p>{X} 和 {Y}）</p>"
    assert (
        punctuation.keep_together(html) == f'<p>{X} 和 <span class="math-nowrap">{Y}）</span></p>'
    )


def test_display_math_and_opening_punctuation_are_left_alone():
    html = f'<div class="arithmatex">\\[x\\]</div>，（{X} ，'
    assert punctuation.keep_together(html) == html
