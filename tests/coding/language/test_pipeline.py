"""Both pipeline paths: the offline fallback, and a trained pipeline when one is installed."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from coding import Project
from coding.language.pipeline import build_pipeline, pipeline_for, using_pipeline


def test_dutch_fallback_lemmatises_what_the_lookup_table_misses() -> None:
    pipeline = pipeline_for("nl")  # no trained Dutch pipeline here: Codewerk never downloads one
    assert not pipeline.trained
    assert "lookup lemmas" in pipeline.name and "Dutch rules" in pipeline.name
    words = dict(pipeline.words("Ik vertrouwde hem, zij vertrouwt ons en wij vertrouwden de partijen."))
    assert words["vertrouwde"] == "vertrouwen"  # not in the lookup table: the rules
    assert words["vertrouwt"] == "vertrouwen"  # the lookup table
    assert words["vertrouwden"] == "vertrouwen"
    assert words["partijen"] == "partij"
    doc = next(iter(pipeline.pipe(["Eerste zin. Tweede zin? Derde."])))
    assert [s.text for s in doc.sents] == ["Eerste zin.", "Tweede zin?", "Derde."]


def test_english_fallback() -> None:
    pipeline = build_pipeline("en", candidates=())
    assert dict(pipeline.words("The partners trusted each other"))["trusted"] == "trust"
    assert pipeline.is_stop("the")


def test_unknown_language_is_a_clear_error() -> None:
    from coding.core.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="language 'qq' is not supported"):
        build_pipeline("qq", candidates=())


@pytest.fixture(scope="module")
def trained_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small 'trained' pipeline, built and saved by the test: lookup lemmas, sentences and an
    entity ruler standing in for a statistical NER."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler")
    nlp.initialize()
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PER", "pattern": [{"LOWER": "pietersen"}]},
            {"label": "ORG", "pattern": [{"LOWER": "werkkracht"}]},
        ]
    )
    nlp.meta["name"] = "core_news_test"
    nlp.meta["version"] = "0.0.1"
    path = tmp_path_factory.mktemp("pipelines") / "nl_core_news_test"
    nlp.to_disk(path)
    return path


def test_an_installed_trained_pipeline_is_preferred(trained_path: Path) -> None:
    checked: list[str] = []

    def installed(name: str) -> bool:
        checked.append(name)
        return name == str(trained_path)

    pipeline = build_pipeline("nl", candidates=["nl_core_news_sm", str(trained_path)], is_installed=installed)
    assert checked == ["nl_core_news_sm", str(trained_path)]
    assert pipeline.trained and pipeline.has_entities
    assert pipeline.name == "nl_core_news_test 0.0.1"
    assert dict(pipeline.words("Zij vertrouwt ons"))["vertrouwt"] == "vertrouwen"
    assert pipeline.entities(["Wethouder Pietersen belt."]) == [[(10, 19, "Pietersen", "PER")]]
    # indexing switches entities off, but sentences and lemmas stay
    doc = next(iter(pipeline.pipe(["Een zin. Nog een."])))
    assert len(list(doc.sents)) == 2 and not doc.ents


def test_trained_pipeline_indexes_searches_and_finds_entities(
    two_regions: Project, trained_path: Path
) -> None:
    pipeline = build_pipeline("nl", candidates=[str(trained_path)], is_installed=lambda name: True)
    with using_pipeline(pipeline):
        report = two_regions.assist.index()
        assert report.pipeline == "nl_core_news_test 0.0.1" and report.documents == 2
        hits = two_regions.assist.search("vertrouwen", "lemma")
        assert {line.hit for line in hits.lines} >= {"vertrouwt", "vertrouwen", "Vertrouwt"}
        mentions = two_regions.assist.anonymiser.mentions(["R9_wethouder_arnhem"])
        by_text = {m.text: m for m in mentions}
        assert by_text["Pietersen"].source == "entities" and by_text["Pietersen"].replacement == "[naam]"
        assert by_text["Werkkracht"].kind == "organisation" or "Stichting Werkkracht" in by_text
    # back on the fallback, the index was built with another pipeline: it is stale again
    assert {doc.reason for doc in two_regions.assist.stale()} == {"pipeline changed"}
