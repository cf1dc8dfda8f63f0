"""The code tree: codes, code sets, codebook files, resolving what a user types, favourites."""
