"""Importing transcripts: parsers per format, metadata sheets, previews and the import service."""
