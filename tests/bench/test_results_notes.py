"""The profiling notes at the end of ``RESULTS.md``: a run that writes the file again never drops a
section that was written into the results file only (or into ``FINDINGS.md`` only)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from benchmarks import results

NOTES = """## Profiling notes

Written by hand.

### An older section

Its first line.
Its second line.
"""

ADDED = """
### A section written into RESULTS.md only (2026-12-06)

| case | before | after |
|---|---:|---:|
| `index_huge` | 111 s | 76 s |
"""


def _results_file(path: Path, notes: str) -> None:
    path.write_text("# Benchmark results\n\n## Figures\n\nold figures\n\n" + notes, encoding="utf-8")


def _write(path: Path, findings: Path) -> None:
    results.write(path, [], [], command="test", quick=True, total_seconds=0.0, findings=findings)


def test_a_section_only_in_results_survives_a_full_run(tmp_path: Path) -> None:
    findings, out = tmp_path / "FINDINGS.md", tmp_path / "RESULTS.md"
    findings.write_text(NOTES, encoding="utf-8")
    _results_file(out, NOTES + ADDED)
    _write(out, findings)
    written = out.read_text(encoding="utf-8")
    assert "old figures" not in written  # the figures are the run's own
    assert "A section written into RESULTS.md only" in written
    assert "| `index_huge` | 111 s | 76 s |" in written
    # and FINDINGS.md holds it now, so the next run keeps it even if RESULTS.md is gone
    assert "| `index_huge` | 111 s | 76 s |" in findings.read_text(encoding="utf-8")
    out.unlink()
    _write(out, findings)
    assert "A section written into RESULTS.md only" in out.read_text(encoding="utf-8")


def test_a_section_only_in_findings_is_copied_in(tmp_path: Path) -> None:
    findings, out = tmp_path / "FINDINGS.md", tmp_path / "RESULTS.md"
    findings.write_text(NOTES + ADDED, encoding="utf-8")
    _results_file(out, NOTES)
    _write(out, findings)
    assert results.notes_in(out.read_text(encoding="utf-8")) == findings.read_text(encoding="utf-8").strip()


def test_a_line_changed_in_both_keeps_both_versions_marked(tmp_path: Path) -> None:
    findings, out = tmp_path / "FINDINGS.md", tmp_path / "RESULTS.md"
    findings.write_text(
        NOTES.replace("Its second line.", "Its second line, as FINDINGS has it."), encoding="utf-8"
    )
    _results_file(out, NOTES.replace("Its second line.", "Its second line, as RESULTS has it."))
    _write(out, findings)
    notes = results.notes_in(out.read_text(encoding="utf-8")) or ""
    assert "as FINDINGS has it" in notes and "as RESULTS has it" in notes
    assert notes.count(results.CONFLICT_MARK) == 1


def test_the_merge_command_leaves_the_figures_and_makes_both_agree(tmp_path: Path) -> None:
    findings, out = tmp_path / "FINDINGS.md", tmp_path / "RESULTS.md"
    findings.write_text(NOTES, encoding="utf-8")
    _results_file(out, NOTES + ADDED)
    results.main(["--results", str(out), "--findings", str(findings)])
    written = out.read_text(encoding="utf-8")
    assert "old figures" in written
    assert results.notes_in(written) == findings.read_text(encoding="utf-8").strip()
    assert "A section written into RESULTS.md only" in written


def test_the_repository_files_hold_the_same_notes() -> None:
    """Run ``python -m benchmarks.results`` after writing a section into one of the two files."""
    copied = results.notes_in(results.RESULTS.read_text(encoding="utf-8"))
    assert copied == results.FINDINGS.read_text(encoding="utf-8").strip(), (
        "RESULTS.md and FINDINGS.md hold different notes: run `python -m benchmarks.results` (merges both)"
    )


LINES = st.lists(st.sampled_from(["a", "b", "c", "", "| x |", "### h"]), max_size=12)


def _subsequence(part: list[str], whole: list[str]) -> bool:
    remaining = iter(whole)
    return all(any(line == other for other in remaining) for line in part)


@given(LINES, LINES)
def test_the_merge_keeps_every_line_of_both_in_order(ours: list[str], theirs: list[str]) -> None:
    merged, _conflicts = results.merged_notes("\n".join(ours), "\n".join(theirs))
    lines = merged.splitlines()
    assert _subsequence("\n".join(ours).strip().splitlines(), lines)
    assert _subsequence("\n".join(theirs).strip().splitlines(), lines)


SECTION_A = """
### A section of one session (2026-12-07)

Its figures.

| case | before | after |
|---|---:|---:|
| `a` | 2 s | 1 s |
"""

SECTION_B = """
### A section of another session (2026-12-07)

Its figures.

| case | before | after |
|---|---:|---:|
| `b` | 4 s | 3 s |
"""


def test_two_sessions_sections_at_the_same_place_are_both_kept_whole_without_marks(tmp_path: Path) -> None:
    findings, out = tmp_path / "FINDINGS.md", tmp_path / "RESULTS.md"
    findings.write_text(NOTES + SECTION_A, encoding="utf-8")
    _results_file(out, NOTES + SECTION_B)
    results.main(["--results", str(out), "--findings", str(findings)])
    merged = findings.read_text(encoding="utf-8")
    assert results.CONFLICT_MARK not in merged
    assert SECTION_A.strip() in merged and SECTION_B.strip() in merged
    assert results.notes_in(out.read_text(encoding="utf-8")) == merged.strip()


def test_the_same_sections_in_another_order_are_kept_once(tmp_path: Path) -> None:
    findings, out = tmp_path / "FINDINGS.md", tmp_path / "RESULTS.md"
    findings.write_text(NOTES + SECTION_A + SECTION_B, encoding="utf-8")
    _results_file(out, NOTES + SECTION_B + SECTION_A)
    results.main(["--results", str(out), "--findings", str(findings)])
    merged = findings.read_text(encoding="utf-8")
    assert merged.count("### A section of one session") == 1
    assert merged.count("### A section of another session") == 1
    assert results.CONFLICT_MARK not in merged
