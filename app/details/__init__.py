"""The Memo/details dock: the selected coding, code or document and its memo."""
