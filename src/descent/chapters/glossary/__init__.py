"""The page docs/glossary.md (and glossary.en.md): tables, terms."""
