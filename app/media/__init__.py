"""The player dock: the interview recording beside its transcript."""
