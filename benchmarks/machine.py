"""The machine and software a benchmark run measured, for RESULTS.md."""

from __future__ import annotations

import os
import platform
import sqlite3
from importlib import metadata
from pathlib import Path

PACKAGES = ("PySide6", "SQLAlchemy", "alembic", "python-docx", "openpyxl", "lxml", "spacy")


def peak_rss_mb() -> float:
    """This process's peak resident memory.

    ``VmHWM`` belongs to the process's own address space, which ``exec`` starts afresh; the
    ``ru_maxrss`` of ``getrusage`` on Linux also carries the peak of the parent that forked the
    process, so a small benchmark started from a big runner would inherit the runner's figure.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def load() -> str:
    """The 1, 5 and 15 minute load averages: other work on a shared machine shows here."""
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def describe() -> dict[str, str]:
    memory = _memory_gb()
    return {
        "CPU": f"{_cpu_model()}, {os.cpu_count()} cores ({platform.machine()})",
        "RAM": f"{memory:.1f} GB" if memory else "unknown",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "SQLite": sqlite3.sqlite_version,
        "Packages": ", ".join(f"{name} {_version(name)}" for name in PACKAGES),
    }
