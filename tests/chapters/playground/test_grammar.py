"""The playground link grammar: the Python parser accepts what docs/javascripts/playground.js
accepts: a number matches its parseNumber pattern and steps matches /^\\d+$/, where \\d is an
ASCII digit. The cases (tests/playground_cases.py) drive the browser test of the page too.
"""

from __future__ import annotations

import pytest
from playground_cases import NUMBER_CASES, STEPS_CASES

from descent.chapters.playground.examples import parse_query


@pytest.mark.parametrize(("text", "accepted"), NUMBER_CASES)
def test_numbers_follow_the_pages_grammar(text: str, accepted: bool) -> None:
    query = f"f=square&x={text}"
    if accepted:
        assert parse_query(query).start == (float(text),)
    else:
        with pytest.raises(ValueError, match="x must be a number"):
            parse_query(query)


@pytest.mark.parametrize(("text", "accepted"), STEPS_CASES)
def test_steps_follow_the_pages_grammar(text: str, accepted: bool) -> None:
    query = f"f=square&steps={text}"
    if accepted:
        assert parse_query(query).steps == int(text)
    elif text == "":
        assert parse_query(query).steps == 0  # a blank value means "not given", on both sides
    else:
        with pytest.raises(ValueError, match="steps must be an integer"):
            parse_query(query)
