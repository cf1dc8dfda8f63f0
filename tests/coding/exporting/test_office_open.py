"""The exported workbook, documents and CSV open in LibreOffice: converted headless to PDF without
error, on A4 at a readable size, with every cell's text printed whole (issue 18 items 6–8), quotes
that look like formulas shown as the text they are."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from coding import Project
from tests.regions import FORMULA, build_regions, quote_sheet_rows

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
A4 = (595.3, 841.9)  # points

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc and libreoffice-writer",
    ),
]


def convert(files: list[Path], out: Path, profile: Path, infilter: str | None = None) -> None:
    assert SOFFICE is not None
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    result = subprocess.run(
        [*command, "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for source in files:
        pdf = out / f"{source.stem}.pdf"
        assert pdf.exists() and pdf.stat().st_size > 1000, f"{source.name} did not convert: {result.stdout}"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("office")
    with Project.create(folder / "studie.codewerk", codebook="rwb", coder="Anna de Vries") as project:
        build_regions(project)
        project.memos.write("Vertrouwen meten we per regio.", title="Aanpak", code="Vertrouwen")
        files = [
            project.export(folder / "vergelijking.xlsx"),
            project.export(folder / "quotes.docx", include_reviews=True, include_memos=True),
            project.export(folder / "transcript.docx", kind="transcript", document="R5_onderwijs"),
        ]
        csv = project.export(folder / "rijen.csv")
    profile = folder / "lo-profile"  # a profile of its own: no clash with a running office
    out = folder / "pdf"
    convert(files, out, profile)
    convert([csv], out, profile, infilter="CSV:44,34,76,1")  # comma, double quote, UTF-8, from line 1
    return {path.name: out / f"{path.stem}.pdf" for path in [*files, csv]} | {"xlsx": files[0]}


def pdf_text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages)


def page_sizes(path: Path) -> set[tuple[float, float]]:
    return {
        (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1))
        for page in PdfReader(str(path)).pages
    }


def words(text: str) -> set[str]:
    return set(re.findall(r"\w{2,}", text))


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def overprinted(pdf: Path) -> list[tuple[int, str, str]]:
    """Words printed over each other (``pdftotext -bbox``): what a row too low for its wrapped text
    shows, its clipped lines running into the next row. (The text of a clipped cell is still in the
    PDF's text, so reading the text alone cannot tell.) Boxes of neighbouring lines touch; only
    boxes that share more than half their height count."""
    assert PDFTOTEXT is not None
    layout = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    found = []
    for number, page in enumerate(layout.stdout.split("<page ")[1:], start=1):
        boxes = sorted(
            (
                (float(a), float(b), float(c), float(d), html.unescape(w))
                for a, b, c, d, w in _WORD.findall(page)
            ),
            key=lambda box: box[1],
        )
        for index, first in enumerate(boxes):
            for second in boxes[index + 1 :]:
                if second[1] > first[3]:
                    break
                across = min(first[2], second[2]) - max(first[0], second[0])
                down = min(first[3], second[3]) - max(first[1], second[1])
                if across > 1 and down > 0.5 * min(first[3] - first[1], second[3] - second[1]):
                    found.append((number, first[4], second[4]))
    return found


def test_the_workbook_prints_on_a4_landscape_with_every_cell_whole(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["vergelijking.xlsx"]
    assert page_sizes(pdf) == {(A4[1], A4[0])}
    assert 6 <= len(PdfReader(str(pdf)).pages) <= 30
    printed = words(pdf_text(pdf))
    book = load_workbook(pdfs["xlsx"])
    for sheet in book.worksheets[1:-2]:  # the group sheets: code, role, document, quote, memo
        for row in quote_sheet_rows(sheet)[1:]:
            for value in row[:7]:
                missing = words(str(value or "")) - printed
                assert not missing, f"{sheet.title}: {value!r} is cut in print ({sorted(missing)})"
    text = pdf_text(pdf)
    assert "HYPERLINK" in text and "klik hier" in text  # shown as text, not evaluated to a link
    assert "#NAME?" not in text and "Err:" not in text
    assert "Het vertrouwen groeit" in text and "Judgements for region Zwolle" in text
    assert "Overview – page 1 of" in text
    assert "Bar chart: judgements per concept" in text
    assert "Spider chart" not in text  # two judged concepts: a spider would be a single line


@pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed; .ci/run installs it"
)
def test_no_cell_text_is_cut_or_runs_into_another(pdfs: dict[str, Path]) -> None:
    """Rows are as tall as their wrapped text (LibreOffice does not grow rows whose height is set)."""
    for name in ("vergelijking.xlsx", "quotes.docx"):
        assert overprinted(pdfs[name]) == [], name


def test_the_word_files_print_on_a4_with_page_numbers(pdfs: dict[str, Path]) -> None:
    for name in ("quotes.docx", "transcript.docx"):
        assert page_sizes(pdfs[name]) == {A4}, name
        assert "Page 1 of" in pdf_text(pdfs[name]), name
    quotes = pdf_text(pdfs["quotes.docx"])
    assert 2 <= len(PdfReader(str(pdfs["quotes.docx"])).pages) <= 8
    assert "Quotes per concept" in quotes and "(R2, UWV)" in quotes and "Contents" in quotes
    assert "Memo – Aanpak: Vertrouwen meten we per regio." in quotes
    assert FORMULA.split('"')[1] in pdf_text(pdfs["transcript.docx"])


def test_the_csv_opens_in_calc_with_quotes_as_typed(pdfs: dict[str, Path]) -> None:
    text = pdf_text(pdfs["rijen.csv"])
    assert "-/- zou ik zeggen" in text and "+31 6 1234 5678" in text  # not guarded, not a number
    assert "'=HYPERLINK" in text  # guarded: Calc shows the apostrophe (--csv-guard none to leave it out)
