"""The agreement report as an Excel workbook: one sheet with the figures (and the method in words),
one with the disagreements. Written to a temporary file and moved into place; never overwrites
unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from coding.agreement.report import AgreementReport
from coding.core.errors import InvalidInputError
from coding.core.i18n import text, texts


def write_agreement_xlsx(report: AgreementReport, path: Path | str, *, overwrite: bool = False) -> Path:
    from openpyxl import Workbook  # loaded when first written, not at start-up
    from openpyxl.styles import Font

    path = Path(path)
    if path.exists() and not overwrite:
        raise InvalidInputError(
            text("{name}: already exists (choose another name or allow overwriting)", name=path.name)
        )
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = text("Agreement")
    sheet.append(
        [*texts(["Code", "Units", "Agreement", "Cohen κ", "κ 95% low", "κ 95% high", "Brennan–Prediger κ",
                 "Krippendorff α", "α 95% low", "α 95% high", "Both"]),
         text("{coder} only", coder=report.coder_a), text("{coder} only", coder=report.coder_b), text("Neither"),
         text("Why n/a")]
    )  # fmt: skip
    for row in report.rows:
        reasons = sorted({f.reason for f in (row.kappa, row.bp_kappa, row.alpha) if f.value is None})
        sheet.append(
            [row.code, row.units, row.agreement.value, row.kappa.value, row.kappa_ci.low, row.kappa_ci.high,
             row.bp_kappa.value, row.alpha.value, row.alpha_ci.low, row.alpha_ci.high, row.both, row.only_a,
             row.only_b, row.neither, "; ".join(reasons)]
        )  # fmt: skip
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in "CDEFGHIJ":
        for cell in sheet[column][1:]:
            cell.number_format = "0.000"
    sheet.column_dimensions["A"].width = 50
    sheet.append([])
    sheet.append([text("Method"), report.method])
    disagreements = book.create_sheet(text("Disagreements"))
    disagreements.append([*texts(["Document", "Start", "End"]), report.coder_a, report.coder_b, text("Text")])
    for d in report.disagreements:
        disagreements.append([d.document, d.start, d.end, "; ".join(d.codes_a), "; ".join(d.codes_b), d.text])
    for cell in disagreements[1]:
        cell.font = Font(bold=True)
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        book.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
