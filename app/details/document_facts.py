"""A document's facts as the Details dock shows them: where it came from (format, original file, the
encoding chosen at import) and what it holds (characters, pages, turns and speakers, its recording,
codings), and when it was imported."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from app.shell.workspace import Workspace
from app.widgets.translated import QT_TRANSLATE_NOOP, number
from coding.core.records import DocumentInfo

#: How the import formats are named to the user.
FORMAT_NAMES = {
    "docx": "Word (.docx)",
    "odt": QT_TRANSLATE_NOOP("DetailsDock", "OpenDocument text (.odt)"),
    "pdf": "PDF",
    "txt": QT_TRANSLATE_NOOP("DetailsDock", "Plain text (.txt)"),
    "md": "Markdown (.md)",
    "vtt": QT_TRANSLATE_NOOP("DetailsDock", "WebVTT subtitles (.vtt)"),
    "srt": QT_TRANSLATE_NOOP("DetailsDock", "SubRip subtitles (.srt)"),
}
#: The encodings a text import chooses between, as the user knows them.
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": QT_TRANSLATE_NOOP("DetailsDock", "UTF-8 with byte-order mark"),
    "utf-16": QT_TRANSLATE_NOOP("DetailsDock", "UTF-16 (byte-order mark)"),
    "cp1252": QT_TRANSLATE_NOOP("DetailsDock", "Windows-1252 (legacy, no UTF-8)"),
}


def local_time(stamp: datetime) -> str:
    """A stored (naive UTC) time as local time: ``2017-06-01 14:32``."""
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M")


def document_facts(workspace: Workspace, document: DocumentInfo) -> str:
    """Where the document came from and what it holds, as a small table."""
    documents = workspace.project.documents
    turns = documents.turns(document.id)
    speakers = list(dict.fromkeys(t.speaker for t in turns if t.speaker))
    pages = documents.pages(document.id)
    facts: list[tuple[str, str]] = [
        (
            QCoreApplication.translate("DetailsDock", "Format"),
            QCoreApplication.translate(
                "DetailsDock", FORMAT_NAMES.get(document.source_format, document.source_format)
            ),
        ),
    ]
    if document.original_filename:
        facts.append((QCoreApplication.translate("DetailsDock", "File"), document.original_filename))
    if document.encoding:
        name = QCoreApplication.translate(
            "DetailsDock", ENCODING_NAMES.get(document.encoding.lower(), document.encoding)
        )
        facts.append(
            (
                QCoreApplication.translate("DetailsDock", "Encoding"),
                QCoreApplication.translate("DetailsDock", "{name} — chosen at import").format(name=name),
            )
        )
    facts.append((QCoreApplication.translate("DetailsDock", "Characters"), number(document.length)))
    if pages:
        facts.append((QCoreApplication.translate("DetailsDock", "Pages"), str(len(pages))))
    if turns:
        more = (
            QCoreApplication.translate("DetailsDock", " and {count} more").format(count=len(speakers) - 6)
            if len(speakers) > 6
            else ""
        )
        shown = ", ".join(speakers[:6]) + more
        facts.append(
            (
                QCoreApplication.translate("DetailsDock", "Turns"),
                QCoreApplication.translate("DetailsDock", "{turns} · {count} speaker(s): {names}").format(
                    turns=len(turns), count=len(speakers), names=shown
                ),
            )
        )
    recording = workspace.project.media.get(document.id)
    if recording is not None:  # attached, replaced and found again in the Player dock
        state = (
            f"{recording.location.name} ({recording.kind})"
            if recording.found
            else QCoreApplication.translate("DetailsDock", "{name} — missing").format(
                name=recording.location.name
            )
        )
        facts.append((QCoreApplication.translate("DetailsDock", "Recording"), state))
    facts.append((QCoreApplication.translate("DetailsDock", "Codings"), str(document.coding_count)))
    facts.append((QCoreApplication.translate("DetailsDock", "Imported"), local_time(document.imported_at)))
    rows = "".join(
        f"<tr><td style='color:gray;padding-right:10px'>{html.escape(label)}</td>"
        f"<td>{html.escape(value)}</td></tr>"
        for label, value in facts
    )
    return f"<table cellspacing=0 cellpadding=1>{rows}</table>"
