"""The transcription seam: a transcriber's turns become a transcript whose turns keep their times."""

from __future__ import annotations

from pathlib import Path

from coding import Project
from coding.media.transcription import TranscribedTurn, Transcriber, transcript_text


class _Fixed:
    """A stand-in transcriber (no speech model is shipped): returns the turns it was given."""

    def __init__(self, turns: list[TranscribedTurn]) -> None:
        self.turns = turns

    def transcribe(self, path: Path) -> list[TranscribedTurn]:
        return self.turns


def test_transcribed_turns_import_with_their_times(project: Project, tmp_path: Path) -> None:
    engine: Transcriber = _Fixed(
        [TranscribedTurn("I", 0.4, "Hoe gaat  het?"), TranscribedTurn("R9", 3723.9, "Goed,\ndank u.")]
    )
    text = transcript_text(engine.transcribe(tmp_path / "R9.wav"))
    assert text == "[00:00:00] I: Hoe gaat het?\n[01:02:03] R9: Goed, dank u.\n"
    (tmp_path / "R9.txt").write_text(text, encoding="utf-8")
    project.import_files([tmp_path / "R9.txt"])
    assert [(t.speaker, t.timestamp) for t in project.documents.turns("R9")] == [("I", 0.0), ("R9", 3723.0)]
