"""The page docs/playground.md (and playground.en.md): examples."""
