"""The benchmark suite itself: a deterministic corpus with valid files, and a run at a tiny scale.

Nothing here is timed; the figures belong to ``make bench``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import make_corpus, run
from benchmarks.make_corpus import SIZES, ensure, plan_codings, transcript
from benchmarks.registry import BENCHMARKS, Benchmark, Case, Unavailable, need_module
from benchmarks.vocabulary import REGIONS, ROLES
from coding import Project
from coding.core.text import normalise_text
from coding.importing.parsers import parse_file

TINY = SIZES["tiny"]


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in (".txt", ".csv", ".json")
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> make_corpus.Corpus:
    return ensure("tiny", root=tmp_path_factory.mktemp("corpus"), docx=True)


def test_the_same_seed_gives_the_same_corpus(corpus: make_corpus.Corpus, tmp_path: Path) -> None:
    again = ensure("tiny", root=tmp_path, docx=False, project=False)
    assert again.folder.name == corpus.folder.name  # same content key
    assert _tree(again.folder) == _tree(corpus.folder)
    assert transcript(TINY, 1) == transcript(TINY, 1)
    other_seed = make_corpus.CorpusSpec("tiny", 3, 3_000, 8, seed=1)
    assert transcript(other_seed, 1).text != transcript(TINY, 1).text
    assert make_corpus.content_key(other_seed) != make_corpus.content_key(TINY)


def test_transcripts_look_like_dutch_interviews() -> None:
    document = transcript(SIZES["thesis"], 8)  # R9, second region
    text = document.text
    assert text == normalise_text(text)
    assert len(text) >= 50_000
    assert document.region == REGIONS[1] and document.role == ROLES[1] and document.respondent == "R9"
    assert "[00:00:" in text and "\n[" in text and " I: " in text and " R9: " in text
    assert any(ch in text for ch in "öëé") and "vertrouwen" in text and "UWV" in text
    assert any(emoji in text for emoji in ("🙂", "👍", "😅", "🤝", "📈"))


def test_files_import_to_the_same_text_with_turns(corpus: make_corpus.Corpus) -> None:
    txt, docx = corpus.files("txt"), corpus.files("docx")
    assert [p.stem for p in txt] == [p.stem for p in docx] and len(txt) == TINY.documents
    for text_file, word_file in zip(txt, docx, strict=True):
        from_txt, from_docx = parse_file(text_file), parse_file(word_file)
        assert from_docx.text == from_txt.text.removesuffix("\n")  # a text file ends with a newline
        speakers = {turn.speaker for turn in from_docx.turns}
        assert speakers == {"I", text_file.stem.split("_")[0]}
        assert all(turn.timestamp is not None for turn in from_docx.turns)
    header = corpus.metadata.read_text(encoding="utf-8").splitlines()[0]
    assert header == "file,respondent,region,role,date"


def test_the_project_holds_every_planned_coding(corpus: make_corpus.Corpus) -> None:
    planned = json.loads(corpus.codings.read_text(encoding="utf-8"))
    assert len(planned) == TINY.documents * TINY.codings
    assert planned == [
        [p.document, "/".join(p.code), p.start, p.end]
        for index in range(TINY.documents)
        for p in plan_codings(TINY, transcript(TINY, index))
    ]
    with Project.open(corpus.project) as project:
        documents = project.documents.list()
        assert [d.attributes["respondent"] for d in documents] == ["R1", "R2", "R3"]
        assert {d.attributes["region"] for d in documents} == {"Midden-Gelderland"}
        quotes = project.quotes()
        assert len(quotes) == len(planned)
        texts = {d.name: project.documents.text(d.id) for d in documents}
        assert all(q.text == texts[q.document][q.start : q.end] for q in quotes)
        assert {(q.document, q.code_path, q.start, q.end) for q in quotes} == {tuple(p) for p in planned}


def test_need_module_names_what_is_missing() -> None:
    with pytest.raises(Unavailable, match="not available yet: the frobnicator"):
        need_module("coding.frobnicator", "the frobnicator")
    with pytest.raises(Unavailable, match="not available yet: a thing"):
        need_module("coding", "a thing", attribute="no_such_thing")


def test_a_tiny_run_measures_and_reports(
    corpus: make_corpus.Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing() -> None:
        raise Unavailable("the frobnicator (issue 99)")

    BENCHMARKS["frobnicate"] = Benchmark(
        "frobnicate", "Frobnicate", lambda _ctx: Case(lambda: None), requires=missing
    )
    results = tmp_path / "RESULTS.md"
    try:
        code = run.main(
            [
                "--scale", "tiny", "--quick", "--corpus-root", str(corpus.folder.parent),
                "--only", "quote_retrieval_region,open_large_project,frobnicate", "--results", str(results),
            ]
        )  # fmt: skip
    finally:
        del BENCHMARKS["frobnicate"]
    out = capsys.readouterr().out
    assert code == 0, out
    assert "frobnicate" in out and "not available yet: the frobnicator (issue 99)" in out
    assert "quote_retrieval_region" in out and "median" in out
    assert "open_large_project" in out and "failed" not in out  # the window started on the project
    report = results.read_text(encoding="utf-8")
    assert "## Machine" in report and "| tiny | 3 |" in report
    row = next(line for line in report.splitlines() if line.startswith("| `quote_retrieval_region`"))
    assert "< 100.0 ms" in row and ("| pass |" in row or "| miss" in row)
    assert "`frobnicate` (Frobnicate): skipped: not available yet: the frobnicator (issue 99)" in report


WINDOW_AND_EXCHANGE = (
    "open_long_transcript_view",
    "apply_coding_view",
    "undo_coding_view",
    "quotes_dock_filter_text",
    "import_qdpx_large",
    "undo_import_qdpx_large",
)


def test_the_window_and_exchange_benchmarks_drive_the_real_code(
    corpus: make_corpus.Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """They were once written against guessed APIs and failed or were skipped; now they must measure."""
    code = run.main(
        [
            "--scale", "tiny", "--quick", "--corpus-root", str(corpus.folder.parent),
            "--only", ",".join(WINDOW_AND_EXCHANGE), "--results", str(tmp_path / "RESULTS.md"),
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    measured = [line.split()[0] for line in out.splitlines() if " median " in line]
    assert measured == list(WINDOW_AND_EXCHANGE), out


TEN_TIMES = (
    "apply_coding_view",
    "apply_coding_docks_large",
    "apply_coding_docks_huge",
    "open_transcript_view_very_long",
    "apply_coding_view_very_long",
    "quotes_dock_list_all_huge",
)


def test_the_ten_times_cases_measure_and_stand_beside_their_one_times_figures(
    corpus: make_corpus.Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert make_corpus.SIZES["very_long"].characters == 3_000_000
    assert make_corpus.SIZES["very_long"].codings == 30_000
    assert not BENCHMARKS["apply_coding_docks_huge"].quick  # --quick leaves the 10x corpora out
    results = tmp_path / "RESULTS.md"
    code = run.main(
        [
            "--scale", "tiny", "--quick", "--corpus-root", str(corpus.folder.parent),
            "--only", ",".join(TEN_TIMES), "--results", str(results),
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    measured = [line.split()[0] for line in out.splitlines() if " median " in line]
    assert measured == list(TEN_TIMES), out
    report = results.read_text(encoding="utf-8")
    heading = "## Ten times the corpus (huge, very_long) beside 1×"
    assert heading in report
    scaled = report.split(heading)[1].split("\n## ")[0].splitlines()
    row = next(line for line in scaled if line.startswith("| `apply_coding_docks_huge`"))
    assert "`apply_coding_docks_large`: " in row and "< 30.0 ms" in row
    apply_row = next(line for line in report.splitlines() if line.startswith("| `apply_coding_view`"))
    assert "3,000 codings" not in apply_row  # the tiny document has a handful
    assert "codings in the document" in apply_row


def test_adding_a_size_keeps_the_other_corpora() -> None:
    """The table of sizes is left out of the content key (each spec is hashed on its own)."""
    source = Path(make_corpus.__file__).read_text(encoding="utf-8")
    assert source.count("# sizes: begin") == 1 and source.count("# sizes: end") == 1
    key = make_corpus.content_key(TINY)
    assert key == make_corpus.content_key(make_corpus.CorpusSpec("tiny", 3, 3_000, 8))
    assert key != make_corpus.content_key(make_corpus.CorpusSpec("tiny", 3, 3_000, 9))
