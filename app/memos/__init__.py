"""The memo list and the project memo."""
