"""Running a code query on a project: the units it holds in and the quotes in those units."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from coding.analysis.counting import unit_sets
from coding.analysis.query import Code, QuerySyntaxError, codes_of, parse_query
from coding.analysis.query_eval import evaluate
from coding.analysis.reading import counted_codes, read_codings, read_units
from coding.analysis.units import QUERY_UNITS
from coding.core.attributes import present_key
from coding.core.context import ProjectContext
from coding.core.errors import CodewerkError, InvalidInputError
from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import DocumentInfo, Quote
from coding.core.text import fold


@dataclass(frozen=True)
class QueryUnit:
    """A unit the query holds in: ``document_name``'s text ``start:end``."""

    document_id: DocumentId
    document: str
    start: int
    end: int


@dataclass(frozen=True)
class QueryResult:
    query: str
    unit: str
    #: The codes the query names (in the order it names them) and those it names under NOT.
    codes: tuple[CodeId, ...]
    negated: tuple[CodeId, ...]
    units: tuple[QueryUnit, ...]
    #: The quotes of the codes named (not under NOT) in those units, in document order; a query
    #: of NOTs only gives the quotes of any code there.
    quotes: tuple[Quote, ...]


#: ``(codes or None, where, coder, include_subcodes, documents) -> quotes``: the quote list's retrieval.
QuoteQuery = Callable[..., list[Quote]]


def matching(documents: Sequence[DocumentInfo], where: Mapping[str, str] | None) -> list[DocumentInfo]:
    """The documents whose attributes match ``where`` (case- and accent-insensitively)."""
    if not where:
        return list(documents)
    keys = {key for d in documents for key in d.attributes}
    wanted = {present_key(keys, key): fold(value) for key, value in where.items()}
    return [d for d in documents if all(fold(d.attributes.get(k, "")) == v for k, v in wanted.items())]


def run_query(
    context: ProjectContext,
    documents: Sequence[DocumentInfo],
    quotes: QuoteQuery,
    text: str,
    *,
    unit: str = "turn",
    where: Mapping[str, str] | None = None,
    speaker: str | None = None,
    coder: str | None = None,
    include_subcodes: bool = True,
) -> QueryResult:
    if unit not in QUERY_UNITS:
        raise InvalidInputError(
            say(
                "a query's unit must be one of {QUERY_UNITS}, not '{unit}'",
                QUERY_UNITS=", ".join(QUERY_UNITS),
                unit=unit,
            )
        )
    node = parse_query(text)
    resolved: dict[Code, CodeId] = {}
    for code in codes_of(node):
        try:
            resolved[code] = context.resolve.code(code.name)
        except CodewerkError as exc:
            raise QuerySyntaxError(text, code.position, str(exc)) from None
    chosen = matching(documents, where)
    if not chosen:
        raise InvalidInputError(
            say("no document matches {where}", where=", ".join(f"{k}={v}" for k, v in (where or {}).items()))
        )
    tree = context.resolve.code_tree()
    named = list(dict.fromkeys(resolved.values()))
    codings = read_codings(context.store, counted_codes(tree, named, include_subcodes), coder=coder)
    units = read_units(context.store, unit, chosen, codings, speaker=speaker)
    universe = {(document, index) for document, spans in units.items() for index in range(len(spans))}
    sets = unit_sets(codings.applied(DocumentId(d) for d in units), units)
    empty: set[tuple[int, int]] = set()
    matched = evaluate(node, lambda code: sets.get(resolved[code], empty), universe)

    positive = list(dict.fromkeys(resolved[c] for c in codes_of(node, positive=True)))
    negated = tuple(dict.fromkeys(resolved[c] for c in codes_of(node, positive=False)))
    found = (
        quotes(
            positive or None,
            coder=coder,
            include_subcodes=include_subcodes,
            documents=[d for d in units if any(key[0] == d for key in matched)],
        )
        if matched
        else []
    )
    position = {d.id: rank for rank, d in enumerate(chosen)}
    names = {d.id: d.name for d in chosen}
    kept = [
        q
        for q in found
        if any((q.document_id, i) in matched for i in units[q.document_id].touched(q.start, q.end))
    ]
    kept.sort(key=lambda q: (position.get(q.document_id, 0), q.start, q.end))
    hits = sorted(matched, key=lambda key: (position.get(DocumentId(key[0]), 0), key[1]))
    return QueryResult(
        query=text,
        unit=unit,
        codes=tuple(positive),
        negated=negated,
        units=tuple(
            QueryUnit(DocumentId(document), names[DocumentId(document)], *units[document].span(index))
            for document, index in hits
        ),
        quotes=tuple(kept),
    )
