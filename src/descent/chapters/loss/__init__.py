"""The page docs/loss.md (and loss.en.md): figures, tables."""
