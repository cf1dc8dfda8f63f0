"""Speakers: detected per document and across the project, renamed, marked as interviewer or as no
speaker, label patterns per project; every change one undoable action that re-derives the turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import InvalidInputError, NotFoundError
from coding.speakers.speakers import DEFAULT_INTERVIEWERS, SpeakerRules
from tests.coding.dump import dump
from tests.coding.interviews import R5, R6

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends


def _speakers(project: Project, *documents: str) -> list[tuple[str, int, tuple[str, ...], bool]]:
    return [(s.name, s.turns, s.documents, s.interviewer) for s in project.speakers.list(documents or None)]


def test_speakers_per_document_and_across_the_project(interviews: Project) -> None:
    """The interviewers first, then in natural order of their names (R2 before R10)."""
    assert _speakers(interviews) == [
        ("I", 2, ("R6",), True),
        ("Interviewer", 2, ("R5",), True),
        ("R", 2, ("R6",), False),
        ("R5", 2, ("R5",), False),
        ("Toelichting", 1, ("R5",), False),
    ]
    assert _speakers(interviews, "R6") == [("I", 2, ("R6",), True), ("R", 2, ("R6",), False)]
    words = {s.name: s.words for s in interviews.speakers.list("R5")}
    assert words == {"Interviewer": 7, "R5": 4 + 9, "Toelichting": 3}


def test_renaming_a_speaker_everywhere_merges_and_is_one_undoable_action(interviews: Project) -> None:
    before = dump(interviews.path)
    changed = interviews.speakers.rename("Interviewer", "I")
    assert changed == [interviews.documents.id_of("R5")]
    assert _speakers(interviews)[0] == ("I", 4, ("R5", "R6"), True)
    assert [t.speaker for t in interviews.documents.turns("R5")] == ["I", "R5", "Toelichting", "I", "R5"]
    assert interviews.documents.text("R5") == R5  # the transcript itself never changes
    assert interviews.history.undo_text == "Rename speaker Interviewer to I"
    interviews.undo()
    assert dump(interviews.path) == before
    assert interviews.speakers.rules() == SpeakerRules()
    interviews.redo()
    assert _speakers(interviews)[0] == ("I", 4, ("R5", "R6"), True)


def test_renaming_in_one_document_only(interviews: Project, tmp_path: Path) -> None:
    (tmp_path / "R7.txt").write_text("I: Vraag?\nR: Antwoord van R7.\n", encoding="utf-8")
    interviews.import_files([tmp_path / "R7.txt"])
    interviews.speakers.rename("R", "R6", document="R6")
    assert {s.name: s.documents for s in interviews.speakers.list()}["R6"] == ("R6",)
    assert {s.name: s.documents for s in interviews.speakers.list()}["R"] == ("R7",)
    # a project-wide rename of R6 follows into the document's own name
    interviews.speakers.rename("R6", "Respondent 6")
    assert [t.speaker for t in interviews.documents.turns("R6")] == ["I", "Respondent 6", "I", "Respondent 6"]
    assert [t.speaker for t in interviews.documents.turns("R7")] == ["I", "R"]


def test_a_rename_survives_detecting_again_and_replacing_the_text(
    interviews: Project, tmp_path: Path
) -> None:
    interviews.speakers.rename("Interviewer", "I")
    interviews.speakers.rename("R", "R6", document="R6")
    assert interviews.speakers.redetect() == []
    corrected = tmp_path / "R6.txt"
    corrected.write_text(R6 + "I: Dank u.\n", encoding="utf-8")
    report = interviews.import_files([corrected], replace=True)
    assert report.speakers == {"R6": [("I", 3), ("R6", 2)]}
    assert [t.speaker for t in interviews.documents.turns("R6")] == ["I", "R6", "I", "R6", "I"]
    new = tmp_path / "R8.txt"
    new.write_text("Interviewer: Welkom.\nR8: Dank u.\n", encoding="utf-8")
    interviews.import_files([new])
    assert [t.speaker for t in interviews.documents.turns("R8")] == ["I", "R8"]


def test_renaming_an_unknown_speaker_or_to_nothing_is_refused(interviews: Project) -> None:
    before = dump(interviews.path)
    with pytest.raises(NotFoundError, match="there is no speaker 'R9' in the project"):
        interviews.speakers.rename("R9", "R10")
    with pytest.raises(NotFoundError, match="there is no speaker 'R5' in this document"):
        interviews.speakers.rename("R5", "Respondent", document="R6")
    with pytest.raises(InvalidInputError, match="a speaker needs a name"):
        interviews.speakers.rename("R5", "  ")
    assert dump(interviews.path) == before


def test_an_interviewer_renamed_stays_an_interviewer(interviews: Project) -> None:
    interviews.speakers.rename("Interviewer", "Marieke")
    assert interviews.speakers.is_interviewer("Marieke")
    assert ("Marieke", 2, ("R5",), True) in _speakers(interviews)


def test_marking_interviewers(interviews: Project) -> None:
    assert interviews.speakers.interviewers() == DEFAULT_INTERVIEWERS
    assert interviews.speakers.is_interviewer("interviewer 2")  # a numbered role counts
    assert not interviews.speakers.is_interviewer("R5")
    interviews.speakers.set_interviewer("R", True)
    assert ("R", 2, ("R6",), True) in _speakers(interviews)
    assert not interviews.speakers.is_interviewer("R5")  # a label, not a role with a number
    interviews.speakers.set_interviewer("I", False)
    assert ("I", 2, ("R6",), False) in _speakers(interviews)
    assert interviews.setting("interviewer_speakers")[-1] == "R"
    interviews.undo()
    interviews.undo()
    assert interviews.setting("interviewer_speakers") is None
    with pytest.raises(InvalidInputError, match="counts as an interviewer because of its role"):
        interviews.speakers.set_interviewer("Interviewer 2", False)


def test_a_label_that_is_no_speaker_joins_the_turn_before(interviews: Project) -> None:
    before = [(t.speaker, t.start, t.end) for t in interviews.documents.turns("R5")]
    interviews.speakers.set_not_speaker("Toelichting")
    turns = [(t.speaker, t.start, t.end) for t in interviews.documents.turns("R5")]
    assert [t[0] for t in turns] == ["Interviewer", "R5", "Interviewer", "R5"]
    assert turns[1] == ("R5", before[1][1], before[2][2])
    assert interviews.documents.text("R5")[turns[1][1] : turns[1][2]] == (
        "[00:00:12] R5: Goed. We vertrouwen elkaar.\nToelichting: de respondent lacht."
    )
    interviews.speakers.set_not_speaker("Toelichting", False)
    assert [(t.speaker, t.start, t.end) for t in interviews.documents.turns("R5")] == before


def test_speaker_patterns_per_project(interviews: Project) -> None:
    assert interviews.speakers.uses_default_patterns()
    with pytest.raises(InvalidInputError, match="speaker pattern 2 is not a valid regular expression"):
        interviews.speakers.set_patterns([r"(?P<speaker>I|R):", r"(?P<speaker>[A-Z"])
    with pytest.raises(InvalidInputError, match=r"speaker pattern 1 has no \(\?P<speaker>…\) group"):
        interviews.speakers.set_patterns([r"[A-Z]+:"])
    assert interviews.speakers.uses_default_patterns()

    changed = interviews.speakers.set_patterns([r"(?P<speaker>I|R)\s*:"])
    assert changed == [interviews.documents.id_of("R5")]  # R6 uses I: and R: only
    assert interviews.speakers.patterns() == (r"(?P<speaker>I|R)\s*:",)
    assert interviews.documents.turns("R5") == []
    assert interviews.setting("speaker_patterns") == [r"(?P<speaker>I|R)\s*:"]
    interviews.undo()
    assert interviews.speakers.uses_default_patterns()
    assert len(interviews.documents.turns("R5")) == 5
    interviews.redo()
    interviews.speakers.set_patterns(None)
    assert interviews.speakers.uses_default_patterns()
    assert len(interviews.documents.turns("R5")) == 5


def test_project_patterns_apply_to_new_imports(project: Project, tmp_path: Path) -> None:
    project.speakers.set_patterns([r"(?P<speaker>Vraag|Antwoord)\s+\d+\s*:"])
    path = tmp_path / "vragen.txt"
    path.write_text("Vraag 1: Hoe gaat het?\nAntwoord 1: Goed.\nR5: geen label nu\n", encoding="utf-8")
    project.import_files([path])
    assert [(t.speaker, t.start, t.end) for t in project.documents.turns("vragen")] == [
        ("Vraag", 0, 22),
        ("Antwoord", 23, len(path.read_text(encoding="utf-8").rstrip())),
    ]


def test_preview_of_patterns(project: Project) -> None:
    turns = project.speakers.preview([r"(?P<speaker>[A-Z]\d*)>"], "I> Vraag\nR5> Antwoord\n")
    assert [(t.speaker, t.body_start) for t in turns] == [("I", 3), ("R5", 13)]
    with pytest.raises(InvalidInputError):
        project.speakers.preview(["("], "x")


def test_subtitle_speakers_are_renamed_and_keep_their_exact_cue_times(
    project: Project, tmp_path: Path
) -> None:
    vtt = tmp_path / "teams.vtt"
    vtt.write_text(
        "WEBVTT\n\n00:00:01.250 --> 00:00:02.000\n<v Jan de Vries>Welkom: fijn dat u er bent.</v>\n\n"
        "00:00:02.500 --> 00:00:04.000\nDank u.\n\n"
        "00:00:04.750 --> 00:00:06.000\n<v Marieke>Zeker: graag.</v>\n",
        encoding="utf-8",
    )
    project.import_files([vtt])
    before = [
        (t.speaker, t.start, t.end, t.body_start, t.timestamp) for t in project.documents.turns("teams")
    ]
    assert [b[0] for b in before] == ["Jan de Vries", "Marieke"]
    project.speakers.rename("Jan de Vries", "I")
    after = [(t.speaker, t.start, t.end, t.body_start, t.timestamp) for t in project.documents.turns("teams")]
    assert after == [("I", *before[0][1:]), before[1]]
    assert project.speakers.redetect() == []
    project.speakers.set_not_speaker("Marieke")
    assert [(t.speaker, t.timestamp) for t in project.documents.turns("teams")] == [("I", 1.25)]
    project.speakers.set_not_speaker("Marieke", False)
    assert [(t.speaker, t.timestamp) for t in project.documents.turns("teams")] == [
        ("I", 1.25),
        ("Marieke", 4.0),
    ]


def test_subtitle_lines_without_speaker_are_kept(project: Project, tmp_path: Path) -> None:
    srt = tmp_path / "whisper.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nGoedemorgen: allemaal.\n", encoding="utf-8")
    project.import_files([srt])
    assert project.documents.text("whisper") == "[00:00:01] Goedemorgen: allemaal."
    stored = [(t.speaker, t.body_start) for t in project.documents.turns("whisper")]
    assert stored == [("Goedemorgen", 24)]
    project.speakers.set_not_speaker("Goedemorgen")
    assert project.documents.turns("whisper") == []
    project.speakers.set_not_speaker("Goedemorgen", False)
    assert [(t.speaker, t.body_start) for t in project.documents.turns("whisper")] == stored
