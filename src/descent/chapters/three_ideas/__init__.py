"""The page docs/three-ideas.md (and three-ideas.en.md): examples, figures, tables."""
