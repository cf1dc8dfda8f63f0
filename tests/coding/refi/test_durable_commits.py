"""A finished action survives a power loss: every commit of a project file syncs its write-ahead log
(``PRAGMA synchronous=FULL`` on every connection), a coding and its undo as an import (which leaves copying
the log into the file to a thread, ``coding/core/log_copy.py``) and its undo; the copy and the window's
checkpoint run on connections with the same setting."""

from __future__ import annotations

from pathlib import Path

from coding import Project
from coding.refi.exchange import import_exchange
from tests.coding.sync_probes import FULL, synchronous_at_each_commit, synchronous_of_pooled


def test_every_commit_of_an_action_and_its_undo_syncs_the_log(rich_project: Project, tmp_path: Path) -> None:
    archive = rich_project.export(tmp_path / "out.qdpx")
    with Project.create(tmp_path / "new.codewerk", codebook=None, coder="student") as project:
        seen = synchronous_at_each_commit(project)
        report = import_exchange(project, archive)  # its log copied into the file by a thread after
        assert report.added["documents"] == 3
        document = project.documents.list()[0]
        code = project.codes.create("Durable", inductive=True)
        project.codings.code(document.id, code.id, 0, 10)
        project.undo()  # the coding
        project.undo()  # the code
        project.undo()  # the import, also left to the thread
        project.store._log_copier.wait()
        project.checkpoint()
        assert len(seen) >= 6
        assert set(seen) == {FULL}
        # the log copy's and the checkpoint's connections too
        assert synchronous_of_pooled(project) == {FULL}
        assert project.documents.list() == []
