"""Exports of a synthetic study with 20,000 coded quotes: xlsx (target < 5 s), csv, docx, the grid.

Run: ``.venv/bin/python -m benchmarks.bench_export [QUOTES]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import build_synthetic


def main(quotes: int = 20_000) -> int:
    with tempfile.TemporaryDirectory(prefix="codewerk-bench-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        project = build_synthetic(root / "bench.codewerk", quotes)
        print(f"build {quotes} quotes: {time.perf_counter() - started:.2f} s")
        try:
            results = {}
            for label, action in (
                ("grid", lambda: project.comparison.grid()),
                ("frequencies", lambda: project.comparison.frequencies(measure="documents")),
                ("xlsx", lambda: project.export(root / "out.xlsx")),
                ("csv", lambda: project.export(root / "out.csv")),
            ):
                started = time.perf_counter()
                action()
                results[label] = time.perf_counter() - started
                print(f"{label}: {results[label]:.2f} s")
            size = (root / "out.xlsx").stat().st_size / 1e6
            print(f"xlsx size: {size:.1f} MB")
        finally:
            project.close()
    target = 5.0
    ok = results["xlsx"] < target
    print(f"xlsx export of {quotes} quotes {'meets' if ok else 'MISSES'} the {target:.0f} s target")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000))
