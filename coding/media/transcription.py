"""The seam for automatic transcription, which Codewerk does not ship.

No speech model can be shipped with the program or downloaded by it (the app never talks to the
network), so nothing here transcribes. A transcriber is anything with ``transcribe(path)`` that
returns :class:`TranscribedTurn` s; :func:`transcript_text` turns them into the plain-text
transcript the normal import reads (``[00:12:31] R5: words``), so its turns keep their times and
the recording plays along. A later issue can plug in a local engine here without touching the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class TranscribedTurn:
    """One turn as a speech recogniser gives it: who, from when (seconds), and the words."""

    speaker: str
    start: float
    text: str


class Transcriber(Protocol):
    """Takes a recording, returns its turns in order (a local engine; none is shipped)."""

    def transcribe(self, path: Path) -> Sequence[TranscribedTurn]: ...


def stamp(seconds: float) -> str:
    total = max(0, int(seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def transcript_text(turns: Sequence[TranscribedTurn]) -> str:
    """The transcript as Codewerk imports it: one line per turn, ``[hh:mm:ss] Speaker: words``."""
    return "".join(f"[{stamp(t.start)}] {t.speaker}: {' '.join(t.text.split())}\n" for t in turns)
