"""The playground link grammar as cases: (query value, accepted?).

The same lists drive the Python parser's test (tests/chapters/playground/test_grammar.py)
and the page's (tests/browser/test_playground.py), so both sides take the same links.
"""

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
