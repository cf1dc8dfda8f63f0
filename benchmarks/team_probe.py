"""One process of the team benchmark (``benchmarks/cases_team.py``) on a PostgreSQL project.

``python -m benchmarks.team_probe coder URL COUNT CODE NAME OUT``: code COUNT passages with CODE
as NAME, each through ``Project.code`` (its own transaction, NOTIFY after commit), and write
``{"instance", "ok", "failed", "latencies", "committed", "cpu"}`` (committed: wall-clock times; cpu:
the coder process's CPU seconds for all its codings, retries included).

``python -m benchmarks.team_probe watcher URL SECONDS OUT``: look for the others' changes every
5 ms (``Project.notice_others``, what the window does every 500 ms) and write the wall-clock time
each notification arrived, per sender: ``{"arrived": {instance: [times]}}``. It writes
``OUT.ready`` once it listens (the coders start after that: a change committed before would never
reach it) and stops a second after ``OUT.stop`` appears (the coders are done), or after SECONDS.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from coding import CodewerkError, Project


def coder(url: str, count: int, code: str, name: str) -> dict[str, Any]:
    report: dict[str, Any] = {"ok": 0, "failed": [], "latencies": [], "committed": []}
    with Project.open(url, coder=name) as project:
        report["instance"] = project.store.instance  # type: ignore[attr-defined]
        documents = [(d.id, d.length) for d in project.documents.list(with_counts=False)]
        cpu = time.process_time()
        done = 0
        offset = 0
        while done < count:
            for document, length in documents:
                if done >= count:
                    break
                if offset + 6 > length:
                    continue
                began = time.perf_counter()
                try:
                    project.code(document, code, offset, offset + 6)
                except CodewerkError as exc:
                    report["failed"].append(str(exc))
                else:
                    report["ok"] += 1
                    report["latencies"].append(time.perf_counter() - began)
                    report["committed"].append(time.time())
                done += 1
            offset += 10
        report["cpu"] = time.process_time() - cpu  # this process's own, the server's not counted
    return report


def watcher(url: str, seconds: float, out: Path) -> dict[str, Any]:
    arrived: dict[str, list[float]] = {}
    stop = out.with_name(out.name + ".stop")
    with Project.open(url, coder="watcher") as project:  # listening from here on
        store: Any = project.store
        out.with_name(out.name + ".ready").write_text("", encoding="utf-8")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if stop.exists():
                deadline = min(deadline, time.monotonic() + 1.0)  # what is still on its way
                stop.unlink()
            with store._listen_lock:
                listener = store._listen()
                listener.execute("SELECT 1")
                notes = list(listener.notifies(timeout=0.005, stop_after=None))
            now = time.time()
            for note in notes:
                sender = json.loads(note.payload).get("by", "")
                arrived.setdefault(sender, []).append(now)
    return {"arrived": arrived}


def main(argv: list[str]) -> int:
    if argv[0] == "coder":
        _mode, url, count, code, name, out = argv
        report = coder(url, int(count), code, name)
    else:
        _mode, url, seconds, out = argv
        report = watcher(url, float(seconds), Path(out))
    Path(out).write_text(json.dumps(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
