"""The page docs/line-fit.md (and line-fit.en.md): figures, tables."""
