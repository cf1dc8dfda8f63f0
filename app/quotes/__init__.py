"""The Quotes dock: the quote list per code with filters and review marks."""
