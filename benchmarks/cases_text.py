"""Benchmarks of the text machinery under imports and replacements: speaker-turn detection and
carrying spans over edits (``coding.core.text_remap``), on the long transcript (300,000 characters)."""

from __future__ import annotations

import random

from benchmarks.registry import Case, Context, benchmark
from coding.core.text_remap import remap_spans
from coding.speakers.turns import detect_turns


def _long_text(ctx: Context) -> str:
    """The long corpus's transcript (at the tiny scale of the tests: the longest tiny one)."""
    files = ctx.corpus("long", project=False).files("txt")
    return max(files, key=lambda path: path.stat().st_size).read_text(encoding="utf-8")


def _random_spans(text: str, count: int, longest: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    starts = [rng.randrange(len(text) - longest) for _ in range(count)]
    return [(start, start + rng.randint(1, longest)) for start in starts]


def _remap_case(old: str, new: str, spans: list[tuple[int, int]]) -> Case:
    kept: list[int] = []

    def run() -> None:
        kept.append(sum(span is not None for span in remap_spans(old, new, spans)))

    case = Case(run)
    run()
    case.note = f"{kept[-1]:,} of {len(spans):,} passages kept"
    return case


REMAP_LIMITS = (
    "difflib's SequenceMatcher over the lines, then over the characters (or words) of each changed "
    "block; a bisect per span boundary."
)


@benchmark(
    "detect_turns_long",
    "Speaker turns and timestamps detected in the long transcript (300,000 characters)",
    target=2.0,
    sizes=("long",),
    repeats=5,
    quick_repeats=1,
    limits="One match of the speaker-label pattern per line, in Python.",
)
def detect_turns_long(ctx: Context) -> Case:
    text = _long_text(ctx)
    case = Case(lambda: detect_turns(text))
    case.note = f"{len(detect_turns(text)):,} turns"
    return case


@benchmark(
    "remap_spans_few_edits_long",
    "Replacing the long transcript's text after five edits: 5,000 passages carried over",
    target=1.0,
    sizes=("long",),
    repeats=5,
    quick_repeats=1,
    limits=REMAP_LIMITS,
)
def remap_spans_few_edits_long(ctx: Context) -> Case:
    old = new = _long_text(ctx)
    rng = random.Random(3)
    for _ in range(5):
        position = rng.randrange(len(new) - 20)
        new = new[:position] + "[bewerkt]" + new[position + rng.randint(0, 10) :]
    return _remap_case(old, new, _random_spans(old, 5000, 300, seed=4))


@benchmark(
    "remap_spans_every_label_long",
    "Replacing 60,000 characters of the long transcript whose every speaker label changed (I: → Interviewer:)",
    target=3.0,
    sizes=("long",),
    repeats=5,
    quick_repeats=1,
    limits=REMAP_LIMITS,
)
def remap_spans_every_label_long(ctx: Context) -> Case:
    old = _long_text(ctx)[:60_000]
    new = old.replace("I: ", "Interviewer: ")
    return _remap_case(old, new, [(m, m + 10) for m in range(0, len(old) - 10, 97)])


@benchmark(
    "remap_spans_every_line_long",
    "Replacing the long transcript's text with a space added to every line: 2,000 passages carried over",
    target=5.0,
    sizes=("long",),
    repeats=5,
    quick_repeats=1,
    limits=REMAP_LIMITS,
)
def remap_spans_every_line_long(ctx: Context) -> Case:
    old = _long_text(ctx)
    new = "\n".join(line + " " for line in old.split("\n"))
    return _remap_case(old, new, _random_spans(old, 2000, 100, seed=11))


@benchmark(
    "correct_text_long",
    "Saving an edit session on the long transcript (the edit mode): ten typed corrections found and "
    "5,000 passages moved with them",
    target=1.0,
    sizes=("long",),
    repeats=5,
    quick_repeats=1,
    limits="difflib over the lines, then the characters of each changed block of lines; the exact "
    "mapper of apply_replacements, a bisect per passage boundary.",
)
def correct_text_long(ctx: Context) -> Case:
    from coding.documents.text_edits import EditMapper, text_edits

    old = new = _long_text(ctx)
    rng = random.Random(5)
    for _ in range(10):
        position = rng.randrange(len(new) - 20)
        new = new[:position] + "gecorrigeerd " + new[position + rng.randint(0, 8) :]
    spans = _random_spans(old, 5000, 300, seed=6)
    kept: list[int] = []

    def run() -> None:
        mapper = EditMapper(old, text_edits(old, new))
        moved = [mapper.passage(start, end) for start, end in spans]
        kept.append(sum(bool(new[s:e].strip()) for s, e in moved))

    case = Case(run)
    run()
    case.note = f"{len(text_edits(old, new))} edits, {kept[-1]:,} of {len(spans):,} passages kept"
    return case
