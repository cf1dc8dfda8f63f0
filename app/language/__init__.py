"""Search and suggestions: keyword in context, the suggestion queue, frequencies, anonymisation."""
