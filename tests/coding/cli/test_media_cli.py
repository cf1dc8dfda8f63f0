"""`codewerk media PROJECT DOCUMENT FILE` and `codewerk import … --media DIR`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coding import Project
from tests.coding.cli.conftest import Run
from tests.coding.dump import dump
from tests.recordings import write_wav


@pytest.fixture
def project_file(interviews: Project) -> Path:
    interviews.close()
    return interviews.path


def test_media_attaches_lists_and_relinks(project_file: Path, tmp_path: Path, run: Run) -> None:
    wav = write_wav(tmp_path / "R5.wav", seconds=0.5)
    code, out, err = run("media", str(project_file), "R5", str(wav))
    assert code == 0, err
    assert "Attached R5.wav (audio) to R5" in out
    shutil.move(wav, tmp_path / "verplaatst.wav")
    code, out, _ = run("media", str(project_file), "--format", "json")
    assert [(r["document"], r["found"]) for r in json.loads(out)] == [("R5", False)]
    code, out, _ = run("media", str(project_file), "--relink", str(tmp_path))
    assert code == 0 and "Found 1 moved recording(s) again" in out
    assert "verplaatst.wav" in out and "found" in out


def test_media_refuses_an_unsupported_file_with_one_line(
    project_file: Path, tmp_path: Path, run: Run
) -> None:
    bad = tmp_path / "R5.aiff"
    bad.write_bytes(b"FORM")
    before = dump(project_file)
    code, out, err = run("media", str(project_file), "R5", str(bad))
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [err.strip()] and "R5.aiff: is not a supported recording" in err
    assert dump(project_file) == before


def test_import_with_media_attaches_recordings_of_the_same_stem(
    project_path: Path, tmp_path: Path, run: Run
) -> None:
    assert run("new", str(project_path), "--codebook", "none")[0] == 0
    transcripts = tmp_path / "transcripts"
    transcripts.mkdir()
    (transcripts / "R7.txt").write_text(
        "[00:00:01] I: Hoe gaat het?\n[00:00:02] R7: Goed.\n", encoding="utf-8"
    )
    (transcripts / "R8.txt").write_text("I: Vraag?\nR8: Antwoord.\n", encoding="utf-8")
    recordings = tmp_path / "opnames"
    recordings.mkdir()
    write_wav(recordings / "R7.wav", seconds=0.5)
    code, out, err = run("import", str(project_path), str(transcripts), "--media", str(recordings))
    assert code == 0, err
    assert "Attached 1 recording(s)" in out and "R7: R7.wav" in out
    with Project.open(project_path) as project:
        assert [m.document for m in project.media.list()] == ["R7"]


def test_import_with_a_missing_media_folder_changes_nothing(
    project_path: Path, tmp_path: Path, run: Run
) -> None:
    assert run("new", str(project_path), "--codebook", "none")[0] == 0
    (tmp_path / "R7.txt").write_text("R7: Goed.\n", encoding="utf-8")
    before = dump(project_path)
    code, _, err = run(
        "import", str(project_path), str(tmp_path / "R7.txt"), "--media", str(tmp_path / "nee")
    )
    assert code == 1 and "nee: is not a folder" in err
    assert dump(project_path) == before
