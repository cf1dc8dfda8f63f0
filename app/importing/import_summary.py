"""The summary after an import, as HTML for a text browser: what was imported (with encoding and
speakers), replaced (with the coded passages that could not be kept), skipped and why, metadata
mismatches and notes. The same facts as ``ImportReport.lines()`` prints on the command line."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app.widgets.translated import number
from coding.importing.import_service import ImportReport, encoding_label, summarise_speakers

OK = "#1b6e2a"
WARNING = "#a15c00"
PROBLEM = "#b3261e"


def _heading(text: str, colour: str) -> str:
    return f'<h3 style="color:{colour}; margin-bottom:2px">{escape(text)}</h3>'


def _speakers(report: ImportReport, name: str) -> str:
    speakers = report.speakers.get(name)
    if not speakers:
        return "<i>{}</i>".format(QCoreApplication.translate("ImportSummary", "no speakers found"))
    shown, others, other_turns = summarise_speakers(speakers)
    listed = ", ".join(f"{escape(s)}&nbsp;({number(n)})" for s, n in shown)
    if not others:
        return listed
    rest = QCoreApplication.translate("ImportSummary", "… and {count} others ({turns} turns)")
    return f"{listed}, <i>{escape(rest.format(count=number(others), turns=number(other_turns)))}</i>"


def summary_title(report: ImportReport) -> str:
    parts = [
        QCoreApplication.translate("ImportSummary", "{count} imported").format(count=len(report.imported))
    ]
    if report.replaced:
        parts.append(
            QCoreApplication.translate("ImportSummary", "{count} replaced").format(count=len(report.replaced))
        )
    if report.skipped:
        parts.append(
            QCoreApplication.translate("ImportSummary", "{count} skipped").format(count=len(report.skipped))
        )
    text = ", ".join(parts)
    if report.cancelled:
        return QCoreApplication.translate("ImportSummary", "Import cancelled: {summary}").format(summary=text)
    return QCoreApplication.translate("ImportSummary", "Import finished: {summary}").format(summary=text)


def summary_html(report: ImportReport) -> str:
    out = [f"<h2>{escape(summary_title(report))}</h2>"]
    if report.cancelled:
        cancelled = QCoreApplication.translate(
            "ImportSummary", "The import was cancelled; the files before the cancel were imported."
        )
        out.append(f"<p>{cancelled}</p>")
    if report.imported:
        imported = QCoreApplication.translate("ImportSummary", "Imported ({count})")
        out.append(_heading(imported.format(count=len(report.imported)), OK))
        headers = (
            QCoreApplication.translate("ImportSummary", "Document"),
            QCoreApplication.translate("ImportSummary", "Format"),
            QCoreApplication.translate("ImportSummary", "Encoding"),
            QCoreApplication.translate("ImportSummary", "Characters"),
            QCoreApplication.translate("ImportSummary", "Speakers (turns)"),
        )
        out.append(
            '<table cellspacing="0" cellpadding="3" width="100%"><tr>'
            + "".join(
                f"<th align={'right' if i == 3 else 'left'}>{escape(h)}</th>" for i, h in enumerate(headers)
            )
            + "</tr>"
        )
        for doc in report.imported:
            out.append(
                f"<tr><td>{escape(doc.name)}</td><td>{escape(doc.source_format)}</td>"
                f"<td>{escape(encoding_label(doc.encoding)) or '—'}</td>"
                f"<td align=right>{number(doc.length)}</td><td>{_speakers(report, doc.name)}</td></tr>"
            )
        out.append("</table>")
    if report.replaced:
        replaced = QCoreApplication.translate("ImportSummary", "Replaced ({count})")
        out.append(_heading(replaced.format(count=len(report.replaced)), WARNING))
        out.append("<ul>")
        for item in report.replaced:
            doc = item.document
            if item.lost:
                not_kept = QCoreApplication.translate(
                    "ImportSummary", "{count} coded passage(s) could not be kept:"
                )
                kept = f"<b style='color:{PROBLEM}'>{not_kept.format(count=len(item.lost))}</b>"
                lost = "".join(
                    f"<li>{escape(', '.join(p.codes))}: “{escape(_short(p.text))}” ({p.start}:{p.end})</li>"
                    for p in item.lost
                )
                replaced_text = QCoreApplication.translate("ImportSummary", "text replaced;")
                out.append(f"<li>{escape(doc.name)}: {replaced_text} {kept}<ul>{lost}</ul></li>")
            else:
                all_kept = QCoreApplication.translate("ImportSummary", "text replaced; all codings kept")
                out.append(f"<li>{escape(doc.name)}: {all_kept}</li>")
        out.append("</ul>")
    if report.skipped:
        skipped = QCoreApplication.translate("ImportSummary", "Skipped ({count})")
        out.append(_heading(skipped.format(count=len(report.skipped)), PROBLEM))
        out.append("<ul>")
        out.extend(f"<li><b>{escape(p.file)}</b>: {escape(p.reason)}</li>" for p in report.skipped)
        out.append("</ul>")
    if report.rows_without_file or report.files_without_row:
        out.append(_heading(QCoreApplication.translate("ImportSummary", "Metadata sheet"), WARNING))
        out.append("<ul>")
        if report.rows_without_file:
            names = ", ".join(escape(n) for n in report.rows_without_file)
            rows = QCoreApplication.translate(
                "ImportSummary", "Rows for files that were not imported: {names}"
            )
            out.append(f"<li>{rows.format(names=names)}</li>")
        if report.files_without_row:
            names = ", ".join(escape(n) for n in report.files_without_row)
            files = QCoreApplication.translate(
                "ImportSummary", "Imported files without a row (no attributes from the sheet): {names}"
            )
            out.append(f"<li>{files.format(names=names)}</li>")
        out.append("</ul>")
    if report.warnings:
        out.append(_heading(QCoreApplication.translate("ImportSummary", "Notes"), WARNING))
        out.append("<ul>")
        out.extend(f"<li><b>{escape(p.file)}</b>: {escape(p.reason)}</li>" for p in report.warnings)
        out.append("</ul>")
    return "\n".join(out)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
