"""Recordings beside the transcript: attach, find again when moved, and the seam for transcription."""
