"""File → Import documents: the dialog, its models, the background run and the summary."""
