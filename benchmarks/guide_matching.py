"""How right the guide matching is on the labelled development corpus (issue 24), tune and held-out apart.

``python -m benchmarks.guide_matching`` reads the transcripts of ``tests/data/devcorpus`` with the importer's
speaker patterns, matches every interviewer turn against the guide the ``rwb`` codebook ships, and scores the
predicted (turn, question) pairs against the hand labels in ``labels.yaml`` the way the corpus README suggests:
a pair is right when the turn's entry lists that reference; follow-up turns count neither way; anything predicted
for a turn that asks nothing from the guide is wrong. A reference no ``rwb`` code carries would be left out (a turn
asking only such a question counts as asking nothing); since 11 is on the concept Outcomes there is none. The figures are written by hand into ``benchmarks/FINDINGS.md``
(copied into ``RESULTS.md``); ``tests/coding/guide/test_matching_quality.py`` keeps them from sliding back.
"""

from __future__ import annotations

import argparse
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from coding.codebook.codebook_file import read_codebook
from coding.guide.matching import GuideMatcher, GuideQuestionText, MatchSettings, TurnText
from coding.speakers.turns import detect_turns

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "devcorpus"
SPLITS = ("tune", "heldout")


@dataclass(frozen=True)
class Score:
    documents: int
    turns: int
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        labelled = self.true_positives + self.false_negatives
        return self.true_positives / labelled if labelled else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def labels() -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))[
        "documents"
    ]
    return documents


def rwb_questions() -> list[GuideQuestionText]:
    """The guide ``rwb`` ships, as the matcher reads it from a project's codes."""
    from coding.guide.guide_service import question_text

    return [
        question_text(
            spec.question, spec.name, spec.description, spec.terms, spec.guide_question, spec.guide_prompts
        )
        for spec in read_codebook("rwb").walk()
        if spec.question and spec.guide_question
    ]


def interviewer_turns(text: str, interviewer: str) -> list[TurnText]:
    return [
        TurnText(turn.start, turn.end, text[turn.body_start : turn.end])
        for turn in detect_turns(text)
        if turn.speaker == interviewer
    ]


def evaluate(split: str, settings: MatchSettings | None = None) -> Score:
    matcher = GuideMatcher(rwb_questions(), settings)
    known = set(matcher.refs)
    tp = fp = fn = turns = documents = 0
    for entry in labels():
        if entry["split"] != split:
            continue
        documents += 1
        text = unicodedata.normalize("NFC", (CORPUS / entry["file"]).read_text(encoding="utf-8"))
        found = matcher.match(interviewer_turns(text, "I"))
        assert len(found) == len(entry["guide"]), entry["file"]
        for match, label in zip(found, entry["guide"], strict=True):
            predicted = {ref for ref, _ in match.refs}
            if "followup_of" in label:
                continue
            turns += 1
            refs = label.get("refs")
            wanted = {str(r) for r in refs} & known if isinstance(refs, list) else set()
            tp += len(predicted & wanted)
            fp += len(predicted - wanted)
            fn += len(wanted - predicted)
    return Score(documents, turns, tp, fp, fn)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append", help="only this split (default: both)")
    args = parser.parse_args()
    print("| split | documents | turns scored | right | wrong | missed | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for split in args.split or SPLITS:
        s = evaluate(split)
        print(
            f"| {split} | {s.documents} | {s.turns} | {s.true_positives} | {s.false_positives} | "
            f"{s.false_negatives} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |"
        )


if __name__ == "__main__":
    main()
