"""XML schemas of the REFI-QDA exchange formats (QDA-XML 1.0), loaded with importlib.resources."""
