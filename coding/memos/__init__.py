"""Memos on the project, documents, codes and codings."""
