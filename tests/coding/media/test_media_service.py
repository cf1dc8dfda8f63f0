"""Recordings attached to documents: stored relative beside the project, hashed, undoable,
refused with one clear message, found again after a move."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import FileImportError
from tests.coding.dump import dump
from tests.recordings import write_wav


def test_attach_stores_a_relative_path_and_hash_and_undo_removes_it(
    interviews: Project, tmp_path: Path
) -> None:
    (tmp_path / "audio").mkdir()
    wav = write_wav(tmp_path / "audio" / "R5.wav")
    info = interviews.media.attach("R5", wav)
    assert info.stored_path == "audio/R5.wav"
    assert info.kind == "audio" and info.size == wav.stat().st_size and len(info.sha256) == 64
    assert info.found and info.location == tmp_path / "audio" / "R5.wav"
    assert interviews.media.get("R6") is None
    interviews.history.undo()
    assert interviews.media.get("R5") is None
    interviews.history.redo()
    assert interviews.media.get("R5") == info


def test_a_file_outside_the_project_folder_is_stored_absolute(
    interviews: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = write_wav(tmp_path_factory.mktemp("elders") / "R6.wav")
    info = interviews.media.attach("R6", elsewhere)
    assert Path(info.stored_path).is_absolute() and info.location == elsewhere


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("R5.mp3", None, "does not exist"),
        ("R5.flac", b"fLaC....", "is not a supported recording"),
        ("R5.wav", b"", "is empty"),
    ],
)
def test_bad_files_get_one_message_and_leave_the_project_unchanged(
    interviews: Project, tmp_path: Path, name: str, content: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = dump(interviews.path)
    with pytest.raises(FileImportError) as caught:
        interviews.media.attach("R5", path)
    assert str(caught.value).startswith(f"{name}: {reason}")
    assert dump(interviews.path) == before and not interviews.history.undo_text


def test_a_moved_recording_is_found_again_by_its_content(interviews: Project, tmp_path: Path) -> None:
    first = write_wav(tmp_path / "R5.wav", frequency=300)
    write_wav(tmp_path / "R6.wav", frequency=500)
    interviews.media.attach("R5", first)
    interviews.media.attach("R6", tmp_path / "R6.wav")
    moved = tmp_path / "archief" / "2017"
    moved.mkdir(parents=True)
    write_wav(moved / "R5.wav", frequency=900)  # same name, other content: not it
    shutil.move(first, moved / "interview-vijf.wav")
    assert not interviews.media.get("R5").found  # type: ignore[union-attr]
    relinked = interviews.media.relink(tmp_path / "archief")
    assert [info.document for info in relinked] == ["R5"]
    info = interviews.media.get("R5")
    assert info is not None and info.found and info.stored_path == "archief/2017/interview-vijf.wav"
    assert interviews.media.get("R6").stored_path == "R6.wav"  # type: ignore[union-attr]
    interviews.history.undo()
    assert interviews.media.get("R5").stored_path == "R5.wav"  # type: ignore[union-attr]


def test_recordings_with_a_transcripts_stem_are_attached_as_one_step(
    interviews: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "opnames"
    folder.mkdir()
    write_wav(folder / "r5.wav")
    (folder / "R6.txt").write_text("not a recording", encoding="utf-8")
    (folder / "notes.mp3").write_bytes(b"ID3")
    attached = interviews.media.attach_matching(folder, ["R5", "R6"])
    assert [(m.document, m.location.name) for m in attached] == [("R5", "r5.wav")]
    assert interviews.history.undo_text == "Attach 1 recording(s)"


def test_deleting_a_document_forgets_its_recording(interviews: Project, tmp_path: Path) -> None:
    interviews.media.attach("R5", write_wav(tmp_path / "R5.wav"))
    interviews.documents.delete("R5")
    assert interviews.media.list() == []
