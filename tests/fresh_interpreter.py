"""A script run in a fresh Python interpreter from the repository's root (Qt offscreen), for tests that must see
what a first import or a first opening does: the test session itself has imported everything already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: The start of a script that records every module imported from then on, and whether on the GUI thread:
#: ``imported`` holds ``(module, on the main thread)`` in the order of importing.
WATCH_IMPORTS = """
import json, sys, threading, time
imported = []  # (module, imported on the GUI thread)

class Seen:
    @staticmethod
    def find_spec(name, path=None, target=None):
        imported.append((name, threading.current_thread() is threading.main_thread()))
        return None

sys.meta_path.insert(0, Seen)
"""


def last_json_line(script: str, *args: str) -> Any:
    """Run ``script`` with ``args`` in a new interpreter and read the JSON it printed last (a failing script
    fails the test with its output)."""
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])
