"""Analysis across codes: co-occurrence tables, code × case matrices and their quotes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from coding.analysis.code_matrix import CodeMatrix
from coding.analysis.code_query import QueryResult, run_query
from coding.analysis.cooccurrence import CooccurrenceTable
from coding.analysis.counting import merged, mixed_runs, tally_overlap, tally_units, unit_sets
from coding.analysis.reading import Codings, counted_codes, read_codings, read_units
from coding.analysis.saved_queries import DeleteQuery, SavedQueryInfo, SaveQuery, find_saved, saved_queries
from coding.analysis.units import UNITS
from coding.core.attributes import present_key
from coding.core.context import CodeRef, ProjectContext
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo, DocumentInfo, Quote
from coding.core.store import one_snapshot
from coding.core.text import fold, natural_key
from coding.documents.document_service import DocumentService
from coding.quotes.quote_service import QuoteService

#: The group of documents that lack the grouping attribute.
NO_VALUE = "(none)"
#: ``columns`` of a matrix with one column per document.
BY_DOCUMENT = "document"


class AnalysisService:
    def __init__(self, context: ProjectContext, documents: DocumentService, quotes: QuoteService) -> None:
        self._context = context
        self._store = context.store
        self._documents = documents
        self._quotes = quotes

    # -- codes and groups ------------------------------------------------------------------
    def codes(
        self, codes: Sequence[CodeRef] | None = None, *, concepts: bool = False, subtrees: bool = False
    ) -> list[CodeInfo]:
        """The codes named (with ``subtrees``, and their subcodes), in codebook order, each once;
        none named: all codes (``concepts``: the top-level codes only)."""
        tree = self._context.resolve.code_tree()
        if not codes:
            return [c for c in tree if c.parent_id is None] if concepts else list(tree)
        wanted = {self._context.resolve.code(ref) for ref in codes}
        if subtrees:
            wanted.update(d.id for code in list(wanted) for d in tree.descendants(code))
        return [c for c in tree if c.id in wanted]

    def groups(self, by: str, documents: Sequence[DocumentInfo] | None = None) -> tuple[str, ...]:
        """The values of attribute ``by``, natural order, ``(none)`` last if a document lacks it."""
        documents = self._documents.list(with_counts=False) if documents is None else documents
        key = present_key(self._attribute_keys(documents), by)  # a Dutch sheet's "regio" for "region"
        values = {d.attributes[key] for d in documents if d.attributes.get(key)}
        ordered = sorted(values, key=natural_key)
        if any(not d.attributes.get(key) for d in documents):
            ordered.append(NO_VALUE)
        if not values:
            known = ", ".join(self._attribute_keys(documents)) or "none"
            raise NotFoundError(
                say("no document has the attribute '{by}' (attributes: {known})", by=by, known=known)
            )
        return tuple(ordered)

    @staticmethod
    def _attribute_keys(documents: Sequence[DocumentInfo]) -> list[str]:
        return sorted({key for d in documents for key in d.attributes})

    @staticmethod
    def group_of(document: DocumentInfo, by: str) -> str:
        return document.attributes.get(present_key(document.attributes, by)) or NO_VALUE

    def _codings(self, codes: Sequence[CodeInfo], include_subcodes: bool, coder: str | None) -> Codings:
        tree = self._context.resolve.code_tree()
        counts_for = counted_codes(tree, [c.id for c in codes], include_subcodes)
        return read_codings(self._store, counts_for, coder=coder)

    # -- co-occurrence ---------------------------------------------------------------------
    @one_snapshot  # the documents and the codings of one moment
    def cooccurrence(
        self,
        *,
        unit: str = "overlap",
        by: str | None = None,
        codes: Sequence[CodeRef] | None = None,
        coder: str | None = None,
        include_subcodes: bool = True,
    ) -> CooccurrenceTable:
        """Codes × codes: in how many units both apply (see :mod:`coding.analysis.counting`).

        ``codes``: the codes to compare (default: the concepts); each applies where it or, with
        ``include_subcodes``, one of its subcodes is coded. ``by``: per value of that attribute.
        ``coder``: only that coder's codings.
        """
        _check_unit(unit)
        selected = self.codes(codes, concepts=True)
        documents = self._documents.list(with_counts=False)
        groups: tuple[str | None, ...] = (None,) if by is None else self.groups(by, documents)
        group_of: dict[int, str | None] = {
            d.id: (None if by is None else self.group_of(d, by)) for d in documents
        }
        codings = self._codings(selected, include_subcodes, coder)
        order = [c.id for c in selected]
        if unit == "overlap":
            tally = tally_overlap(codings.applied(), group_of, order)
        else:
            units = read_units(self._store, unit, documents, codings)
            tally = tally_units(codings.applied(), units, group_of, order)
        return CooccurrenceTable(
            unit=unit,
            by=by,
            codes=tuple(selected),
            groups=groups,
            _n={group: dict(n) for group, n in tally.n.items()},
            _pairs={group: dict(pairs) for group, pairs in tally.pairs.items()},
        )

    @one_snapshot  # the documents and the codings of one moment
    def cooccurrence_quotes(
        self,
        a: CodeRef,
        b: CodeRef,
        *,
        unit: str = "overlap",
        by: str | None = None,
        group: str | None = None,
        coder: str | None = None,
        include_subcodes: bool = True,
    ) -> list[Quote]:
        """The quotes of ``a`` and ``b`` in the units where both apply (of one group, with ``by``)."""
        _check_unit(unit)
        code_a, code_b = self._context.resolve.code(a), self._context.resolve.code(b)
        selected = self.codes([code_a, code_b])
        documents = self._group_documents(by, group)
        codings = self._codings(selected, include_subcodes, coder)
        in_group = {d.id for d in documents}
        rows = [row for row in codings.rows if row[2] in in_group]
        wanted: set[int] = set()
        if unit == "overlap":
            spans: dict[int, dict[CodeId, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
            for code, document, start, end in codings.applied(in_group):
                spans[document][code].append((start, end))
            runs = {
                document: mixed_runs(merged(by_code[code_a]), merged(by_code[code_b]))
                for document, by_code in spans.items()
            }
            for coding, _code, document, start, end in rows:
                if any(max(s, start) < min(e, end) for s, e in runs.get(document, ())):
                    wanted.add(coding)
        else:
            units = read_units(self._store, unit, documents, codings)
            sets = unit_sets(codings.applied(in_group), units)
            both = sets.get(code_a, set()) & sets.get(code_b, set())
            for coding, _code, document, start, end in rows:
                spans_of = units.get(document)
                if spans_of is not None and any((document, i) in both for i in spans_of.touched(start, end)):
                    wanted.add(coding)
        quotes = self._quotes.query(
            [code_a, code_b], coder=coder, include_subcodes=include_subcodes, documents=list(in_group)
        )
        return [q for q in quotes if q.coding_id in wanted]

    def _group_documents(self, by: str | None, group: str | None) -> list[DocumentInfo]:
        documents = self._documents.list(with_counts=False)
        if by is None:
            return documents
        groups = self.groups(by, documents)
        if group is None:
            raise InvalidInputError(say("name a value of '{by}' ({groups})", by=by, groups=", ".join(groups)))
        match = next((g for g in groups if fold(g) == fold(group)), None)
        if match is None:
            raise NotFoundError(
                say(
                    "no document has {by} = '{group}' (known: {groups})",
                    by=by,
                    group=group,
                    groups=", ".join(groups),
                )
            )
        return [d for d in documents if self.group_of(d, by) == match]

    # -- code × case matrix ------------------------------------------------------------------
    @one_snapshot  # the documents and the codings of one moment
    def matrix(
        self,
        *,
        columns: str = BY_DOCUMENT,
        codes: Sequence[CodeRef] | None = None,
        coder: str | None = None,
        include_subcodes: bool = True,
    ) -> CodeMatrix:
        """Codes × documents (``columns="document"``) or × the values of an attribute: the coded
        passages of each code (with its subcodes unless ``include_subcodes`` is false). The rows
        are the codes named with their subtrees, as in the Compare view, or every code."""
        selected = self.codes(codes, subtrees=True)
        documents = self._documents.list(with_counts=False)
        column_of = self._column_of(columns, documents)
        if columns == BY_DOCUMENT:
            names = tuple(d.name for d in documents)
        else:
            names = self.groups(columns, documents)
        codings = self._codings(selected, include_subcodes, coder)
        passages: dict[tuple[CodeId, str], set[tuple[int, int, int]]] = defaultdict(set)
        for code, document, start, end in codings.applied():
            passages[(code, column_of[DocumentId(document)])].add((document, start, end))
        counts = {key: len(found) for key, found in passages.items()}
        return CodeMatrix(columns, tuple(selected), names, counts)

    def _column_of(self, columns: str, documents: Sequence[DocumentInfo]) -> dict[DocumentId, str]:
        if columns == BY_DOCUMENT:
            return {d.id: d.name for d in documents}
        return {d.id: self.group_of(d, columns) for d in documents}

    @one_snapshot  # the documents and the codings of one moment
    def matrix_quotes(
        self,
        code: CodeRef,
        column: str,
        *,
        columns: str = BY_DOCUMENT,
        coder: str | None = None,
        include_subcodes: bool = True,
    ) -> list[Quote]:
        """The quotes behind one cell of the matrix."""
        documents = self._documents.list(with_counts=False)
        column_of = self._column_of(columns, documents)
        if columns != BY_DOCUMENT:
            self.groups(columns, documents)  # names the attribute's values if it has none
        chosen = [d for d, value in column_of.items() if fold(value) == fold(column)]
        if not chosen:
            raise NotFoundError(
                say("no column '{column}' in the matrix by {columns}", column=column, columns=columns)
            )
        return self._quotes.query(code, coder=coder, include_subcodes=include_subcodes, documents=chosen)

    # -- code queries ----------------------------------------------------------------------
    @one_snapshot  # the documents and the codings of one moment
    def query(
        self,
        text: str,
        *,
        unit: str = "turn",
        where: Mapping[str, str] | None = None,
        speaker: str | None = None,
        coder: str | None = None,
        include_subcodes: bool = True,
    ) -> QueryResult:
        """Run a code query (:mod:`coding.analysis.query`) in turns, sentences or documents.

        ``where``: only documents with these attribute values; ``speaker``: only the units in
        that speaker's turns; ``coder``: only that coder's codings. A code applies where it or,
        with ``include_subcodes``, one of its subcodes is coded.
        """
        return run_query(
            self._context,
            self._documents.list(with_counts=False),
            self._quotes.query,
            text,
            unit=unit,
            where=where,
            speaker=speaker,
            coder=coder,
            include_subcodes=include_subcodes,
        )

    # -- saved queries ---------------------------------------------------------------------
    def saved_queries(self) -> list[SavedQueryInfo]:
        return saved_queries(self._store)

    def saved_query(self, name: str) -> SavedQueryInfo:
        """The saved query of that name (case-insensitively)."""
        return find_saved(self._store, name)

    def save_query(
        self,
        name: str,
        text: str,
        *,
        unit: str = "turn",
        where: Mapping[str, str] | None = None,
        speaker: str | None = None,
    ) -> SavedQueryInfo:
        """Save a query under ``name`` (replacing one of that name), once it has run without a
        mistake; undoable."""
        self.query(text, unit=unit, where=where, speaker=speaker)
        try:
            replaces = self.saved_query(name).id
        except NotFoundError:
            replaces = None
        self._context.execute(
            SaveQuery(name, text, unit=unit, filters=where, speaker=speaker, replaces=replaces)
        )
        return self.saved_query(name)

    def run_saved(self, name: str, *, coder: str | None = None) -> QueryResult:
        saved = self.saved_query(name)
        return self.query(
            saved.query, unit=saved.unit, where=saved.filters, speaker=saved.speaker, coder=coder
        )

    def delete_query(self, name: str) -> None:
        saved = self.saved_query(name)
        self._context.execute(DeleteQuery(saved.id, saved.name))


def _check_unit(unit: str) -> None:
    if unit not in UNITS:
        raise InvalidInputError(
            say("unit must be one of {UNITS}, not '{unit}'", UNITS=", ".join(UNITS), unit=unit)
        )
