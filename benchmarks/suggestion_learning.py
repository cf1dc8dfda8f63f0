"""What reviewing one interview's suggestions teaches the engine about the next (issue 20 item 2), tune split.

``python -m benchmarks.suggestion_learning [--split tune]`` imports the split with its hand codings (as
:mod:`benchmarks.suggestion_quality` does) and, for each interview X and the one after it Y, takes away the codings of
both, finds the suggestions, and lets a researcher review all of X's: accept those that overlap a hand coding of
their code (the accepted passage becomes a coding), reject the others. The suggestions for Y are scored (the
overlap rule of ``codewerk suggest --evaluate``) before and after that review. Not timed; the figures are written by
hand into ``benchmarks/FINDINGS.md``.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path

from benchmarks.suggestion_quality import SPLITS, build
from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions.candidates import SOURCES, Candidate
from coding.language.suggestions.service import per_code_limit

Key = tuple[DocumentId, CodeId]
Coded = dict[Key, list[tuple[int, int]]]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _score(
    found: list[Candidate], document: DocumentId, coded: Mapping[Key, list[tuple[int, int]]]
) -> Counter[str]:
    mine = [c for c in found if c.document_id == document]
    passages = [(code, span) for (doc, code), spans in coded.items() if doc == document for span in spans]
    return Counter(
        suggested=len(mine),
        right=sum(
            any(_overlaps((c.start, c.end), s) for s in coded.get((document, c.code_id), ())) for c in mine
        ),
        coded=len(passages),
        found=sum(
            any(c.code_id == code and _overlaps((c.start, c.end), span) for c in mine)
            for code, span in passages
        ),
    )


def measure(split: str) -> tuple[Counter[str], Counter[str]]:
    """The next interview's counts before and after reviewing the previous one, added up over the split."""
    before, after = Counter[str](), Counter[str]()
    with tempfile.TemporaryDirectory() as folder:
        project = build(split, Path(folder) / f"{split}.codewerk")
        try:
            service = project.assist.suggestions
            coded, _ = service._decisions()  # what the hand codings are, as the engine reads them
            tree = project.context.resolve.code_tree()
            scope = [info for info in tree if any(code == info.id for _, code in coded)]
            fixed = service.fixed.candidates(scope, SOURCES)
            documents = sorted({doc for doc, _ in coded})
            limit = per_code_limit(len(documents))
            corpus = project.assist.corpus()
            for number, reviewed in enumerate(documents):
                following = documents[(number + 1) % len(documents)]
                rest = {key: spans for key, spans in coded.items() if key[0] not in (reviewed, following)}
                found = service._find(scope, SOURCES, rest, {}, limit, fixed=fixed)
                before += _score(found, following, coded)
                learnt: Coded = {key: list(spans) for key, spans in rest.items()}
                decided: dict[tuple[DocumentId, CodeId], list[tuple[int, int, str, str]]] = defaultdict(list)
                texts = corpus.slices(
                    {reviewed: [(c.start, c.end) for c in found if c.document_id == reviewed]}
                )
                for c in found:
                    if c.document_id != reviewed:
                        continue
                    right = any(_overlaps((c.start, c.end), s) for s in coded.get((reviewed, c.code_id), ()))
                    if right:
                        learnt.setdefault((reviewed, c.code_id), []).append((c.start, c.end))
                    text = " ".join(texts[reviewed][(c.start, c.end)].split())
                    decided[(reviewed, c.code_id)].append(
                        (c.start, c.end, text, "accepted" if right else "rejected")
                    )
                after += _score(
                    service._find(scope, SOURCES, learnt, dict(decided), limit, fixed=fixed), following, coded
                )
        finally:
            project.close()
    return before, after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="tune")
    args = parser.parse_args()
    for label, counts in zip(
        ("before", "after reviewing the previous interview"), measure(args.split), strict=True
    ):
        print(
            f"{label:40} suggested {counts['suggested']:4} right {counts['right']:4} coded {counts['coded']:4} "
            f"found {counts['found']:4}  precision {counts['right'] / max(1, counts['suggested']):.3f} "
            f"recall {counts['found'] / max(1, counts['coded']):.3f}"
        )


if __name__ == "__main__":
    main()
