"""The exported workbook and documents open in LibreOffice: converted headless to PDF without error,
with quotes that look like formulas shown as the text they are."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from coding import Project
from tests.regions import FORMULA, build_regions

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc and libreoffice-writer",
    ),
]


def pdf_text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages)


def test_exports_convert_to_pdf_in_libreoffice(project: Project, tmp_path: Path) -> None:
    build_regions(project)
    files = [
        project.export(tmp_path / "vergelijking.xlsx"),
        project.export(tmp_path / "quotes.docx", include_reviews=True),
        project.export(tmp_path / "transcript.docx", kind="transcript", document="R5_onderwijs"),
    ]
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()  # a profile of its own: no clash with a running office
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
        ]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for source in files:
        pdf = out / f"{source.stem}.pdf"
        assert pdf.exists() and pdf.stat().st_size > 1000, f"{source.name} did not convert: {result.stdout}"
        assert len(PdfReader(str(pdf)).pages) >= 1
    sheets = pdf_text(out / "vergelijking.pdf")
    assert "HYPERLINK" in sheets and "klik hier" in sheets  # shown as text, not evaluated to a link
    assert "#NAME?" not in sheets and "Err:" not in sheets
    assert "Het vertrouwen groeit" in sheets
    quotes = pdf_text(out / "quotes.pdf")
    assert "Quotes per concept" in quotes and "(R2, UWV)" in quotes
    assert FORMULA.split('"')[1] in pdf_text(out / "transcript.pdf")
