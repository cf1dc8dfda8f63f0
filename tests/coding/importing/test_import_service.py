"""Importing a batch: metadata sheets, duplicates, bad files reported, good files kept, one transaction each."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from coding import Project
from coding.core.errors import FileImportError
from coding.importing.metadata_sheet import read_metadata
from tests.coding.dump import dump


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_semicolon_sheet_from_dutch_excel_assigns_attributes_and_reports_mismatches(
    project: Project, tmp_path: Path
) -> None:
    a = _write(tmp_path, "R1.txt", "[00:00:01] R1: Wij werken goed samen.\n")
    b = _write(tmp_path, "R2.txt", "[00:00:01] R2: Het kan beter.\n")
    sheet = tmp_path / "meta.csv"
    sheet.write_bytes(
        "Bestand;Respondent;Regio;Rol\nR1.txt;R1;Zwolle;UWV\nR3;R3;Arnhem;Onderwijs\n".encode("cp1252")
    )
    report = project.import_files([a, b], meta=sheet)
    assert [d.name for d in report.imported] == ["R1", "R2"]
    assert report.imported[0].attributes == {"regio": "Zwolle", "respondent": "R1", "rol": "UWV"}
    assert report.files_without_row == ["R2.txt"]
    assert report.rows_without_file == ["R3"]
    text = "\n".join(report.lines())
    assert "Metadata rows for files that were not imported: R3" in text
    assert "Imported files without a metadata row: R2.txt" in text


def test_xlsx_sheet_and_explicit_attributes(project: Project, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["file", "respondent", "region", "date"])
    from datetime import datetime

    sheet.append(["R7.txt", "R7", "Midden-Gelderland", datetime(2017, 5, 12)])
    workbook.save(tmp_path / "meta.xlsx")
    doc = _write(tmp_path, "R7.txt", "[00:00:01] R7: Goed.\n")
    report = project.import_files([doc], meta=tmp_path / "meta.xlsx", attributes={"role": "Onderwijs"})
    assert report.imported[0].attributes == {
        "date": "2017-05-12",
        "region": "Midden-Gelderland",
        "respondent": "R7",
        "role": "Onderwijs",
    }


def test_duplicates_are_refused_unless_replacing(project: Project, tmp_path: Path) -> None:
    doc = _write(tmp_path, "R1.txt", "Tekst één.\n")
    project.import_files([doc])
    copy = _write(tmp_path, "kopie.txt", "Tekst één.\n")
    report = project.import_files([doc, copy])
    assert [(p.file, p.reason) for p in report.skipped] == [  # in the files' natural order
        ("kopie.txt", "already imported as 'R1' (same content)"),
        ("R1.txt", "already imported as 'R1' (same content)"),
    ]
    changed = _write(tmp_path, "R1.txt", "Tekst twee.\n")
    report = project.import_files([changed])
    assert "a document named 'R1' already exists" in report.skipped[0].reason
    report = project.import_files([changed], replace=True)
    assert report.ok and project.documents.text("R1") == "Tekst twee.\n"
    assert len(project.documents.list()) == 1


def test_a_batch_with_bad_files_imports_the_good_ones(project: Project, tmp_path: Path) -> None:
    good = [
        _write(tmp_path, f"R{i}.txt", f"[00:00:01] R{i}: Antwoord {i} met één accent.\n") for i in range(1, 5)
    ]
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "foto.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "weg.txt"
    report = project.import_files([good[0], empty, good[1], binary, good[2], missing, good[3]])
    assert [d.name for d in report.imported] == ["R1", "R2", "R3", "R4"]
    assert [p.file for p in report.skipped] == ["foto.txt", "leeg.txt", "weg.txt"]  # natural order
    assert all(p.reason for p in report.skipped)
    assert not report.ok


def test_a_folder_imports_its_transcripts_in_natural_order(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "transcripten"
    folder.mkdir()
    for name in ("R10.txt", "R2.txt", "R1.txt", "notities.xyz"):
        _write(folder, name, f"Inhoud van {name}\n")
    report = project.import_files([folder])
    assert [d.name for d in report.imported] == ["R1", "R2", "R10"]


def test_files_given_at_once_are_imported_in_natural_order(project: Project, tmp_path: Path) -> None:
    """A shell's ``R*.txt`` gives R1, R10, R11, R2: the documents (and every list and matrix in their order)
    come as the interviews are numbered."""
    files = [_write(tmp_path, f"R{n}.txt", f"Inhoud {n}\n") for n in (1, 10, 11, 2, 3)]
    report = project.import_files(files)
    assert [d.name for d in report.imported] == ["R1", "R2", "R3", "R10", "R11"]
    assert [d.name for d in project.documents.list()] == ["R1", "R2", "R3", "R10", "R11"]


def test_a_bad_metadata_sheet_stops_before_anything_is_written(project: Project, tmp_path: Path) -> None:
    doc = _write(tmp_path, "R1.txt", "Tekst.\n")
    sheet = tmp_path / "meta.csv"
    sheet.write_text("respondent,region\nR1,Zwolle\n", encoding="utf-8")
    before = dump(project.path)
    with pytest.raises(FileImportError, match=r"meta\.csv: the metadata sheet needs a 'file' column"):
        project.import_files([doc], meta=sheet)
    assert dump(project.path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the metadata sheet is empty"),
        (b"file,region\nR1.txt,Zwolle\nR1.txt,Arnhem\n", "'R1.txt' is listed twice"),
        (b"file,region,Region\nR1.txt,a,b\n", "column 'Region' twice"),
        (b"file,region\n,Zwolle\n", "row 2 has no file name"),
    ],
)
def test_metadata_sheet_problems(tmp_path: Path, content: bytes, message: str) -> None:
    sheet = tmp_path / "meta.csv"
    sheet.write_bytes(content)
    with pytest.raises(FileImportError, match=message):
        read_metadata(sheet)


def test_an_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    sheet = tmp_path / "meta.xlsx"
    sheet.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(FileImportError, match=r"meta\.xlsx: not a readable Excel workbook"):
        read_metadata(sheet)
