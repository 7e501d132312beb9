"""The page docs/mistakes.md (and mistakes.en.md): examples, tables."""
