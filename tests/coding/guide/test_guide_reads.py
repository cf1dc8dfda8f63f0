"""The guide's answers read the project a fixed number of times, however many interviews it holds:
coding the answers to one question in 2,000 interviews read each document's text and turns on its own
and looked every answer's document up by name (80–95 s of CPU on the huge bench corpus)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event

from coding import Project
from tests.coding.guide.test_guide_answers_export import R8


def _interviews(project: Project, folder: Path, names: list[str]) -> None:
    for name in names:
        path = folder / f"{name}.txt"
        path.write_text(R8.replace("R8", name), encoding="utf-8")
        project.import_files(path, attributes={"region": "Zwolle" if name < "R5" else "Arnhem"})
    for name in names:
        project.guide.decide(name, R8.index("I: Wie"), "6a", "confirmed")


def _statements(project: Project, action: object) -> int:
    seen: list[str] = []

    def note(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(project.store.engine, "before_cursor_execute", note)
    try:
        action()  # type: ignore[operator]
    finally:
        event.remove(project.store.engine, "before_cursor_execute", note)
    return len(seen)


def _reads(tmp_path: Path, names: list[str]) -> tuple[int, int, int]:
    folder = tmp_path / str(len(names))
    folder.mkdir()
    project = Project.create(folder / "p.codewerk")
    _interviews(project, folder, names)
    try:
        return (
            _statements(project, lambda: project.guide.answers("6a")),
            _statements(project, lambda: project.guide.table(where={"region": "zwolle"})),
            _statements(project, lambda: project.guide.code_answers("6a")),
        )
    finally:
        project.close()


def test_answers_table_and_coding_them_read_as_often_for_two_interviews_as_for_six(tmp_path: Path) -> None:
    few = _reads(tmp_path, ["R2", "R8"])
    many = _reads(tmp_path, ["R1", "R2", "R3", "R6", "R7", "R8"])
    assert many == few


def test_answers_keep_the_document_order_and_the_attribute_filter(project: Project, tmp_path: Path) -> None:
    _interviews(project, tmp_path, ["R8", "R2", "R6", "R3"])  # listed by name: R2, R3, R6, R8
    listed = [d.name for d in project.documents.list()]
    assert [a.document for a in project.guide.answers("6a")] == listed
    assert [a.document for a in project.guide.answers("6a", where={"region": "ARNHEM"})] == [
        n for n in listed if n >= "R5"
    ]
    assert all(
        a.confirmed and a.text.startswith("Dat is de programmamanager") for a in project.guide.answers("6a")
    )
    table = project.guide.table(where={"region": "zwolle"})
    assert [r.document for r in table.respondents] == [n for n in listed if n < "R5"]
    assert {document for (_ref, document) in table.answers} == {"R2", "R3"}
    assert len(project.guide.code_answers("6a").codings) == 8
