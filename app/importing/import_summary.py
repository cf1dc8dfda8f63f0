"""The summary after an import, as HTML for a text browser: what was imported (with encoding and
speakers), replaced (with the coded passages that could not be kept), skipped and why, metadata
mismatches and notes. The same facts as ``ImportReport.lines()`` prints on the command line."""

from __future__ import annotations

from html import escape

from coding.importing.import_service import ImportReport, encoding_label

OK = "#1b6e2a"
WARNING = "#a15c00"
PROBLEM = "#b3261e"


def _heading(text: str, colour: str) -> str:
    return f'<h3 style="color:{colour}; margin-bottom:2px">{escape(text)}</h3>'


def _speakers(report: ImportReport, name: str) -> str:
    speakers = report.speakers.get(name)
    if not speakers:
        return "<i>no speakers found</i>"
    return ", ".join(f"{escape(s)}&nbsp;({n})" for s, n in speakers)


def summary_title(report: ImportReport) -> str:
    parts = [f"{len(report.imported)} imported"]
    if report.replaced:
        parts.append(f"{len(report.replaced)} replaced")
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    text = ", ".join(parts)
    return f"Import cancelled: {text}" if report.cancelled else f"Import finished: {text}"


def summary_html(report: ImportReport) -> str:
    out = [f"<h2>{escape(summary_title(report))}</h2>"]
    if report.cancelled:
        out.append("<p>The import was cancelled; the files before the cancel were imported.</p>")
    if report.imported:
        out.append(_heading(f"Imported ({len(report.imported)})", OK))
        out.append(
            '<table cellspacing="0" cellpadding="3" width="100%">'
            "<tr><th align=left>Document</th><th align=left>Format</th><th align=left>Encoding</th>"
            "<th align=right>Characters</th><th align=left>Speakers (turns)</th></tr>"
        )
        for doc in report.imported:
            out.append(
                f"<tr><td>{escape(doc.name)}</td><td>{escape(doc.source_format)}</td>"
                f"<td>{escape(encoding_label(doc.encoding)) or '—'}</td>"
                f"<td align=right>{doc.length:,}</td><td>{_speakers(report, doc.name)}</td></tr>"
            )
        out.append("</table>")
    if report.replaced:
        out.append(_heading(f"Replaced ({len(report.replaced)})", WARNING))
        out.append("<ul>")
        for item in report.replaced:
            doc = item.document
            if item.lost:
                kept = f"<b style='color:{PROBLEM}'>{len(item.lost)} coded passage(s) could not be kept:</b>"
                lost = "".join(
                    f"<li>{escape(', '.join(p.codes))}: “{escape(_short(p.text))}” ({p.start}:{p.end})</li>"
                    for p in item.lost
                )
                out.append(f"<li>{escape(doc.name)}: text replaced; {kept}<ul>{lost}</ul></li>")
            else:
                out.append(f"<li>{escape(doc.name)}: text replaced; all codings kept</li>")
        out.append("</ul>")
    if report.skipped:
        out.append(_heading(f"Skipped ({len(report.skipped)})", PROBLEM))
        out.append("<ul>")
        out.extend(f"<li><b>{escape(p.file)}</b>: {escape(p.reason)}</li>" for p in report.skipped)
        out.append("</ul>")
    if report.rows_without_file or report.files_without_row:
        out.append(_heading("Metadata sheet", WARNING))
        out.append("<ul>")
        if report.rows_without_file:
            names = ", ".join(escape(n) for n in report.rows_without_file)
            out.append(f"<li>Rows for files that were not imported: {names}</li>")
        if report.files_without_row:
            names = ", ".join(escape(n) for n in report.files_without_row)
            out.append(f"<li>Imported files without a row (no attributes from the sheet): {names}</li>")
        out.append("</ul>")
    if report.warnings:
        out.append(_heading("Notes", WARNING))
        out.append("<ul>")
        out.extend(f"<li><b>{escape(p.file)}</b>: {escape(p.reason)}</li>" for p in report.warnings)
        out.append("</ul>")
    return "\n".join(out)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
