"""Test helpers: hand-written REFI-QDA files and a comparable view of a whole project."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from coding import Project
from coding.core.ids import CodeId
from models import Coder, CodeSet, CodeSetMember, Coding, Memo, Passage

NS = "urn:QDA-XML:project:1.0"


def write_qdpx(
    path: Path,
    qde: str | bytes,
    files: dict[str, bytes | str] | None = None,
    *,
    qde_name: str = "project.qde",
) -> Path:
    """A .qdpx with ``qde`` as project.qde and ``files`` (name → content) beside it."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(qde_name, qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, content in (files or {}).items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return path


def guid(n: int) -> str:
    """A readable fixed GUID: ``guid(7)`` → ``00000000-0000-4000-8000-000000000007``."""
    return f"00000000-0000-4000-8000-{n:012d}"


def canonical(project: Project) -> dict[str, Any]:
    """Everything a round trip must keep, keyed by GUID and name instead of database ids."""
    tree = project.codes.tree()
    code_guid = {code.id: code.guid for code in tree}
    documents = project.documents.list()
    doc_guid = {doc.id: doc.guid for doc in documents}
    with project.store.read() as session:
        passage_guid = dict(session.execute(select(Passage.id, Passage.guid)).all())
        coder_guids = sorted(session.execute(select(Coder.guid, Coder.name)).all())
        memo_guids = dict(session.execute(select(Memo.id, Memo.guid)).all())
        coding_guids = dict(session.execute(select(Coding.id, Coding.guid)).all())
        sets = (
            session.execute(select(CodeSet.id, CodeSet.guid, CodeSet.name, CodeSet.description))
            .mappings()
            .all()
        )
        members = session.execute(select(CodeSetMember.set_id, CodeSetMember.code_id)).all()
    codings = []
    for doc in documents:
        for passage in project.codings.passages(doc.id):
            for application in passage.codings:
                info = project.codings.get(application.coding_id)
                codings.append(
                    (
                        doc.guid,
                        passage.start,
                        passage.end,
                        passage.text,
                        passage_guid[passage.id],
                        code_guid[application.code_id],
                        application.memo,
                        application.coder,
                        info.created_at,
                    )
                )
    quotes = project.quotes()
    reviews = sorted(
        (coding_guids[q.coding_id], r.reviewer, r.status, r.comment, r.updated_at)
        for q in quotes
        for r in q.reviews
    )
    return {
        "coders": coder_guids,
        "documents": [
            (
                d.guid,
                d.name,
                project.documents.text(d.id),
                dict(d.attributes),
                d.source_format,
                d.original_filename,
                d.sha256,
                d.encoding,
                d.imported_at,
                [
                    (t.speaker, t.start, t.end, t.body_start, t.timestamp)
                    for t in project.documents.turns(d.id)
                ],
                project.documents.pages(d.id),
            )
            for d in documents
        ],
        "codes": [
            (
                c.guid,
                c.path,
                c.colour,
                c.description,
                c.label,
                c.kind,
                c.question,
                c.category,
                c.scale,
                c.search_terms,
                c.inductive,
            )
            for c in tree
        ],
        "codings": sorted(codings, key=repr),
        "reviews": reviews,
        "memos": sorted(
            (
                memo_guids[m.id],
                doc_guid.get(m.document_id) if m.document_id else None,
                code_guid.get(m.code_id) if m.code_id else None,
                m.title,
                m.text,
                m.coder,
                m.created_at,
                m.updated_at,
            )
            for m in project.memos.list()
        ),
        "judgements": sorted(
            (
                a.attribute,
                a.value,
                code_guid[a.code_id],
                a.score,
                a.justification,
                a.coder,
                a.updated_at,
                tuple(sorted(passage_guid[s] for s in a.evidence)),
            )
            for a in project.judgements.list()
        ),
        "code_sets": sorted(
            (
                s["guid"],
                s["name"],
                s["description"],
                tuple(sorted(code_guid[CodeId(c)] for set_id, c in members if set_id == s["id"])),
            )
            for s in sets
        ),
    }
