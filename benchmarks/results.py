"""Printing results and writing ``benchmarks/RESULTS.md``.

``RESULTS.md`` is written by the runner, and its last part (from :data:`NOTES_HEADING`) is the hand-written
profiling notes of ``FINDINGS.md``. Sessions write their dated sections into either file, so before the
results file is written again, the notes it holds are merged into ``FINDINGS.md`` (:func:`merged_notes`): a
line in either file is never lost. ``python -m benchmarks.results`` does only that merge, for both files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks.machine import describe, load
from benchmarks.make_corpus import Corpus
from benchmarks.measure import Result
from benchmarks.registry import BENCHMARKS

FINDINGS = Path(__file__).resolve().parent / "FINDINGS.md"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
#: The line that starts the notes, in ``FINDINGS.md`` and in the copy ``RESULTS.md`` ends with.
NOTES_HEADING = "## Profiling notes"
#: Put before a passage that the two files hold in different versions (both are kept, this one first).
CONFLICT_MARK = "<!-- FINDINGS.md and RESULTS.md differed here: both versions kept, FINDINGS.md's first -->"
CONFLICT_END = "<!-- end of the two versions -->"


def notes_in(results_text: str) -> str | None:
    """The notes part of a results file's text (from the :data:`NOTES_HEADING` line), or ``None``."""
    lines = results_text.splitlines()
    if NOTES_HEADING not in lines:
        return None
    return "\n".join(lines[lines.index(NOTES_HEADING) :])


#: A section of the notes begins at a heading of level 2 or 3.
_HEADING = re.compile(r"^#{2,3} ")


def _sections(lines: list[str]) -> list[tuple[tuple[str, int] | None, list[str]]]:
    """The lines cut at each heading: (heading and how many times it came before, lines); what is before the
    first heading has the key ``None``."""
    sections: list[tuple[tuple[str, int] | None, list[str]]] = [(None, [])]
    seen: dict[str, int] = {}
    for line in lines:
        if _HEADING.match(line):
            seen[line] = seen.get(line, 0) + 1
            sections.append(((line, seen[line]), [line]))
        else:
            sections[-1][1].append(line)
    return sections


def _merged_lines(ours: list[str], theirs: list[str]) -> tuple[list[str], int]:
    out: list[str] = []
    conflicts = 0
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "delete"):
            out += ours[i1:i2]
        elif tag == "insert":
            out += theirs[j1:j2]
        else:
            conflicts += 1
            out += [CONFLICT_MARK, *ours[i1:i2], "", *theirs[j1:j2], CONFLICT_END]
    return out, conflicts


def merged_notes(findings: str, results_notes: str) -> tuple[str, int]:
    """``findings`` with every line that only ``results_notes`` holds put in its place, and how many
    passages the two hold in different versions (both kept, between :data:`CONFLICT_MARK` and
    :data:`CONFLICT_END`, to be settled by hand). Lines only in ``findings`` stay: a note is removed by
    removing it from both files.

    The two are merged a section at a time (sections matched by their heading): a section only one file
    holds is kept whole, after the section it follows there, so two sessions' new sections at the same
    place, or the same sections in another order, are no conflict; only one section's lines are compared."""
    ours = _sections(findings.strip().splitlines())
    theirs = _sections(results_notes.strip().splitlines())
    index = {key: i for i, (key, _lines) in enumerate(ours)}
    merged = [list(lines) for _key, lines in ours]
    after: dict[int, list[list[str]]] = {}
    conflicts = 0
    anchor = 0
    for key, lines in theirs:
        found = index.get(key)
        if found is None:
            after.setdefault(anchor, []).append(lines)
            continue
        merged[found], differed = _merged_lines(merged[found], lines)
        conflicts += differed
        anchor = max(anchor, found)
    out: list[str] = []
    for i, lines in enumerate(merged):
        for part in (lines, *after.get(i, [])):
            if out and out[-1].strip() and part and _HEADING.match(part[0]):
                out.append("")  # a section kept whole starts after a blank line
            out += part
    return "\n".join(out).strip(), conflicts


def sync_notes(results: Path = RESULTS, findings: Path = FINDINGS) -> str:
    """Merge the notes ``results`` holds into ``findings`` (written when that adds anything) and
    return the merged notes, which the results file is to end with."""
    own = findings.read_text(encoding="utf-8").strip() if findings.exists() else ""
    copied = notes_in(results.read_text(encoding="utf-8")) if results.exists() else None
    if copied is None or not own:
        merged, conflicts = (own or (copied or "")).strip(), 0
    else:
        merged, conflicts = merged_notes(own, copied)
    if merged != own:
        findings.write_text(merged + "\n", encoding="utf-8")
        print(f"{findings.name}: took in the notes only {results.name} held", file=sys.stderr)
    if conflicts:
        print(
            f"{findings.name}: {conflicts} passage(s) differed from {results.name}; both versions kept "
            f"(search for '{CONFLICT_MARK[:30]}')",
            file=sys.stderr,
        )
    return merged


def seconds(value: float) -> str:
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def megabytes(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} MB"


def target_text(result: Result) -> str:
    parts = []
    if result.target is not None:
        parts.append(f"< {seconds(result.target)}")
    if result.target_rss_mb is not None:
        parts.append(f"< {result.target_rss_mb:.0f} MB")
    return ", ".join(parts) or "—"


def line(result: Result) -> str:
    """One line for the terminal."""
    if result.status != "ok":
        return f"{result.name:<32} {result.status}: {result.message}"
    memory = f"peak RSS {megabytes(result.rss_mb)}"
    if result.traced_mb is not None:
        memory += f", traced {result.traced_mb:.1f} MB"
    cpu = "" if result.cpu_median is None else f"  cpu {seconds(result.cpu_median):>9}"
    return (
        f"{result.name:<32} median {seconds(result.median):>9}{cpu}  min {seconds(min(result.runs)):>9}  "
        f"max {seconds(max(result.runs)):>9}  n={len(result.runs):<3} {memory:<30} "
        f"target {target_text(result):<16} {result.verdict}"
    )


def write(
    path: Path,
    results: Sequence[Result],
    corpora: Sequence[Corpus],
    *,
    command: str,
    quick: bool,
    total_seconds: float,
    load_before: str = "",
    findings: Path = FINDINGS,
) -> None:
    """Write the results to ``path``, ending with the profiling notes of ``findings`` merged with those
    ``path`` held before (:func:`sync_notes`)."""
    machine = describe()
    if load_before:
        machine["Load average"] = f"{load_before} before the run, {load()} after (1 / 5 / 15 min)"
    now = dt.datetime.now().astimezone()
    out = [
        "# Benchmark results",
        "",
        f"Measured {now:%Y-%m-%d %H:%M %Z} with `{command}`"
        + (" (quick: fewer repetitions)" if quick else "")
        + f"; the whole run took {total_seconds:.0f} s. Generated by `benchmarks/run.py`; do not edit by hand "
        "(profiling notes live in `benchmarks/FINDINGS.md` and are copied in below).",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in machine.items()),
        "",
        "## Corpora",
        "",
        "Synthetic Dutch interview transcripts from `benchmarks/make_corpus.py` (seeded, cached under "
        "`benchmarks/corpus/`), codings from the codebook `rwb`.",
        "",
        "| corpus | documents | characters | codings |",
        "|---|---:|---:|---:|",
    ]
    for corpus in corpora:
        manifest = corpus.manifest()
        out.append(
            f"| {corpus.spec.name} | {manifest['documents']} | {manifest['characters']:,} | "
            f"{manifest['codings']:,} |"
        )
    out += [
        "",
        "## Figures",
        "",
        "Time: median, min and max wall-clock time over the runs shown; targets are checked against the "
        "median. CPU: median CPU time of the same runs (user + system of the measuring process, or of the "
        "started process for the window start), which other work on the machine does not inflate. Peak RSS: of the process that measured "
        "(setup included), or for the window start of the started process itself. Traced: the peak "
        "of Python allocations during one extra run (tracemalloc), where measured in-process.",
        "",
        "| benchmark | what | runs | median | min | max | CPU | peak RSS | traced | target | result |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for result in results:
        if result.status != "ok":
            continue
        traced = "—" if result.traced_mb is None else f"{result.traced_mb:.1f} MB"
        cpu = "—" if result.cpu_median is None else seconds(result.cpu_median)
        what = result.title + (f" — {result.note}" if result.note else "")
        out.append(
            f"| `{result.name}` | {what} | {len(result.runs)} | **{seconds(result.median)}** | "
            f"{seconds(min(result.runs))} | {seconds(max(result.runs))} | {cpu} | {megabytes(result.rss_mb)} | "
            f"{traced} | {target_text(result)} | {result.verdict} |"
        )
    out += scaled(results)
    pending = [r for r in results if r.status != "ok"]
    if pending:
        out += ["", "## Not measured", ""]
        out += [f"- `{r.name}` ({r.title}): {r.status}: {r.message}" for r in pending]
    out += ["", "## What limits each figure", ""]
    for result in results:
        limits = BENCHMARKS[result.name].limits if result.name in BENCHMARKS else ""
        if limits:
            out.append(f"- `{result.name}`: {limits}")
    notes = sync_notes(path, findings)
    if notes:
        out += ["", notes]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def scaled(results: Sequence[Result]) -> list[str]:
    """The ten-times cases (issue 19) beside the figure of the same step at 1×, with their targets."""
    measured = {r.name: r for r in results if r.status == "ok"}
    rows = [
        (BENCHMARKS[r.name].scale_of, r)
        for r in results
        if r.name in BENCHMARKS and BENCHMARKS[r.name].scale_of and r.status == "ok"
    ]
    if not rows:
        return []
    out = [
        "",
        "## Ten times the corpus (huge, very_long) beside 1×",
        "",
        "| step | 1× (benchmark: median) | 10× median | 10× peak RSS | target | result |",
        "|---|---|---:|---:|---|---|",
    ]
    for base, result in rows:
        one = measured.get(base)
        first = f"`{base}`: {seconds(one.median)}" if one is not None else f"`{base}`: not in this run"
        out.append(
            f"| `{result.name}` {result.title} | {first} | **{seconds(result.median)}** | "
            f"{megabytes(result.rss_mb)} | {target_text(result)} | {result.verdict} |"
        )
    return out


def write_notes(results: Path = RESULTS, findings: Path = FINDINGS) -> None:
    """Make both files hold the same notes (merged), leaving the figures of ``results`` as they are."""
    notes = sync_notes(results, findings)
    if not results.exists():
        return
    lines = results.read_text(encoding="utf-8").splitlines()
    figures = lines[: lines.index(NOTES_HEADING)] if NOTES_HEADING in lines else [*lines, ""]
    results.write_text("\n".join([*figures, *notes.splitlines()]) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.results",
        description="Merge the profiling notes of RESULTS.md and FINDINGS.md so both hold every line.",
    )
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--findings", type=Path, default=FINDINGS)
    args = parser.parse_args(argv)
    write_notes(args.results, args.findings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
