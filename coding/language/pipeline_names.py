"""Which spaCy pipeline a language gets, and its name, told without loading spaCy.

An index records the name of the pipeline that built it; a document is indexed again when the
name differs. Checking that must not cost the seconds and the 200 MB of loading spaCy when
nothing needs indexing (as after opening a project, or after an import that added nothing), so
the name the fallback pipeline would have is worked out here from what is installed.
:mod:`coding.language.pipeline` builds the fallback's name with :func:`fallback_name` too.
"""

from __future__ import annotations

import importlib.util
import sys
from importlib import metadata
from pathlib import Path

#: Trained pipelines by language, in order of preference (the small ones index fastest).
TRAINED_PIPELINES: dict[str, tuple[str, ...]] = {
    "nl": ("nl_core_news_sm", "nl_core_news_md", "nl_core_news_lg"),
    "en": ("en_core_web_sm", "en_core_web_md", "en_core_web_lg"),
}
#: Bumped when the fallback's rules change, so that indexes built with older rules are rebuilt.
FALLBACK_VERSION = "1"
#: The entry point group through which spaCy finds ``spacy-lookups-data``'s tables.
LOOKUPS_GROUP = "spacy_lookups"


def normal_language(language: str) -> str:
    """``nl`` for ``" NL "``; Dutch when none is set."""
    return (language or "nl").strip().lower()


def fallback_name(language: str, *, lookups: bool) -> str:
    """The name of the blank pipeline with a sentencizer (and the lookup lemmatizer)."""
    name = f"blank {language} + sentencizer"
    if lookups:
        name += " + lookup lemmas"
        if language == "nl":
            name += " + Dutch rules"
    return f"{name} (v{FALLBACK_VERSION})"


def _installed(package: str) -> bool:
    """What ``spacy.util.is_package`` answers: a distribution of that name is installed."""
    try:
        metadata.distribution(package)
    except metadata.PackageNotFoundError:
        return False
    return True


def _has_lookup_table(language: str) -> bool:
    """Whether spacy-lookups-data has a lemma lookup table for ``language``."""
    for entry in metadata.entry_points(group=LOOKUPS_GROUP):
        if entry.name == language:
            tables = entry.load()  # spacy_lookups_data: file names only, no spaCy
            return isinstance(tables, dict) and "lemma_lookup" in tables
    return False


def _blank_language_exists(language: str) -> bool:
    spec = importlib.util.find_spec("spacy")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return False
    return any((Path(folder) / "lang" / language).is_dir() for folder in spec.submodule_search_locations)


def loaded_name(language: str) -> str | None:
    """The name of the pipeline this process already built for ``language``, if any."""
    module = sys.modules.get("coding.language.pipeline")  # loaded only with spaCy
    if module is None:
        return None
    pipeline = module.loaded_pipeline(language)
    return None if pipeline is None else str(pipeline.name)


def expected_name(language: str) -> str | None:
    """The name ``pipeline_for(language)`` has or would have, without loading spaCy; ``None``
    when only loading can tell (a trained pipeline is installed, or the language is unknown)."""
    loaded = loaded_name(language)
    if loaded is not None:
        return loaded
    language = normal_language(language)
    if any(_installed(name) for name in TRAINED_PIPELINES.get(language, ())):
        return None
    if not _blank_language_exists(language):
        return None
    return fallback_name(language, lookups=_has_lookup_table(language))
