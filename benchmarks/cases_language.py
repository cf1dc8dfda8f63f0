"""Benchmarks of language assistance (issue 6): lemma search and suggestions over the large project.

Written against the most likely API: a module ``coding.language`` and a service on the project
with ``search(query, ...)`` (lemma mode) and ``suggest(...)``, and an ``index()`` that processes
texts imported before the feature existed. Adjust ``_service`` and the calls when it lands.
"""

from __future__ import annotations

import inspect
from typing import Any

from benchmarks.registry import Case, Context, benchmark, first_attribute, need_module
from coding import Project

LANGUAGE = "language assistance (coding.language, issue 6)"
SERVICE_NAMES = ("search_service", "language_service", "searches", "language_tools", "lemmas")


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
        hits.append(len(_call(search, "vertrouwen", mode="lemma", lemma=True)))

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
    limits="Matching the code's search terms against the index and ranking the candidates.",
)
def suggestions_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    service = _service(project)
    suggest = first_attribute(service, ("suggest", "suggestions"), "a suggest method")

    by_keyword = "code" in inspect.signature(suggest).parameters

    def run() -> None:
        suggest(code="Vertrouwen") if by_keyword else suggest("Vertrouwen")

    return Case(run, close=project.close)
