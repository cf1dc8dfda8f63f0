"""Benchmarks of language assistance (issue 6): lemma search and suggestions over the large project.

The service is ``project.assist`` (``coding.language.assistant.LanguageAssistant``):
``search(query, mode="lemma")`` returns a ``SearchResult`` whose ``lines`` are the hits,
``suggestions.refresh(code)`` finds and stores suggestions, ``index()`` indexes what is new.
"""

from __future__ import annotations

import inspect
from typing import Any

from benchmarks.registry import Case, Context, benchmark, first_attribute, need_module
from coding import Project

LANGUAGE = "language assistance (coding.language, issue 6)"
SERVICE_NAMES = ("assist", "search_service", "language_service", "searches", "language_tools", "lemmas")


def _require_language() -> None:
    need_module("coding.language", LANGUAGE)


def _service(project: Project) -> Any:
    need_module("coding.language", LANGUAGE)
    service = first_attribute(project, SERVICE_NAMES, "a language service on the project")
    index = getattr(service, "index", None) or getattr(service, "ensure_index", None)
    if callable(index):
        index()  # untimed: texts imported before the feature existed are processed once
    return service


def _call(method: Any, query: str, **options: Any) -> Any:
    """Call with the options the method accepts (``mode="lemma"`` or ``lemma=True``)."""
    accepted = inspect.signature(method).parameters
    return method(query, **{k: v for k, v in options.items() if k in accepted})


@benchmark(
    "lemma_search_large",
    "Lemma search 'vertrouwen' over the large project (10 million characters)",
    target=0.2,
    sizes=("large",),
    repeats=10,
    quick_repeats=3,
    requires=_require_language,
    limits="The stored lemma index lookup and building the keyword-in-context rows.",
)
def lemma_search_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    service = _service(project)
    search = first_attribute(service, ("search", "lemma_search", "find"), "a search method")
    hits: list[int] = []

    def run() -> None:
        result = _call(search, "vertrouwen", mode="lemma", lemma=True)
        hits.append(len(getattr(result, "lines", result)))

    case = Case(run, close=project.close, warmup=1)
    run()
    case.note = f"{hits[-1]:,} hits"
    return case


@benchmark(
    "suggestions_large",
    "Suggested codings for one concept (Vertrouwen) over the large project",
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_language,
    limits=(
        "About half the similarity pass (a cosine per candidate passage), a quarter reading every word "
        "of the corpus into memory (the peak RSS), the rest matching the interview questions and the "
        "code's search terms against the index."
    ),
)
def suggestions_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    service = _service(project)
    suggest = first_attribute(service, ("suggest", "suggestions"), "a suggest method")
    if not callable(suggest):
        suggest = first_attribute(suggest, ("refresh", "suggest"), "a method that finds suggestions")

    by_keyword = "code" in inspect.signature(suggest).parameters

    def run() -> None:
        suggest(code="Vertrouwen") if by_keyword else suggest("Vertrouwen")

    return Case(run, close=project.close)


@benchmark(
    "index_large",
    "Indexing the large project from scratch (10 million characters, about 1.5 million words)",
    target=90.0,  # the goal is 60 s per million words
    sizes=("large",),
    repeats=2,
    quick_repeats=1,
    trace=False,
    requires=_require_language,
    limits="spaCy's tokenizer and lookup lemmatizer (one core), then executemany into token/sentence/term.",
)
def index_large(ctx: Context) -> Case:
    projects: list[Project] = []
    reports: list[Any] = []

    def before() -> None:
        project = Project.open(ctx.project_copy("large"))
        service = first_attribute(project, SERVICE_NAMES, "a language service on the project")
        service.pipeline.lemma("vertrouwen")  # spaCy loads untimed
        projects.append(project)

    def run() -> None:
        reports.append(projects[-1].assist.index())

    def after() -> None:
        projects.pop().close()

    case = Case(run, before=before, after=after)
    before()
    run()
    report = reports[-1]
    after()
    case.note = f"{report.tokens:,} words, {report.tokens / max(report.seconds, 1e-9):,.0f} words/s"
    return case
