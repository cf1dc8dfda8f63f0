"""The one place that builds the spaCy pipeline of a project language.

A trained pipeline (``nl_core_news_sm``/``md``/``lg``, ``en_core_web_*``) is used when one is
installed: lemmas, sentences and named entities from the model. Otherwise the fallback is a
blank pipeline with a sentencizer and the lookup lemmatizer of ``spacy-lookups-data``; for
Dutch it adds :mod:`coding.language.lemmas_nl` for the forms the lookup table misses.
Nothing is ever downloaded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.text import fold
from coding.language.lemmas_nl import DutchLemmaRules, dutch_forms, stem_nl
from coding.language.pipeline_names import TRAINED_PIPELINES, fallback_name, normal_language
from coding.language.spacy_import import Doc, Language, spacy
from coding.language.tokens import is_word, lemma_of

#: Hesitations and back-channel words of spoken interviews, left out of frequency lists.
FILLERS: dict[str, frozenset[str]] = {
    "nl": frozenset(
        [
            "eh",
            "ehm",
            "euh",
            "uh",
            "uhm",
            "hm",
            "hmm",
            "mm",
            "nou",
            "oké",
            "ok",
            "okay",
            "hè",
            "he",
            "ja",
            "jaja",
            "nee",
            "zeg",
            "ofzo",
            "enzo",
            "zegmaar",
            "natuurlijk",
            "gewoon",
            "eigenlijk",
            "echt",
            "heel",
            "wel",
            "dus",
            "één",
        ]
    ),
    "en": frozenset(
        [
            "uh",
            "um",
            "erm",
            "er",
            "hm",
            "hmm",
            "mm",
            "yeah",
            "yes",
            "okay",
            "ok",
            "oh",
            "well",
            "like",
            "really",
            "just",
        ]
    ),
}
#: Components of a trained pipeline indexing needs (the rest is excluded when loading).
_INDEX_COMPONENTS = frozenset(
    {"tok2vec", "tagger", "morphologizer", "attribute_ruler", "lemmatizer", "trainable_lemmatizer", "senter"}
)

#: The components of a fallback pipeline that set lemmas (per word, from a lookup table).
_LEMMA_COMPONENTS = frozenset({"lemmatizer", "codewerk_nl_lemmas"})

PackageCheck = Callable[[str], bool]
Loader = Callable[..., Language]


@Language.factory("codewerk_nl_lemmas", requires=["token.lemma"], assigns=["token.lemma"])
def _make_dutch_lemmas(nlp: Language, name: str) -> DutchLemmaSupplement:  # noqa: ARG001 (spaCy passes it)
    return DutchLemmaSupplement(nlp)


class DutchLemmaSupplement:
    """Pipeline component: a lemma from :class:`DutchLemmaRules` where the lookup table has none."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._table: Any = None
        self._rules: DutchLemmaRules | None = None

    def _load(self) -> tuple[Any, DutchLemmaRules]:
        if self._rules is None:
            lemmatizer: Any = self._nlp.get_pipe("lemmatizer")
            table = lemmatizer.lookups.get_table("lemma_lookup", {})
            self._table = table
            self._rules = DutchLemmaRules(frozenset(table.values()) if len(table) else frozenset())
        return self._table, self._rules

    def __call__(self, doc: Doc) -> Doc:
        table, rules = self._load()
        for token in doc:
            lower = token.lower_
            if lower in table or not token.is_alpha:
                continue
            lemma = rules.lemma(lower)
            if lemma is not None:
                token.lemma_ = lemma
        return doc


@dataclass
class LanguagePipeline:
    """A loaded pipeline and what Codewerk needs to know about it."""

    language: str
    nlp: Language
    name: str
    trained: bool
    stop_words: frozenset[str]
    fillers: frozenset[str] = frozenset()
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _lexicon: tuple[Any, frozenset[str]] | None = field(default=None, repr=False)

    @property
    def has_entities(self) -> bool:
        return "ner" in self.nlp.pipe_names or "entity_ruler" in self.nlp.pipe_names

    def _indexing_disabled(self) -> list[str]:
        return [name for name in ("ner", "entity_ruler") if name in self.nlp.pipe_names]

    @property
    def lexical(self) -> bool:
        """Whether a word's lemma depends on the word alone (a tokenizer, the sentencizer and
        lookup lemmas: the fallback pipelines), so indexing may look lemmas up once per form."""
        if self.trained:
            return False
        names = set(self.nlp.pipe_names)
        if not names <= {"sentencizer", *_LEMMA_COMPONENTS}:
            return False
        return "lemmatizer" not in names or getattr(self.nlp.get_pipe("lemmatizer"), "mode", "") == "lookup"

    def lexical_lemmas(self, forms: Sequence[str]) -> list[str]:
        """The lemma of each form on its own, by the pipeline's lemma components (as
        :func:`lemma_of` reads it); for :attr:`lexical` pipelines only."""
        if not forms:
            return []
        with self._lock:
            doc = Doc(self.nlp.vocab, words=list(forms), spaces=[True] * len(forms))
            for name, component in self.nlp.pipeline:
                if name in _LEMMA_COMPONENTS:
                    doc = component(doc)
        return [lemma_of(token) for token in doc]

    def pipe(self, texts: Sequence[str], *, batch_size: int = 128, lexical: bool = False) -> Iterator[Doc]:
        """Docs for indexing (named entities switched off), a batch at a time; ``lexical``: tokens
        and sentences only (see :attr:`lexical`; lemmas from :meth:`lexical_lemmas`).

        The lock is held per batch only, so a search in another thread waits milliseconds.
        """
        disable = self._indexing_disabled()
        if lexical:
            disable += [name for name in self.nlp.pipe_names if name in _LEMMA_COMPONENTS]
        for offset in range(0, len(texts), batch_size):
            with self._lock, self.nlp.select_pipes(disable=disable):
                docs = list(self.nlp.pipe(texts[offset : offset + batch_size], batch_size=batch_size))
            yield from docs

    def sentence_marks(self) -> frozenset[str] | None:
        """For a :attr:`lexical` pipeline whose sentences come from spaCy's plain ``Sentencizer``
        (or that has none): the token texts after which it starts a sentence (empty: none, one
        sentence per text). ``None`` when sentences must come from the pipeline's own run."""
        if not self.lexical:
            return None
        if "sentencizer" not in self.nlp.pipe_names:
            return frozenset()
        from spacy.pipeline import Sentencizer

        component: Any = self.nlp.get_pipe("sentencizer")
        if type(component) is not Sentencizer:
            return None
        return frozenset(component.punct_chars)

    def tokenized(self, texts: Sequence[str]) -> Iterator[Doc]:
        """Docs with tokens only (the tokenizer, no component), one text at a time under the lock;
        for :attr:`lexical` indexing, which finds sentences and lemmas itself."""
        for text in texts:
            with self._lock:
                doc = self.nlp.make_doc(text)
            yield doc

    def words(self, text: str) -> list[tuple[str, str]]:
        """``(form, lemma)`` of every word of ``text`` (no punctuation), lower case."""
        with self._lock, self.nlp.select_pipes(disable=self._indexing_disabled()):
            doc = self.nlp(text)
        return [(token.lower_, lemma_of(token)) for token in doc if is_word(token)]

    def lemma(self, word: str) -> str:
        found = self.words(word)
        return found[0][1] if len(found) == 1 else word.lower()

    def stem(self, word: str) -> str:
        """The search stem: a light Dutch stem, or the folded lemma for other languages."""
        return stem_nl(word) if self.language == "nl" else fold(word)

    def forms(self, lemma: str) -> set[str]:
        """Regular inflected forms a lemma search also matches (folded)."""
        return dutch_forms(lemma) if self.language == "nl" else {fold(lemma)}

    def is_stop(self, word: str) -> bool:
        return word.lower() in self.stop_words

    def is_word(self, word: str) -> bool:
        """Whether ``word`` (lower case) is an ordinary word of the language's lookup table."""
        if self._lexicon is None:
            table: Any = {}
            if "lemmatizer" in self.nlp.pipe_names:
                lookups = getattr(self.nlp.get_pipe("lemmatizer"), "lookups", None)
                if lookups is not None and lookups.has_table("lemma_lookup"):
                    table = lookups.get_table("lemma_lookup")
            values = frozenset(table.values()) if len(table) else frozenset()
            self._lexicon = (table, values)
        table, values = self._lexicon
        lower = word.lower()
        return lower in values or lower in table or lower in self.stop_words

    def entities(self, texts: Sequence[str]) -> list[list[tuple[int, int, str, str]]]:
        """Named entities ``(start, end, text, label)`` of each text (empty without NER)."""
        if not self.has_entities:
            return [[] for _ in texts]
        out: list[list[tuple[int, int, str, str]]] = []
        for offset in range(0, len(texts), 64):
            with self._lock:
                docs = list(self.nlp.pipe(texts[offset : offset + 64]))
            out.extend([(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents] for doc in docs)
        return out


def _trained(
    language: str, candidates: Sequence[str], is_installed: PackageCheck, load: Loader
) -> LanguagePipeline | None:
    for name in candidates:
        if not is_installed(name):
            continue
        nlp = load(name)
        if "senter" in nlp.component_names and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        keep = _INDEX_COMPONENTS | {"ner", "entity_ruler"}
        if "senter" not in nlp.pipe_names:
            keep |= {"parser"}
        if not ({"senter", "parser"} & set(nlp.pipe_names)) and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        keep |= {"sentencizer"}
        nlp.select_pipes(enable=[pipe for pipe in nlp.pipe_names if pipe in keep])
        meta = nlp.meta
        label = f"{meta.get('lang', language)}_{meta.get('name', name)} {meta.get('version', '')}".strip()
        return LanguagePipeline(
            language=language,
            nlp=nlp,
            name=label,
            trained=True,
            stop_words=frozenset(nlp.Defaults.stop_words),
            fillers=FILLERS.get(language, frozenset()),
        )
    return None


def _fallback(language: str) -> LanguagePipeline:
    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError, ValueError) as exc:
        raise InvalidInputError(
            say("language '{language}' is not supported by spaCy", language=language)
        ) from exc
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, KeyError, OSError):
        # No lookup table for this language: lemmas are the lower-case forms.
        nlp.remove_pipe("lemmatizer")
        nlp.initialize()
    lookups = "lemmatizer" in nlp.pipe_names
    if language == "nl" and lookups:
        nlp.add_pipe("codewerk_nl_lemmas", after="lemmatizer")
    return LanguagePipeline(
        language=language,
        nlp=nlp,
        name=fallback_name(language, lookups=lookups),
        trained=False,
        stop_words=frozenset(nlp.Defaults.stop_words),
        fillers=FILLERS.get(language, frozenset()),
    )


def build_pipeline(
    language: str,
    *,
    candidates: Sequence[str] | None = None,
    is_installed: PackageCheck | None = None,
    load: Loader | None = None,
) -> LanguagePipeline:
    """The pipeline for ``language``: the first installed trained pipeline, else the fallback.

    ``candidates``, ``is_installed`` and ``load`` exist for tests (a pipeline saved to a folder
    counts as installed); by default they are :data:`TRAINED_PIPELINES`,
    ``spacy.util.is_package`` and ``spacy.load``.
    """
    language = normal_language(language)
    names = TRAINED_PIPELINES.get(language, ()) if candidates is None else tuple(candidates)
    trained = _trained(language, names, is_installed or spacy.util.is_package, load or spacy.load)
    return trained if trained is not None else _fallback(language)


_CACHE: dict[str, LanguagePipeline] = {}
_CACHE_LOCK = threading.Lock()


def pipeline_for(language: str) -> LanguagePipeline:
    """The shared pipeline of a language (built once per process)."""
    with _CACHE_LOCK:
        if language not in _CACHE:
            _CACHE[language] = build_pipeline(language)
        return _CACHE[language]


def loaded_pipeline(language: str) -> LanguagePipeline | None:
    """The shared pipeline of a language if it was built already (nothing is loaded)."""
    with _CACHE_LOCK:
        return _CACHE.get(language)


@contextmanager
def using_pipeline(pipeline: LanguagePipeline) -> Iterator[None]:
    """Install ``pipeline`` as the shared one of its language for a while (tests)."""
    with _CACHE_LOCK:
        previous = _CACHE.get(pipeline.language)
        _CACHE[pipeline.language] = pipeline
    try:
        yield
    finally:
        with _CACHE_LOCK:
            if previous is None:
                _CACHE.pop(pipeline.language, None)
            else:
                _CACHE[pipeline.language] = previous
