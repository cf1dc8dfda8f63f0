"""Codewerk opens no socket, not even a loopback one, when it is not talking to a team server.

Each case runs a real process (the CLI as a user types it, the window's smoke start) with Python's socket
creation replaced by one that writes ``SOCKET OPENED`` to stderr and fails, so a library that swallows the
failure (urllib3's IPv6 probe does) is still caught.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

GUARD = """
import socket, sys, traceback
def _refuse(self, *args, **kwargs):
    sys.stderr.write("SOCKET OPENED\\n" + "".join(traceback.format_stack(limit=12)))
    raise OSError("sockets are refused in this test")
socket.socket.__init__ = _refuse
"""

INTERVIEW = (
    "[00:00:04] I: Hoe verloopt de samenwerking met de gemeente?\n"
    "[00:00:09] R5: Eerlijk gezegd vertrouwen we elkaar nog niet helemaal.\n"
)


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    return subprocess.run(
        [sys.executable, "-c", GUARD + code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_cli_that_loads_spacy_opens_no_socket(tmp_path: Path) -> None:
    (tmp_path / "R5_uwv_zwolle.txt").write_text(INTERVIEW, encoding="utf-8")
    project = tmp_path / "studie.codewerk"
    code = f"""
from coding.cli.main import main
assert main(["new", {str(project)!r}]) == 0
assert main(["import", {str(project)!r}, {str(tmp_path / "R5_uwv_zwolle.txt")!r}]) == 0
assert main(["index", {str(project)!r}]) == 0
assert main(["search", {str(project)!r}, "vertrouwen"]) == 0
import sys
assert "spacy" in sys.modules, "the case must load spaCy to mean anything"
"""
    done = _run(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "SOCKET OPENED" not in done.stderr, done.stderr


def test_window_smoke_start_opens_no_socket(tmp_path: Path) -> None:
    code = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import main
raise SystemExit(main.gui(["--demo", "--smoke"]))
"""
    done = _run(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "SOCKET OPENED" not in done.stderr, done.stderr
