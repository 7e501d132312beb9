"""Answer boxes (hooks/checks.py, docs/javascripts/check.js) in Chromium, both languages.

Every box on every built page accepts its reference answer and equivalent forms, rejects the
wrong answers made by mutating the reference (descent.build.checks.mutations), names the slip
where the exercise has a hint for it, and says where it cannot read an answer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy as sp
from checks import (
    Watch,
    accessibility_violations,
    use_palette,
    wait_for_repairs,
    wait_until_typeset,
)
from conftest import built_pages

from descent.build.checks import mutations, typed

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCRIPT = DOCS / "javascripts" / "check.js"
LOCALS = {"sigmoid": lambda z: 1 / (1 + sp.exp(-z))}


def _pages(site_dir) -> list[str]:
    return built_pages(site_dir, containing='<form class="ck"')


def pages_with_slots(lang: str) -> list[str]:
    """The pages whose source places a box (docs/x.md → x/, docs/x.en.md → en/x/)."""
    found = []
    for md in sorted(DOCS.glob("*.en.md" if lang else "*.md")):
        if (lang or not md.name.endswith(".en.md")) and 'class="ck"' in md.read_text("utf-8"):
            found.append(lang + md.name.removesuffix(".md").removesuffix(".en") + "/")
    return found


def equivalents(check: dict) -> list[str]:
    """Forms a reader may type for the reference answer."""
    a = check["answer"]
    if check["kind"] == "number":
        return [typed(a), f"{a:.4g}", f"{a:.3g}", f"{a:.4g}".replace("-", "−")]
    if check["kind"] == "vector":
        short = ", ".join(f"{x:.4g}" for x in a)
        return [typed(a), short, f"[{short}]", f"({short})"]
    expr = sp.sympify(a.replace("^", "**"), locals=LOCALS)
    forms = [a, str(sp.expand(expr)), str(sp.factor(expr))]
    return [f.replace("**", "^") for f in forms] + [a.replace("*", " ").replace("  ", " ")]


def submit(page, form, text: str) -> dict:
    form.locator("input").fill(text)
    form.locator("input").press("Enter")  # the keyboard is enough
    return form.evaluate("f => ({state: f.dataset.state, hint: f.dataset.hint,"
                         " msg: f.querySelector('.ck-msg').textContent})")  # fmt: skip


def submit_all(form, texts: list[str]) -> list[dict]:
    """Type each text and submit, all inside the page (one round trip for a box's answers)."""
    return form.evaluate(
        """(f, texts) => texts.map((t) => {
             f.querySelector("input").value = t;
             f.requestSubmit();  // the handler runs before requestSubmit returns
             return {state: f.dataset.state, hint: f.dataset.hint,
                     msg: f.querySelector(".ck-msg").textContent};
           })""",
        texts,
    )


def _open(context, base_url, path):
    page = context.new_page()
    watch = Watch(base_url).attach(page)
    page.goto(base_url + path, wait_until="load")
    page.wait_for_selector("form.ck:not([hidden])")
    return page, watch


@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_box_accepts_equivalent_forms_and_rejects_mutations(
    context, base_url, site_dir, lang
):
    pages = [p for p in _pages(site_dir) if p.startswith("en/") == (lang == "en/")]
    assert sorted(pages) == pages_with_slots(lang)  # every page with a box, none without
    assert len(pages) >= 15, pages
    count = 0
    for path in pages:
        page, watch = _open(context, base_url, path)
        for form in page.locator("form.ck").all():
            check = json.loads(form.locator("script").text_content())
            name = f"{path} {form.get_attribute('data-check')}"
            forms = equivalents(check)
            assert submit(page, form, forms[0])["state"] == "right", name  # by the keyboard
            for text, got in zip(forms, submit_all(form, forms), strict=True):
                assert got["state"] == "right", (name, text)
            kinds = {"", *(h["kind"] for h in check["hints"])}
            assert len(mutations(check)) >= 3
            wrong = [typed(answer) for _, answer in mutations(check)]
            for answer, got in zip(wrong, submit_all(form, wrong), strict=True):
                # a mutation may be one of the hinted slips
                assert got["state"] == "wrong" and got["hint"] in kinds, (name, answer, got)
            slips = [typed(hint["answer"]) for hint in check["hints"]]
            for hint, got in zip(check["hints"], submit_all(form, slips), strict=True):
                assert got["state"] == "wrong" and got["hint"] == hint["kind"], (name, got)
                assert got["msg"] not in ("还不对。", "Not yet."), (name, got)
            unreadable, empty = submit_all(form, ["2*(", " "])
            assert unreadable["state"] == "error" and unreadable["msg"], (name, unreadable)
            assert empty["state"] == "empty"
            count += 1
        assert not watch.foreign_requests() and not watch.unexpected_failures()
        assert not watch.errors(), watch.errors()
        page.close()
    assert count >= 70


def test_the_box_speaks_the_pages_language(context, base_url):
    for lang, word, right in (("", "核对", "正确。"), ("en/", "Check", "Correct.")):
        page, _ = _open(context, base_url, lang + "gradient-descent/")
        form = page.locator("form.ck").first
        assert form.locator("button").text_content() == word
        assert submit(page, form, "1.28")["msg"] == right
        assert form.locator(".ck-msg").get_attribute("role") == "status"
        assert submit(page, form, "2.88")["hint"] == "sign"


def test_only_pages_with_a_box_load_the_script(context, base_url, site_dir):
    loading = {p for p in _pages(site_dir)}
    for html in site_dir.rglob("index.html"):
        rel = html.parent.relative_to(site_dir).as_posix() + "/"
        assert ("check.js" in html.read_text(encoding="utf-8")) == (rel in loading), rel
    page = context.new_page()
    watch = Watch(base_url).attach(page)
    assert "linear-algebra/" not in loading  # a chapter without exercises
    page.goto(base_url + "linear-algebra/", wait_until="networkidle")
    assert not [u for u in watch.requests if "check.js" in u]


@pytest.mark.parametrize("path", ["en/derivatives/", "line-fit/", "en/gradient-descent/"])
def test_on_a_phone(chromium, base_url, path):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page, _ = _open(context, base_url, path)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    for form in page.locator("form.ck").all():
        form.evaluate("f => f.closest('details')?.setAttribute('open', '')")
        box = form.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", ["derivatives/", "en/three-ideas/"])
def test_no_serious_accessibility_violation(context, base_url, scheme, path):
    page, _ = _open(context, base_url, path)
    forms = page.locator("form.ck")
    submit(page, forms.nth(0), "3x^2")  # wrong or unreadable: the message shows
    submit(page, forms.nth(1), "-9")
    use_palette(page, scheme)
    wait_until_typeset(page)
    wait_for_repairs(page)
    assert accessibility_violations(page) == []


def test_a_box_that_accepts_anything_fails_the_comparison(context, base_url):
    script = (SCRIPT.read_text(encoding="utf-8")).replace(
        "return Number.isFinite(a) &&", "return true ||"
    )
    assert "return true ||" in script
    page = context.new_page()
    page.route("**/check.js", lambda r: r.fulfill(body=script, content_type="text/javascript"))
    page.goto(base_url + "en/gradient-descent/", wait_until="load")
    form = page.locator("form.ck:not([hidden])").first
    check = json.loads(form.locator("script").text_content())
    accepted = [m for _, m in mutations(check) if submit(page, form, typed(m))["state"] == "right"]
    assert accepted == [m for _, m in mutations(check)]  # what the real test would catch


def test_a_label_in_words_is_in_the_pages_language(context, base_url):
    for lang, label, slip in (
        ("", "猜的次数（1 到 50）", "这是总和"),
        ("en/", "guesses (1 to 50)", "the sum"),
    ):
        page, _ = _open(context, base_url, lang + "three-ideas/")
        form = page.locator('form.ck[data-check="ex1-4-worst-50"]')
        assert form.locator(".ck-label").text_content() == label + " ="
        assert submit(page, form, "6")["state"] == "right"
        assert submit(page, form, "7")["state"] == "wrong"  # a count is exact
        loss = page.locator('form.ck[data-check="ex1-1-loss"]')
        assert slip in submit(page, loss, "0.1686825")["msg"]  # ½Σe², not averaged
        page.close()
