"""The Documents dock: documents grouped by an attribute, and a document's attributes."""
