"""Analysis → Co-occurrence and Code × case matrix: heat maps over the analysis service, and the
query bar of the Quotes dock."""
