"""The page docs/pytorch.md (and pytorch.en.md): examples, figures, tables, training."""
