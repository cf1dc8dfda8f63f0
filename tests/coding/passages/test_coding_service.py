"""Coding passages through the services: offsets in code points, passages found by text, quotes filtered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core.errors import AmbiguousError, InvalidInputError, NotFoundError
from coding.core.text import normalise_text
from coding.documents.document_commands import NewDocument

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends


def test_passage_text_is_the_document_slice_with_emoji(coded_project: Project) -> None:
    text = coded_project.documents.text("R5_uwv_zwolle")
    start = text.index("Soms")
    end = text.index("👍") + 1
    info = coded_project.code("R5_uwv_zwolle", "4c", start, end, memo="twijfel")
    assert info.text == text[start:end] and info.text.endswith("👍")
    assert (info.start, info.end) == (start, end)
    passage = next(s for s in coded_project.codings.passages("R5_uwv_zwolle") if s.id == info.passage_id)
    assert passage.text == text[passage.start : passage.end]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.lists(
        st.sampled_from([*"abc éëï\n", "👍", "😀", "e\u0301", "\r\n", "\r"]), min_size=1, max_size=40
    ).map("".join),
    data=st.data(),
)
def test_any_span_of_any_text_stores_its_exact_slice(
    project: Project, body: str, data: st.DataObject
) -> None:
    text = normalise_text("x" + body)
    name = f"doc{len(project.documents.list())}"
    project.documents.add(NewDocument(name=name, text=text, source_format="txt"))
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    try:
        info = project.codings.code(name, "Vertrouwen", start, end)
    except InvalidInputError:
        assert not text[start:end].strip()
        return
    assert info.text == text[info.start : info.end]
    assert info.text == text[start:end].strip()


def test_find_passage_is_whitespace_insensitive(coded_project: Project) -> None:
    start, end = coded_project.documents.find_passage("R5_uwv_zwolle", "We  spreken\nelkaar   elke week.")
    assert coded_project.documents.text("R5_uwv_zwolle")[start:end] == "We spreken elkaar elke week."


def test_find_passage_errors_say_what_is_wrong(coded_project: Project) -> None:
    with pytest.raises(NotFoundError, match="passage not found in 'R5_uwv_zwolle'"):
        coded_project.documents.find_passage("R5_uwv_zwolle", "dit staat er niet")
    with pytest.raises(AmbiguousError, match=r"occurs 2 times .* \(at \d+:\d+, \d+:\d+\)"):
        coded_project.documents.find_passage("R5_uwv_zwolle", "urgentie")
    with pytest.raises(NotFoundError, match="unknown document 'R6'"):
        coded_project.documents.find("R6")


def test_documents_are_found_with_or_without_extension(coded_project: Project) -> None:
    assert coded_project.documents.find("R5_UWV_Zwolle.txt").name == "R5_uwv_zwolle"
    assert coded_project.documents.find("r5_uwv_zwolle").name == "R5_uwv_zwolle"


def test_bad_spans_are_refused(coded_project: Project) -> None:
    with pytest.raises(InvalidInputError, match="not a passage of this document"):
        coded_project.code("R5_uwv_zwolle", "4a", 10, 5)
    with pytest.raises(InvalidInputError, match="not a passage"):
        coded_project.code("R5_uwv_zwolle", "4a", 0, 10_000)
    with pytest.raises(InvalidInputError, match="already coded with"):
        coded_project.code("R5_uwv_zwolle", "4a", text="vertrouw ik de andere partijen volledig")


def test_selection_whitespace_is_trimmed_and_same_span_shares_a_passage(coded_project: Project) -> None:
    text = coded_project.documents.text("R5_uwv_zwolle")
    start = text.index("De urgentie is hoog")
    info = coded_project.code("R5_uwv_zwolle", "2b", start - 1, start + len("De urgentie is hoog"))
    assert text[start - 1] == " " and info.text == "De urgentie is hoog"
    first = coded_project.quotes("Urgentiebesef", include_subcodes=False)[0]
    assert info.passage_id == first.passage_id
    assert len(coded_project.codings.passages("R5_uwv_zwolle")) == 2
    assert [c.code_id for c in coded_project.codings.passages("R5_uwv_zwolle")[1].codings] == [
        coded_project.codes.resolve("Urgentiebesef").id,
        coded_project.codes.resolve("2b").id,
    ]


def test_quotes_of_a_concept_include_its_indicators_and_filter_by_attributes(coded_project: Project) -> None:
    trust = coded_project.quotes("Vertrouwen")
    assert [q.code_path for q in trust] == [
        "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet"
    ]
    assert trust[0].concept == "Vertrouwen" and trust[0].attributes["region"] == "Zwolle"
    assert coded_project.quotes("Vertrouwen", include_subcodes=False) == []
    assert len(coded_project.quotes(where={"region": "zwolle"})) == 2
    assert coded_project.quotes(where={"region": "Arnhem"}) == []
    assert len(coded_project.quotes(where={"region": ["Arnhem", "Zwolle"]})) == 2
    assert len(coded_project.quotes(text="URGENTIE")) == 1
    assert len(coded_project.quotes(coder="tester")) == 2
    assert coded_project.quotes(coder="someone else") == []
    codebook_order = [q.concept for q in coded_project.quotes()]
    assert codebook_order == ["Vertrouwen", "Urgentiebesef"]


def test_reviews_are_per_reviewer_and_filterable(coded_project: Project) -> None:
    quote = coded_project.quotes("Vertrouwen")[0]
    coded_project.reviews.mark(quote.coding_id, "question", "Is dit niet eerder 4b?", reviewer="begeleider")
    coded_project.reviews.mark(quote.coding_id, "agreed")
    reviewed = coded_project.quotes("Vertrouwen")[0]
    assert {(r.reviewer, r.status) for r in reviewed.reviews} == {
        ("begeleider", "question"),
        ("tester", "agreed"),
    }
    assert reviewed.review_by("begeleider").comment == "Is dit niet eerder 4b?"
    assert len(coded_project.quotes(review="question")) == 1
    assert len(coded_project.quotes(review="unreviewed")) == 1
    coded_project.reviews.mark(quote.coding_id, "disagree", reviewer="begeleider")
    assert coded_project.quotes(review="question") == []
    with pytest.raises(InvalidInputError, match="review status must be one of"):
        coded_project.reviews.mark(quote.coding_id, "maybe")


def test_judgements_check_scale_and_group(coded_project: Project) -> None:
    info = coded_project.assess("zwolle", "Vertrouwen", "+/+", note="partners komen afspraken na")
    assert (info.value, info.code_path, info.score, info.coder) == ("Zwolle", "Vertrouwen", "+/+", "tester")
    again = coded_project.assess("Zwolle", "Vertrouwen", "-", note="toch niet")
    assert again.id == info.id and again.score == "-"
    with pytest.raises(
        InvalidInputError,
        match=r"'\+\+' is not on the scale of 'Vertrouwen' \(allowed: -/-, -, \+/-, \+, \+/\+\)",
    ):
        coded_project.assess("Zwolle", "Vertrouwen", "++")
    with pytest.raises(NotFoundError, match=r"no document has region = 'Zwole' \(known: Zwolle\)"):
        coded_project.assess("Zwole", "Vertrouwen", "+")
    open_code = coded_project.assess("Zwolle", "5a", "Verschil in tempo tussen gemeenten en werkgevers")
    assert open_code.score.startswith("Verschil")
    by_role = coded_project.assess("UWV", "Vertrouwen", "+", by="role")
    assert by_role.attribute == "role"
    assert [a.attribute for a in coded_project.judgements.list(by="region")] == ["region", "region"]


def test_memos_on_project_document_and_code(coded_project: Project) -> None:
    coded_project.memos.write("Algemene indruk", title="Project")
    coded_project.memos.write("Respondent twijfelt", document="R5_uwv_zwolle")
    memo_id = coded_project.memos.write("Definitie aanscherpen", code="Vertrouwen")
    coded_project.memos.write("Definitie aangescherpt", memo_id=memo_id)
    assert [m.text for m in coded_project.memos.list(code="Vertrouwen")] == ["Definitie aangescherpt"]
    assert len(coded_project.memos.list()) == 3
    coded_project.memos.delete(memo_id)
    assert coded_project.memos.list(code="Vertrouwen") == []


def test_code_tree_edits(coded_project: Project) -> None:
    codes = coded_project.codes
    extra = codes.create("Bestuurlijke drukte", "Coördinatie", description="inductief")
    assert extra.inductive and extra.colour == codes.resolve("Coördinatie").colour
    codes.move(extra.id, None, 0)
    assert codes.tree().roots()[0].name == "Bestuurlijke drukte"
    with pytest.raises(InvalidInputError, match="under itself"):
        codes.move("Vertrouwen", "Vertrouwen/Betrouwbaarheid")
    with pytest.raises(InvalidInputError, match="already a code 'Urgentiebesef'"):
        codes.rename(extra.id, "urgentiebesef")
    codes.update(extra.id, colour="#AA0000", scale=["laag", "hoog"])
    assert codes.get(extra.id).colour == "#aa0000" and codes.get(extra.id).scale == ("laag", "hoog")
    with pytest.raises(InvalidInputError, match="#RRGGBB"):
        codes.update(extra.id, colour="red")
    counts = codes.counts(include_subcodes=True)
    assert counts[codes.resolve("Vertrouwen").id] == 1


def test_merge_moves_codings_memos_and_judgements(coded_project: Project) -> None:
    project = coded_project
    quote = project.quotes("Urgentiebesef")[0]
    project.codes.create("Noodzaak", "Urgentiebesef")
    project.code(quote.document_id, "Noodzaak", quote.start, quote.end, memo="ook noodzaak")
    project.code("R5_uwv_zwolle", "Noodzaak", text="We spreken elkaar elke week.")
    project.assess("Zwolle", "Noodzaak", "open tekst")
    project.codes.merge("Noodzaak", "Urgentiebesef")
    merged = project.quotes("Urgentiebesef", include_subcodes=False)
    assert [q.text for q in merged] == ["We spreken elkaar elke week.", "De urgentie is hoog"] or sorted(
        q.text for q in merged
    ) == ["De urgentie is hoog", "We spreken elkaar elke week."]
    assert any(q.memo == "ook noodzaak" for q in merged)
    with pytest.raises(NotFoundError):
        project.codes.resolve("Noodzaak")
    project.undo()
    assert project.codes.resolve("Noodzaak")
    assert len(project.quotes("Noodzaak")) == 2


def test_replacing_a_document_keeps_unchanged_passages(coded_project: Project, tmp_path: Path) -> None:
    old = coded_project.documents.text("R5_uwv_zwolle")
    corrected = old.replace("Eerlijk gezegd ", "Eerlijk gezegd, en dat meen ik, ").replace(
        "De urgentie is hoog", "De urgentie is laag"
    )
    path = tmp_path / "R5_uwv_zwolle.txt"
    path.write_text(corrected, encoding="utf-8")
    report = coded_project.import_files([path], replace=True)
    assert report.imported == [] and len(report.replaced) == 1
    lost = report.replaced[0].lost
    assert [(p.text, p.codes) for p in lost] == [("De urgentie is hoog", ("Urgentiebesef",))]
    kept = coded_project.quotes("Vertrouwen")[0]
    assert kept.text == "vertrouw ik de andere partijen volledig"
    assert corrected[kept.start : kept.end] == kept.text
    assert coded_project.documents.text("R5_uwv_zwolle") == corrected
    assert any("could not be kept" in line for line in report.lines())
    coded_project.undo()
    assert coded_project.documents.text("R5_uwv_zwolle") == old
    assert len(coded_project.quotes()) == 2


def test_passages_carry_their_memos_however_the_coding_ids_lie(interviews: Project) -> None:
    """One document's codings made in one go (ids close together: their memos read by id range,
    with the other document's among them) and another's made between them (ids far apart)."""
    project = interviews
    texts = {name: project.documents.text(name) for name in ("R5", "R6")}
    made: dict[str, list[tuple[int, str]]] = {"R5": [], "R6": []}

    def code(name: str, number: int) -> None:
        word = list(re.finditer(r"\w{2,}", texts[name]))[number]  # a different place each time
        start, end = word.span()
        memo = f"{name} memo {number}" if number % 2 else ""
        info = project.codings.code(
            name, "Vertrouwen" if number % 3 else "Urgentiebesef", start, end, memo=memo
        )
        made[name].append((info.id, memo))

    code("R5", 1)
    for number in range(12):
        code("R6", number)
    code("R5", 3)
    code("R5", 4)
    word = list(re.finditer(r"\w{2,}", texts["R5"]))[20]  # one passage, codes of falling id: still by coding
    for code_id in sorted((c.id for c in project.codes.tree().codes), reverse=True)[:3]:
        info = project.codings.code("R5", code_id, *word.span(), memo=f"code {code_id}")
        made["R5"].append((info.id, info.memo))
    for name in ("R5", "R6"):
        expected = {coding_id: memo for coding_id, memo in made[name]}
        text = texts[name]
        for passages in (
            project.codings.passages(name),
            project.codings.passages(name, text=text),
            project.codings.passages(name, 0, len(text), text=text),
        ):
            found = {a.coding_id: a.memo for p in passages for a in p.codings}
            assert found == expected
            assert all(p.text == text[p.start : p.end] for p in passages)
            for passage in passages:
                ids = [a.coding_id for a in passage.codings]
                assert ids == sorted(ids)
                assert all(
                    project.codings.get(a.coding_id).memo == a.memo and a.coder == project.coder
                    for a in passage.codings
                )
