"""The page docs/derivatives.md (and derivatives.en.md): figures, tables."""
