"""Judgements: a score and justification per code and group, the judgement grid and frequencies."""
