"""Exports of a synthetic study with 20,000 coded quotes: xlsx (target < 5 s), csv, docx, the grid.

Run: ``make bench`` or ``.venv/bin/python -m benchmarks.bench_export [QUOTES]``. Each action runs
three times; the best wall-clock and CPU times are shown (the machine may be shared).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.synthetic import build_synthetic

TARGET_XLSX = 5.0
RUNS = 3


def measure(action: Callable[[int], Any]) -> tuple[float, float]:
    """Best wall-clock and CPU seconds over ``RUNS`` runs."""
    wall, cpu = [], []
    for run in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        action(run)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(wall), min(cpu)


def main(quotes: int = 20_000) -> int:
    with tempfile.TemporaryDirectory(prefix="codewerk-bench-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        project = build_synthetic(root / "bench.codewerk", quotes)
        print(f"build a project with {quotes} coded quotes: {time.perf_counter() - started:.2f} s")
        try:
            actions: dict[str, Callable[[int], Any]] = {
                "judgement grid": lambda _run: project.comparison.grid(),
                "frequencies (documents)": lambda _run: project.comparison.frequencies(measure="documents"),
                "xlsx export": lambda run: project.export(root / f"out{run}.xlsx"),
                "csv export": lambda run: project.export(root / f"out{run}.csv"),
                "docx quotes per concept": lambda run: project.export(root / f"out{run}.docx"),
                "docx coded transcript (~950 passages)": lambda run: project.export(
                    root / f"t{run}.docx", kind="transcript", document="R1_interview"
                ),
            }
            results = {}
            for label, action in actions.items():
                results[label] = measure(action)
                wall, cpu = results[label]
                print(f"{label}: {wall:.2f} s (cpu {cpu:.2f} s)")
            print(f"xlsx size: {(root / 'out0.xlsx').stat().st_size / 1e6:.1f} MB")
        finally:
            project.close()
    wall = results["xlsx export"][0]
    ok = wall < TARGET_XLSX
    print(f"xlsx export of {quotes} quotes {'meets' if ok else 'MISSES'} the {TARGET_XLSX:.0f} s target")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))
