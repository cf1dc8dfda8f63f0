"""Running one benchmark: repetitions, timing, memory; and the result as data."""

from __future__ import annotations

import statistics
import time
import tracemalloc
from dataclasses import asdict, dataclass, field
from typing import Any

from benchmarks.machine import peak_rss_mb
from benchmarks.registry import Benchmark, Context, Sample, Unavailable


@dataclass
class Result:
    name: str
    title: str
    status: str  # "ok", "skipped" (feature not available) or "failed"
    message: str = ""
    runs: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # CPU seconds of each run: what other load cannot inflate
    rss_mb: float | None = None  # peak RSS of the measuring process (or of the process measured)
    traced_mb: float | None = None  # peak of Python allocations during one run (tracemalloc)
    note: str = ""
    target: float | None = None
    target_rss_mb: float | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def verdict(self) -> str:
        if self.status != "ok":
            return self.status
        missed = (self.target is not None and self.median > self.target) or (
            self.target_rss_mb is not None and self.rss_mb is not None and self.rss_mb > self.target_rss_mb
        )
        if missed:
            cpu = self.cpu_median
            if (
                self.target is not None
                and self.median > self.target
                and cpu is not None
                and cpu <= self.target
            ):
                return "miss (its CPU time is within the target: the machine was busy)"
            return "miss"
        return "pass" if self.target is not None or self.target_rss_mb is not None else "—"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(data: dict[str, Any]) -> Result:
        return Result(**data)


def blank(bench: Benchmark, status: str, message: str) -> Result:
    return Result(
        bench.name,
        bench.title,
        status,
        message,
        target=bench.target,
        target_rss_mb=bench.target_rss_mb,
    )


def measure(bench: Benchmark, ctx: Context, repeats: int) -> Result:
    """Set the benchmark up, run it ``repeats`` times (after its warm-up runs), tear it down."""
    result = blank(bench, "ok", "")
    try:
        case = bench.setup(ctx)
    except Unavailable as exc:
        return blank(bench, "skipped", str(exc))
    sample_rss: list[float] = []
    try:

        def once() -> tuple[float, float | None]:
            if case.before is not None:
                case.before()
            cpu_started = time.process_time()
            started = time.perf_counter()
            outcome = case.run()
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            if case.after is not None:
                case.after()
            if isinstance(outcome, Sample):
                if outcome.rss_mb is not None:
                    sample_rss.append(outcome.rss_mb)
                return outcome.seconds, outcome.cpu_seconds
            return elapsed, cpu

        for _ in range(case.warmup):
            once()
        sample_rss.clear()
        timings = [once() for _ in range(repeats)]
        result.runs = [wall for wall, _cpu in timings]
        result.cpu = [cpu for _wall, cpu in timings if cpu is not None]
        if bench.trace:
            tracemalloc.start()
            try:
                once()
                result.traced_mb = tracemalloc.get_traced_memory()[1] / 1024 / 1024
            finally:
                tracemalloc.stop()
    finally:
        if case.close is not None:
            case.close()
    result.note = case.note
    result.rss_mb = max(sample_rss) if sample_rss else peak_rss_mb()
    return result
