"""The development corpus (tests/data/devcorpus): its hand labels agree with its transcripts and the rwb codebook.

The suggestion engine and the interview-guide matcher are tuned on the corpus's ``tune`` split and measured on its
``heldout`` split (see tests/data/devcorpus/README.md), so a label that slides off its text would silently skew
every figure: a passage that no longer occurs exactly once, a code the codebook lost, a guide label no longer at
the start of its interviewer turn, a variation claimed but not present. Each test lists every problem it finds.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from coding.codebook.codebook_file import CodeSpec, read_codebook
from coding.speakers.turns import detect_turns

CORPUS = Path(__file__).resolve().parents[1] / "data" / "devcorpus"
INTERVIEWER = "I"
REGIONS = {"Midden-Gelderland": range(1, 8), "Zwolle": range(8, 15), "Zuidoost-Brabant": range(15, 22)}
ROLES = {
    "secretaris (coördinator)",
    "wethouder centrumgemeente",
    "wethouder regiogemeente",
    "werkgeversvertegenwoordiger",
    "vakbond",
    "UWV",
    "onderwijs",
}
VARIATIONS = {
    "paraphrase",
    "out_of_order",
    "merged",
    "skipped",
    "followup",
    "question_back",
    "wander",
    "fillers",
    "backchannel",
    "interruption",
    "two_respondents",
}
BACKCHANNEL = re.compile(r"(?i)(ja|nee|oké|mm-hmm|hmm|precies|klopt)[.!]?")
FILLERS = re.compile(r"(?i)\b(eh|ehm|nou|zeg maar|weet je|hmm|ja,? nee)\b")
GUIDE_NUMBER = re.compile(r"^(\d{1,2}[a-d]?)\. (.+)$")
GUIDE_PROMPT = re.compile(r"^\s+Doorvragen: (.+)$")


def _load(name: str) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((CORPUS / name).read_text(encoding="utf-8"), Loader=loader)


@functools.cache
def labels() -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = _load("labels.yaml")["documents"]
    return documents


@functools.cache
def text(file: str) -> str:
    return (CORPUS / file).read_text(encoding="utf-8")


@functools.cache
def codebook_names() -> tuple[frozenset[str], frozenset[str]]:
    """The question references and the full code paths (``Concept/Dimension/Indicator``) of rwb."""
    refs: set[str] = set()
    paths: set[str] = set()

    def walk(code: CodeSpec, parent: str) -> None:
        path = f"{parent}/{code.name}" if parent else code.name
        paths.add(path)
        if code.question:
            refs.add(code.question)
        for child in code.children:
            walk(child, path)

    for code in read_codebook("rwb").codes:
        walk(code, "")
    return frozenset(refs), frozenset(paths)


@functools.cache
def guide_document() -> dict[str, tuple[str, list[str]]]:
    """guide_rwb.txt as {reference: (question, prompts)}, read with its one numbering style ("4a. …")."""
    guide: dict[str, tuple[str, list[str]]] = {}
    current: str | None = None
    for line in text("guide_rwb.txt").splitlines():
        if match := GUIDE_NUMBER.match(line):
            current = match.group(1)
            guide[current] = (match.group(2), [])
        elif (match := GUIDE_PROMPT.match(line)) and current is not None:
            guide[current][1].append(match.group(1))
    return guide


def _asked(document: dict[str, Any]) -> list[str]:
    return [
        ref for entry in document["guide"] if isinstance(entry.get("refs"), list) for ref in entry["refs"]
    ]


def _turns(document: dict[str, Any]) -> list[Any]:
    return list(detect_turns(text(document["file"])))


def test_every_transcript_is_labelled_once_with_its_attributes() -> None:
    files = [document["file"] for document in labels()]
    on_disk = sorted(p.name for p in CORPUS.glob("*.txt") if not p.name.startswith("guide_"))
    assert sorted(files) == on_disk
    assert len(set(files)) == len(files)
    problems = []
    with (CORPUS / "metadata.csv").open(encoding="utf-8", newline="") as handle:
        metadata = {row["file"]: row for row in csv.DictReader(handle)}
    for document in labels():
        attributes, file = document["attributes"], document["file"]
        number = int(attributes["respondent"].removeprefix("R"))
        if number not in REGIONS.get(attributes["region"], ()):
            problems.append(
                f"{file}: {attributes['respondent']} is not a respondent of {attributes['region']}"
            )
        if attributes["role"] not in ROLES:
            problems.append(f"{file}: unknown role {attributes['role']!r}")
        if not re.fullmatch(r"2017-0[56]-\d\d", attributes["date"]):
            problems.append(f"{file}: interview date {attributes['date']!r} is not in May or June 2017")
        row = metadata.get(file, {})
        if any(row.get(key) != str(value) for key, value in attributes.items()):
            problems.append(f"{file}: metadata.csv differs from labels.yaml")
    respondents = [document["attributes"]["respondent"] for document in labels()]
    assert len(set(respondents)) == len(respondents), "a respondent code is used twice"
    assert not problems, "\n".join(problems)


def test_transcripts_are_nfc_with_the_declared_speakers_and_timestamps() -> None:
    problems = []
    for document in labels():
        file, body = document["file"], text(document["file"])
        if unicodedata.normalize("NFC", body) != body or "\r" in body:
            problems.append(f"{file}: not NFC text with \\n line endings")
        turns = _turns(document)
        speakers = {turn.speaker for turn in turns}
        if speakers != set(document["speakers"]) or INTERVIEWER not in speakers:
            problems.append(f"{file}: speakers {sorted(speakers)}, labels say {sorted(document['speakers'])}")
        stamped = {turn.timestamp is not None for turn in turns}
        if stamped != {document["timestamps"]}:
            problems.append(f"{file}: timestamps {sorted(stamped)}, labels say {document['timestamps']}")
        words = len(body.split())
        if not 2000 <= words <= 3500:
            problems.append(f"{file}: {words} words, not 2,000–3,500")
    assert not problems, "\n".join(problems)


def test_coded_passages_occur_once_inside_one_respondent_answer() -> None:
    refs, paths = codebook_names()
    problems = []
    for document in labels():
        file, body = document["file"], text(document["file"])
        answers = [(t.body_start, t.end) for t in _turns(document) if t.speaker != INTERVIEWER]
        if not 25 <= len(document["codings"]) <= 60:
            problems.append(f"{file}: {len(document['codings'])} codings, not 25–60")
        for coding in document["codings"]:
            code, passage = coding["code"], coding["text"]
            if code not in refs and code not in paths:
                problems.append(f"{file}: code {code!r} is neither a question reference nor a path in rwb")
            if code in paths and any(path.endswith("/" + code) for path in paths if "/" in path):
                problems.append(f"{file}: code {code!r} is not a full path")
            count = body.count(passage)
            if count != 1:
                problems.append(f"{file}: passage occurs {count} times: {passage[:60]!r}")
                continue
            start = body.index(passage)
            if not any(a <= start and start + len(passage) <= b for a, b in answers):
                problems.append(f"{file}: passage is not inside one respondent turn: {passage[:60]!r}")
            if len(passage.split()) < 3 or passage != passage.strip():
                problems.append(f"{file}: passage is a fragment, not a unit a researcher codes: {passage!r}")
    assert not problems, "\n".join(problems)


def test_guide_labels_follow_every_interviewer_turn() -> None:
    guide = set(guide_document())
    problems = []
    for document in labels():
        file, body = document["file"], text(document["file"])
        questions = [t for t in _turns(document) if t.speaker == INTERVIEWER]
        if len(questions) != len(document["guide"]):
            problems.append(
                f"{file}: {len(questions)} interviewer turns, {len(document['guide'])} guide labels"
            )
        for turn, entry in zip(questions, document["guide"], strict=False):
            opening = body[turn.body_start : turn.end]
            if not opening.startswith(entry["start"]) or not entry["start"]:
                problems.append(
                    f"{file}: interviewer turn {opening[:40]!r} does not start {entry['start']!r}"
                )
            kinds = [key for key in ("refs", "followup_of") if key in entry]
            if len(kinds) != 1:
                problems.append(f"{file}: {entry['start']!r} needs exactly one of refs, followup_of")
            asked = entry.get("refs", "none")
            named = [entry["followup_of"]] if "followup_of" in entry else [] if asked == "none" else asked
            if not isinstance(named, list) or not set(named) <= guide or (asked != "none" and not asked):
                problems.append(f"{file}: {entry['start']!r} names {named!r}, not references of the guide")
        asked = _asked(document)
        twice = [ref for ref, count in Counter(asked).items() if count > 1]
        if twice:
            problems.append(
                f"{file}: guide questions labelled as asked twice: {twice} (a return is a followup_of)"
            )
        if set(document["skipped"]) & set(asked) or set(document["skipped"]) | set(asked) != guide:
            problems.append(f"{file}: asked and skipped together are not every guide question once")
    assert not problems, "\n".join(problems)


def test_a_third_is_held_out_and_the_held_out_third_covers_every_region() -> None:
    splits = Counter(document["split"] for document in labels())
    assert set(splits) == {"tune", "heldout"}
    assert splits["heldout"] == round(len(labels()) / 3)
    held_out = {document["attributes"]["region"] for document in labels() if document["split"] == "heldout"}
    assert held_out == set(REGIONS)
    two_respondents = {
        document["split"] for document in labels() if "two_respondents" in document["variations"]
    }
    assert two_respondents == {"tune", "heldout"}


def test_every_variation_claimed_is_in_the_transcript() -> None:
    """The variations that can be read off the labels and the text are checked; paraphrase is in all of them."""
    order = list(guide_document())
    problems = []
    for document in labels():
        file, body, claimed = document["file"], text(document["file"]), set(document["variations"])
        turns = _turns(document)
        bodies = [body[turn.body_start : turn.end] for turn in turns]
        asked = _asked(document)
        follow = {entry["start"] for entry in document["guide"] if "followup_of" in entry}
        respondents = [bodies[i] for i, turn in enumerate(turns) if turn.speaker != INTERVIEWER]
        present = {
            "paraphrase": True,
            "out_of_order": asked != sorted(asked, key=order.index),
            "merged": any(
                isinstance(entry.get("refs"), list) and len(entry["refs"]) > 1 for entry in document["guide"]
            ),
            "skipped": bool(document["skipped"]),
            "followup": bool(follow),
            "question_back": any(
                turn.speaker != INTERVIEWER
                and bodies[i].endswith("?")
                and i + 1 < len(turns)
                and any(bodies[i + 1].startswith(start) for start in follow)
                for i, turn in enumerate(turns)
            ),
            "wander": any(coding.get("wander") for coding in document["codings"]),
            "fillers": any(FILLERS.search(answer) for answer in respondents),
            "backchannel": any(BACKCHANNEL.fullmatch(b) for b in bodies),
            "interruption": any(b.endswith("—") for b in bodies),
            "two_respondents": len({turn.speaker for turn in turns} - {INTERVIEWER}) > 1,
        }
        if not claimed <= VARIATIONS:
            problems.append(f"{file}: unknown variations {sorted(claimed - VARIATIONS)}")
        wrong = sorted(name for name, there in present.items() if there != (name in claimed))
        if wrong:
            problems.append(f"{file}: variations claimed and present differ on {wrong}")
    assert not problems, "\n".join(problems)


def test_the_guide_files_agree_with_each_other_and_with_rwb() -> None:
    refs, _paths = codebook_names()
    document = guide_document()
    structured: dict[str, dict[str, Any]] = {
        str(key): value for key, value in _load("guide_rwb.yaml").items()
    }
    assert set(structured) == set(refs), "guide_rwb.yaml lists every question reference of rwb, no other"
    assert set(document) == set(structured), "guide_rwb.txt has the questions of guide_rwb.yaml, no other"
    for ref, entry in structured.items():
        question, prompts = document[ref]
        assert entry["question"] == question, ref
        assert " ".join(entry["prompts"]) == " ".join(prompts), ref
    styles = text("guide_styles.txt")
    expected = _load("guide_styles.yaml")
    for ref, entry in expected["questions"].items():
        assert entry["question"] in styles, ref
        assert all(prompt in styles for prompt in entry["prompts"]), ref
    assert {str(ref) for ref in expected["questions"]} - set(refs) == set(expected["unplaced"])
