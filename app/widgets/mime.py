"""Drag-and-drop payloads: a passage of the open transcript, and codes of the code tree."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QMimeData

from coding.core.ids import CodeId, DocumentId

PASSAGE_MIME = "application/x-codewerk-passage"
CODES_MIME = "application/x-codewerk-codes"


@dataclass(frozen=True)
class Passage:
    """A selection in a transcript, in code points (end exclusive)."""

    document_id: DocumentId
    start: int
    end: int


def passage_mime(passage: Passage, text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    payload = {"document": passage.document_id, "start": passage.start, "end": passage.end}
    data.setData(PASSAGE_MIME, json.dumps(payload).encode())
    return data


def passage_from(data: QMimeData | None) -> Passage | None:
    if data is None or not data.hasFormat(PASSAGE_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(PASSAGE_MIME).data()).decode())
        return Passage(DocumentId(int(payload["document"])), int(payload["start"]), int(payload["end"]))
    except (ValueError, KeyError, TypeError):
        return None


def codes_mime(code_ids: list[CodeId]) -> QMimeData:
    data = QMimeData()
    data.setData(CODES_MIME, json.dumps([int(c) for c in code_ids]).encode())
    return data


def codes_from(data: QMimeData | None) -> list[CodeId]:
    if data is None or not data.hasFormat(CODES_MIME):
        return []
    try:
        return [CodeId(int(c)) for c in json.loads(bytes(data.data(CODES_MIME).data()).decode())]
    except (ValueError, TypeError):
        return []
