"""docs/nonlinear-backprop.md (and .en.md): examples, figures, tables."""
