"""The playground withdraws its complaint about a field once the field holds a valid value."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("field", "bad", "good"),
    [("#pg-lr", "-1", "0.1"), ("#pg-lr", "0", "0.05"), ("#pg-start-x", "", "2")],
)
@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_fixed_value_clears_the_complaint(context, base_url, lang, field, bad, good):
    page = context.new_page()
    page.goto(f"{base_url}{lang}playground/", wait_until="load")
    notice = page.locator("#pg-notice")
    page.fill(field, bad)
    page.press(field, "Tab")  # change event: the complaint is spoken
    assert notice.inner_text().strip(), "no complaint about an invalid value"
    page.fill(field, good)
    page.press(field, "Tab")
    assert notice.inner_text().strip() == "", f"complaint stayed: {notice.inner_text()!r}"
    assert page.get_attribute(field, "aria-invalid") == "false"
