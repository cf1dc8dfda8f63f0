"""A throwaway PostgreSQL cluster for tests and benchmarks: ``initdb`` and ``pg_ctl`` on a Unix
socket in a temporary folder, as an unprivileged user, no TCP port, no system service.

The cluster's superuser ``postgres`` connects over the socket without a password (peer trust
for that one role); every other role signs in with a password (SCRAM), so wrong credentials
are refused as on a real server. :func:`start` returns ``None`` and the reason when the cluster
cannot start (no PostgreSQL binaries, no unprivileged user); the caller skips with it.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BIN_DIRS = [Path(p) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)]
HBA = """\
local all postgres trust
local all all scram-sha-256
"""


def _binaries() -> Path | None:
    for folder in BIN_DIRS:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


@dataclass
class Cluster:
    folder: Path
    bin: Path
    user: str | None  # who runs the server (None: this process's own user)
    _databases: int = 0
    _template: str = ""
    template_filler: Callable[[str], None] | None = None

    @property
    def socket(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str, user: str = "postgres", password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@/{database}?host={self.socket}"

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        return subprocess.run([*prefix, *command], capture_output=True, text=True, check=False)

    def psql(self, sql: str, database: str = "postgres") -> str:
        done = self._run(
            str(self.bin / "psql"), "-h", str(self.socket), "-U", "postgres", "-d", database,
            "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip())
        return done.stdout

    def new_database(self, prefix: str = "cw") -> str:
        """A fresh, empty database; returns its name."""
        self._databases += 1
        name = f"{prefix}_{os.getpid()}_{self._databases}"
        self.psql(f'CREATE DATABASE "{name}"')
        return name

    def drop(self, database: str) -> None:
        """Drop a test database (closing whatever a test left connected to it)."""
        self.psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def from_template(self) -> str:
        """A fresh database that is a copy of the template (made on first use by
        ``template_filler(url)``): cheaper than creating a project from scratch each time."""
        if not self._template:
            name = self.new_database("template")
            if self.template_filler is not None:
                self.template_filler(self.url(name))
            self._template = name
        self._databases += 1
        copy = f"cw_{os.getpid()}_{self._databases}"
        self.psql(f'CREATE DATABASE "{copy}" TEMPLATE "{self._template}"')
        return copy

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w", "stop")

    def start(self) -> None:
        done = self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-w", "-l", str(self.folder / "log"),
            "-o", f"-k {self.socket} -c listen_addresses='' -c fsync=off -c max_connections=60",
            "start",
        )  # fmt: skip
        if done.returncode != 0:
            log = (
                (self.folder / "log").read_text(errors="replace")[-500:]
                if (self.folder / "log").exists()
                else ""
            )
            raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()} {log}")

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> tuple[Cluster | None, str]:
    """Start a cluster; ``(cluster, "")`` or ``(None, why not)``."""
    binaries = _binaries()
    if binaries is None:
        return None, "PostgreSQL is not installed (no initdb/pg_ctl; .ci/run installs Debian's postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "the PostgreSQL driver psycopg is not installed"
    user: str | None = None
    if os.geteuid() == 0:  # the server refuses to run as root
        for candidate in ("postgres", "nobody"):
            try:
                pwd.getpwnam(candidate)
            except KeyError:
                continue
            user = candidate
            break
        if user is None:
            return None, "running as root and there is no unprivileged user to run PostgreSQL as"
    folder = Path(tempfile.mkdtemp(prefix="codewerk-pg-"))
    folder.chmod(0o755)
    (folder / "socket").mkdir()
    if user is not None:
        entry = pwd.getpwnam(user)
        for path in (folder, folder / "socket"):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(folder, binaries, user)
    done = cluster._run(
        str(binaries / "initdb"), "-D", str(folder / "data"), "-U", "postgres", "--auth=trust",
        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
    )  # fmt: skip
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        return None, f"initdb failed: {done.stderr.strip()[-300:]}"
    hba = folder / "data" / "pg_hba.conf"
    hba.write_text(HBA, encoding="utf-8")
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(hba, entry.pw_uid, entry.pw_gid)
    try:
        cluster.start()
    except RuntimeError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        return None, str(exc)
    return cluster, ""
