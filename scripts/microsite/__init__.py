"""microsite: turn an article into a structured, searchable educational MkDocs site."""
