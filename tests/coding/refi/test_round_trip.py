"""Round trips: export → import into a fresh project keeps everything; a re-import adds nothing."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core.text import fold, normalise_text
from coding.refi.exchange import import_exchange, import_into_file
from coding.refi.schemas import PROJECT_SCHEMA, schema_errors
from tests.coding.dump import dump
from tests.coding.refi.helpers import canonical


def test_round_trip_keeps_everything(rich_project: Project, tmp_path: Path) -> None:
    rich_project.export(tmp_path / "out.qdpx")
    report = import_into_file(tmp_path / "copy.codewerk", tmp_path / "out.qdpx")
    assert report.created_project and report.skipped == [] and report.adjusted == []
    assert report.added["codings"] == 6 and report.added["judgements"] == 2 and report.added["reviews"] == 3
    with Project.open(tmp_path / "copy.codewerk") as copy:
        assert canonical(copy) == canonical(rich_project)
        # and the copy exports to the same content again
        copy.export(tmp_path / "again.qdpx")
        with Project.create(tmp_path / "third.codewerk", codebook=None) as third:
            import_exchange(third, tmp_path / "again.qdpx")
            assert canonical(third) == canonical(rich_project)


def test_reimport_adds_nothing_and_undo_restores_exactly(rich_project: Project, tmp_path: Path) -> None:
    rich_project.export(tmp_path / "out.qdpx")
    before = dump(rich_project.path)
    report = import_exchange(rich_project, tmp_path / "out.qdpx")
    assert sum(report.added.values()) == 0 and report.skipped == []
    assert report.existing["codings"] == 6 and report.existing["documents"] == 3
    assert dump(rich_project.path) == before
    assert not rich_project.history.can_undo  # nothing changed, nothing to undo

    with Project.create(tmp_path / "fresh.codewerk", codebook=None) as fresh:
        empty = dump(fresh.path)
        import_exchange(fresh, tmp_path / "out.qdpx")
        assert fresh.history.undo_count == 1
        fresh.undo()
        assert dump(fresh.path) == empty
        fresh.redo()
        assert canonical(fresh) == canonical(rich_project)


def test_merge_adds_what_is_new_and_keeps_what_the_project_has(rich_project: Project, tmp_path: Path) -> None:
    rich_project.export(tmp_path / "base.qdpx")
    import_into_file(tmp_path / "colleague.codewerk", tmp_path / "base.qdpx")
    with Project.open(tmp_path / "colleague.codewerk", coder="colleague") as colleague:
        colleague.code("R9_gemeente_eindhoven", "Vertrouwen", text="de gemeente neemt te veel ruimte")
        colleague.memos.write("nieuwe gedachte", document="R9_vervolg")
        colleague.codes.update("Vertrouwen", colour="#000000")  # the project's own colour must win
        colleague.export(tmp_path / "colleague.qdpx")
    report = import_exchange(rich_project, tmp_path / "colleague.qdpx")
    assert report.added["codings"] == 1 and report.added["memos"] == 1 and report.added["coders"] == 1
    assert report.added["codes"] == 0 and report.added["documents"] == 0
    assert rich_project.codes.get("Vertrouwen").colour != "#000000"
    quotes = rich_project.quotes("Vertrouwen", where={"respondent": "R9"}, include_subcodes=False)
    assert [q.text for q in quotes] == ["de gemeente neemt te veel ruimte", "👍🏽 het vertrouwen groeit"]


# -- property: random projects with emoji, accents, CRLF-born text ------------------------------
_WORDS = st.sampled_from(
    [
        "vertrouwen",
        "coördinatie",
        "naïef",
        "👍🏽",
        "🚀",
        "e\u0301",
        "ĳs",
        "R5:",
        "[00:01:02]",
        "–",
        "𝔘",
        "\r\n",
        "\n",
        " ",
        "\t",
    ]
)
_TEXTS = st.lists(_WORDS, min_size=3, max_size=40).map("".join)
_NAMES = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda s: s.strip() and "/" not in s
)
# XML 1.0 cannot carry control characters other than tab and newline (test_export checks they are dropped).
_MEMO = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\n\t"),
    max_size=30,
)


@st.composite
def _projects(draw: st.DrawFn) -> dict:
    docs = []
    for index in range(draw(st.integers(1, 3))):
        text = normalise_text(draw(_TEXTS))
        if not text.strip():
            text = "tekst " + text
        spans = []
        for _ in range(draw(st.integers(0, 4))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            if text[start:end].strip():
                spans.append((start, end, draw(_MEMO)))
        attributes = draw(
            st.dictionaries(
                st.sampled_from(["respondent", "region", "role"]),
                st.sampled_from(["R1", "Zwolle", "UWV", "Ñ 😊"]),
            )
        )
        docs.append((f"doc{index}", text, attributes, spans))
    codes = draw(
        st.lists(
            st.tuples(_NAMES, st.sampled_from(["#112233", "#ABCDEF", "#9e9e9e"]), _MEMO),
            min_size=1,
            max_size=4,
            unique_by=lambda c: fold(c[0]),  # as the codebook compares names: 'Ă' and 'ä' are one
        )
    )
    return {"docs": docs, "codes": codes, "memo": draw(_MEMO)}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=_projects())
def test_random_projects_round_trip(spec: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with Project.create(tmp / "a.codewerk", codebook=None, coder="maker") as project:
            code_ids = []
            for name, colour, description in spec["codes"]:
                code_ids.append(project.codes.create(name, colour=colour, description=description).id)
            for index, (name, text, attributes, spans) in enumerate(spec["docs"]):
                source = tmp / f"{name}.txt"
                source.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # files with CRLF
                project.import_files([source], attributes=attributes)
                for number, (start, end, memo) in enumerate(spans):
                    code = code_ids[(index + number) % len(code_ids)]
                    try:
                        info = project.codings.code(name, code, start, end, memo=memo)
                    except Exception:  # the same trimmed passage with the same code twice
                        continue
                    if number % 2:
                        project.reviews.mark(info.id, "question", memo, reviewer="reviewer")
            if spec["memo"]:
                project.memos.write(spec["memo"], title="t")
                regions = project.documents.attribute_values("region")
                if regions:  # a judgement (open code: any text is a score) with its evidence
                    quotes = project.quotes()
                    evidence = [quotes[0].passage_id] if quotes else []
                    project.judgements.assess(
                        regions[0], code_ids[0], spec["memo"][:5], note=spec["memo"], evidence=evidence
                    )
            project.export(tmp / "out.qdpx")
            with zipfile.ZipFile(tmp / "out.qdpx") as archive:
                assert schema_errors(archive.read("project.qde"), PROJECT_SCHEMA) == []
            import_into_file(tmp / "b.codewerk", tmp / "out.qdpx")
            with Project.open(tmp / "b.codewerk") as copy:
                assert canonical(copy) == canonical(project)


def test_two_independent_projects_merge_by_name_and_text(tmp_path: Path, transcript_file: Path) -> None:
    """Two students each created a project with the rwb codebook and imported the same transcript."""
    with Project.create(tmp_path / "anna.codewerk", codebook="rwb", coder="anna") as anna:
        anna.import_files([transcript_file], attributes={"respondent": "R5", "region": "Zwolle"})
        anna.code("R5_uwv_zwolle", "4a", text="vertrouw ik de andere partijen volledig")
        anna.code("R5_uwv_zwolle", "Urgentiebesef", text="De urgentie is hoog")
        anna.export(tmp_path / "anna.qdpx")
    with Project.create(tmp_path / "bob.codewerk", codebook="rwb", coder="bob") as bob:
        bob.import_files(
            [transcript_file], attributes={"respondent": "R5", "region": "Zwolle", "role": "UWV"}
        )
        bob.code("R5_uwv_zwolle", "4a", text="vertrouw ik de andere partijen volledig")
        codes_before = len(bob.codes.tree())
        report = import_exchange(bob, tmp_path / "anna.qdpx")
        assert len(bob.codes.tree()) == codes_before  # codes matched by name under the same parent
        assert report.existing["documents"] == 1 and report.added["documents"] == 0
        # anna's coding of the passage bob coded too is hers: each coder keeps their own layer.
        assert report.added["codings"] == 2 and report.existing["codings"] == 0
        quotes = bob.quotes()
        assert sorted((q.code_path.split("/")[0], q.coder) for q in quotes) == [
            ("Urgentiebesef", "anna"),
            ("Vertrouwen", "anna"),
            ("Vertrouwen", "bob"),
        ]
        assert import_exchange(bob, tmp_path / "anna.qdpx").added["codings"] == 0
        assert bob.documents.get("R5_uwv_zwolle").attributes["role"] == "UWV"
