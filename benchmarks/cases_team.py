"""Team projects on PostgreSQL (issue 23), against a throwaway local cluster (``tests/pg_cluster.py``).

* Retrieval on the server: the large project copied to the cluster (``codewerk copy``), then the
  same quote retrieval and judgement grid as the file benchmarks (``quote_retrieval_region``,
  ``quote_retrieval_all``, ``comparison_grid_large``); the issue's target is within 2× of those.
* Five coders at once: five processes apply 1,000 codings each (100 with ``--quick``) to the
  thesis project on the server while a sixth looks for their notifications; the figure is the
  95th percentile of one coding's apply time (target < 50 ms); the note has how long a change
  took to reach the others (target < 1 s) and the count of failed and lost writes (must be 0).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.registry import Case, Context, Sample, Unavailable, benchmark
from coding import Project

ROOT = Path(__file__).resolve().parents[1]
CODES = ("Vertrouwen", "Urgentiebesef", "Stabiliteit", "Coördinatie", "Output")


def _cluster() -> Any:
    from tests import pg_cluster

    cluster, reason = pg_cluster.start()
    if cluster is None:
        raise Unavailable(f"a local PostgreSQL cluster ({reason})")
    return cluster


def _server_copy(ctx: Context, size: str) -> tuple[Any, str]:
    from coding.project_copy import copy_project

    cluster = _cluster()
    url = str(cluster.url(cluster.new_database()))
    copy_project(str(ctx.corpus(size).project), url)
    return cluster, url


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else (values[0] if values else 0.0)


SERVER_LIMITS = (
    "The same queries as on a file, over a Unix socket to a local PostgreSQL 15 (psycopg 3): each "
    "query is a round trip, and rows come as text to be parsed, where SQLite hands over values in "
    "process."
)


@benchmark(
    "server_quote_retrieval_region",
    "Team project on PostgreSQL: quote retrieval, one concept (Vertrouwen) in one region (Zwolle), large project",
    target=0.2,
    sizes=("large",),
    repeats=20,
    quick_repeats=3,
    limits=SERVER_LIMITS + " Target: 2× the file's quote_retrieval_region target.",
)
def server_quote_retrieval_region(ctx: Context) -> Case:
    cluster, url = _server_copy(ctx, "large")
    project = Project.open(url, coder="bench")
    found = len(project.quotes(code="Vertrouwen", where={"region": "Zwolle"}))

    def close() -> None:
        project.close()
        cluster.remove()

    return Case(
        lambda: project.quotes(code="Vertrouwen", where={"region": "Zwolle"}),
        close=close,
        warmup=1,
        note=f"{found:,} quotes; compare quote_retrieval_region (file)",
    )


@benchmark(
    "server_quote_retrieval_all",
    "Team project on PostgreSQL: all 20,000 quotes of the large project",
    sizes=("large",),
    repeats=7,
    quick_repeats=2,
    limits=SERVER_LIMITS,
)
def server_quote_retrieval_all(ctx: Context) -> Case:
    cluster, url = _server_copy(ctx, "large")
    project = Project.open(url, coder="bench")

    def close() -> None:
        project.close()
        cluster.remove()

    note = f"{len(project.quotes()):,} quotes; compare quote_retrieval_all (file)"
    return Case(lambda: project.quotes(), close=close, warmup=1, note=note)


@benchmark(
    "server_comparison_grid_large",
    "Team project on PostgreSQL: the judgement grid (quotes and documents per code and region), large project",
    sizes=("large",),
    repeats=7,
    quick_repeats=2,
    limits=SERVER_LIMITS,
)
def server_comparison_grid_large(ctx: Context) -> Case:
    cluster, url = _server_copy(ctx, "large")
    project = Project.open(url, coder="bench")

    def close() -> None:
        project.close()
        cluster.remove()

    grid = project.comparison.grid()
    note = f"{len(grid.rows)} codes × {len(grid.values)} regions; compare comparison_grid_large (file)"
    return Case(lambda: project.comparison.grid(), close=close, warmup=1, note=note)


@benchmark(
    "team_five_coders",
    "Team project on PostgreSQL: five coders (processes) apply codings at once — p95 of one apply",
    target=0.05,
    sizes=("thesis",),
    repeats=1,
    quick_repeats=1,
    trace=False,
    limits=(
        "Each coding is one SERIALIZABLE transaction (the command reads the document, the code and "
        "the passage, then inserts) plus one NOTIFY; five writers contend for the same tables, and "
        "a serialization failure is tried again. Visibility: the others see a change when they "
        "next look (the window looks every 500 ms; the probe every 5 ms, to measure the delivery)."
    ),
)
def team_five_coders(ctx: Context) -> Case:
    count = 100 if ctx.quick else 1000
    state: dict[str, Any] = {}

    def before() -> None:
        state["cluster"], state["url"] = _server_copy(ctx, "thesis")

    def run() -> Sample:
        url = state["url"]
        with Project.open(url) as project:
            before_counts = _coded_by(project)
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        seconds = 60 + count * 0.6  # at most: the watcher stops a second after the coders are done
        watcher_out = ctx.scratch("watcher.json")
        watcher = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.team_probe", "watcher", url, str(seconds), str(watcher_out)],
            cwd=ROOT,
            env=env,
        )
        ready = watcher_out.with_name(watcher_out.name + ".ready")
        waited = time.monotonic() + 120
        while not ready.exists():  # a change committed before the watcher listens never reaches it
            if watcher.poll() is not None or time.monotonic() > waited:
                raise RuntimeError("the watcher did not start listening")
            time.sleep(0.05)
        coders = []
        for number, code in enumerate(CODES, start=1):
            out = ctx.scratch(f"coder{number}.json")
            command = [sys.executable, "-m", "benchmarks.team_probe", "coder", url, str(count), code]
            coders.append(
                (
                    f"coder{number}",
                    out,
                    subprocess.Popen([*command, f"coder{number}", str(out)], cwd=ROOT, env=env),
                )
            )
        reports = {}
        for name, out, process in coders:
            if process.wait(timeout=seconds + 120) != 0:
                raise RuntimeError(f"{name} stopped")
            reports[name] = json.loads(out.read_text(encoding="utf-8"))
        watcher_out.with_name(watcher_out.name + ".stop").write_text("", encoding="utf-8")
        watcher.wait(timeout=seconds + 120)
        arrived = json.loads(watcher_out.read_text(encoding="utf-8"))["arrived"]
        with Project.open(url) as project:
            after_counts = _coded_by(project)
        failed = sum(len(r["failed"]) for r in reports.values())
        lost = sum(
            max(0, r["ok"] - (after_counts.get(n, 0) - before_counts.get(n, 0))) for n, r in reports.items()
        )
        delays: list[float] = []
        for report in reports.values():
            times = arrived.get(report["instance"], [])
            delays.extend(
                max(0.0, seen - sent) for sent, seen in zip(report["committed"], times, strict=False)
            )
        missing = sum(len(r["committed"]) for r in reports.values()) - len(delays)
        latencies = [value for r in reports.values() for value in r["latencies"]]
        cpu = [r["cpu"] / max(1, r["ok"] + len(r["failed"])) for r in reports.values()]
        state["note"] = (
            f"5 coders × {count} codings: {failed} failed, {lost} lost; p95 apply "
            f"{_p95(latencies) * 1000:.1f} ms (median {statistics.median(latencies) * 1000:.1f} ms); "
            f"a change reached the others in p95 {_p95(delays) * 1000:.0f} ms, max "
            f"{max(delays, default=0) * 1000:.0f} ms ({missing} notifications not seen); CPU of a coder "
            f"process per coding {statistics.median(cpu) * 1000:.1f} ms (median of the five; the server's "
            "not counted)"
        )
        print(state["note"], file=sys.stderr)
        if failed or lost:
            first = next((m for r in reports.values() for m in r["failed"]), "")
            raise RuntimeError(f"{state['note']}; first failure: {first}")
        return Sample(seconds=_p95(latencies))

    def after() -> None:
        state.pop("cluster").remove()

    case = Case(run, before=before, after=after)

    def close() -> None:
        case.note = state.get("note", "")
        if "cluster" in state:  # a run that raised skipped `after`: stop its cluster here
            state.pop("cluster").remove()

    case.close = close
    return case


def _coded_by(project: Project) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quote in project.quotes():
        counts[quote.coder or ""] = counts.get(quote.coder or "", 0) + 1
    return counts
