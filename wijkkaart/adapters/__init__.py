"""The ways in: the mkdocs/ProperDocs plugin (and its theme frames) and the command line."""
