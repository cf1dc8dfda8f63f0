"""Why coded passages are not offered, and what the wrong suggestions are: the suggestion engine stage by stage.

``python -m benchmarks.suggestion_misses [--splits tune] [--confirmed] [--show] [--crossed]`` builds a split of the
development corpus as :mod:`benchmarks.suggestion_quality` does (the tune calibration applied; with ``--crossed`` a
half of the tune split gets the other half's), runs the engine's stages
leave-one-document-out and puts every coded passage not offered under its code into one category:

- ``no candidate``: no source proposed it for its code; split by what lies over it instead (a guide answer for
  another code, a turn or sentences for another code, nothing) and by whether its code's guide question was found
  in that interview at all;
- ``dropped: corroboration``: a candidate was dropped because what is coded contradicts it (by source);
- ``dropped: threshold``: below its code's calibrated threshold;
- ``dropped: limit``: not among its code's best (:func:`~coding.language.suggestions.service.per_code_limit`).

Wrong suggestions are counted by source and by whether they lie in a passage coded with another code.
Only counts are printed unless ``--show`` (which prints the passages: for the tune split only, by rule of the
corpus — the held-out third is never read to make rules).
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from benchmarks.suggestion_quality import CROSSED, build, labels, tune_calibration, use_calibration
from coding import Project
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions.candidates import (
    SOURCES,
    Candidate,
    best_per_code,
    merge,
    not_already_decided,
    overlap,
    prefer_specific,
)
from coding.language.suggestions.resemblance import (
    code_profiles,
    corroborated,
    meeting_their_rank,
    resemblances,
)
from coding.language.suggestions.sentence_spans import held_back, span_candidates
from coding.language.suggestions.service import per_code_limit
from coding.language.suggestions.similar import sentence_vectors
from coding.language.suggestions.turns import turn_candidates


def _hits(found: list[Candidate], doc: DocumentId, code: CodeId, span: tuple[int, int]) -> list[Candidate]:
    return [
        c for c in found if c.document_id == doc and c.code_id == code and overlap((c.start, c.end), span)
    ]


def _questions_asked(
    project: Project,
    doc_id: DocumentId,
    tree: Mapping[CodeId, CodeInfo],
    own: Mapping[tuple[DocumentId, CodeId], Iterable[tuple[int, int]]],
) -> tuple[dict[int, set[str]], dict[int, int], dict[int, set[str]]]:
    """Per coded passage start: the guide questions its interviewer turn asked by the hand labels (the last
    interviewer turn before it that asks one), and what the automatic matcher found at that turn."""
    name = project.documents.get(doc_id).name
    document = next(d for d in labels() if Path(d["file"]).stem == name)
    turns = [t for t in project.documents.turns(name) if t.speaker == "I"]
    asked: list[tuple[int, set[str]]] = []
    for turn, entry in zip(turns, document["guide"], strict=True):
        refs = entry.get("refs")
        if refs and refs != "none":
            asked.append((turn.start, {str(r) for r in refs}))
    auto: dict[int, set[str]] = defaultdict(set)
    for match in project.guide.match([name]).matches:
        auto[match.start].add(match.question)
    real: dict[int, set[str]] = {}
    real_turn: dict[int, int] = {}
    for (_, _), spans in own.items():
        for start, _ in spans:
            before = [a for a in asked if a[0] < start]
            if before:
                real[start] = before[-1][1]
                real_turn[start] = before[-1][0]
    return real, real_turn, auto


def analyse(split: str, *, confirmed: bool, show: bool, crossed: bool = False) -> None:
    calibration = tune_calibration(confirmed, CROSSED.get(split, "tune") if crossed else "tune")
    with tempfile.TemporaryDirectory() as folder:
        project = build(split, Path(folder) / f"{split}.codewerk", confirmed=confirmed)
        try:
            use_calibration(project, calibration)
            service = project.assist.suggestions
            _analyse(project, service, split, show=show)
        finally:
            project.close()


def _analyse(project, service, split: str, *, show: bool) -> None:  # type: ignore[no-untyped-def]
    tree = project.context.resolve.code_tree()
    names = {info.id: info.name for info in tree}
    questions = {info.id: info.question for info in tree}
    coded, _ = service._decisions()
    with_codings = {code_id for _, code_id in coded}
    scope = [info for info in tree if info.id in with_codings]
    thresholds = service._thresholds()
    indexed = service._assistant.ensure_indexed()
    corpus = service._assistant.corpus()
    data = service._corpus_data(corpus, indexed)
    sentences, guided = service.fixed.candidates(scope, SOURCES)
    fixed = (sentences.candidates() if sentences is not None else []) + guided  # every candidate built
    limit = per_code_limit(len(indexed))
    scope_ids = {info.id for info in scope}
    categories: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    per_code: dict[str, Counter[str]] = defaultdict(Counter)
    texts: dict[str, list[str]] = {}
    for left_out in sorted({doc_id for doc_id, _ in coded}):
        others = {key: spans for key, spans in coded.items() if key[0] != left_out}
        profiles = code_profiles(data, sentence_vectors(data), others, list(tree))
        turns = turn_candidates(list(tree), scope_ids, data, others, profiles=profiles)
        given = {(c.document_id, c.start): c.code_id for c in turns}
        # runs whose turn goes to their code (offered if that suggestion is dropped)
        held: list[Candidate] = []
        spans = span_candidates(list(tree), scope_ids, data, others, profiles, given, None, held)
        spans += service.fixed.unasked(scope, data, others, profiles, None)
        checked = meeting_their_rank(fixed, data, profiles)
        raw = [c for c in checked + turns + spans + held if c.document_id == left_out]
        everything = checked + turns + spans
        joined = merge(everything)
        merged = list(prefer_specific(joined, tree))
        kept = list(corroborated(merged, data, others, profiles))
        kept += held_back(held, joined, kept)
        above = [c for c in kept if c.score >= thresholds.get(c.code_id, 0.0)]
        final = list(
            best_per_code(not_already_decided(above, service._coded_with_subcodes(others), {}, {}), limit)
        )
        merged = [c for c in merged if c.document_id == left_out]
        kept = [c for c in kept if c.document_id == left_out]
        above = [c for c in above if c.document_id == left_out]
        final = [c for c in final if c.document_id == left_out]
        own = {key: spans for key, spans in coded.items() if key[0] == left_out}
        asked = {c.code_id for c in fixed if c.document_id == left_out and c.sources == ("question",)}
        text = corpus.text(left_out)
        real, real_turn, auto = _questions_asked(project, left_out, {info.id: info for info in tree}, own)
        for (doc_id, code_id), passages in own.items():
            for span in passages:
                label = f"{questions.get(code_id) or names.get(code_id)}"
                if _hits(final, doc_id, code_id, span):
                    per_code[label]["found"] += 1
                    continue
                if not _hits(raw, doc_id, code_id, span):
                    truly = real.get(span[0], set())
                    if not questions.get(code_id):
                        where = "code has no guide question"
                    elif questions[code_id] in truly:
                        where = (
                            "under its own question (hand label), "
                            + ("matched elsewhere" if code_id in asked else "not matched")
                            + f"; the turn was matched to {'/'.join(sorted(auto.get(real_turn.get(span[0], -1), ()))) or 'nothing'}"
                        )
                    else:
                        where = "wandered (under another question by the hand labels)"
                    category = f"no candidate: {where}"
                elif not _hits(kept, doc_id, code_id, span):
                    sources = sorted({"+".join(c.sources) for c in _hits(merged, doc_id, code_id, span)})
                    category = f"dropped: corroboration ({', '.join(sources)})"
                elif not _hits(above, doc_id, code_id, span):
                    category = "dropped: threshold"
                else:
                    category = "dropped: limit"
                if show:
                    probe = Candidate(doc_id, code_id, span[0], span[1], 0.0, ("probe",), "")
                    found = resemblances(data, [probe], profiles)[0]
                    if found is not None:
                        category_note = (
                            f" rank {found.rank} sim {found.similarity:.2f} margin {found.margin:+.2f}"
                        )
                    else:
                        category_note = " (nothing coded)"
                else:
                    category_note = ""
                categories[category] += 1
                per_code[label][category.split(":")[0]] += 1
                if show and text is not None:
                    texts.setdefault(category, []).append(
                        f"[{doc_id}] {label}{category_note}: {' '.join(text[span[0] : span[1]].split())[:160]}"
                    )
        for c in final:
            right = any(overlap((c.start, c.end), s) for s in own.get((c.document_id, c.code_id), ()))
            if right:
                continue
            elsewhere = any(
                overlap((c.start, c.end), s) for (d, k), ss in own.items() if k != c.code_id for s in ss
            )
            wrong[f"{'+'.join(c.sources)} ({'in another code' if elsewhere else 'uncoded'})"] += 1
    total = sum(categories.values())
    print(f"== {split}: {total} coded passages not offered")
    for category, count in categories.most_common():
        print(f"  {count:4}  {category}")
    print(f"== {split}: {sum(wrong.values())} wrong suggestions")
    for category, count in wrong.most_common():
        print(f"  {count:4}  {category}")
    print(f"== {split}: per code (found / no candidate / dropped)")
    for label in sorted(per_code):
        row = per_code[label]
        print(f"  {label[:40]:40} {row['found']:3} {row['no candidate']:3} {row['dropped']:3}")
    for category, lines in texts.items():
        print(f"-- {category}")
        for line in lines:
            print("   ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--splits", nargs="+", choices=("tune", "heldout", "tune-a", "tune-b"), default=("tune", "heldout")
    )
    parser.add_argument(
        "--crossed", action="store_true", help="each half of the tune split calibrated on the other half"
    )
    parser.add_argument("--confirmed", action="store_true", help="with the guide matches reviewed")
    parser.add_argument("--show", action="store_true", help="print the missed passages (tune split only)")
    args = parser.parse_args()
    for split in args.splits:
        analyse(
            split, confirmed=args.confirmed, show=args.show and split.startswith("tune"), crossed=args.crossed
        )


if __name__ == "__main__":
    main()
