"""Heavy input and output (issue 14 item 4, issue 19): one monster transcript imported and indexed
from the command line, in a process of its own, with that process's peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.cases_language import _require_language
from benchmarks.registry import Case, Context, Sample, benchmark

ROOT = Path(__file__).resolve().parents[1]
#: Just under the import's limit for a text file (50 MB).
MONSTER_BYTES = 45 * 1024 * 1024


def monster_text(ctx: Context) -> Path:
    """One 45 MB transcript: the huge corpus's interviews one after the other (a year of focus
    groups in one file), built once in the scratch folder."""
    target = ctx.workdir / "monster" / "dag_van_de_focusgroepen.txt"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    corpus = ctx.corpus("huge", project=False)
    written = 0
    with target.open("w", encoding="utf-8") as out:
        for path in corpus.files("txt"):
            text = path.read_text(encoding="utf-8")
            size = len(text.encode("utf-8"))
            if written + size > MONSTER_BYTES:
                break
            out.write(text)
            written += size
    return target


def run_cli(arguments: list[str]) -> tuple[Sample, str]:
    """``codewerk ARGUMENTS`` in a fresh process: its wall time, CPU time and peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys, main; sys.exit(main.cli(sys.argv[1:]))", *arguments],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    out = process.stdout.read() if process.stdout else ""
    err = process.stderr.read() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"codewerk {' '.join(arguments[:1])} failed: {err.strip()[-400:]}")
    rss_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return Sample(seconds, rss_mb, usage.ru_utime + usage.ru_stime), out


@benchmark(
    "import_index_monster_text",
    "Import and index one 45 MB transcript from the command line (codewerk import), fresh process",
    target=90.0,
    target_rss_mb=500,
    sizes=(),
    repeats=1,
    quick_repeats=1,
    trace=False,
    requires=_require_language,
    quick=False,
    limits=(
        "spaCy's tokenizer and sentencizer (lemmas looked up once per distinct form), then SQLite's "
        "bulk inserts into the token table and its term index; memory is the text itself and one "
        "batch of 400,000 characters at a time."
    ),
)
def import_index_monster_text(ctx: Context) -> Case:
    source = monster_text(ctx)
    projects: list[Path] = []
    notes: list[str] = []

    def before() -> None:
        path = ctx.scratch("monster.codewerk")
        run_cli(["new", str(path)])
        projects.append(path)

    def run() -> Sample:
        sample, out = run_cli(["import", str(projects[-1]), str(source)])
        notes[:] = [line for line in out.splitlines() if line.startswith("  + ")][:1]
        return sample

    def after() -> None:
        path = projects.pop()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    case = Case(run, before=before, after=after)
    case.note = f"{source.stat().st_size / 1024 / 1024:.0f} MB text; fresh process, its CPU time and peak RSS"
    return case
