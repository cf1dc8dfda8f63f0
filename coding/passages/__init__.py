"""Coded passages: applying and removing codes, boundaries, snapping, stripes, in-vivo codes."""
