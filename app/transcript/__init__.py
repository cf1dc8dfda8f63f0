"""The transcript: text view, coding stripes, find bar, and the controller every coding gesture uses."""
