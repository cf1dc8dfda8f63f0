"""File → Export and the exchange with other QDA tools (REFI-QDA)."""
