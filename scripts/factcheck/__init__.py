"""Fact-check site: records (YAML) → checked model → Markdown pages → MkDocs site."""
