"""docs/computation-graph.md (and .en.md): examples, exercises, figures, tables."""
