"""Book data kept as data files (TOML), read with the standard library's tomllib."""
