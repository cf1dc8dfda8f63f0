"""The codes' profiles and each sentence's and turn's closest codes are kept between finds while the codings stay the
same (issue 19): a find for another concept, or again after a rejection, computes none of them again; a coding added
or undone, or a code's describing words changed, gives the suggestions a freshly opened project finds. The search
terms' and the guide's candidates are kept while the codes, the scope and the guide decisions stay the same."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from coding import Project
from coding.language.suggestions import resemblance, sentence_spans, turns
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.fixed_sources import FixedSources
from tests.coding.language.indexed_corpus import indexed_copy


@pytest.fixture(scope="module")
def indexed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed_copy(tmp_path_factory, "kept17", 17)


@pytest.fixture
def project(indexed_file: Path, tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "work.codewerk"
    shutil.copyfile(indexed_file, path)
    with Project.open(path) as opened:
        yield opened


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the profiles and the closest two codes (of sentences, of turns) are computed."""
    counts = {"profiles": 0, "turns": 0, "sentences": 0}

    def counting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return function(*args, **kwargs)

        return counted

    monkeypatch.setattr(resemblance, "code_profiles", counting("profiles", resemblance.code_profiles))
    monkeypatch.setattr(turns, "closest_two", counting("turns", turns.closest_two))
    monkeypatch.setattr(sentence_spans, "closest_two", counting("sentences", sentence_spans.closest_two))
    return counts


def _fresh(project: Project, code: str | None, tmp_path: Path) -> list[Candidate]:
    """The candidates a freshly opened copy of ``project`` finds (nothing kept from an earlier find, nothing read
    from what a find stored for the next session)."""
    path = project.save_copy(tmp_path / f"fresh{len(list(tmp_path.glob('fresh*')))}.codewerk")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DELETE FROM kept_state")
        conn.commit()
    with Project.open(path) as copy:
        return copy.assist.suggestions.candidates(code)


def _codes_with_codings(project: Project) -> list[str]:
    coded, _ = project.assist.suggestions._decisions()
    tree = project.context.resolve.code_tree()
    return sorted({tree.get(code_id).name for _, code_id in coded})


def test_a_find_for_another_concept_or_the_same_again_computes_no_profiles_or_closest_codes_again(
    project: Project, computed: dict[str, int], tmp_path: Path
) -> None:
    service = project.assist.suggestions
    first = service.candidates("Vertrouwen")
    assert computed == {"profiles": 1, "turns": 1, "sentences": 1}
    other = next(name for name in _codes_with_codings(project) if name != "Vertrouwen")
    again, elsewhere = service.candidates("Vertrouwen"), service.candidates(other)
    assert computed == {"profiles": 1, "turns": 1, "sentences": 1}
    assert again == first and len(first) > 5
    assert elsewhere == _fresh(project, other, tmp_path)


def test_a_rejection_keeps_them_and_is_still_learnt_from(
    project: Project, computed: dict[str, int], tmp_path: Path
) -> None:
    service = project.assist.suggestions
    offered = service.refresh("Vertrouwen")
    service.reject(offered[0].id)
    again = service.candidates("Vertrouwen")
    assert computed == {"profiles": 1, "turns": 1, "sentences": 1}
    assert all(
        (c.document_id, c.start, c.code_id) != (offered[0].document_id, offered[0].start, offered[0].code_id)
        for c in again
    )
    assert again == _fresh(project, "Vertrouwen", tmp_path)


def test_a_coding_added_and_undone_gives_what_a_fresh_find_gives(
    project: Project, computed: dict[str, int], tmp_path: Path
) -> None:
    service = project.assist.suggestions
    before = service.candidates(None)
    offered = max(before, key=lambda c: c.end - c.start)  # a long passage: it moves its code's profile
    project.codings.code(offered.document_id, offered.code_id, offered.start, offered.end)
    after = service.candidates(None)
    assert computed == {"profiles": 2, "turns": 2, "sentences": 2}
    assert after != before
    assert after == _fresh(project, None, tmp_path)
    project.undo()
    assert service.candidates(None) == before
    assert computed == {"profiles": 4, "turns": 4, "sentences": 4}  # the fresh copy's find is counted too


def test_a_code_described_in_other_words_gives_what_a_fresh_find_gives(
    project: Project, computed: dict[str, int], tmp_path: Path
) -> None:
    service = project.assist.suggestions
    before = service.candidates(None)
    coded = _codes_with_codings(project)[0]
    words = " ".join(project.documents.text(before[0].document_id).split()[:400])  # the corpus's own words
    project.codes.update(coded, description=words)
    after = service.candidates(None)
    assert computed["profiles"] == 2
    assert after != before
    assert after == _fresh(project, None, tmp_path)


@pytest.fixture
def term_finds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How often the search terms' and the guide's candidates are found (not kept from an earlier find)."""
    calls: list[int] = []
    found = FixedSources.candidates

    def counted(self: FixedSources, *args: Any) -> Any:
        calls.append(1)
        return found(self, *args)

    monkeypatch.setattr(FixedSources, "candidates", counted)
    return calls


def test_the_term_and_guide_candidates_are_kept_while_codes_and_guide_decisions_stay(
    project: Project, term_finds: list[int], tmp_path: Path
) -> None:
    service = project.assist.suggestions
    first = service.candidates("Vertrouwen")
    project.codings.code(
        first[0].document_id, first[0].code_id, first[0].start, first[0].end
    )  # not looked at
    service.candidates("Vertrouwen")
    assert len(term_finds) == 1
    service.candidates(None)  # another scope
    assert len(term_finds) == 2
    with_terms = next(c for c in project.context.resolve.code_tree() if c.search_terms)
    project.codes.update(with_terms.id, search_terms=[*with_terms.search_terms, "werkgevers"])
    changed = service.candidates(None)
    assert len(term_finds) == 3
    assert changed == _fresh(project, None, tmp_path)
    data = service._corpus_data(project.assist.corpus(), project.assist.ensure_indexed())
    answer = next(a for a in service.fixed.guide_answers(data) if not a.confirmed)
    project.guide.decide(answer.document_id, answer.asked_start, answer.question, "confirmed")
    confirmed = service.candidates(None)
    assert len(term_finds) == 5  # the fresh copy's find counted too
    assert confirmed != changed
    assert confirmed == _fresh(project, None, tmp_path)
