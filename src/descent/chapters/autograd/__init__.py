"""The page docs/autograd.md (and autograd.en.md): examples, exercises, figures, fits, tables."""
