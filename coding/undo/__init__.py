"""Domain commands and their undo: the writer, reversible steps, composite commands, the history."""
