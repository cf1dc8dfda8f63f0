"""Merging the analysis: review marks, memos and judgements."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from coding.core.i18n import text as say
from coding.refi.import_plan import NotePlan
from coding.refi.import_state import MergeState
from models import Code, Judgement, JudgementEvidence, Memo, Review


class AnalysisMerge(MergeState):
    def import_reviews(self, notes: NotePlan) -> None:
        rows = self.s.execute(select(Review.guid, Review.coding_id, Review.coder_id)).all()
        guids = {row.guid for row in rows}
        pairs = {(row.coding_id, row.coder_id) for row in rows}
        new = []
        for coding_guid, marks in notes.reviews.items():
            coding_id = self.codings.get(coding_guid)
            if coding_id is None:
                continue
            for mark in marks:
                coder_id = self.users[mark.user]
                if mark.note.guid in guids or (coding_id, coder_id) in pairs:
                    self.existing["reviews"] += 1
                    continue
                guids.add(mark.note.guid)
                pairs.add((coding_id, coder_id))
                new.append(
                    {
                        "guid": mark.note.guid,
                        "coding_id": coding_id,
                        "coder_id": coder_id,
                        "status": mark.status,
                        "comment": mark.note.text.strip(),
                        "updated_at": mark.note.modified or mark.note.created or self.now,
                    }
                )
        self.w.insert_many(Review, new)
        self.added["reviews"] += len(new)

    def import_memos(self, notes: NotePlan) -> None:
        guids = set(self.s.execute(select(Memo.guid)).scalars())
        judgements = set(self.s.execute(select(Judgement.guid)).scalars())
        new = []
        for plan in notes.memos:
            note = plan.note
            if note.guid in judgements:
                continue
            if note.guid in guids:
                self.existing["memos"] += 1
                continue
            document_id = code_id = None
            if plan.document is not None:
                doc = self.docs.get(plan.document)
                if doc is None:
                    self.skip(
                        say("Note '{name}'", name=note.name), say("belongs to a source that was not imported")
                    )
                    continue
                document_id = doc.id
            if plan.code is not None:
                code_id = self.codes.get(plan.code)
            guids.add(note.guid)
            row: dict[str, Any] = {
                "guid": note.guid,
                "document_id": document_id,
                "code_id": code_id,
                "coder_id": self.user(note.user),
                "title": (plan.title if plan.title is not None else note.name)[:300],
                "text": plan.text if plan.text is not None else note.text,
            }
            created = note.created or note.modified
            if created is not None:
                row["created_at"] = created
                row["updated_at"] = note.modified or created
            new.append(row)
        self.w.insert_many(Memo, new)
        self.added["memos"] += len(new)

    def import_judgements(self) -> None:
        rows = self.s.execute(
            select(Judgement.guid, Judgement.attribute, Judgement.value, Judgement.code_id)
        ).all()
        guids = {row.guid for row in rows}
        triples = {(row.attribute, row.value, row.code_id) for row in rows}
        scales = dict(self.s.execute(select(Code.id, Code.scale)).all())
        for judgement in self.data.extension.judgements:
            where = f"judgement {judgement.attribute} = {judgement.value}"
            code_id = self.codes.get(judgement.code)
            if code_id is None:
                self.skip(where, say("refers to no code ({guid})", guid=judgement.code))
                continue
            attribute = " ".join(judgement.attribute.split()).lower()[:100]
            if judgement.guid in guids or (attribute, judgement.value, code_id) in triples:
                self.existing["judgements"] += 1
                continue
            scale = scales.get(code_id)
            if scale is not None and judgement.score and judgement.score not in scale:
                self.skip(
                    where,
                    say(
                        "score '{score}' is not on the code's scale ({scale})",
                        score=judgement.score,
                        scale=", ".join(scale),
                    ),
                )
                continue
            guids.add(judgement.guid)
            triples.add((attribute, judgement.value, code_id))
            judgement_id = self.w.insert(
                Judgement,
                {
                    "guid": judgement.guid,
                    "attribute": attribute,
                    "value": judgement.value,
                    "code_id": code_id,
                    "score": judgement.score,
                    "justification": judgement.justification,
                    "coder_id": self.user(judgement.coder),
                    "updated_at": judgement.updated_at or self.now,
                },
            )
            evidence = dict.fromkeys(self.selections[g] for g in judgement.evidence if g in self.selections)
            self.w.insert_many(
                JudgementEvidence, ({"judgement_id": judgement_id, "passage_id": s} for s in evidence)
            )
            self.added["judgements"] += 1
