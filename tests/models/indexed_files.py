"""An indexed project file with a coding and one find, and an older schema of it: what the migration tests of the
stored word and suggestion data start from."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from alembic import command

from coding import Project
from coding.language.suggestions.candidates import Candidate
from models.database import _alembic_config, _migration_connection

TEXT = (
    "[00:00:05] I: Hoe ervaart u het vertrouwen tussen de partijen?\n"
    "[00:00:12] R5: Ik vertrouwde de gemeenten eerst niet. Nu vertrouwt iedereen elkaar. Vertrouwen groeit.\n"
    "[00:00:40] I: En de werkgevers?\n"
    "[00:00:44] R5: Die afspraken komen ze na. Het vertrouwen groeit langzaam, de werkgever vertrouwt ons.\n"
)


def downgrade(path: Path, revision: str) -> None:
    """The file at ``path`` as migration ``revision`` left it."""
    config = _alembic_config()
    with _migration_connection(path) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def indexed_and_found(folder: Path, respondents: Sequence[str]) -> tuple[Path, list[Candidate]]:
    """A project in ``folder`` of one interview per respondent (``TEXT`` with its name), indexed, one passage
    coded Vertrouwen, and the suggestions for Vertrouwen found once (and what the find computed stored)."""
    path = folder / "indexed.codewerk"
    sources = []
    for name in respondents:
        source = folder / f"{name}.txt"
        source.write_text(TEXT.replace("R5", name), encoding="utf-8")
        sources.append(source)
    with Project.create(path, codebook="rwb", coder="student") as project:
        project.import_files(sources)
        project.assist.index()
        project.code("R5", "Vertrouwen", text="Ik vertrouwde de gemeenten eerst niet.")
        suggested = project.assist.suggestions.candidates("Vertrouwen")
        project.assist.suggestions.keep_for_next_session()
    return path, suggested
