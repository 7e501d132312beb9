"""The page docs/gradient-descent.md (and gradient-descent.en.md): figures, tables."""
