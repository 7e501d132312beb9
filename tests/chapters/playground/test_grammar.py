"""The playground link grammar: the Python parser accepts what docs/javascripts/playground.js
accepts: a number matches its parseNumber pattern and steps matches /^\\d+$/, where \\d is an
ASCII digit. NUMBER_CASES and STEPS_CASES are meant to drive a browser test of the page too.
"""

from __future__ import annotations

import pytest

from descent.chapters.playground.examples import parse_query

# (query value, accepted?) for lr and for steps; the same list drives both sides
NUMBER_CASES = [
    ("0.3", True),
    (".5", True),
    ("1.", True),
    ("1e-1", True),
    ("1E-1", True),
    (" 0.2 ", True),
    ("+0.1", True),
    ("1_0", False),
    ("٣", False),
    ("²", False),
    ("inf", False),
    ("nan", False),
    ("0x1", False),
    ("", False),
    ("1e", False),
    ("１", False),
]
STEPS_CASES = [
    ("3", True),
    ("0", True),
    ("²", False),
    ("٣", False),
    ("1_0", False),
    ("+3", False),
    ("3.0", False),
    (" 3", False),
    ("", False),
]


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
