"""Tools → Speakers: confirm, rename and code the detected speakers."""
