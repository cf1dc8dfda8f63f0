"""Benchmarks of language assistance (issue 6): lemma search and suggestions over the large project.

The service is ``project.assist`` (``coding.language.assistant.LanguageAssistant``):
``search(query, mode="lemma")`` returns a ``SearchResult`` whose ``lines`` are the hits,
``suggestions.refresh(code)`` finds and stores suggestions, ``index()`` indexes what is new.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.registry import Case, Context, benchmark, first_attribute, need_module
from coding import Project

ROOT = Path(__file__).resolve().parents[1]
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
    limits=(
        "The hits read from the covering term index alone (`ix_token_term_span`, in document order), then "
        "the first screen of hits (40 lines in context, their sentences looked up for the lines built)."
    ),
)
def lemma_search_large(ctx: Context) -> Case:
    return lemma_search_case(ctx, "large")


#: Rows of hits a search window shows at once.
FIRST_SCREEN = 40


def lemma_search_case(ctx: Context, size: str) -> Case:
    project = Project.open(ctx.project_copy(size))
    service = _service(project)
    search = first_attribute(service, ("search", "lemma_search", "find"), "a search method")
    hits: list[int] = []

    def run() -> None:
        # The search and the first screen of its hits: lines in context are built as they are read.
        result = _call(search, "vertrouwen", mode="lemma", lemma=True)
        lines = getattr(result, "lines", result)
        screen = [lines[row] for row in range(min(FIRST_SCREEN, len(lines)))]
        assert all(line.hit for line in screen)
        hits.append(len(lines))

    case = Case(run, close=project.close, warmup=1)
    run()
    case.note = f"{hits[-1]:,} hits"
    return case


INDEX_IN_CHILD = """
import sys
from coding import Project
with Project.open(sys.argv[1]) as project:
    project.assist.index()
"""


def index_key() -> str:
    """What an indexed project depends on besides its texts: the schema, the indexing code (the
    language package's own modules, not the suggestion engine's), the pipeline's lemma tables and the
    name of the pipeline that indexes Dutch (a new spaCy indexes again)."""
    from coding.language.pipeline_names import expected_name
    from models.database import head_revision

    digest = hashlib.sha256(head_revision().encode())
    digest.update((expected_name("nl") or "").encode())
    language = ROOT / "coding" / "language"
    for path in sorted(
        [*language.glob("*.py"), *(language / "data").rglob("*"), ROOT / "models" / "language.py"]
    ):
        if path.is_file():
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _indexed_copy(ctx: Context, size: str) -> Path:
    """The corpus's project with its words indexed, to copy per repetition: built once per schema and
    indexing code (:func:`index_key`) beside the corpus and kept there, so that a suggestions benchmark
    measures the suggestions, not an indexing of 15 million words first. Indexed in another process, so
    that the peak RSS measured is a session's that opens an indexed project (indexing has its own
    benchmark). Not named ``project*.codewerk``: the corpus's upgrades never take it for a plain project."""
    _require_language()
    corpus = ctx.corpus(size)
    from models.database import head_revision

    cached = corpus.folder / f"indexed-{head_revision()}-{index_key()}.codewerk"
    if not cached.exists():
        work = Path(tempfile.mkdtemp(prefix=f".{cached.stem}-", dir=cached.parent))
        try:
            path = work / cached.name
            shutil.copyfile(corpus.project, path)
            subprocess.run([sys.executable, "-c", INDEX_IN_CHILD, str(path)], check=True, cwd=ROOT)
            os.replace(path, cached)  # whole or not at all: another session may be building it too
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return cached


def _suggest(project: Project, code: str | None) -> Any:
    service = first_attribute(project, SERVICE_NAMES, "a language service on the project")
    suggest = first_attribute(service, ("suggest", "suggestions"), "a suggest method")
    if not callable(suggest):
        suggest = first_attribute(suggest, ("refresh", "suggest"), "a method that finds suggestions")
    return suggest(code=code) if "code" in inspect.signature(suggest).parameters else suggest(code)


def _first_suggestions(ctx: Context, size: str, code: str | None, *, warm: bool = True) -> Case:
    """Each repetition opens a fresh copy of the indexed project and finds suggestions once: the
    first time in a session, nothing of the corpus in memory yet. spaCy, which the search terms
    and the interview-guide questions need, is loaded before (once per process, untimed: search
    and indexing load it too). ``warm``: one untimed run first (not at ten times the corpus, where
    one run is half a minute: the suggestion modules are imported in ``before`` instead)."""
    source = _indexed_copy(ctx, size)
    projects: list[Project] = []
    found: list[int] = []

    def before() -> None:
        path = ctx.scratch(f"{size}.codewerk")
        shutil.copyfile(source, path)
        project = Project.open(path)
        first_attribute(project, SERVICE_NAMES, "a language service").pipeline.lemma("vertrouwen")
        import coding.language.suggestions.resemblance
        import coding.language.suggestions.sentence_spans
        import coding.language.suggestions.turns  # noqa: F401

        projects.append(project)

    def run() -> None:
        found.append(len(_suggest(projects[-1], code)))

    def after() -> None:
        projects.pop().close()
        case.note = f"{found[-1]:,} suggestions"

    case = Case(run, before=before, after=after)
    if warm:
        before()
        run()
        after()
    return case


SUGGESTION_LIMITS = (
    "Each respondent turn's and sentence's closest two codes (numpy), the search terms' sentences (a Python step "
    "per sentence with a hit, phrases' words read from the token index), merging, preferring subcodes and "
    "corroborating the candidates in Python, the guide's answers made from the matcher's findings stored per "
    "document (matched again only after the guide, a text or the speaker rules changed); the content words and "
    "bags are read from the arrays stored at indexing, reasons are made for the suggestions offered, the collector "
    "is paused while finding. Memory is what is held at once: the words, the guide's answers, the vectors."
)


@benchmark(
    "suggestions_large",
    "Suggested codings for one concept (Vertrouwen) over the large project, first time in a session",
    target=2.0,
    target_rss_mb=400,
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_language,
    limits=SUGGESTION_LIMITS,
)
def suggestions_large(ctx: Context) -> Case:
    return _first_suggestions(ctx, "large", "Vertrouwen")


@benchmark(
    "suggestions_large_again",
    "Suggested codings for Vertrouwen over the large project again, after rejecting one",
    target=1.0,
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_language,
    limits="The corpus's words are kept between refreshes: grouping the term hits and merging the sources.",
)
def suggestions_large_again(ctx: Context) -> Case:
    path = ctx.scratch("large.codewerk")
    shutil.copyfile(_indexed_copy(ctx, "large"), path)  # the cached one stays as indexed
    project = Project.open(path)
    service = first_attribute(project, SERVICE_NAMES, "a language service").suggestions
    service.refresh("Vertrouwen")  # the first time (untimed): the corpus's words are read

    def before() -> None:
        open_ones = service.list("Vertrouwen")
        if open_ones:
            service.reject(open_ones[0].id)

    def run() -> None:
        service.refresh("Vertrouwen")

    return Case(run, before=before, close=project.close)


@benchmark(
    "suggestions_thesis_all",
    "Suggested codings for every code of the codebook over the thesis project, first time in a session",
    target=3.0,
    sizes=("thesis",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_language,
    limits=SUGGESTION_LIMITS,
)
def suggestions_thesis_all(ctx: Context) -> Case:
    return _first_suggestions(ctx, "thesis", None)


@benchmark(
    "index_large",
    "Indexing the large project from scratch (10 million characters, about 1.5 million words)",
    target=90.0,  # the goal is 60 s per million words
    sizes=("large",),
    repeats=2,
    quick_repeats=1,
    trace=False,
    requires=_require_language,
    limits=(
        "SQLite's inserts into token, 500 rows a statement (≈ 30 %; two foreign keys checked per row), "
        "spaCy's tokenizer on pieces joined into texts of 20,000 characters with the rows built from its "
        "columns (≈ 30 %; sentences and lemmas once per distinct form, numpy), the covering term index "
        "built after the rows (≈ 20 %), reading the texts and cutting them into pieces (≈ 8 %); one core."
    ),
)
def index_large(ctx: Context) -> Case:
    return index_case(ctx, "large")


def index_case(ctx: Context, size: str, *, warm: bool = True) -> Case:
    """``warm``: one untimed indexing first (not at ten times the corpus, a minute each)."""
    projects: list[Project] = []
    reports: list[Any] = []

    def before() -> None:
        project = Project.open(ctx.project_copy(size))
        service = first_attribute(project, SERVICE_NAMES, "a language service on the project")
        service.pipeline.lemma("vertrouwen")  # spaCy loads untimed
        projects.append(project)

    def run() -> None:
        reports.append(projects[-1].assist.index())

    def after() -> None:
        projects.pop().close()
        report = reports[-1]
        case.note = f"{report.tokens:,} words, {report.tokens / max(report.seconds, 1e-9):,.0f} words/s"

    case = Case(run, before=before, after=after)
    if warm:
        before()
        run()
        after()
    return case
