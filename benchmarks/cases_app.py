"""The application bundle of ``make app`` (PyInstaller, one folder): its size and its start.

Measured on the bundle in ``dist/codewerk`` when one is there (``make app`` builds it; it is never
built by the benchmark run itself, which would take minutes): process start to the window shown on
the demo project, rendered once and closed (``--smoke``, offscreen), and the bundle's size on disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.registry import Case, Context, Sample, Unavailable, benchmark

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "codewerk"
PROGRAM = BUNDLE / ("codewerk.exe" if sys.platform == "win32" else "codewerk")


def _require_bundle() -> None:
    if not PROGRAM.exists():
        raise Unavailable("the application bundle (run `make app` first; it builds dist/codewerk)")


def bundle_size() -> tuple[float, int]:
    """Megabytes on disk (file sizes) and the number of files of the bundle folder."""
    files = [path for path in BUNDLE.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files) / 1e6, len(files)


def _start(project: Path, env: dict[str, str]) -> Sample:
    started = time.monotonic()
    process = subprocess.Popen(
        [str(PROGRAM), str(project), "--smoke"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)  # the started program's own CPU time and peak RSS
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"the bundle did not start: {errors.strip()[-500:]}")
    return Sample(seconds=seconds, rss_mb=usage.ru_maxrss / 1024, cpu_seconds=usage.ru_utime + usage.ru_stime)


@benchmark(
    "app_bundle_start",
    "Start the application bundle (make app) on the demo project: process start to window shown, "
    "rendered and closed (--smoke, offscreen)",
    target=3.0,
    repeats=5,
    quick_repeats=2,
    trace=False,
    requires=_require_bundle,
    limits=(
        "Unpacking nothing (one folder, no archive to extract), then the same imports and window as "
        "`python main.py`: the bundle's Python loads its modules from a compressed archive (PYZ). "
        "The size is mostly spaCy's compiled modules and Qt's libraries."
    ),
)
def app_bundle_start(ctx: Context) -> Case:
    home = ctx.workdir / "home"
    home.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }
    built = subprocess.run(
        [str(PROGRAM), "--demo", "--smoke"], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if built.returncode != 0:
        raise RuntimeError(f"the bundle could not build the demo project: {built.stderr.strip()[-500:]}")
    project = home / ".local" / "share" / "Codewerk" / "demo.codewerk"
    megabytes, files = bundle_size()
    return Case(
        lambda: _start(project, env),
        note=(
            f"bundle {megabytes:.0f} MB in {files:,} files ({sys.platform}); fresh process each run, "
            "its CPU time and peak RSS"
        ),
    )
