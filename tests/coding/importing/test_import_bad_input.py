"""Bad files in an import: each one clear message naming the file and the reason, the good files
imported one transaction each, and no trace of the bad ones; the CLI prints the same summary."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from coding import Change, Project
from coding.cli.main import main
from coding.core.errors import InvalidInputError
from coding.documents.document_commands import AddDocument
from coding.undo.command import Command
from coding.undo.group import Group
from tests.coding.dump import dump
from tests.coding.importing.builders import make_docx, make_pdf

MB = 1024 * 1024


def _corrupt(folder: Path) -> Path:
    path = folder / "kapot.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    return path


def _truncated(folder: Path) -> Path:
    whole = make_docx(folder / "heel.docx").read_bytes()
    (folder / "heel.docx").unlink()
    path = folder / "afgebroken.docx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def _wrong_extension(folder: Path) -> Path:
    path = folder / "nota.docx"
    path.write_bytes(make_pdf([["Beleid"]]))
    return path


def _password_protected(folder: Path) -> Path:
    path = folder / "beveiligd.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)  # encrypted Word is an OLE file
    return path


def _empty(folder: Path) -> Path:
    path = folder / "leeg.txt"
    path.write_bytes(b"")
    return path


def _zip_bomb(folder: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/beeld.bin", "w") as member:
            for _ in range(12):
                member.write(bytes(MB))
    path = folder / "bijlage.docx"
    path.write_bytes(buffer.getvalue())
    return path


def _huge_text(folder: Path) -> Path:
    path = folder / "enorm.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * MB)  # sparse: no disk space, no time
    return path


BAD: dict[str, tuple[Callable[[Path], Path], str]] = {
    "corrupt": (_corrupt, "kapot.docx: not a valid Word document (the file is damaged or not really .docx)"),
    "truncated": (
        _truncated,
        "afgebroken.docx: not a valid Word document (the file is damaged or not really .docx)",
    ),
    "wrong extension": (_wrong_extension, "nota.docx: not a Word document (it looks like a PDF)"),
    "password": (
        _password_protected,
        "beveiligd.docx: password-protected or in the old Word 97-2003 format; save it as .docx without a password",
    ),
    "empty": (_empty, "leeg.txt: the file is empty"),
    "zip bomb": (
        _zip_bomb,
        "bijlage.docx: looks like a zip bomb ('word/media/beeld.bin' would unpack to 12 MB, ",
    ),
    "200 MB text": (_huge_text, "enorm.txt: file is too large (200 MB; the limit is 50 MB)"),
}


class _Recorder:
    def __init__(self) -> None:
        self.commands: list[Command] = []

    def record(self, command: Command) -> None:
        self.commands.append(command)

    def undo(self) -> None: ...

    def redo(self) -> None: ...

    def clear(self) -> None: ...


def _good_files(folder: Path, count: int) -> list[Path]:
    files = []
    for number in range(1, count + 1):
        if number % 3 == 0:
            path = folder / f"R{number}.docx"
            make_docx(path)
            # make every Word file's content unique
            from docx import Document

            document = Document(str(path))
            document.add_paragraph(f"R{number}: Slotwoord van respondent {number}.")
            document.save(str(path))
        elif number % 3 == 1:
            path = folder / f"R{number}.txt"
            path.write_text(f"[00:00:0{number % 10}] I: Vraag {number}?\nR{number}: Antwoord één.\n", "utf-8")
        else:
            path = folder / f"R{number}.vtt"
            path.write_text(
                f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v I>Vraag {number}?</v>\n\n"
                f"00:00:02.000 --> 00:00:03.000\n<v R{number}>Antwoord.</v>\n",
                "utf-8",
            )
        files.append(path)
    return files


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_file_gets_one_clear_message_and_leaves_no_trace(
    project: Project, tmp_path: Path, case: str
) -> None:
    make, message = BAD[case]
    good = _good_files(tmp_path, 2)
    bad = make(tmp_path)
    report = project.import_files([good[0], bad, good[1]])
    assert [d.name for d in report.imported] == ["R1", "R2"]
    assert len(report.skipped) == 1
    problem = report.skipped[0]
    assert f"{problem.file}: {problem.reason}".startswith(message)
    assert not report.ok
    assert f"  - {problem.file}: {problem.reason}" in report.lines()
    assert [d.name for d in project.documents.list()] == ["R1", "R2"]


def test_a_batch_of_30_with_2_bad_files_imports_28_as_one_action(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    good = _good_files(folder, 28)
    bomb = _zip_bomb(folder)
    locked = _password_protected(folder)
    changes: list[Change] = []
    project.subscribe(changes.append)
    recorded = _Recorder()
    project.set_undo_recorder(recorded)

    report = project.import_files([folder])

    assert len(report.imported) == 28
    assert sorted(d.name for d in report.imported) == sorted(p.stem for p in good)
    assert [(p.file, p.reason.split(" (")[0]) for p in report.skipped] == [
        (
            "beveiligd.docx",
            "password-protected or in the old Word 97-2003 format; save it as .docx without a password",
        ),
        ("bijlage.docx", "looks like a zip bomb"),
    ]
    # one committed action (one undo group) for the whole batch, touching exactly the 28 documents
    assert len(changes) == 1
    assert changes[0].document_ids == {d.id for d in report.imported}
    assert [command.text for command in recorded.commands] == ["Import 28 documents"]
    group = recorded.commands[0]
    assert isinstance(group, Group)
    assert [child.text for child in group.children] == [f"Import {d.name}" for d in report.imported]
    tables = dump(project.path)
    assert {row[2] for row in tables["document"]} == {p.stem for p in good}
    stored_ids = {row[0] for row in tables["document"]}
    assert {row[1] for row in tables["turn"]} <= stored_ids
    assert bomb.exists() and locked.exists()


def test_a_failure_while_storing_rolls_the_file_back_completely(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _good_files(tmp_path, 3)
    project.import_files([good[0]])
    before = dump(project.path)
    plan = AddDocument.plan

    def failing(self: AddDocument, writer):  # type: ignore[no-untyped-def]
        result = plan(self, writer)  # the document, its turns and attributes are written …
        if self.document.name == "R2":
            raise InvalidInputError("the disk said no")  # … and then the action fails
        return result

    monkeypatch.setattr(AddDocument, "plan", failing)
    report = project.import_files([good[1]], attributes={"region": "Zwolle"})
    assert [(p.file, p.reason) for p in report.skipped] == [("R2.vtt", "the disk said no")]
    assert dump(project.path) == before


def test_the_cli_prints_the_same_summary_and_exits_1_when_files_were_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    _good_files(folder, 4)
    _empty(folder)
    _huge_text(folder)
    (folder / "R5.txt").write_bytes("I: Wat vindt u?\r\nR5: Prima – één keer.\r\n".encode("cp1252"))
    with Project.create(tmp_path / "api.codewerk", coder="tester") as project:
        report = project.import_files([folder])
    assert main(["new", str(tmp_path / "cli.codewerk"), "--coder", "tester"]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "cli.codewerk"), str(folder)]) == 1
    printed = capsys.readouterr()
    out, err = printed.out.splitlines(), printed.err.splitlines()
    assert out == report.lines(skipped=False)
    assert err == report.skipped_lines()  # per-file reasons go to stderr (issue 14 item 11)
    assert "Skipped 2 file(s):" in err
    assert "  - leeg.txt: the file is empty" in err
    assert "  - enorm.txt: file is too large (200 MB; the limit is 50 MB)" in err
    assert "Note: R5.txt: not valid UTF-8; read as Windows-1252" in out
    assert main(["import", str(tmp_path / "cli.codewerk"), str(folder / "R1.txt"), "--replace"]) == 0


def test_a_metadata_sheet_of_random_bytes_is_refused_with_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 14 item 6: bytes that are neither UTF-8 nor Windows-1252 (0x81 is undefined there)."""
    (tmp_path / "R1.txt").write_text("I: Vraag?\nR1: Antwoord.\n", encoding="utf-8")
    (tmp_path / "meta.csv").write_bytes(bytes(range(0x80, 0x100)) * 20)
    assert main(["new", str(tmp_path / "p.codewerk")]) == 0
    capsys.readouterr()
    code = main(
        [
            "import",
            str(tmp_path / "p.codewerk"),
            str(tmp_path / "R1.txt"),
            "--meta",
            str(tmp_path / "meta.csv"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err == "codewerk: error: meta.csv: is not a text CSV file (neither UTF-8 nor Windows-1252)\n"
    with Project.open(tmp_path / "p.codewerk") as project:
        assert project.documents.list() == []


def test_a_file_name_that_is_not_utf8_imports_under_a_readable_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 14 item 6: a name byte that is not UTF-8 (here Windows-1252 'ë') no longer crashes the import."""
    folder = os.fsencode(tmp_path)
    name = folder + b"/Pi\xebt.txt"
    with open(name, "wb") as handle:
        handle.write(b"I: Vraag?\nR1: Antwoord.\n")
    assert main(["new", str(tmp_path / "p.codewerk")]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "p.codewerk"), os.fsdecode(name)]) == 0
    assert "+ Piët (txt" in capsys.readouterr().out
    with Project.open(tmp_path / "p.codewerk") as project:
        (document,) = project.documents.list()
    assert document.name == "Piët"


def test_a_folder_with_nothing_to_import_is_an_error_not_zero_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 14 item 6: a folder named x.docx is not 'Imported 0 document(s)' with exit 0."""
    (tmp_path / "x.docx").mkdir()
    assert main(["new", str(tmp_path / "p.codewerk")]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "p.codewerk"), str(tmp_path / "x.docx")]) == 1
    printed = capsys.readouterr()
    assert "  - x.docx: is a folder with no files Codewerk can import" in printed.err
