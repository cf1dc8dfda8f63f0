"""Codes as users type them: paths, names, labels, question references; case and accents ignored."""

from __future__ import annotations

import pytest

from coding import Project
from coding.core.errors import AmbiguousError, NotFoundError


@pytest.mark.parametrize(
    ("reference", "path"),
    [
        ("Vertrouwen", "Vertrouwen"),
        ("vertrouwen", "Vertrouwen"),
        ("Trust", "Vertrouwen"),
        ("coordinatie", "Coördinatie"),
        ("COÖRDINATIE", "Coördinatie"),
        ("4a", "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet"),
        ("4A", "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet"),
        ("Vertrouwen/Betrouwbaarheid", "Vertrouwen/Betrouwbaarheid"),
        ("vertrouwen/betrouwbaarheid/", "Vertrouwen/Betrouwbaarheid"),
        ("Trust/Reliability", "Vertrouwen/Betrouwbaarheid"),
        ("Betrouwbaarheid", "Vertrouwen/Betrouwbaarheid"),
    ],
)
def test_resolves(project: Project, reference: str, path: str) -> None:
    assert project.codes.resolve(reference).path_text == path


def test_unknown_code_suggests_the_closest(project: Project) -> None:
    with pytest.raises(NotFoundError, match="unknown code 'Vertrouwn' \\(did you mean 'Vertrouwen'\\?\\)"):
        project.codes.resolve("Vertrouwn")


def test_ambiguous_name_lists_paths(project: Project) -> None:
    project.codes.create("Gemeenten", "Vertrouwen")
    project.codes.create("Gemeenten", "Urgentiebesef")
    with pytest.raises(AmbiguousError, match="Vertrouwen/Gemeenten; Urgentiebesef/Gemeenten"):
        project.codes.resolve("gemeenten")
    assert (
        project.codes.resolve("Urgentiebesef/Gemeenten").parent_id
        == project.codes.resolve("Urgentiebesef").id
    )
