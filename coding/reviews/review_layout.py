"""How a review file is laid out, shared by the writers (``coding.exporting``) and the reader.

A workbook: an instructions sheet, one sheet per concept, and a hidden sheet ``IDENTITY_SHEET`` with
the project's identity (``key`` / ``value`` rows). On a concept sheet each block (the judgements, the
quotes) starts with a header row whose hidden id cell says what the rows below are
(``QUOTE_BLOCK`` or ``JUDGEMENT_BLOCK``); each row below holds its target's stable id (the coding's or
judgement's GUID) and a fingerprint of the text the reviewer saw in hidden columns.

A Word document: one table per block; the hidden text ``⟦cw:quote:GUID:CHECK⟧`` in a row's first cell
names its quote (``cw:judgement:…`` a judgement), the review and comment cells are the row's last two,
and the hidden paragraph ``⟦cw:project:GUID⟧`` names the project.
"""

from __future__ import annotations

import hashlib
import re

IDENTITY_SHEET = "codewerk"
FORMAT = "codewerk-review"
FORMAT_VERSION = 1

QUOTE_BLOCK = "codewerk:quote"
JUDGEMENT_BLOCK = "codewerk:judgement"

#: Columns (1-based) on a concept sheet; the same for both blocks.
REVIEW_COLUMN = 9
COMMENT_COLUMN = 10
ID_COLUMN = 11
CHECK_COLUMN = 12
COLUMNS = 12

WORD_MARKER = re.compile(r"⟦cw:(quote|judgement|project):([0-9A-Za-z-]{1,64})(?::([0-9a-f]{1,64}))?⟧")


def word_marker(kind: str, guid: str, check: str | None = None) -> str:
    return f"⟦cw:{kind}:{guid}" + (f":{check}" if check else "") + "⟧"


def fingerprint(*parts: str) -> str:
    """A short digest of the text a reviewer saw: when it changed since the export, a mark on it is
    not applied blindly. Line endings and surrounding spaces do not count."""
    joined = "\x1f".join(" ".join(part.split()) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]
