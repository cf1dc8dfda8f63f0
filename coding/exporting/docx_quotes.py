"""Word: "Quotes per concept", the list a supervisor reviews.

A heading per concept (codebook order), under it a heading per group value with the judgement and its
justification when there is one, then every quote as an indented paragraph ``‘…’ (R5, Onderwijs)``
followed by its memo (and, on request, the review marks). A passage coded with several codes of the
concept appears once, with the finer codes named above it. A summary table of the judgements opens
the document.

Attribution follows the study's reporting conventions: an interview is cited by its respondent code
and role, ``(R5, Onderwijs)``; a document without a respondent (a policy document) by its author or
organisation and year when its attributes give them, ``(Werkbedrijf Regio Zwolle, 2017, p. 3)``,
else by its name. A quote from a PDF adds its page (``p. 3``, ``pp. 3–4``), a quote from a timed
transcript the start of its turn in the recording (``(R5, Onderwijs, 00:12:31)``). With
``without_interviewer`` a quote holds only the respondents' words, ``[…]`` where the interviewer's
turns were cut.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docx import Document
from docx.shared import Cm, Pt

from coding.core.attributes import attribute_word, known_value
from coding.core.context import CodeRef
from coding.core.i18n import language, text
from coding.core.ids import CodeId, PassageId
from coding.core.records import CodeInfo, CodeTree, JudgementInfo, MemoInfo, Quote
from coding.core.text import fold, natural_key
from coding.core.turn_spans import page_label
from coding.core.xml_chars import xml_text
from coding.exporting.docx_format import (
    BodyWriter,
    a4_pages,
    add_text,
    document_properties,
    grey_run,
    indented,
    repeat_header,
    review_line,
    shade_cell,
    shade_run,
    table_of_contents,
    title_block,
)
from coding.judgements.comparison import NO_GROUP, JudgementGrid, score_colour

if TYPE_CHECKING:
    from pathlib import Path

    from coding.project import Project


@dataclass
class _Passage:
    first: Quote
    codings: list[Quote] = field(default_factory=list)


#: Attributes that name who wrote a document without a respondent, in the order they are tried.
AUTHOR_KEYS = ("author", "auteur", "organisation", "organization", "organisatie", "source", "bron")
#: Attributes that give its year (or a date the year is taken from).
YEAR_KEYS = ("year", "jaar", "date", "datum")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def attribution(
    attributes: Mapping[str, str], document: str, pages: Sequence[int] = (), time: str = ""
) -> str:
    """How a quote is cited: ``(R5, Onderwijs)`` for an interview (respondent and role);
    ``(Werkbedrijf Regio Zwolle, 2017, p. 3)`` for a document without a respondent whose author
    (or organisation) and year are known; else ``(document name, role)``. The page of a PDF last,
    or the start of the quote's turn in the recording (``hh:mm:ss``)."""
    attrs = dict(attributes)
    author = next((attrs[k] for k in AUTHOR_KEYS if attrs.get(k)), "")
    if attrs.get("respondent") or not author:
        parts = [attrs.get("respondent") or document]
        role = known_value(attrs, "role")  # "rol", "functie" in a Dutch sheet
        if role:
            parts.append(role)
    else:
        parts = [author]
        year = next((m.group(1) for k in YEAR_KEYS if (m := _YEAR.search(attrs.get(k, "")))), None)
        if year:
            parts.append(year)
    if pages:
        parts.append(page_label(pages))
    if time:
        parts.append(time)
    return f"({', '.join(parts)})"


def write_quotes_per_concept(
    project: Project,
    path: Path,
    *,
    by: str = "region",
    codes: Sequence[CodeRef] | None = None,
    groups: Sequence[str] | None = None,
    include_reviews: bool = False,
    without_interviewer: bool = False,
    include_memos: bool = False,
    coder: str | None = None,
    include_analysis: bool = False,
) -> None:
    """``include_memos``: each concept's code memos under its heading, and the document memos at the end.
    ``coder``: only that coder's layer (a name, or ``consensus``).
    ``include_analysis``: the analysis section last (:mod:`coding.exporting.docx_analysis`)."""
    key = project.documents.attribute_named(by)
    grid = project.comparison.grid(key, codes=codes, groups=groups)
    tree = project.codes.tree()
    rows = {row.code.id: row for row in grid.rows}
    headings = [row.code for row in grid.rows if row.code.parent_id not in rows]
    descendants = {heading.id: tree.descendants(heading.id) for heading in headings}
    heading_of: dict[CodeId, CodeId] = {}
    for heading in headings:
        heading_of[heading.id] = heading.id
        for code in descendants[heading.id]:
            heading_of[code.id] = heading.id

    # heading code → group → passage, in respondent, document, position order
    cells: dict[tuple[CodeId, str], dict[PassageId, _Passage]] = {}
    quotes = (
        project.quote_service.query(
            [h.id for h in headings], exclude_interviewer=without_interviewer, coder=coder
        )
        if headings
        else []
    )
    quotes.sort(
        key=lambda q: (
            natural_key(q.attributes.get("respondent", "") or q.document),
            fold(q.document),
            q.start,
            q.end,
        )
    )
    # A second coder's work merged in: the same passage coded twice, so each quote names its coders.
    coders = len({q.coder for q in quotes}) > 1
    for quote in quotes:
        group = quote.attributes.get(key) or NO_GROUP
        cell = cells.setdefault((heading_of[quote.code_id], group), {})
        passage = cell.setdefault(quote.passage_id, _Passage(quote))
        passage.codings.append(quote)

    document = Document()
    a4_pages(document)
    document_properties(
        document,
        title=text("Quotes per concept – {name}", name=project.path.stem),
        subject=text("{name}, quotes and judgements by {key}", name=project.path.stem, key=key),
        author=project.coder,
    )
    body = BodyWriter(document)
    subtitle = text("{name} · by {key}", name=project.path.stem, key=attribute_word(key))
    if without_interviewer:
        subtitle += " · " + text("respondents' words only, […] where the interviewer was left out")
    title_block(body, "Quotes per concept", subtitle)
    empty = [h for h in headings if not rows[h.id].quotes and not rows[h.id].judged]
    memos = project.memos.list() if include_memos else []
    contents: list[tuple[int, str]] = [(1, "Judgements")] if _judged(grid) else []
    for heading in headings:
        if heading not in empty:
            contents.append((1, _heading_text(heading)))  # the concepts (their groups would repeat)
    if any(m.document_id is not None for m in memos):
        contents.append((1, "Document memos"))
    if include_analysis:
        contents.append((1, "Analysis"))
    table_of_contents(body, contents)
    _summary(body, grid)
    for heading in headings:
        if heading in empty:
            continue
        body.heading(_heading_text(heading), 1)
        if heading.description:
            grey_run(body.paragraph(), heading.description, italic=True, size=9)
        _code_memos(body, tree, heading, [m for m in memos if m.code_id is not None])
        for column, value in enumerate(grid.values):
            body.heading(value, 2)
            judgement = rows[heading.id].cells[column].judgement
            if judgement is not None:
                _judgement(body, judgement, heading, heading.name)
            for code in descendants[heading.id]:
                sub = rows[code.id].cells[column].judgement if code.id in rows else None
                if sub is not None:
                    _judgement(body, sub, code, code.path_text)
            passages = cells.get((heading.id, value), {})
            if not passages:
                grey_run(body.paragraph(), text("No quotes."), italic=True)
            evidence = set(judgement.evidence) if judgement else set()
            for passage in passages.values():
                _quote(
                    body,
                    tree,
                    passage,
                    heading,
                    include_reviews,
                    passage.first.passage_id in evidence,
                    coders,
                )
    if empty:
        grey_run(
            body.paragraph(),
            text("Without quotes or judgements: ") + ", ".join(h.name for h in empty) + ".",
            italic=True,
        )
    _document_memos(body, project, [m for m in memos if m.document_id is not None])
    if include_analysis:
        from coding.exporting.docx_analysis import write_analysis

        write_analysis(body, project, key)
    body.close()
    document.save(str(path))


def _heading_text(code: CodeInfo) -> str:
    """The concept's path, and its English label in an English document (``Vertrouwen (Trust)``); a
    Dutch document keeps the codebook's own Dutch name, without English in brackets."""
    name = " › ".join(code.path)
    if code.label and code.label != code.name and language() == "en":
        name += f" ({code.label})"
    return name


def _judged(grid: JudgementGrid) -> bool:
    """Whether the document opens with the judgements table."""
    return any(v != NO_GROUP for v in grid.values) and any(c.judgement for r in grid.rows for c in r.cells)


def _memo(body: BodyWriter, memo: MemoInfo, label: str = "") -> None:
    head = " – ".join(p for p in (label, memo.title) if p)
    paragraph = indented(body.paragraph(), left=Cm(0.5))
    if head:
        add_text(paragraph, f"{head}: ").italic = True
    grey_run(paragraph, memo.text, size=9)


def _code_memos(body: BodyWriter, tree: CodeTree, heading: CodeInfo, memos: list[MemoInfo]) -> None:
    """The memos of a concept and of its codes, under the concept's heading."""
    within = {heading.id: heading, **{code.id: code for code in tree.descendants(heading.id)}}
    for memo in memos:
        if memo.code_id in within:
            code = within[memo.code_id]
            _memo(
                body,
                memo,
                text("Memo")
                if code.id == heading.id
                else text("Memo on {path}", path=" › ".join(code.path[1:])),
            )


def _document_memos(body: BodyWriter, project: Project, memos: list[MemoInfo]) -> None:
    if not memos:
        return
    body.heading("Document memos", 1)
    documents = {d.id: d for d in project.documents.list(with_counts=False)}
    for document_id in dict.fromkeys(m.document_id for m in memos):
        doc = documents.get(document_id) if document_id is not None else None
        if doc is None:
            continue
        body.heading(f"{doc.name} {attribution(doc.attributes, doc.name)}", 3)
        for memo in memos:
            if memo.document_id == document_id:
                _memo(body, memo)


def _summary(body: BodyWriter, grid: JudgementGrid) -> None:
    """The comparison table: judged codes × group values, score and justification. Its header row
    is repeated on every page it runs onto, and no row is split across pages."""
    values = [v for v in grid.values if v != NO_GROUP]
    rows = [row for row in grid.rows if any(c.judgement for c in row.cells)]
    if not rows or not values:
        return
    body.heading("Judgements", 1)
    table = body.table(1, 1 + len(values))
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = text("Code")
    for i, value in enumerate(values, start=1):
        header[i].text = xml_text(value)
    for row in rows:
        cells = table.add_row().cells
        cells[0].text = xml_text(row.code.path_text)
        for i, value in enumerate(values, start=1):
            cell = row.cells[grid.values.index(value)]
            if cell.judgement is None:
                continue
            paragraph = cells[i].paragraphs[0]
            score = paragraph.add_run(xml_text(cell.score))
            score.bold = True
            if cell.justification:
                paragraph.add_run(xml_text(f" {cell.justification}"))
            colour = score_colour(cell.score, row.code.scale)
            if colour:
                shade_cell(cells[i], colour.lstrip("#"))
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    for title in header:
        for run in title.paragraphs[0].runs:
            run.bold = True
    repeat_header(table)


def _judgement(body: BodyWriter, judgement: JudgementInfo, code: CodeInfo, label: str) -> None:
    paragraph = body.paragraph()
    paragraph.paragraph_format.keep_with_next = True  # never alone at the foot of a page
    add_text(
        paragraph, text("Judgement") if label == code.name else text("Judgement {label}", label=label)
    ).bold = True
    add_text(paragraph, ": ")
    score = add_text(paragraph, f" {judgement.score} " if judgement.score else " – ")
    score.bold = True
    colour = score_colour(judgement.score, code.scale)
    if colour:
        shade_run(score, colour.lstrip("#"))
    if judgement.justification:
        add_text(paragraph, f"  {judgement.justification}")


def _quote(
    body: BodyWriter,
    tree: CodeTree,
    passage: _Passage,
    heading: CodeInfo,
    include_reviews: bool,
    evidence: bool,
    coders: bool = False,
) -> None:
    first = passage.first
    finer = [
        tree.get(q.code_id).path[heading.depth + 1 :] for q in passage.codings if q.code_id != heading.id
    ]
    if finer:
        label = "; ".join(dict.fromkeys(" › ".join(path) for path in finer))  # two coders: the code once
        code_line = indented(body.paragraph(), after=0)
        code_line.paragraph_format.keep_with_next = True  # the code line stays with its quote
        grey_run(code_line, label, size=8)
    paragraph = indented(body.paragraph())
    paragraph.paragraph_format.widow_control = True
    add_text(paragraph, f"‘{first.text}’ ")
    grey_run(paragraph, attribution(first.attributes, first.document, first.pages, first.time_label))
    if evidence:
        grey_run(paragraph, text(" · evidence"), italic=True)
    if coders:
        names = ", ".join(dict.fromkeys(q.coder or "?" for q in passage.codings))
        grey_run(paragraph, text(" · coded by {names}", names=names))
    memos = [q.memo for q in passage.codings if q.memo]
    for memo in dict.fromkeys(memos):
        grey_run(indented(body.paragraph()), text("Memo: {memo}", memo=memo), italic=True, size=9)
    if include_reviews:
        for quote in passage.codings:
            for review in quote.reviews:
                grey_run(indented(body.paragraph()), review_line(review), italic=True, size=9)
            for message in quote.messages:  # the conversation: the student's replies, earlier comments
                line = f"{message.author or '?'}: {message.text}"
                grey_run(indented(body.paragraph()), line, italic=True, size=9)
