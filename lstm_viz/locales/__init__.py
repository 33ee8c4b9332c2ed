"""The language tables: one module per language, each a dict ``TEXT`` of key -> text."""
