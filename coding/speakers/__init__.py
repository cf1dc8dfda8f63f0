"""Speakers: rules for speaker labels, detected speakers and turns, coding by speaker."""
