"""Intercoder agreement of two coders' layers: per code and overall, at the unit a study chooses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select

from coding.agreement.consensus import ResolveDisagreement, kept_codes
from coding.agreement.method import describe
from coding.agreement.report import ALL_CODES, AgreementReport, AgreementRow, Disagreement
from coding.agreement.statistics import (
    AgreementTable,
    bootstrap,
    brennan_prediger_kappa,
    cohen_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from coding.agreement.units import (
    UNIT_LEVELS,
    Counts,
    DocumentResult,
    Span,
    by_character,
    by_document,
    by_segment,
    by_units,
    sentences,
)
from coding.core.coder_rows import CONSENSUS
from coding.core.context import CodeRef, DocumentRef, ProjectContext
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.store import one_snapshot
from models import Coder, Coding, Document, Passage, Sentence, TextIndex, Turn


class AgreementService:
    def __init__(self, context: ProjectContext) -> None:
        self._context = context
        self._store = context.store

    def coders(self) -> list[str]:
        """The coders who coded anything in this project, by name."""
        with self._store.read() as session:
            return list(
                session.execute(
                    select(Coder.name)
                    .where(select(Coding.id).where(Coding.coder_id == Coder.id).exists())
                    .order_by(Coder.name)
                ).scalars()
            )

    def overlap(self) -> dict[tuple[str, str], int]:
        """Per pair of coders (names in order), how much both coded in the same documents: over the
        documents both coded something in, the smaller of their numbers of codings, summed. The pair a
        comparison says most about has the most; pairs sharing no document are left out."""
        with self._store.read() as session:
            rows = session.execute(
                select(Coder.name, Passage.document_id, func.count(Coding.id))
                .join(Coding, Coding.coder_id == Coder.id)
                .join(Passage, Passage.id == Coding.passage_id)
                .group_by(Coder.name, Passage.document_id)
            ).all()
        coded: dict[str, dict[int, int]] = defaultdict(dict)
        for name, document_id, count in rows:
            coded[name][document_id] = int(count)
        names = sorted(coded)
        out: dict[tuple[str, str], int] = {}
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                both = sum(min(n, coded[b][d]) for d, n in coded[a].items() if d in coded[b])
                if both:
                    out[(a, b)] = both
        return out

    def resolve(self, disagreement: Disagreement, keep: str) -> None:
        """Resolve a disagreement into the consensus layer: keep ``"a"``, ``"b"``, ``"both"`` or
        ``"neither"`` coder's codes on its unit (one undoable step)."""
        codes = kept_codes(keep, disagreement.code_ids_a, disagreement.code_ids_b)
        disputed = tuple(dict.fromkeys(disagreement.code_ids_a + disagreement.code_ids_b))
        self._context.execute(
            ResolveDisagreement(
                disagreement.document_id, disagreement.start, disagreement.end, disputed, codes, keep
            )
        )

    def consensus(self, document: DocumentRef, start: int, end: int) -> tuple[CodeId, ...]:
        """The consensus layer's codes on passages overlapping ``[start, end)`` of a document."""
        document_id = self._context.resolve.document(document)
        with self._store.read() as session:
            return tuple(
                CodeId(c)
                for c in session.execute(
                    select(Coding.code_id)
                    .distinct()
                    .join(Passage, Passage.id == Coding.passage_id)
                    .join(Coder, Coder.id == Coding.coder_id)
                    .where(
                        Passage.document_id == document_id,
                        Passage.start < end,
                        Passage.end > start,
                        Coder.name == CONSENSUS,
                    )
                ).scalars()
            )

    @one_snapshot  # the coders, their codings, the documents and the code tree of one moment
    def report(
        self,
        coder_a: str,
        coder_b: str,
        *,
        codes: Sequence[CodeRef] = (),
        documents: Sequence[DocumentRef] = (),
        unit: str = "segment",
        overlap: float = 0.5,
        disagreements: bool = True,
        bootstrap_draws: int = 1000,
    ) -> AgreementReport:
        if unit not in UNIT_LEVELS:
            raise InvalidInputError(
                say(
                    "unit '{unit}' is not one of {UNIT_LEVELS}", unit=unit, UNIT_LEVELS=", ".join(UNIT_LEVELS)
                )
            )
        if not 0.0 < overlap <= 1.0:
            raise InvalidInputError(
                say("overlap {overlap} is not a fraction above 0 and at most 1", overlap=overlap)
            )
        if coder_a == coder_b:
            raise InvalidInputError(say("agreement compares two different coders"))
        resolve = self._context.resolve
        wanted_documents = [resolve.document(d) for d in documents]
        wanted_codes = [resolve.code(c) for c in codes]
        tree = resolve.code_tree()
        with self._store.read() as session:
            ids = dict(
                session.execute(select(Coder.name, Coder.id).where(Coder.name.in_([coder_a, coder_b]))).all()
            )
            for name in (coder_a, coder_b):
                if name not in ids:
                    known = ", ".join(self.coders()) or "none yet"
                    raise NotFoundError(
                        say(
                            "no coder named '{name}' has coded in this project (coders: {known})",
                            name=name,
                            known=known,
                        )
                    )
            rows = session.execute(
                select(Passage.document_id, Passage.start, Passage.end, Coding.code_id, Coding.coder_id)
                .join(Passage, Passage.id == Coding.passage_id)
                .where(Coding.coder_id.in_([ids[coder_a], ids[coder_b]]))
            ).all()
            spans: dict[int, tuple[list[Span], list[Span]]] = defaultdict(lambda: ([], []))
            for document_id, start, end, code_id, coder_id in rows:
                spans[document_id][0 if coder_id == ids[coder_a] else 1].append(Span(start, end, code_id))
            if wanted_documents:
                chosen: list[int] = [int(d) for d in dict.fromkeys(wanted_documents)]
            else:  # the documents both coders worked on
                chosen = [d for d, (a, b) in spans.items() if a and b]
            meta = {
                row.id: (row.name, row.length, row.position)
                for row in session.execute(
                    select(Document.id, Document.name, Document.length, Document.position).where(
                        Document.id.in_(chosen)
                    )
                )
            }
            chosen.sort(key=lambda d: (meta[d][2], meta[d][0]))
            used = {s.code for d in chosen for side in spans.get(d, ([], [])) for s in side}
            code_ids = (
                list(dict.fromkeys(wanted_codes)) if wanted_codes else [c.id for c in tree if c.id in used]
            )
            units = self._units(session, unit, chosen)
            texts = self._texts(session, chosen) if disagreements or unit == "sentence" else {}
            sentence_sources = self._sentence_sources(session, chosen) if unit == "sentence" else {}
        if unit == "sentence":
            units = self._sentences(units, sentence_sources, texts, chosen)
        totals: dict[int, Counts] = {code: Counts() for code in code_ids}
        found: list[Disagreement] = []
        paths = {c.id: c.path_text for c in tree}
        for document_id in chosen:
            a, b = spans.get(document_id, ([], []))
            name, length, _position = meta[document_id]
            result = self._compare(
                unit, length, units.get(document_id, []), a, b, code_ids, overlap, disagreements
            )
            for code, counts in result.counts.items():
                if code in totals:
                    totals[code].add(counts)
            text = texts.get(document_id, "")
            for difference in result.differences:
                ids_a = tuple(c for c in code_ids if c in difference.codes_a)
                ids_b = tuple(c for c in code_ids if c in difference.codes_b)
                found.append(
                    Disagreement(
                        DocumentId(document_id),
                        name,
                        difference.start,
                        difference.end,
                        tuple(paths[c] for c in ids_a),
                        tuple(paths[c] for c in ids_b),
                        tuple(CodeId(c) for c in ids_a),
                        tuple(CodeId(c) for c in ids_b),
                        text[difference.start : difference.end],
                    )
                )
        report_rows = [_row(paths[code], CodeId(code), totals[code], bootstrap_draws) for code in code_ids]
        pooled = Counts()
        for counts in totals.values():
            pooled.add(counts)
        report_rows.append(_row(ALL_CODES, None, pooled, bootstrap_draws))
        names = tuple(meta[d][0] for d in chosen)
        method = describe(
            coder_a,
            coder_b,
            unit,
            overlap,
            documents=len(chosen),
            codes=len(code_ids),
            chosen_documents=bool(wanted_documents),
            sentence_sources=_source_counts(sentence_sources, chosen),
            draws=bootstrap_draws,
        )
        return AgreementReport(
            coder_a, coder_b, unit, overlap, names, tuple(report_rows), tuple(found), method
        )

    # -- units -----------------------------------------------------------------------------

    def _units(self, session, unit: str, chosen: list[int]) -> dict[int, list[tuple[int, int]]]:  # type: ignore[no-untyped-def]
        out: dict[int, list[tuple[int, int]]] = defaultdict(list)
        if unit == "turn":
            for document_id, body_start, end in session.execute(
                select(Turn.document_id, Turn.body_start, Turn.end)
                .where(Turn.document_id.in_(chosen))
                .order_by(Turn.document_id, Turn.start)
            ):
                if end > body_start:
                    out[document_id].append((body_start, end))
        elif unit == "sentence":
            for document_id, start, end in session.execute(
                select(Sentence.document_id, Sentence.start, Sentence.end)
                .where(Sentence.document_id.in_(chosen))
                .order_by(Sentence.document_id, Sentence.start)
            ):
                out[document_id].append((start, end))
        return out

    def _texts(self, session, chosen: list[int]) -> dict[int, str]:  # type: ignore[no-untyped-def]
        return dict(session.execute(select(Document.id, Document.text).where(Document.id.in_(chosen))).all())

    def _sentence_sources(self, session, chosen: list[int]) -> dict[int, list[tuple[int, int]]]:  # type: ignore[no-untyped-def]
        """For documents without a current text index: their turns (start, body start), for labels."""
        indexed = set(
            session.execute(select(TextIndex.document_id).where(TextIndex.document_id.in_(chosen))).scalars()
        )
        labels: dict[int, list[tuple[int, int]]] = {d: [] for d in chosen if d not in indexed}
        for document_id, start, body_start in session.execute(
            select(Turn.document_id, Turn.start, Turn.body_start).where(Turn.document_id.in_(list(labels)))
        ):
            labels[document_id].append((start, body_start))
        return labels

    def _sentences(
        self,
        indexed: dict[int, list[tuple[int, int]]],
        unindexed: dict[int, list[tuple[int, int]]],
        texts: dict[int, str],
        chosen: list[int],
    ) -> dict[int, list[tuple[int, int]]]:
        out = dict(indexed)
        for document_id in chosen:
            if document_id in unindexed:
                out[document_id] = sentences(texts[document_id], unindexed[document_id])
        return out

    @staticmethod
    def _compare(
        unit: str,
        length: int,
        units: list[tuple[int, int]],
        a: list[Span],
        b: list[Span],
        codes: list[CodeId],
        overlap: float,
        differences: bool,
    ) -> DocumentResult:
        if unit == "document":
            return by_document(length, a, b, codes, differences)
        if unit == "segment":
            return by_segment(a, b, codes, overlap, differences)
        if unit == "character":
            return by_character(length, a, b, codes, differences)
        return by_units(units, a, b, codes, overlap, differences)


def _row(code: str, code_id: CodeId | None, counts: Counts, draws: int) -> AgreementRow:
    table = AgreementTable.binary(counts.both, counts.only_a, counts.only_b, counts.neither)
    kappa_ci, alpha_ci = bootstrap(table, draws=draws)
    return AgreementRow(
        code,
        code_id,
        table.units,
        counts.both,
        counts.only_a,
        counts.only_b,
        counts.neither,
        percent_agreement(table),
        cohen_kappa(table),
        brennan_prediger_kappa(table),
        krippendorff_alpha(table),
        kappa_ci,
        alpha_ci,
    )


def _source_counts(unindexed: dict[int, list[tuple[int, int]]], chosen: list[int]) -> tuple[int, int]:
    by_rule = sum(1 for d in chosen if d in unindexed)
    return len(chosen) - by_rule, by_rule
