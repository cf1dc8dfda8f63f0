"""Benchmarks as small registered functions.

A benchmark is a function ``setup(context) -> Case`` registered with :func:`benchmark`. It raises
:class:`Unavailable` ("not available yet: …") when the feature it measures has not landed, so the
suite runs whatever applies to the code base it finds. ``Case.run`` is the timed action;
``before``/``after`` run untimed around every repetition (a fresh project, an undo, deleting an
output file); ``close`` once at the end.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.make_corpus import DEFAULT_ROOT, SIZES, Corpus, CorpusSpec, ensure


class Unavailable(Exception):
    """The feature a benchmark needs is not in this code base (yet)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"not available yet: {what}")
        self.what = what


@dataclass(frozen=True)
class Sample:
    """A measurement a run took itself (e.g. in a subprocess) instead of its own wall time."""

    seconds: float
    rss_mb: float | None = None
    cpu_seconds: float | None = None


@dataclass
class Case:
    run: Callable[[], Any]
    before: Callable[[], None] | None = None
    after: Callable[[], None] | None = None
    close: Callable[[], None] | None = None
    warmup: int = 0  # untimed runs first (caches, statement compilation), each with before/after
    note: str = ""  # shown with the figures, e.g. how many quotes were retrieved


@dataclass(frozen=True)
class Benchmark:
    name: str
    title: str
    setup: Callable[[Context], Case]
    target: float | None = None  # seconds, compared with the median
    target_rss_mb: float | None = None  # compared with the peak RSS
    repeats: int = 5
    quick_repeats: int = 2
    sizes: tuple[str, ...] = ()  # corpora to build before the benchmark starts
    docx: bool = False  # whether those corpora need their .docx files
    trace: bool = True  # one extra run under tracemalloc for the peak of Python allocations
    requires: Callable[[], None] | None = None  # raises Unavailable; cheap, checked before setup
    limits: str = ""  # what limits the figure, for RESULTS.md
    quick: bool = True  # False: left out of a --quick run (it needs a corpus that takes minutes to build)
    scale_of: str = ""  # the 1× benchmark this one measures at ten times the corpus (huge, very_long)


BENCHMARKS: dict[str, Benchmark] = {}


def benchmark(
    name: str, title: str, **options: Any
) -> Callable[[Callable[[Context], Case]], Callable[[Context], Case]]:
    def register(setup: Callable[[Context], Case]) -> Callable[[Context], Case]:
        if name in BENCHMARKS:
            raise ValueError(f"benchmark {name} is registered twice")
        BENCHMARKS[name] = Benchmark(name, title, setup, **options)
        return setup

    return register


def need_module(module: str, what: str, *, attribute: str | None = None) -> Any:
    """Import ``module`` (and get ``attribute``) or raise :class:`Unavailable` naming ``what``."""
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            raise Unavailable(what) from None
        raise
    if attribute is None:
        return loaded
    try:
        return getattr(loaded, attribute)
    except AttributeError:
        raise Unavailable(what) from None


def need_exporter(suffix: str, what: str) -> Callable[..., None]:
    from coding.exporting import EXPORTERS

    writer = EXPORTERS.get(suffix)
    if writer is None:
        raise Unavailable(what)
    return writer


def first_attribute(obj: object, names: Sequence[str], what: str) -> Any:
    """The first of ``names`` that ``obj`` has: for APIs of features still being built."""
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return value
    raise Unavailable(f"{what} (looked for {', '.join(names)})")


@dataclass
class Context:
    """What a benchmark gets: corpora, a scratch folder, and whether this is a quick run."""

    workdir: Path
    corpus_root: Path = DEFAULT_ROOT
    scale: str | None = None  # "tiny" runs every benchmark on the tiny corpus (tests)
    quick: bool = False
    _counter: list[int] = field(default_factory=lambda: [0])

    def spec(self, size: str) -> CorpusSpec:
        return SIZES[self.scale] if self.scale else SIZES[size]

    def corpus(self, size: str, *, docx: bool = False, project: bool = True) -> Corpus:
        return ensure(self.spec(size), root=self.corpus_root, docx=docx, project=project)

    def scratch(self, name: str) -> Path:
        """A fresh path in the scratch folder (nothing exists there yet)."""
        self._counter[0] += 1
        return self.workdir / f"{self._counter[0]:03d}-{name}"

    def project_copy(self, size: str) -> Path:
        """A private copy of the corpus's project file, to change freely."""
        target = self.scratch(f"{size}.codewerk")
        shutil.copyfile(self.corpus(size).project, target)
        return target
