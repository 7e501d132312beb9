"""The page docs/sin-cubic.md (and sin-cubic.en.md): figures, tables."""
