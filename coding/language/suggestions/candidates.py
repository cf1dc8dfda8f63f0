"""A suggested coding before it is stored, and how candidates from several sources combine."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import chain
from typing import TYPE_CHECKING, overload

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.in_steps import as_list, running_count, unique_inverse
from coding.core.records import CodeTree
from coding.core.text import fold

if TYPE_CHECKING:
    from coding.language.suggestions.candidate_columns import CandidateColumns, Later
    from coding.language.suggestions.data import BoolArray, IntArray

SOURCES = ("terms", "question", "similar")


@dataclass(frozen=True, slots=True)
class Candidate:
    document_id: DocumentId
    code_id: CodeId
    start: int
    end: int
    score: float
    sources: tuple[str, ...]
    reason: str
    #: For term matches: each search term found, with the forms it was found as.
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    code_name: str = ""
    #: Kept only if its passage resembles what is coded with its code more than all but this many other codes
    #: (checked before merging: ``resemblance.meeting_their_rank``); ``None``: no such rule.
    max_rank: int | None = None
    #: Found because the answer names the code itself (:mod:`~coding.language.suggestions.named`): kept alone
    #: whatever is coded, unlike a search term's sentence.
    named: bool = False
    #: Makes ``reason`` when it is needed (``reason`` is empty until then: :func:`with_reason`): most candidates
    #: found are dropped before they are offered, and a reason with its shared words costs more than the rest.
    why: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def full_reason(self) -> str:
        """Why it is suggested: the other sources' reasons, then the search terms found."""
        reason = self.why() if self.why is not None else self.reason
        parts = [reason] if reason else []
        if self.terms:
            parts.append(describe_terms(self.code_name, dict(self.terms)))
        return " ".join(parts)


def with_reason(candidate: Candidate) -> Candidate:
    """``candidate`` with its reason made (see ``Candidate.why``), before anything reads or adds to it."""
    why = candidate.why
    if why is None:
        return candidate
    c = candidate  # made field by field: ``dataclasses.replace`` was a third of it for tens of thousands
    return Candidate(
        c.document_id,
        c.code_id,
        c.start,
        c.end,
        c.score,
        c.sources,
        why(),
        c.terms,
        c.code_name,
        c.max_rank,
        c.named,
    )


def pending_reasons(candidates: Iterable[Candidate]) -> Iterator[Callable[[], str]]:
    """Each reason of ``candidates`` not made yet (their ``why``, and those of the candidates merged into them),
    so that the words of many can be found at once before they are made (``turns.find_shared_words``)."""
    for candidate in candidates:
        why = candidate.why
        if why is None:
            continue
        if isinstance(why, partial) and why.func is _joined_reasons:
            yield from pending_reasons(why.args[0])
        else:
            yield why


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def combine_scores(scores: Iterable[float]) -> float:
    """Independent evidence: 1 − Π(1 − s)."""
    rest = 1.0
    for score in scores:
        rest *= 1.0 - max(0.0, min(1.0, score))
    return round(1.0 - rest, 3)


TERM_SCORE = 0.4


def describe_terms(code_name: str, terms: Mapping[str, Iterable[str]]) -> str:
    """'Contains the search terms “nakomen” (as “nakomt”), “inzet” of Betrouwbaarheid.'"""
    described = []
    for label in sorted(terms, key=fold):
        forms = sorted({f for f in terms[label] if fold(f) != fold(label)})
        described.append(
            say("“{label}” (as “{forms}”)", label=label, forms="”, “".join(forms[:3]))
            if forms
            else f"“{label}”"
        )
    if len(terms) > 1:
        return say("Contains the search terms {terms} of {code}.", terms=", ".join(described), code=code_name)
    return say("Contains the search term {terms} of {code}.", terms=", ".join(described), code=code_name)


@lru_cache(maxsize=64)
def term_score(count: int) -> float:
    return combine_scores([TERM_SCORE] * count)


def _joined_reasons(candidates: Sequence[Candidate]) -> str:
    """The candidates' reasons joined, each once, in their order."""
    reasons: list[str] = []
    for candidate in candidates:
        reason = candidate.why() if candidate.why is not None else candidate.reason
        if reason not in reasons:
            reasons.append(reason)
    return " ".join(reasons)


def merge(candidates: Iterable[Candidate]) -> CandidateColumns:
    """Per document and code: a candidate inside a larger one (a sentence in an answer) is folded
    into it, its reason added and its score combined. Each document and code in the order it first comes, its
    candidates longest first (then by start, then as given), each into the first of them that holds it; by sorts
    of the columns, a Python step only for the candidates that fold (``_merged``)."""
    import numpy as np  # on first use (as the other sources)

    from coding.language.suggestions.candidate_columns import TERMS, CandidateColumns, Later

    columns = CandidateColumns.of(candidates)
    count = len(columns)
    if count < 2:
        return columns
    document, code, start, end = columns.document, columns.code, columns.start, columns.end
    _, first, inverse = unique_inverse((document << 32) | code)  # ids below 2**31
    place = np.empty(len(first), dtype=np.int64)
    place[np.argsort(first, kind="stable")] = np.arange(len(first))
    group = place[inverse]  # each document and code numbered in the order it first comes
    at = np.arange(count)
    order = np.lexsort((at, start, start - end, group))  # longest first, then by start, then as given
    # inside an earlier one of the order (then inside one that is inside none, its home): among those sorted by
    # start, longest first, one starting before or at it ends at or after it (each group's ends shifted above
    # the previous group's, so that a running maximum stays within it)
    shift = np.int64(1 << 32)  # above any place in a text
    by_start = np.lexsort((at, -end, start, group))
    ends = group[by_start] * shift + end[by_start]
    inside = np.zeros(count, dtype=bool)
    inside[by_start[1:]] = np.maximum.accumulate(ends)[:-1] >= ends[1:]
    if not inside.any():
        return columns.take(order)
    homes = order[~inside[order]]
    folded = order[inside[order]]  # in the order
    # a group's homes hold none of each other: by start, their ends rise too, and the homes holding a candidate
    # are a run of them (those starting up to it from the first ending at or after it); the first of the order
    home_place = np.empty(count, dtype=np.int64)
    home_place[homes] = np.arange(len(homes))
    by_home_start = homes[np.lexsort((start[homes], group[homes]))]
    home_starts = group[by_home_start] * shift + start[by_home_start]
    home_ends = group[by_home_start] * shift + end[by_home_start]
    low = np.searchsorted(home_ends, group[folded] * shift + end[folded], side="left")
    high = np.searchsorted(home_starts, group[folded] * shift + start[folded], side="right")
    runs = high - low  # at least one
    candidates_of = np.repeat(np.arange(len(folded)), runs)
    within = np.arange(len(candidates_of)) - np.repeat(np.cumsum(runs) - runs, runs)
    places = home_place[by_home_start[np.repeat(low, runs) + within]]
    chosen = np.minimum.reduceat(places, np.cumsum(runs) - runs)  # each one's home, as its place in ``homes``
    del candidates_of
    # what folds: each home's rows, the home first, then those folding into it in the order; the candidate it
    # becomes is made when it is read (``Later``), its score and sources (as folding them makes them) in the columns
    # now, by arrays: the homes that fold in the order their first folding row comes, each one's rows in a run
    places, first_at = np.unique(chosen, return_index=True)
    places = places[np.argsort(first_at, kind="stable")]  # each folding home's place in ``homes``, in order
    groups = len(places)
    group_of_place = np.empty(len(homes), dtype=np.int64)
    group_of_place[places] = np.arange(groups)
    group_of = group_of_place[chosen]  # each folded row's group
    by_group = np.argsort(group_of, kind="stable")
    sizes = np.bincount(group_of, minlength=groups) + 1  # with the home
    firsts = np.cumsum(sizes) - sizes
    rows = np.empty(int(sizes.sum()), dtype=np.int64)
    rows[firsts] = homes[places]
    grouped = group_of[by_group]
    rows[firsts[grouped] + 1 + (np.arange(len(grouped)) - (firsts[grouped] - grouped))] = folded[by_group]
    column = np.arange(len(rows)) - np.repeat(firsts, sizes)  # each row's place in its group
    member_group = np.repeat(np.arange(groups), sizes)
    # combine_scores over those that are not term sentences (or name their concept), in the order of the rows (a
    # row that does not count multiplies by 1.0: the very products of a loop)…
    bits, named = columns.sources[rows], columns.named[rows]
    factor = np.where(
        ((bits & TERMS) == 0) | named, 1.0 - np.minimum(1.0, np.maximum(0.0, columns.score[rows])), 1.0
    )
    table = np.ones((groups, int(sizes.max())), dtype=np.float64)
    table[member_group, column] = factor
    rest = table[:, 0].copy()
    for number in range(1, table.shape[1]):
        rest *= table[:, number]
    # … and the search terms found in all (their labels counted per group: most have one member with terms)
    items, item_of = columns.items, columns.row
    member_items = [items[i] for i in item_of[rows].tolist()]
    found_terms = [item.terms for item in member_items]
    labels = _label_counts(found_terms, firsts.tolist(), sizes.tolist())
    most = max(labels, default=0)
    term_factor = np.array(
        [1.0] + [1.0 - max(0.0, min(1.0, term_score(count))) for count in range(1, most + 1)],
        dtype=np.float64,
    )
    rest *= term_factor[np.array(labels, dtype=np.int64)]
    merged_scores = [round(1.0 - value, 3) for value in rest.tolist()]
    merged_bits = np.bitwise_or.reduceat(bits, firsts).tolist()
    first_new = len(items)
    # (its members given as they are, not the list: a Later holding the list that holds it would be a cycle)
    for low, size, score, sources in zip(
        firsts.tolist(), sizes.tolist(), merged_scores, merged_bits, strict=True
    ):
        items.append(Later(partial(_merged, member_items[low : low + size], score, sources)))
    out = columns.take(homes)
    out.row[places] = np.arange(first_new, len(items))
    out.score[places] = merged_scores
    out.sources[places] = merged_bits
    out.named[places] = False
    return out


def _label_counts(
    found: Sequence[tuple[tuple[str, tuple[str, ...]], ...]], firsts: list[int], sizes: list[int]
) -> list[int]:
    """Per group of ``found`` (the members' search terms, each group ``sizes[n]`` of them from ``firsts[n]``): how
    many distinct labels its members' terms have."""
    distinct: dict[int, int] = {}  # per terms (by identity: many members share one): its distinct labels
    out = []
    for low, size in zip(firsts, sizes, strict=True):
        some = [terms for terms in found[low : low + size] if terms]
        if not some:
            out.append(0)
        elif len(some) == 1:
            terms = some[0]
            count = distinct.get(id(terms))
            if count is None:
                count = distinct[id(terms)] = len({label for label, _ in terms})
            out.append(count)
        else:
            out.append(len({label for terms in some for label, _ in terms}))
    return out


def _merged(members: list[Candidate | Later], score: float, sources: int) -> Candidate:
    """The candidate ``members`` fold into (the first holds the others), its score and sources (bits) as ``merge``
    found them. (Made for each suggestion offered that folds, ≈ 20,000 at ten times the corpus: most are a turn or
    an answer holding one search-term sentence, whose terms are written once per distinct sentence's.)"""
    made = _made()
    group = [made(members, number) for number in range(len(members))]
    largest = group[0]
    best = (largest.end - largest.start, largest.score)
    for c in group:  # the first of the longest, best scored
        key = (c.end - c.start, c.score)
        if key > best:
            largest, best = c, key
    found = [c.terms for c in group if c.terms]
    terms = _terms_written(found[0]) if len(found) == 1 else _terms_joined(found)
    others = [c for c in group if "terms" not in c.sources or c.named]  # a name found has its own reason
    ordered = sorted(others, key=lambda c: (c is not largest, -c.score)) if len(others) > 1 else others
    why = partial(_joined_reasons, tuple(ordered)) if any(c.why is not None for c in ordered) else None
    code_name = ""
    for c in group:
        if c.code_name:
            code_name = c.code_name
            break
    return Candidate(
        largest.document_id,
        largest.code_id,
        largest.start,
        largest.end,
        score,
        _source_names(sources),
        "" if why is not None else _joined_reasons(ordered),
        terms,
        code_name,
        why=why,
    )


def _terms_joined(
    found: Sequence[tuple[tuple[str, tuple[str, ...]], ...]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The search terms of several candidates as one: each label once, with all its forms, sorted."""
    terms: dict[str, set[str]] = {}
    for each in found:
        for label, forms in each:
            terms.setdefault(label, set()).update(forms)
    return tuple((label, tuple(sorted(forms))) for label, forms in sorted(terms.items()))


#: :func:`_terms_joined` of one candidate's terms, per distinct terms (shared by many sentences: ``terms._describe``).
_WRITTEN: dict[tuple[tuple[str, tuple[str, ...]], ...], tuple[tuple[str, tuple[str, ...]], ...]] = {}


def _terms_written(terms: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found = _WRITTEN.get(terms)
    if found is None:
        if len(_WRITTEN) >= 65_536:
            _WRITTEN.clear()
        found = _WRITTEN[terms] = _terms_joined([terms])
    return found


#: Per sources' bits: their names (``merge``).
_NAMES: dict[int, tuple[str, ...]] = {}


def _source_names(bits: int) -> tuple[str, ...]:
    found = _NAMES.get(bits)
    if found is None:
        from coding.language.suggestions.candidate_columns import SOURCE_BIT

        found = _NAMES[bits] = tuple(name for name in SOURCES if bits & SOURCE_BIT[name])
    return found


def _made() -> Callable[[list[Candidate | Later], int], Candidate]:
    """:func:`.candidate_columns.made` (imported on first use: that module imports this one)."""
    found = _LATE.get("made")
    if found is None:
        from coding.language.suggestions.candidate_columns import made

        found = _LATE["made"] = made
    return found


_LATE: dict[str, Callable[[list[Candidate | Later], int], Candidate]] = {}


def _passage_key(c: Candidate) -> int:
    """A candidate's passage as one integer (no tuple per candidate for the collector to track)."""
    return (c.document_id << 64) | (c.start << 32) | c.end


class PassagesApart(Sequence[tuple[int, CodeId]]):
    """Passages with their codes, as arrays (``terms.TermSentences.alone_apart`` sets hundreds of thousands apart);
    read as a sequence, each is ``(passage key, code id)`` (the key as ``_passage_key`` makes it)."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, document: IntArray, start: IntArray, end: IntArray, code: IntArray) -> None:
        self.document, self.start, self.end, self.code = document, start, end, code

    @classmethod
    def of(cls, passages: Iterable[tuple[int, CodeId]]) -> PassagesApart:
        """The passages given as ``(passage key, code id)``."""
        import numpy as np  # on first use (as the other sources)

        keys = list(passages)
        mask = (1 << 32) - 1
        return cls(
            *(
                np.array(values, dtype=np.int64).reshape(-1)
                for values in (
                    [key >> 64 for key, _ in keys],
                    [(key >> 32) & mask for key, _ in keys],
                    [key & mask for key, _ in keys],
                    [code for _, code in keys],
                )
            )
        )

    def __len__(self) -> int:
        return len(self.document)

    @overload
    def __getitem__(self, index: int) -> tuple[int, CodeId]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, CodeId]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, CodeId] | list[tuple[int, CodeId]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        document, start, end = int(self.document[index]), int(self.start[index]), int(self.end[index])
        return ((document << 64) | (start << 32) | end, CodeId(int(self.code[index])))

    def __iter__(self) -> Iterator[tuple[int, CodeId]]:
        for document, start, end, code in zip(
            self.document.tolist(), self.start.tolist(), self.end.tolist(), self.code.tolist(), strict=True
        ):
            yield ((document << 64) | (start << 32) | end, CodeId(code))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


def prefer_specific(
    candidates: Sequence[Candidate], tree: CodeTree, also: Iterable[tuple[int, CodeId]] = ()
) -> CandidateColumns:
    """Drop a candidate when a subcode of its code has a candidate for the same passage (among ``candidates``,
    or a passage of ``also``, as ``terms.TermSentences.alone_apart`` gives them); not a concept named in the
    passage (:mod:`~coding.language.suggestions.named`): there the researcher codes the concept itself. The
    passages of several codes found by one sort of all passages (those of ``also`` and the candidates'), each
    candidate of those paired with the codes of its passage."""
    import numpy as np  # on first use (as the other sources)

    from coding.language.suggestions.candidate_columns import CandidateColumns

    columns = CandidateColumns.of(candidates)
    if not len(columns):
        return columns
    apart = also if isinstance(also, PassagesApart) else PassagesApart.of(also)
    # of the passages set apart only those of a candidate's passage count: found by document and start (a few
    # too many change nothing), not sorted with the rest (437,134 set apart, 77,019 of them kept at ten times the
    # corpus); each passage and code as two integers (ids below 2**31, places below 2**32)
    mine_first = (columns.document << 32) | columns.start
    near = _near((apart.document << 32) | apart.start, np.sort(mine_first))
    apart_count = int(near.sum())
    document, start, end, code = (
        np.concatenate([getattr(apart, name)[near], getattr(columns, name)])
        for name in ("document", "start", "end", "code")
    )
    order = np.lexsort(((end << 31) | code, (document << 32) | start))  # by document, start, end and code
    document, start, end, code = document[order], start[order], end[order], code[order]
    new_passage = np.ones(len(order), dtype=bool)
    new_passage[1:] = (document[1:] != document[:-1]) | (start[1:] != start[:-1]) | (end[1:] != end[:-1])
    new_code = new_passage.copy()
    new_code[1:] |= code[1:] != code[:-1]
    passage = running_count(new_passage) - 1  # numpy's cumsum of booleans holds the GIL
    shared = np.bincount(passage, weights=new_code) >= 2  # per passage: candidates for several codes
    if not shared.any():
        return columns
    passage_of = np.empty(len(order), dtype=np.int64)
    passage_of[order] = passage
    mine = passage_of[apart_count:]
    # the candidates that may go: of a passage of several codes, their code in the tree, not a concept named
    in_tree = np.array([CodeId(value) in tree for value in np.unique(columns.code).tolist()], dtype=bool)
    known = in_tree[np.searchsorted(np.unique(columns.code), columns.code)]
    rows = np.flatnonzero(shared[mine] & known & ~columns.named)
    if not len(rows):
        return columns
    # each passage's codes (one entry per code), and each such candidate paired with those of its passage
    distinct = np.flatnonzero(new_code)
    passage_codes, codes_passage = code[distinct], passage[distinct]
    bounds = np.searchsorted(codes_passage, np.arange(passage[-1] + 2))
    own = mine[rows]
    counts = bounds[own + 1] - bounds[own]
    paired = np.repeat(np.arange(len(rows)), counts)
    entries = np.repeat(bounds[own], counts) + (
        np.arange(len(paired)) - np.repeat(np.cumsum(counts) - counts, counts)
    )
    # whether the code paired is below the candidate's: a table of the codes of these candidates × all codes met
    theirs = np.unique(columns.code[rows])
    met = np.unique(passage_codes)
    below = np.zeros((len(theirs), len(met)), dtype=bool)
    for number, code_id in enumerate(theirs.tolist()):
        under = np.array([d.id for d in tree.descendants(CodeId(code_id))], dtype=np.int64)
        below[number] = np.isin(met, under)
    found = below[
        np.searchsorted(theirs, columns.code[rows][paired]), np.searchsorted(met, passage_codes[entries])
    ]
    dropped = np.zeros(len(columns), dtype=bool)
    dropped[rows[paired[found]]] = True
    return columns.where(~dropped)


def _near(keys: IntArray, sorted_keys: IntArray) -> BoolArray:
    """Per key of ``keys``: whether it is among ``sorted_keys`` (sorted, not empty)."""
    import numpy as np  # on first use (as the other sources)

    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)  # sorted_keys: not empty
    found: BoolArray = sorted_keys[at] == keys
    return found


def not_already_decided(
    candidates: Iterable[Candidate],
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    decided: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int, str, str]]],
    texts: Mapping[DocumentId, Mapping[tuple[int, int], str]],
) -> CandidateColumns:
    """Leave out candidates whose passage is already coded with the code (half or more of it) and
    those the researcher already accepted or rejected (same text, or the spans mostly overlap).
    ``texts`` holds the text of each passage with decisions for its code."""
    import numpy as np  # on first use (as the other sources)

    from coding.language.suggestions.candidate_columns import CandidateColumns, with_codes_of

    columns = CandidateColumns.of(candidates)
    keep = ~_half_coded_rows(columns, coded)
    if decided:  # a Python step only for the candidates of a document and code with decisions
        for number in np.flatnonzero(keep & with_codes_of(columns, decided)).tolist():
            c = columns[number]
            span = (c.start, c.end)
            earlier = decided.get((c.document_id, c.code_id))
            if earlier:
                text = " ".join(texts[c.document_id][span].split())
                if any(
                    decided_text == text
                    or (overlap(span, (s, e)) * 2 >= c.length and overlap(span, (s, e)) * 2 >= e - s)
                    for s, e, decided_text, _ in earlier
                ):
                    keep[number] = False
    return columns.where(keep)


def _half_coded(
    candidates: Sequence[Candidate], coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]]
) -> list[bool]:
    """Per candidate: whether a passage coded with its code in its document covers half of it or more (``overlap``
    × 2 ≥ its length)."""
    from coding.language.suggestions.candidate_columns import CandidateColumns

    return as_list(_half_coded_rows(CandidateColumns.of(candidates), coded))


def _half_coded_rows(
    columns: CandidateColumns, coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]]
) -> BoolArray:
    """:func:`_half_coded` as arrays: each candidate paired with the coded passages of its document and code (a
    large project has hundreds of thousands of both; a Python step per pair was most of the time)."""
    import numpy as np  # on first use (as the other sources)

    count = len(columns)
    if not count or not coded:
        return np.zeros(count, dtype=bool)
    wanted = set(np.unique(columns.code).tolist())  # only their codes' passages are paired with them
    keys = [key for key in coded if key[1] in wanted]
    if not keys:
        return np.zeros(count, dtype=bool)
    lengths = np.fromiter((len(coded[key]) for key in keys), dtype=np.int64, count=len(keys))
    flat = np.fromiter(
        chain.from_iterable(chain.from_iterable(coded[key] for key in keys)),
        dtype=np.int64,
        count=2 * int(lengths.sum()),
    )
    coded_start, coded_end = flat[0::2], flat[1::2]
    # each (document, code) as one integer, sorted, with where its passages begin
    key_of = np.fromiter(
        ((doc_id << 32) | code_id for doc_id, code_id in keys), dtype=np.int64, count=len(keys)
    )
    order = np.argsort(key_of, kind="stable")
    sorted_keys = key_of[order]
    first = (np.cumsum(lengths) - lengths)[order]
    sorted_lengths = lengths[order]
    mine, start, end = (columns.document << 32) | columns.code, columns.start, columns.end
    at = np.minimum(np.searchsorted(sorted_keys, mine), len(sorted_keys) - 1)
    found = sorted_keys[at] == mine
    pairs = np.where(found, sorted_lengths[at], 0)
    half = np.zeros(count, dtype=bool)
    for low in range(
        0, count, PAIRED_AT_ONCE
    ):  # in blocks: numpy's repeat over millions of pairs holds the GIL
        high = min(count, low + PAIRED_AT_ONCE)
        some = pairs[low:high]
        candidate = np.repeat(np.arange(low, high), some)
        within = np.arange(len(candidate)) - np.repeat(np.cumsum(some) - some, some)
        passage = np.repeat(first[at[low:high]], some) + within
        shared = np.maximum(
            0,
            np.minimum(end[candidate], coded_end[passage])
            - np.maximum(start[candidate], coded_start[passage]),
        )
        half[candidate[shared * 2 >= (end - start)[candidate]]] = True
    return half


#: Candidates :func:`_half_coded` pairs with their coded passages at once.
PAIRED_AT_ONCE = 8_192


def best_per_code(candidates: Sequence[Candidate], limit: int) -> CandidateColumns:
    """At most ``limit`` candidates per code: the best scores first and, among equal scores,
    each document's best before any document's second (so one long transcript cannot fill the
    queue). The rest come up when these are accepted or rejected. Codes in the order they first come, each
    one's chosen best first (ties in document and text order, then as given); chosen by sorts of arrays."""
    import numpy as np  # on first use (as the other sources)

    from coding.language.suggestions.candidate_columns import CandidateColumns

    columns = CandidateColumns.of(candidates)
    count = len(columns)
    if not count or limit <= 0:
        return columns.take(np.zeros(0, dtype=np.int64))
    code, document, start, score = columns.code, columns.document, columns.start, columns.score
    # each code's place: the order in which the codes first come
    codes, first, inverse = unique_inverse(code)
    place = np.empty(len(codes), dtype=np.int64)
    place[np.argsort(first, kind="stable")] = np.arange(len(codes))
    group = place[inverse.reshape(-1)]
    # within a code: by document, best first, then by start (as given where equal: the sort is stable)
    order = np.lexsort((start, -score, document, group))
    group, document = group[order], document[order]
    new_run = np.ones(count, dtype=bool)
    new_run[1:] = (group[1:] != group[:-1]) | (document[1:] != document[:-1])
    at = np.arange(count)
    rank = at - np.maximum.accumulate(
        np.where(new_run, at, 0)
    )  # 0 for each document's best, 1 for its second…
    chosen = np.lexsort((at, start[order], document, rank, -score[order], group))
    group_of = group[chosen]
    new_group = np.ones(count, dtype=bool)
    new_group[1:] = group_of[1:] != group_of[:-1]
    within = at - np.maximum.accumulate(np.where(new_group, at, 0))
    return columns.take(order[chosen[within < limit]])
