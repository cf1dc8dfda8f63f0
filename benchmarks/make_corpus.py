"""Synthetic Dutch interview corpora for the benchmarks: deterministic, cached, on demand.

``python -m benchmarks.make_corpus [thesis|large|long|huge|very_long|tiny ...]`` builds the named sizes under
``benchmarks/corpus/`` (gitignored). A corpus is a folder ``<size>-<key>`` where the key is a
hash of everything that shapes it (the size, the seed, this generator, the vocabulary and the
codebook), so a changed generator builds afresh and an unchanged one is reused. The project file is
named by its schema revision; after a new migration the newest older one is copied and upgraded. Each corpus holds:

* ``txt/`` and ``docx/``: one transcript per respondent, header lines then speaker turns
  ``[00:12:31] I: …`` / ``[00:12:40] R5: …``;
* ``metadata.csv``: ``file, respondent, region, role, date``;
* ``codings.json``: the planned codings (document, code path, start, end) from the codebook ``rwb``;
* ``project-<schema revision>.codewerk``: a project built through the Python API with the transcripts imported
  (from .txt) and every planned coding applied.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

from benchmarks import vocabulary as vocab

# generator: begin (what the content key hashes: from here to "generator: end", the sizes left out)
#: Bump when the output changes in a way the source hash would not show.
GENERATOR_VERSION = 1
CODER = "benchmark"


@dataclass(frozen=True)
class CorpusSpec:
    name: str
    documents: int
    characters: int  # per document, at least
    codings: int  # per document
    seed: int = 2017


# sizes: begin (left out of the content key: each spec is hashed on its own, so adding a size
# does not rebuild the others)
SIZES: dict[str, CorpusSpec] = {
    "thesis": CorpusSpec("thesis", documents=21, characters=50_000, codings=40),
    "large": CorpusSpec("large", documents=200, characters=50_000, codings=100),
    "long": CorpusSpec("long", documents=1, characters=300_000, codings=3_000),
    # ten times the large corpus (co-occurrence at scale); built only for the benchmarks that ask
    # for it, which --quick leaves out
    "huge": CorpusSpec("huge", documents=2000, characters=50_000, codings=100),
    # ten times the long transcript (a day of focus groups: 3 million characters, 30,000 codings);
    # on demand like huge
    "very_long": CorpusSpec("very_long", documents=1, characters=3_000_000, codings=30_000),
    # for tests and quick checks of the suite itself
    "tiny": CorpusSpec("tiny", documents=3, characters=3_000, codings=8),
}
# sizes: end


@dataclass(frozen=True)
class Transcript:
    name: str  # file name without extension
    respondent: str
    region: str
    role: str
    date: str
    lines: tuple[str, ...]  # paragraphs; the text is "\n".join(lines)
    answers: tuple[tuple[str, tuple[tuple[int, int], ...]], ...]  # (question ref, sentence spans)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class PlannedCoding:
    document: str
    code: tuple[str, ...]  # the code's path in the codebook
    start: int
    end: int


# -- text -------------------------------------------------------------------------------------
def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fill(template: str, rng: random.Random, region: str) -> str:
    party, party2 = rng.sample(vocab.PARTIES, 2)
    return template.format(
        party=party,
        party2=party2,
        person=rng.choice(vocab.PEOPLE),
        topic=rng.choice(vocab.TOPICS),
        meeting=rng.choice(vocab.MEETINGS),
        time=rng.choice(vocab.TIMES),
        judgement=rng.choice(vocab.JUDGEMENTS),
        feeling=rng.choice(vocab.FEELINGS),
        municipality=rng.choice(vocab.MUNICIPALITIES[region]),
    )


def sentence(rng: random.Random, region: str) -> str:
    """One spoken sentence: an optional opener, a filled template, now and then an emoji."""
    body = _fill(rng.choice(vocab.TEMPLATES), rng, region)
    opener = rng.choice(vocab.OPENERS)
    text = opener + body if opener else body[0].upper() + body[1:]
    if rng.random() < 0.02:
        text += " " + rng.choice(vocab.EMOJI)
    return _nfc(text)


def _clock(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def transcript(spec: CorpusSpec, index: int) -> Transcript:
    """Document ``index`` of a corpus: seven roles per region, R-numbers in blocks of seven."""
    rng = random.Random(f"{spec.seed}/{spec.name}/{index}")
    number = index + 1
    region = vocab.REGIONS[(index // 7) % len(vocab.REGIONS)]
    role_index = index % len(vocab.ROLES)
    role = vocab.ROLES[role_index]
    respondent = f"R{number}"
    region_slug = region.lower()
    name = f"{respondent}_{vocab.ROLE_SLUGS[role_index]}_{region_slug}"
    date = f"2017-{5 + (index // 7) % 2:02d}-{1 + (index * 3) % 28:02d}"
    month = vocab.MONTHS[(index // 7) % 2]
    lines = [
        _nfc(f"Interview {respondent} – {role}, regio {region}"),
        _nfc(f"Datum: {int(date[-2:])} {month} 2017"),
        "",
    ]
    length = sum(len(line) + 1 for line in lines)
    answers: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    refs = list(vocab.QUESTIONS)
    seconds = 4 + rng.randrange(5)
    question_index = 0
    while length < spec.characters:
        ref = refs[question_index % len(refs)]
        question_index += 1
        asks = [rng.choice(vocab.QUESTIONS[ref])]
        if rng.random() < 0.3:
            asks.append(rng.choice(vocab.FOLLOW_UPS))
        for ask in asks:
            line = _nfc(f"[{_clock(seconds)}] I: {ask}")
            lines.append(line)
            length += len(line) + 1
            seconds += 3 + len(ask) // 15
            spans: list[tuple[int, int]] = []
            paragraphs = 2 if rng.random() < 0.15 else 1
            for paragraph in range(paragraphs):
                prefix = f"[{_clock(seconds)}] {respondent}: " if paragraph == 0 else ""
                position = length + len(prefix)
                parts: list[str] = []
                for _ in range(rng.randint(2, 7)):
                    said = sentence(rng, region)
                    if parts:
                        position += 1  # the space between sentences
                    spans.append((position, position + len(said)))
                    position += len(said)
                    parts.append(said)
                line = prefix + " ".join(parts)
                lines.append(line)
                length += len(line) + 1
                seconds += 2 + len(line) // 15
            answers.append((ref, tuple(spans)))
    return Transcript(name, respondent, region, role, date, tuple(lines), tuple(answers))


def transcripts(spec: CorpusSpec) -> Iterator[Transcript]:
    for index in range(spec.documents):
        yield transcript(spec, index)


# -- codings ----------------------------------------------------------------------------------
@functools.cache
def codebook_paths() -> tuple[list[tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Every code path of the codebook ``rwb``, and the path of each interview-guide question."""
    from coding.codebook.codebook_file import read_codebook

    paths: list[tuple[str, ...]] = []
    by_question: dict[str, tuple[str, ...]] = {}

    def walk(codes, parent: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
        for code in codes:
            path = (*parent, code.name)
            paths.append(path)
            if code.question:
                by_question[code.question] = path
            walk(code.children, path)

    walk(read_codebook("rwb").codes, ())
    return paths, by_question


def plan_codings(spec: CorpusSpec, document: Transcript) -> list[PlannedCoding]:
    """``spec.codings`` distinct codings of 1–3 consecutive sentences of an answer.

    Mostly the indicator of the question just asked, or its dimension or concept (as a deductive
    coder works); otherwise any code.
    """
    rng = random.Random(f"{spec.seed}/{spec.name}/{document.name}/codings")
    paths, by_question = codebook_paths()
    answers = [answer for answer in document.answers if answer[1]]
    seen: set[tuple[tuple[str, ...], int, int]] = set()
    planned: list[PlannedCoding] = []
    attempts = 0
    while len(planned) < spec.codings:
        attempts += 1
        if attempts > 100 * spec.codings:
            raise ValueError(f"{document.name}: too short for {spec.codings} different codings")
        ref, spans = rng.choice(answers)
        first = rng.randrange(len(spans))
        last = min(len(spans) - 1, first + rng.choice((0, 0, 1, 2)))
        start, end = spans[first][0], spans[last][1]
        guided = by_question.get(ref)
        if guided is not None and rng.random() < 0.7:
            path = guided[: rng.choice((1, 2, len(guided), len(guided)))]
        else:
            path = rng.choice(paths)
        key = (path, start, end)
        if key in seen:
            continue
        seen.add(key)
        planned.append(PlannedCoding(document.name, path, start, end))
    return planned


# -- files ------------------------------------------------------------------------------------
_TURN = re.compile(r"^(\[\d{2}:\d{2}:\d{2}\] )(\w+:)(.*)$")


def write_docx(document: Transcript, path: Path) -> None:
    """A Word file shaped like a typed transcript: a heading, then one paragraph per line; the
    timestamp, the bold speaker label and the answer in separate runs, the answer split into runs
    at sentence boundaries with revision ids, as Word leaves them after editing."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    doc.core_properties.title = f"Interview {document.respondent}"
    doc.add_heading(document.lines[0], level=1)
    body = doc.element.body
    rng = random.Random(f"docx/{document.name}")
    section = body[-1]  # the section properties stay last
    for line in document.lines[1:]:
        match = _TURN.match(line)
        if match:
            stamp, label, rest = match.groups()
            runs = [(stamp, False), (label, True)]
            pieces = re.split(r"(?<=[.?!…]) ", rest)
            runs += [(" " * (i > 0) + piece, False) for i, piece in enumerate(pieces)]
        else:
            runs = [(line, False)] if line else []
        xml = "".join(_run_xml(text, bold, rng) for text, bold in runs if text)
        paragraph = parse_xml(
            f'<w:p {_W_NS} w:rsidR="{_rsid(rng)}" w:rsidRDefault="{_rsid(rng)}"><w:pPr><w:spacing w:after="120"/>'
            f'<w:rPr><w:lang w:val="nl-NL"/></w:rPr></w:pPr>{xml}</w:p>'
        )
        section.addprevious(paragraph)
    doc.save(str(path))


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _rsid(rng: random.Random) -> str:
    return f"{rng.randrange(1 << 32):08X}"


def _run_xml(text: str, bold: bool, rng: random.Random) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    props = "<w:b/><w:bCs/>" if bold else ""
    return (
        f'<w:r w:rsidRPr="{_rsid(rng)}"><w:rPr>{props}<w:lang w:val="nl-NL"/></w:rPr>'
        f'<w:t xml:space="preserve">{escaped}</w:t></w:r>'
    )


def write_metadata(documents: Sequence[Transcript], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("file", "respondent", "region", "role", "date"))
        for doc in documents:
            writer.writerow((doc.name, doc.respondent, doc.region, doc.role, doc.date))


def _build_text(spec: CorpusSpec, folder: Path) -> None:
    (folder / "txt").mkdir(parents=True)
    documents = list(transcripts(spec))
    planned: list[PlannedCoding] = []
    for document in documents:
        (folder / "txt" / f"{document.name}.txt").write_text(document.text + "\n", encoding="utf-8")
        planned.extend(plan_codings(spec, document))
    write_metadata(documents, folder / "metadata.csv")
    (folder / "codings.json").write_text(
        json.dumps([[p.document, "/".join(p.code), p.start, p.end] for p in planned], ensure_ascii=False),
        encoding="utf-8",
    )
    manifest = {
        "spec": asdict(spec),
        "documents": len(documents),
        "characters": sum(len(d.text) for d in documents),
        "codings": len(planned),
        "key": folder.name.rsplit("-", 1)[-1],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def _build_docx(spec: CorpusSpec, target: Path) -> None:
    target.mkdir()
    for document in transcripts(spec):
        write_docx(document, target / f"{document.name}.docx")


def build_project(corpus: Corpus, target: Path) -> None:
    """Import the .txt transcripts with their metadata and apply every planned coding."""
    from coding import Project

    with Project.create(target, codebook="rwb", coder=CODER) as project:
        report = project.import_files(corpus.files("txt"), meta=corpus.metadata)
        if not report.ok or len(report.imported) != corpus.spec.documents:
            raise RuntimeError("the corpus did not import: " + "; ".join(report.lines()[:5]))
        ids = {code.path: code.id for code in project.codes.tree()}
        planned = json.loads(corpus.codings.read_text(encoding="utf-8"))
        documents = {doc.name: doc.id for doc in project.documents.list()}
        items = [
            (documents[name], ids[tuple(path.split("/"))], start, end) for name, path, start, end in planned
        ]
        coded = project.codings.code_many(items, skip_existing=False)
        if len(coded) != len(items):
            raise RuntimeError(f"applied {len(coded)} of {len(items)} codings")
        project.history.clear()


# generator: end


DEFAULT_ROOT = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class Corpus:
    spec: CorpusSpec
    folder: Path

    @property
    def txt(self) -> Path:
        return self.folder / "txt"

    @property
    def docx(self) -> Path:
        return self.folder / "docx"

    @property
    def metadata(self) -> Path:
        return self.folder / "metadata.csv"

    @property
    def codings(self) -> Path:
        return self.folder / "codings.json"

    @property
    def project(self) -> Path:
        """The project file at the head schema (one file per schema: sessions on other revisions
        of the code share the folder)."""
        from models.database import head_revision

        return self.folder / project_name(head_revision())

    def files(self, kind: str) -> list[Path]:
        return sorted((self.folder / kind).glob(f"*.{kind}"))

    def manifest(self) -> dict[str, object]:
        data: dict[str, object] = json.loads((self.folder / "manifest.json").read_text(encoding="utf-8"))
        return data


def generator_source() -> str:
    """The part of this file that shapes a corpus (between the generator markers, without the sizes)."""
    source = Path(__file__).read_text(encoding="utf-8")
    _before, generator, _after = re.split(
        r"^# generator: (?:begin|end).*$", source, maxsplit=2, flags=re.MULTILINE
    )
    head, _sizes, tail = re.split(r"^# sizes: (?:begin|end).*$", generator, maxsplit=2, flags=re.MULTILINE)
    return head + tail


def content_key(spec: CorpusSpec) -> str:
    """A hash of the generator's inputs: the size's spec, the generator, the vocabulary and the codebook.
    Not the project schema: a cached project of an older schema is upgraded (:func:`ensure`)."""
    digest = hashlib.sha256()
    digest.update(json.dumps({"spec": asdict(spec), "version": GENERATOR_VERSION}).encode())
    digest.update(generator_source().encode())
    digest.update(Path(vocab.__file__).read_bytes())
    digest.update(resources.files("codebooks").joinpath("rwb.yaml").read_bytes())
    return digest.hexdigest()[:12]


def project_name(revision: str) -> str:
    return f"project-{revision}.codewerk"


def _migrations_to_head() -> dict[str, int]:
    """Each known schema revision with the number of migrations from it to the head."""
    from models.database import head_revision, revision_graph

    graph = revision_graph()
    steps = {head_revision(): 0}
    todo = [head_revision()]
    while todo:
        revision = todo.pop()
        for down in graph.get(revision, ()):
            if down not in steps:
                steps[down] = steps[revision] + 1
                todo.append(down)
    return steps


def _older_project(corpus: Corpus) -> Path | None:
    """The corpus's project file nearest to the head schema among those this code can upgrade
    (``project-<revision>.codewerk``, or ``project.codewerk`` of a folder built before the names said
    the schema); ``None`` when there is none."""
    from models.database import ProjectFileProblem, inspect_file

    steps = _migrations_to_head()
    found: list[tuple[int, str, Path]] = []
    for path in corpus.folder.glob("project*.codewerk"):
        try:
            revision = inspect_file(path, check=False)
        except ProjectFileProblem:
            continue  # written by a newer schema than this code knows, or not a project
        if revision in steps:
            found.append((steps[revision], path.name, path))
    return min(found)[2] if found else None


def _upgraded(source: Path, target: Path) -> None:
    """``target``: ``source`` at the head schema. ``source`` stays as it is (the backup: another
    session may use it); the copy is upgraded beside the target and moved into place when done."""
    from models.database import copy_database, upgrade

    work = Path(tempfile.mkdtemp(prefix=f".{target.stem}-", dir=target.parent))
    try:
        copy = work / target.name
        copy_database(source, copy)
        upgrade(copy)
        os.replace(copy, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _atomic(target: Path, build) -> None:  # type: ignore[no-untyped-def]
    """Build into a temporary sibling and move it into place, so a cancelled build leaves nothing."""
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        build(temporary / target.name)
        (temporary / target.name).rename(target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def ensure(
    size: str | CorpusSpec,
    *,
    root: Path = DEFAULT_ROOT,
    docx: bool = True,
    project: bool = True,
    log: Callable[[str], None] | None = None,
) -> Corpus:
    """The corpus of ``size``, built where missing; parts already built are reused, and a project of an
    older schema is upgraded into a file of its own rather than built again. Under a ``root`` other
    than this checkout's own, nothing is ever deleted (sessions of other revisions share it)."""
    spec = SIZES[size] if isinstance(size, str) else size
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(spec, root / f"{spec.name}-{content_key(spec)}")
    say = log or (lambda _message: None)
    if not (corpus.folder / "manifest.json").exists():
        stale = [
            folder for folder in root.glob(f"{spec.name}-*") if folder.is_dir() and folder != corpus.folder
        ]
        if root.resolve() == DEFAULT_ROOT.resolve():  # this checkout's own cache: an older generator's
            for folder in stale:
                shutil.rmtree(folder)
        elif stale:  # a root shared with other checkouts, whose code may still use them
            say(
                f"left in place, built by another version of the generator: {', '.join(f.name for f in stale)}"
            )
        started = time.perf_counter()
        _atomic(corpus.folder, lambda folder: _build_text(spec, folder))
        say(f"built {spec.name} text in {time.perf_counter() - started:.1f} s")
    if docx and not corpus.docx.exists():
        started = time.perf_counter()
        _atomic(corpus.docx, lambda folder: _build_docx(spec, folder))
        say(f"built {spec.name} .docx in {time.perf_counter() - started:.1f} s")
    if project and not corpus.project.exists() and (older := _older_project(corpus)) is not None:
        started = time.perf_counter()
        _upgraded(older, corpus.project)
        say(f"upgraded {spec.name} project from {older.name} in {time.perf_counter() - started:.1f} s")
    if project and not corpus.project.exists():
        started = time.perf_counter()

        def build(folder: Path) -> None:
            folder.mkdir()
            build_project(corpus, folder / corpus.project.name)

        temporary = corpus.folder / "project.partial"
        shutil.rmtree(temporary, ignore_errors=True)
        build(temporary)
        (temporary / corpus.project.name).rename(corpus.project)
        shutil.rmtree(temporary, ignore_errors=True)
        say(f"built {spec.name} project in {time.perf_counter() - started:.1f} s")
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.make_corpus", description=__doc__.split("\n")[0]
    )
    parser.add_argument("sizes", nargs="*", default=["thesis", "large", "long"], choices=sorted(SIZES))
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="where corpora are kept")
    parser.add_argument("--no-docx", action="store_true", help="skip the .docx files")
    parser.add_argument("--no-project", action="store_true", help="skip the project file")
    args = parser.parse_args(argv)
    for size in args.sizes:
        corpus = ensure(size, root=args.root, docx=not args.no_docx, project=not args.no_project, log=print)
        manifest = corpus.manifest()
        print(
            f"{size}: {manifest['documents']} documents, {manifest['characters']:,} characters, "
            f"{manifest['codings']:,} codings in {corpus.folder}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
