"""Run the benchmark suite: ``python -m benchmarks.run [--quick] [--only NAME ...]``.

Every benchmark runs in a fresh Python process (so caches and memory of one never help or hurt
another, and its peak RSS is its own); a benchmark whose feature has not landed prints
"not available yet: …" and is listed as such. A full run writes ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.machine import load
from benchmarks.make_corpus import DEFAULT_ROOT, Corpus, ensure
from benchmarks.measure import Result, blank, measure
from benchmarks.registry import BENCHMARKS, Benchmark, Context, Unavailable
from benchmarks.results import line, write

#: Modules that register benchmarks, in the order they run.
CASES = (
    "benchmarks.cases_project",
    "benchmarks.cases_window",
    "benchmarks.cases_exports",
    "benchmarks.cases_language",
    "benchmarks.cases_guide",
    "benchmarks.cases_text",
    "benchmarks.cases_agreement",
    "benchmarks.cases_analysis",
    "benchmarks.cases_app",
    "benchmarks.cases_concurrency",
    "benchmarks.cases_team",
    "benchmarks.cases_reviews",
    "benchmarks.cases_scale",
    "benchmarks.cases_io",
)
for _module in CASES:
    importlib.import_module(_module)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
CHILD_TIMEOUT = 600


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run of the suite)")
    parser.add_argument(
        "--only", action="append", default=[], metavar="NAME", help="run only these (repeatable)"
    )
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--scale", choices=["tiny"], help="run every benchmark on the tiny corpus (tests)")
    parser.add_argument("--corpus-root", type=Path, default=DEFAULT_ROOT, help="where corpora are cached")
    parser.add_argument(
        "--results",
        type=Path,
        help="write the results here (default: benchmarks/RESULTS.md on a full run, nothing otherwise)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _context(args: argparse.Namespace, workdir: Path) -> Context:
    return Context(workdir=workdir, corpus_root=args.corpus_root, scale=args.scale, quick=args.quick)


def _repeats(bench: Benchmark, quick: bool) -> int:
    return bench.quick_repeats if quick else bench.repeats


def _child(args: argparse.Namespace) -> int:
    """Inside the fresh process: measure one benchmark and write its result as JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    bench = BENCHMARKS[args.child]
    with tempfile.TemporaryDirectory(prefix=f"codewerk-bench-{bench.name}-") as workdir:
        result = measure(bench, _context(args, Path(workdir)), _repeats(bench, args.quick))
    args.out.write_text(json.dumps(result.to_json()), encoding="utf-8")
    return 0


def _spawn(bench: Benchmark, args: argparse.Namespace) -> Result:
    """Run one benchmark in a fresh process (it reports its own peak RSS)."""
    with tempfile.TemporaryDirectory(prefix="codewerk-bench-") as folder:
        out = Path(folder) / "result.json"
        command = [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--child",
            bench.name,
            "--out",
            str(out),
            "--corpus-root",
            str(args.corpus_root),
        ]
        if args.quick:
            command.append("--quick")
        if args.scale:
            command += ["--scale", args.scale]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
        try:
            _out, errors = process.communicate(timeout=CHILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return blank(bench, "failed", f"did not finish within {CHILD_TIMEOUT} s")
        if process.returncode != 0 or not out.exists():
            last = errors.strip().splitlines()[-1:] or [f"exit code {process.returncode}"]
            return blank(bench, "failed", last[0][:300])
        return Result.from_json(json.loads(out.read_text(encoding="utf-8")))


def _selected(names: Sequence[str]) -> list[Benchmark]:
    wanted = [n for item in names for n in item.split(",") if n]
    unknown = [n for n in wanted if n not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(unknown)} (see --list)")
    return [BENCHMARKS[n] for n in wanted] if wanted else list(BENCHMARKS.values())


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    if args.child:
        return _child(args)
    benches = _selected(args.only)
    if args.list:
        for bench in benches:
            print(f"{bench.name:<32} {bench.title}")
        return 0
    started = time.monotonic()
    load_before = load()
    results: list[Result] = []
    corpora: dict[str, Corpus] = {}
    failed = False
    for bench in benches:
        try:
            if bench.requires is not None:
                bench.requires()
        except Unavailable as exc:
            results.append(blank(bench, "skipped", str(exc)))
            print(line(results[-1]), flush=True)
            continue
        if args.quick and not bench.quick and not args.scale:
            results.append(blank(bench, "skipped", "left out of --quick: its corpus takes minutes to build"))
            print(line(results[-1]), flush=True)
            continue
        for size in bench.sizes:
            spec = _context(args, Path()).spec(size)
            corpora[spec.name] = ensure(
                spec,
                root=args.corpus_root,
                docx=bench.docx,
                log=lambda message: print(f"  corpus: {message}", flush=True),
            )
        results.append(_spawn(bench, args))
        failed = failed or results[-1].status == "failed"
        print(line(results[-1]), flush=True)
    total = time.monotonic() - started
    print(f"{len(results)} benchmarks in {total:.0f} s")
    target = args.results or (RESULTS if not (args.only or args.quick or args.scale) else None)
    if target is not None:
        command = (
            "make bench"
            if argv is None and not sys.argv[1:]
            else "python -m benchmarks.run " + " ".join(sys.argv[1:] if argv is None else argv)
        )
        write(
            target,
            results,
            list(corpora.values()),
            command=command,
            quick=args.quick,
            total_seconds=total,
            load_before=load_before,
        )
        print(f"wrote {target}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
