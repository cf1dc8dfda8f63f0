"""Compare regions: the judgement grid, the judgement editor, the scores and frequency charts."""
