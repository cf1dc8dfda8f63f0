"""Several programs writing one project at once (issue 14.1): nothing failed, nothing lost.

A CLI loop (``codewerk code`` again and again), an API loop (a script's ``Project.code``) and the
window (offscreen, coding through the operation helper every 50 ms while it polls for the others'
changes) write one copy of the thesis project at the same time, each in its own process
(``benchmarks/writers_probe.py``), each with its own code. Afterwards every coding a writer was
told was committed must be in the file, and no action may have failed. The figure is the 95th
percentile of the time one coding took in the API loop (waiting for the others included); the
note has the counts. A run with a failed or lost write fails.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.registry import Case, Context, Sample, benchmark
from coding import Project

ROOT = Path(__file__).resolve().parents[1]
WRITERS = (("cli", "Vertrouwen", "cli-coder"), ("api", "Urgentiebesef", "api-coder"))
WINDOW = ("window", "Stabiliteit", "window-coder")


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20)[18]


def _coded_by(project: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with Project.open(project) as opened:
        for quote in opened.quotes():
            counts[quote.coder or ""] = counts.get(quote.coder or "", 0) + 1
    return counts


@benchmark(
    "concurrent_writers",
    "Three writers on one project file at once: a CLI loop, an API loop and the window",
    sizes=("thesis",),
    repeats=1,
    quick_repeats=1,
    trace=False,
    limits=(
        "SQLite lets one writer at a time commit: each write begins IMMEDIATE and waits (busy "
        "timeout, then retries with backoff); the API loop's latency is mostly waiting for the "
        "CLI's and the window's transactions. Every CLI call is a fresh process (≈ 0.5 s to start)."
    ),
)
def concurrent_writers(ctx: Context) -> Case:
    seconds = 10.0 if ctx.quick else 60.0
    state: dict[str, Any] = {}

    def before() -> None:
        state["project"] = ctx.project_copy("thesis")

    def run() -> Sample:
        project: Path = state["project"]
        before_counts = _coded_by(project)
        processes = []
        for mode, code, coder in (*WRITERS, WINDOW):
            out = project.with_name(f"{project.stem}-{mode}.json")
            command = [sys.executable, "-m", "benchmarks.writers_probe", mode, str(project)]
            command += [str(seconds), code, coder, str(out)]
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(ctx.workdir)}
            process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
            processes.append((mode, coder, process, out))
        reports: dict[str, dict[str, Any]] = {}
        for mode, coder, process, out in processes:
            _out, errors = process.communicate(timeout=seconds + 120)
            if process.returncode != 0:
                raise RuntimeError(f"the {mode} writer stopped: {errors.strip()[-300:]}")
            reports[mode] = {**json.loads(out.read_text(encoding="utf-8")), "coder": coder}
        after_counts = _coded_by(project)
        failed = sum(len(r["failed"]) for r in reports.values())
        lost = 0
        for report in reports.values():
            stored = after_counts.get(report["coder"], 0) - before_counts.get(report["coder"], 0)
            lost += max(0, report["ok"] - stored)
        latencies = reports["api"]["latencies"]
        state["note"] = (
            f"{seconds:.0f} s: CLI {reports['cli']['ok']}, API {reports['api']['ok']}, window "
            f"{reports['window']['ok']} codings; {failed} failed, {lost} lost; the window refreshed "
            f"{reports['window'].get('refreshes', 0)}× from the others' changes; API p95 "
            f"{p95(latencies) * 1000:.1f} ms, max {max(latencies, default=0) * 1000:.0f} ms"
        )
        print(state["note"], file=sys.stderr)
        if failed or lost:
            first = next(m for r in reports.values() for m in r["failed"]) if failed else ""
            raise RuntimeError(f"{failed} failed, {lost} lost: {first}")
        return Sample(seconds=p95(latencies))

    def after() -> None:
        state.pop("project").unlink()

    case = Case(run, before=before, after=after)

    def close() -> None:
        case.note = state.get("note", "")

    case.close = close
    return case
