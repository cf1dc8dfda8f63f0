"""Review files as another program saves them: exported, filled in, then converted by LibreOffice
headless (``soffice --convert-to xlsx|docx``, as a file saved by Calc or Writer looks), and read back.
The exported files also convert to PDF, with the instructions, the quotes and the marks readable."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from coding import Project
from tests.coding.reviews.helpers import fill_in
from tests.coding.reviews.test_review_document import fill_in_word
from tests.regions import FORMULA, build_regions

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TRUST = "Het vertrouwen groeit, al gaat het langzaam."
COMMENT = "Mooi citaat 👍\nmaar welke regio?"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc and libreoffice-writer",
    ),
]


def convert(files: list[Path], to: str, out: Path) -> list[Path]:
    assert SOFFICE is not None
    profile = (out.parent / "lo-profile").as_uri()  # a profile of its own: no clash with a running office
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to, "--outdir", str(out)]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    converted = [out / f"{f.stem}.{to.split(':', maxsplit=1)[0]}" for f in files]
    for path in converted:
        assert path.exists(), f"{path.name} was not written: {result.stdout}"
    return converted


@pytest.fixture
def regions(project: Project) -> Project:
    build_regions(project)
    project.history.clear()
    return project


def test_files_saved_by_libreoffice_read_back(regions: Project, tmp_path: Path) -> None:
    workbook = regions.export(tmp_path / "review.xlsx", kind="review", reviewer="Anna")
    fill_in(
        workbook,
        {
            f"Vertrouwen|{TRUST}": ("question", COMMENT),
            f"Vertrouwen|{FORMULA}": ("agreed", "=1+1"),
            "Urgentiebesef|hoge urgentie": ("disagree", "te stellig"),
        },
        tmp_path / "filled.xlsx",
    )
    document = regions.export(tmp_path / "review.docx", kind="review", reviewer="Piet", language="nl")
    fill_in_word(
        document, {TRUST: ("akkoord", COMMENT), "hoge urgentie": ("Oneens", "")}, tmp_path / "filled.docx"
    )
    [calc] = convert([tmp_path / "filled.xlsx"], "xlsx", tmp_path / "calc")
    [writer] = convert([tmp_path / "filled.docx"], "docx", tmp_path / "writer")
    assert load_workbook(calc).sheetnames[-1] == "codewerk"  # LibreOffice kept the hidden sheet

    report = regions.import_review(calc)
    assert (report.added, report.changed, report.unchanged, report.ok) == (3, 0, 0, True), report.lines()
    report = regions.import_review(writer)
    assert (report.added, report.changed, report.unchanged, report.ok) == (2, 0, 0, True), report.lines()
    marks = {(r.reviewer, r.quote): (r.mark, r.comment) for r in regions.reviews.list()}
    assert marks == {
        ("Anna", TRUST): ("question", COMMENT),
        ("Anna", FORMULA): ("agreed", "=1+1"),
        ("Piet", TRUST): ("agreed", COMMENT),
    }
    # read twice: nothing changes
    assert regions.import_review(calc).applied == 0 and regions.import_review(writer).applied == 0


def test_review_files_convert_to_pdf_readably(regions: Project, tmp_path: Path) -> None:
    [quote] = [q for q in regions.quotes("Vertrouwen") if q.text == TRUST]
    regions.reviews.mark(quote.coding_id, "question", "bron?", reviewer="Anna")
    regions.reviews.reply("Zie p. 3 van het verslag", coding_id=quote.coding_id, author="student")
    files = [
        regions.export(tmp_path / "sheet.xlsx", kind="review", reviewer="Anna"),
        regions.export(tmp_path / "word.docx", kind="review", reviewer="Anna"),
    ]
    sheet_pdf, word_pdf = convert(files, "pdf", tmp_path / "pdf")
    for pdf in (sheet_pdf, word_pdf):
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(pdf)).pages)
        assert "Reviewing the quotes and judgements" in text and "Beoordeling van de citaten" in text
        assert "Het vertrouwen groeit" in text and "Zie p. 3 van het verslag" in text and "bron?" in text
        assert "HYPERLINK" in text  # a quote that looks like a formula prints as its text
        assert "⟦cw:" not in text and "#NAME?" not in text and "Err:" not in text  # ids stay hidden


def test_document_names_and_code_paths_break_only_between_their_parts(tmp_path: Path) -> None:
    """The Word review of the demo in LibreOffice: the source column was so narrow that
    ``R1_secretaris_midden-gelderland`` broke as ``R1_secretaris_mi / dden-gelderland``, and code paths
    in the code column as ``communicatie/Infor / matie``. A name may break only after ``_``, ``-`` or ``/``,
    and is written as it is (zero-width spaces once gave those breaks, but hid the name from Word's Find)."""
    from coding.demo import build_demo_project

    with build_demo_project(tmp_path / "demo.codewerk") as demo:
        quotes = demo.quotes()
        names = {quote.document for quote in quotes}
        paths = {quote.code_path for quote in quotes}
        document = demo.export(tmp_path / "review.docx", kind="review", reviewer="Anna", language="nl")
    [pdf] = convert([document], "pdf", tmp_path / "pdf")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
    broken = []
    for name in [*names, *(word for path in paths for word in path.replace("/", "/ ").split())]:
        if len(name) < 8:
            continue
        pattern = r"\s*".join(re.escape(char) for char in name)
        found = list(re.finditer(pattern, text))
        assert found or name not in names, name
        for match in found:
            for gap in re.finditer(r"\s+", match.group()):
                if match.group()[gap.start() - 1] not in "_-/":
                    broken.append(match.group())
    assert broken == []
