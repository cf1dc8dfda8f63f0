"""A project on read-only media (issue 14.7): everything that reads works, a write says so.

Root can write any file whatever its mode, so when the tests run as root the checks run in a
forked child that has dropped to the unprivileged user ``nobody`` (everything it needs is imported
before the fork: the interpreter's own files may not be readable by ``nobody``)."""

from __future__ import annotations

import encodings.utf_8_sig  # noqa: F401  (imported before dropping privileges: see the docstring)
import io
import os
import pickle
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import coding.exporting.csv_export  # noqa: F401
from coding import Project
from coding.cli.main import main
from coding.core.errors import ProjectFileError, ProjectReadOnlyError
from models.database import create_file, head_revision, revision_graph

NOBODY = 65534


def _unprivileged(check: Callable[[], object]) -> object:
    """Run ``check`` as a user who cannot write what root made read-only; return its result."""
    if os.geteuid() != 0:
        return check()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to nobody, run, send back the result or the traceback
        os.close(reader)
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            payload = pickle.dumps(("ok", check()))
        except BaseException:
            payload = pickle.dumps(("error", traceback.format_exc()))
        with os.fdopen(writer, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as incoming:
        data = incoming.read()
    os.waitpid(pid, 0)
    status, value = pickle.loads(data)
    if status == "error":
        pytest.fail(f"in the unprivileged child:\n{value}")
    return value


@pytest.fixture
def read_only_project(interviews: Project) -> Iterator[Path]:
    """The interviews project, coded once, in a folder nobody may write (``nobody`` may read it)."""
    interviews.code("R5", "Vertrouwen", 0, 20)
    interviews.close()
    folder = Path(tempfile.mkdtemp(prefix="codewerk-ro-"))
    target = folder / "studie.codewerk"
    shutil.copy(interviews.store.path, target)
    outside = Path(tempfile.mkdtemp(prefix="codewerk-out-"))
    os.chmod(outside, 0o777)
    target.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield target
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
        shutil.rmtree(outside)


def test_a_read_only_project_opens_and_reads(read_only_project: Path) -> None:
    def check() -> object:
        with Project.open(read_only_project, coder="reader") as project:
            assert project.read_only
            names = [d.name for d in project.documents.list()]
            quotes = [q.text for q in project.quotes("Vertrouwen")]
            settings = project.setting("language")
        return names, quotes, settings

    names, quotes, language = _unprivileged(check)  # type: ignore[misc]
    assert names == ["R5", "R6"]
    assert len(quotes) == 1
    assert language == "nl"


def test_a_write_to_a_read_only_project_says_so_and_changes_nothing(read_only_project: Path) -> None:
    def check() -> object:
        with Project.open(read_only_project, coder="reader") as project:
            try:
                project.code("R5", "Vertrouwen", 30, 40)
            except ProjectReadOnlyError as exc:
                refused = str(exc)
            else:
                refused = ""
            count = len(project.quotes("Vertrouwen"))
        return refused, count

    refused, count = _unprivileged(check)  # type: ignore[misc]
    assert "the project is read-only" in refused
    assert count == 1


def test_the_cli_reads_and_exports_a_read_only_project_and_refuses_writes(read_only_project: Path) -> None:
    outside = Path(tempfile.mkdtemp(prefix="codewerk-out-"))
    os.chmod(outside, 0o777)

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    def check() -> object:
        return (
            run("documents", str(read_only_project)),
            run("quotes", str(read_only_project), "--code", "Vertrouwen"),
            run("export", str(read_only_project), str(outside / "quotes.csv")),
            run("code", str(read_only_project), "R5", "Vertrouwen", "--span", "30:40"),
        )

    try:
        documents, quotes, export, code = _unprivileged(check)  # type: ignore[misc]
        assert documents[0] == 0 and "R5" in documents[1], documents
        assert quotes[0] == 0 and "damaged" not in quotes[2], quotes
        assert export[0] == 0 and (outside / "quotes.csv").exists(), export
        assert code[0] == 1 and "the project is read-only" in code[2], code
        assert "Traceback" not in code[2]
    finally:
        shutil.rmtree(outside)


def test_an_older_read_only_project_says_it_cannot_be_upgraded_in_place() -> None:
    folder = Path(tempfile.mkdtemp(prefix="codewerk-ro-"))
    path = folder / "oud.codewerk"
    create_file(path, revision_graph()[head_revision()][0])
    path.chmod(0o444)
    folder.chmod(0o555)

    def check() -> object:
        try:
            Project.open(path)
        except ProjectFileError as exc:
            return str(exc)
        return ""

    try:
        message = _unprivileged(check)
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
    assert "read-only" in str(message) and "damaged" not in str(message)


def test_the_read_only_refusal_speaks_dutch_when_asked(read_only_project: Path) -> None:
    from coding.core import i18n

    def check() -> object:
        i18n.set_language("nl")
        with Project.open(read_only_project, coder="reader") as project:
            try:
                project.code("R5", "Vertrouwen", 30, 40)
            except ProjectReadOnlyError as exc:
                return str(exc)
        return ""

    refused = _unprivileged(check)
    assert refused == "studie.codewerk: het project is alleen-lezen; er is niets gewijzigd"
