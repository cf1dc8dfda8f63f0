"""Word: "Coded transcript", one document with its coded passages highlighted in their code colours.

Every coded passage carries a Word comment (shown in the margin by Word and LibreOffice) naming its
codes, with the memo and, on request, the review marks. Where passages overlap, the innermost passage's
colour shows and the overlap is underlined. A legend of the codes used opens the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from docx import Document
from docx.shared import Cm, Pt
from docx.text.run import Run

from coding.core.attributes import attribute_word
from coding.core.context import CodeRef, DocumentRef
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodingId, PassageId
from coding.core.records import CodeTree, PassageInfo, ReviewInfo
from coding.core.xml_chars import xml_text
from coding.exporting.docx_format import (
    BodyWriter,
    a4_pages,
    add_text,
    document_properties,
    grey_run,
    hex_colour,
    indented,
    lighten,
    review_line,
    shade_cell,
    shade_run,
    title_block,
)

if TYPE_CHECKING:
    from pathlib import Path

    from coding.project import Project


def write_coded_transcript(
    project: Project,
    path: Path,
    *,
    document: DocumentRef,
    codes: Sequence[CodeRef] | None = None,
    include_reviews: bool = False,
    include_memos: bool = False,
) -> None:
    info = project.documents.get(project.documents.id_of(document))
    text = project.documents.text(info.id)
    tree = project.codes.tree()
    allowed = {c.id for c in project.comparison.row_codes(codes)} if codes else None
    order = tree.order()
    passages: list[PassageInfo] = []
    for passage in project.codings.passages(info.id):
        kept = tuple(
            sorted(
                (a for a in passage.codings if allowed is None or a.code_id in allowed),
                key=lambda a: order.get(a.code_id, 0),
            )
        )
        if kept:
            passages.append(
                PassageInfo(passage.id, passage.document_id, passage.start, passage.end, passage.text, kept)
            )
    reviews: dict[CodingId, tuple[ReviewInfo, ...]] = {}
    if include_reviews:
        reviews = {q.coding_id: q.reviews for q in project.quote_service.query(documents=[info.id])}

    out = Document()
    a4_pages(out)
    document_properties(
        out,
        title=say("{name} – coded transcript", name=info.name),
        subject=say("{project}, coded transcript of {name}", project=project.path.stem, name=info.name),
        author=project.coder,
    )
    body = BodyWriter(out)
    described = " · ".join(f"{attribute_word(k)} {v}" for k, v in info.attributes.items())
    title_block(
        body,
        info.name,
        say("Coded transcript · {described}", described=described) if described else say("Coded transcript"),
    )
    _legend(body, tree, passages)
    if include_memos:
        for memo in project.memos.list(document=info.id):
            paragraph = indented(body.paragraph(), left=Cm(0))
            add_text(paragraph, f"Memo{' – ' + memo.title if memo.title else ''}: ").italic = True
            grey_run(paragraph, memo.text, size=9)

    first_run: dict[PassageId, Run] = {}
    last_run: dict[PassageId, Run] = {}
    by_start = sorted(passages, key=lambda s: (s.start, s.end))
    cuts = sorted({s.start for s in passages} | {s.end for s in passages})
    pointer = 0
    active: list[PassageInfo] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        paragraph = body.paragraph()
        paragraph.paragraph_format.space_after = Pt(4)
        points = [line_start, *(c for c in cuts if line_start < c < line_end), line_end]
        for a, b in pairwise(points):
            if a == b:
                continue
            while pointer < len(by_start) and by_start[pointer].start <= a:
                active.append(by_start[pointer])
                pointer += 1
            active = [s for s in active if s.end > a]
            run = add_text(paragraph, text[a:b])
            if active:
                inner = min(active, key=lambda s: (s.end - s.start, -s.start))
                colour = hex_colour(tree.get(inner.codings[0].code_id).colour)
                shade_run(run, lighten(colour))
                if len(active) > 1:
                    run.underline = True
            for passage in active:
                first_run.setdefault(passage.id, run)
                if passage.end <= b:
                    last_run[passage.id] = run
        line_start = line_end + 1

    for passage in passages:
        if passage.id not in first_run:
            continue
        paths = [tree.get(a.code_id).path_text for a in passage.codings]
        author = next((a.coder for a in passage.codings if a.coder), None) or "Codewerk"
        comment = out.add_comment(
            [first_run[passage.id], last_run.get(passage.id, first_run[passage.id])],
            text=xml_text("; ".join(paths)),
            author=xml_text(author),
            initials=xml_text("".join(part[:1] for part in author.split()[:3]).upper()),
        )
        for application in passage.codings:
            if application.memo:
                comment.add_paragraph(xml_text(say("Memo: {memo}", memo=application.memo)))
            for review in reviews.get(application.coding_id, ()):
                comment.add_paragraph(xml_text(review_line(review)))
    body.close()
    out.save(str(path))


def _legend(body: BodyWriter, tree: CodeTree, passages: Sequence[PassageInfo]) -> None:
    counts: dict[CodeId, int] = {}
    for passage in passages:
        for application in passage.codings:
            counts[application.code_id] = counts.get(application.code_id, 0) + 1
    if not counts:
        grey_run(body.paragraph(), say("No coded passages."), italic=True)
        return
    table = body.table(1, 2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = say("Code")
    table.rows[0].cells[1].text = say("Passages")
    for code in tree:
        if code.id not in counts:
            continue
        cells = table.add_row().cells
        cells[0].text = xml_text(code.path_text)
        cells[1].text = str(counts[code.id])
        shade_cell(cells[0], lighten(hex_colour(code.colour)))
    table.autofit = False
    widths = (Cm(14), Cm(3))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)
    body.paragraph()
