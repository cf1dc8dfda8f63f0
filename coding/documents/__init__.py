"""Documents: listing, text, structure (turns, pages) and attributes, and the commands on them."""
