"""The page docs/pitfalls.md (and pitfalls.en.md): examples, tables."""
