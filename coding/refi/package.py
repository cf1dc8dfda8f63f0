"""A blind package for a second coder: a new project file with the documents and the codebook,
without anyone's codings, memos, review marks or judgements, and the second coder's name preset.

The package is a copy of the project (SQLite backup API, so GUIDs of documents and codes stay the
same and merging back matches them exactly), from which everything a coder made is removed:
codings and their passages, memos, reviews, judgements, suggestions and the coders themselves.
Attributes, speaker settings, turns, the text index and the respondent register stay.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, insert, select

from coding.core.context import DocumentRef
from coding.core.errors import InvalidInputError
from coding.core.i18n import text
from coding.core.project_settings import PRESET_CODER
from coding.project import Project
from models import Code, Coder, Coding, Document, Judgement, Memo, Passage, Setting, Suggestion
from models.database import make_engine


@dataclass(frozen=True)
class PackageReport:
    path: Path
    coder: str
    documents: tuple[str, ...]
    codes: int

    def line(self) -> str:
        return text(
            "Packaged {documents} document(s) and {codes} codes for {coder}: {file} (no codings, memos or "
            "judgements)",
            documents=len(self.documents),
            codes=self.codes,
            coder=self.coder,
            file=self.path.name,
        )


def copy_project_file(source: Path, target: Path) -> None:
    """A consistent copy of a project file (the WAL included), with SQLite's backup API."""
    with (
        closing(sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def package_for_coder(
    project: Project,
    out: Path | str,
    *,
    coder: str,
    documents: Sequence[DocumentRef] = (),
    codebook_only: bool = False,
) -> PackageReport:
    out = Path(out)
    name = " ".join(coder.split())
    if not name:
        raise InvalidInputError(text("a package needs the name of the coder it is for (--coder NAME)"))
    if out.exists():
        raise InvalidInputError(
            text("{name}: already exists; choose another name (a package never overwrites)", name=out.name)
        )
    if not out.parent.is_dir():
        raise InvalidInputError(
            text("{name}: the folder {parent} does not exist", name=out.name, parent=out.parent)
        )
    chosen = {project.documents.id_of(d) for d in documents}
    copy_project_file(project.path, out)
    try:
        engine = make_engine(out)
        try:
            with engine.begin() as connection:
                for model in (Coding, Passage, Memo, Judgement, Suggestion, Coder):
                    connection.execute(delete(model))  # the schema's cascades take reviews and threads
                if codebook_only:
                    connection.execute(delete(Document))
                elif chosen:
                    connection.execute(delete(Document).where(Document.id.not_in(chosen)))
                connection.execute(delete(Setting).where(Setting.key == PRESET_CODER))
                connection.execute(insert(Setting).values(key=PRESET_CODER, value=name))
                names = tuple(connection.execute(select(Document.name).order_by(Document.position)).scalars())
                codes = connection.execute(select(func.count(Code.id))).scalar_one()
        finally:
            engine.dispose()
        with closing(sqlite3.connect(out)) as connection:
            connection.execute("VACUUM")  # what was removed does not linger in the file's free pages
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    return PackageReport(out, name, names, int(codes))
