"""One module per rule family; each writes rules/<family>.toml."""
