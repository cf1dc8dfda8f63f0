"""Pictures of printed exports: the first pages of the demo project's Word and Excel exports as
LibreOffice prints them (A4), for the README. Needs LibreOffice (``soffice``) and ``pdftoppm``::

    .venv/bin/python docs/screenshots/export_pages.py

Writes ``export_word_quotes.png`` (page 1 of the quotes per concept), ``export_excel_overview.png``
(the Overview), ``export_excel_chart.png`` (the spider chart's page) and ``export_excel_region.png``
(a region's sheet: its judgements, then its quotes) beside itself.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from coding.demo import build_demo_project  # noqa: E402


def page_png(pdf: Path, page: int, target: Path, dpi: int = 70) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(stem),
        ],
        check=True,
    )


def find_page(pdf: Path, text: str, *, last: bool = False) -> int:
    """The first (or last) page whose text holds ``text``. A chart's title is in the text of the page
    before the chart's too (LibreOffice writes the cut-off part of the drawing there, invisibly)."""
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=False
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    for page in range(pages, 0, -1) if last else range(1, pages + 1):
        found = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        if text in found:
            return page
    raise SystemExit(f"no page of {pdf.name} shows {text!r}")


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        project = build_demo_project(work / "demo.codewerk", coder="Anna de Vries")
        files = [
            project.export(work / "quotes.docx", include_memos=True),
            project.export(work / "vergelijking.xlsx"),
        ]
        project.close()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
        )
        quotes, book = work / "quotes.pdf", work / "vergelijking.pdf"
        page_png(quotes, 1, HERE / "export_word_quotes.png")
        page_png(book, 1, HERE / "export_excel_overview.png")
        page_png(book, find_page(book, "Spider chart", last=True), HERE / "export_excel_chart.png")
        page_png(book, find_page(book, "Judgements for region"), HERE / "export_excel_region.png")


if __name__ == "__main__":
    main()
