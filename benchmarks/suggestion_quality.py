"""How right the suggestions are on the labelled development corpus (issue 20), tune and held-out apart.

``python -m benchmarks.suggestion_quality [--codes] [--splits …] [--crossed] [--pairs]`` imports the transcripts of
one split of ``tests/data/devcorpus`` into a temporary project (the ``rwb`` codebook), applies the hand codings of that
split, and prints ``codewerk suggest --evaluate``'s leave-one-document-out figures for it. Each split is a project of its
own, so figures on the held-out third never depend on the tune labels and tuning never sees the held-out labels.
The tune split's halves (``--splits tune-a tune-b``) are scored with the whole tune split's thresholds, which were
calibrated on them too; ``--crossed`` scores each half with the thresholds calibrated on the other half, a
held-out-like test of a setting that the held-out third need not be spent on; ``--pairs`` does that for four pairs of
halves and adds them up. ``--set coding.language.suggestions.MODULE.NAME=VALUE`` (repeatable) tries another value of
an engine setting for the run without editing the code (every module that imported the same setting gets it too).
Each split is imported and indexed once per run and copied for its calibration and its scoring.
The figures are written by hand into ``benchmarks/FINDINGS.md`` (copied into ``RESULTS.md``);
``tests/coding/language/test_suggestion_quality.py`` keeps them from sliding back.
"""

from __future__ import annotations

import argparse
import ast
import atexit
import functools
import importlib
import pkgutil
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from coding import Project
from coding.language.suggestions.calibration import Calibration
from coding.language.suggestions.commands import StoreCalibration
from coding.language.suggestions.evaluation import Evaluation, Score

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "devcorpus"
SPLITS = ("tune", "heldout")
#: The tune split in two halves of five interviews (each region in both), scored with the tune calibration like
#: the held-out third: a held-out-sized project (leave-one-out profiles from four interviews) to tune on without
#: looking at the held-out labels.
HALVES = {
    "tune-a": ("R1", "R4", "R8", "R14", "R17"),
    "tune-b": ("R2", "R5", "R10", "R16", "R20"),
    # three more pairs of halves (each region in both halves), for ``--pairs``
    "tune-c": ("R1", "R2", "R8", "R10", "R16"),
    "tune-d": ("R4", "R5", "R14", "R17", "R20"),
    "tune-e": ("R1", "R5", "R10", "R14", "R20"),
    "tune-f": ("R2", "R4", "R8", "R16", "R17"),
    "tune-g": ("R2", "R4", "R10", "R14", "R17"),
    "tune-h": ("R1", "R5", "R8", "R16", "R20"),
}
#: The four pairs of halves of the tune split: ``--pairs`` scores each half with the thresholds calibrated on its
#: partner and adds the eight up (4 × the tune split's coded passages), a held-out-like test from the tune labels
#: alone that tells a gain on one pair from noise.
PAIRS = (("tune-a", "tune-b"), ("tune-c", "tune-d"), ("tune-e", "tune-f"), ("tune-g", "tune-h"))


def labels() -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))[
        "documents"
    ]
    return documents


def build(split: str, path: Path, *, confirmed: bool = False) -> Project:
    """A new project at ``path`` with the split's transcripts and codings, indexed. With ``confirmed`` the
    researcher has also reviewed the guide matches: every hand-labelled guide question of an interviewer turn
    confirmed, every other automatic match cleared."""
    chosen = [
        d
        for d in labels()
        if d["split"] == split or (d["split"] == "tune" and d["file"].split("_")[0] in HALVES.get(split, ()))
    ]
    project = Project.create(path, codebook="rwb", coder="researcher")
    project.import_files([CORPUS / d["file"] for d in chosen], meta=CORPUS / "metadata.csv")
    for d in chosen:
        for c in d["codings"]:
            project.code(Path(d["file"]).stem, c["code"], text=c["text"], memo=c.get("note", ""))
        if confirmed:
            confirm_guide(project, d)
    project.assist.index()
    return project


def confirm_guide(project: Project, document: dict[str, Any]) -> None:
    """The hand labels of the document's interviewer turns as the researcher's decisions on the guide matches."""
    name = Path(document["file"]).stem
    known = set(project.guide.matcher().refs)
    turns = [t for t in project.documents.turns(name) if t.speaker == "I"]
    automatic: dict[int, set[str]] = {}
    for match in project.guide.match([name]).matches:
        automatic.setdefault(match.start, set()).add(match.question)
    for turn, entry in zip(turns, document["guide"], strict=True):
        refs = (
            {str(r) for r in entry.get("refs") or () if r != "none"} if entry.get("refs") != "none" else set()
        )
        refs &= known
        for ref in sorted(automatic.get(turn.start, set()) - refs):
            project.guide.decide(name, turn.start, ref, "cleared")
        for ref in sorted(refs):
            project.guide.decide(name, turn.start, ref, "confirmed")


@functools.cache
def _built(split: str, confirmed: bool) -> Path:
    """The split's project (:func:`build`), built once per run in a folder removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="suggestion-quality-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / f"{split}-{int(confirmed)}.codewerk"
    build(split, path, confirmed=confirmed).close()
    return path


def _copy(split: str, confirmed: bool, folder: str) -> Project:
    """A copy of the split's project (:func:`_built`) in ``folder``, opened: what is scored or calibrated in it
    stays in the copy."""
    path = Path(folder) / f"{split}.codewerk"
    shutil.copyfile(_built(split, confirmed), path)
    return Project.open(path)


@functools.cache
def tune_calibration(confirmed: bool, split: str = "tune") -> Calibration:
    """The thresholds calibrated on the tune split (leave-one-document-out over its ten interviews), or on
    one of its halves."""
    with tempfile.TemporaryDirectory() as folder:
        project = _copy(split, confirmed, folder)
        try:
            return project.assist.suggestions.calibrate()
        finally:
            project.close()


def use_calibration(project: Project, calibration: Calibration) -> None:
    """Store ``calibration`` (of another project with the same codebook) in ``project``, matched by code path."""
    ids = {info.path_text: info.id for info in project.context.resolve.code_tree()}
    value = calibration.to_json()
    value["codes"] = [dict(c, id=int(ids[c["code"]])) for c in value["codes"] if c["code"] in ids]
    project.context.execute(StoreCalibration(value))


#: With ``--crossed``: each half of the tune split calibrated on the other (a held-out-like test of the thresholds).
CROSSED = {half: partner for pair in PAIRS for half, partner in (pair, pair[::-1])}


def evaluate(
    split: str, *, confirmed: bool = False, calibrated: bool = True, crossed: bool = False
) -> Evaluation:
    """The split's leave-one-document-out figures; ``calibrated``: with the thresholds calibrated on the tune
    split (for the tune split itself that is in-sample: the held-out figures are the honest ones); ``crossed``:
    a half of the tune split with the thresholds calibrated on the other half."""
    source = CROSSED.get(split, "tune") if crossed else "tune"
    calibration = tune_calibration(confirmed, source) if calibrated else None
    with tempfile.TemporaryDirectory() as folder:
        project = _copy(split, confirmed, folder)
        try:
            if calibration is not None:
                use_calibration(project, calibration)
            return project.assist.suggestions.evaluate()
        finally:
            project.close()


ENGINE = "coding.language.suggestions"


def use_setting(assignment: str) -> None:
    """``MODULE.NAME=VALUE`` (``MODULE`` a module of the suggestion engine, ``VALUE`` a Python literal): the setting
    takes that value in the module and in every engine module that imports it by name (``from MODULE import NAME``,
    read from their source: a copy made at import would keep the old value)."""
    target, equals, value = assignment.partition("=")
    module_name, _, name = target.strip().rpartition(".")
    if not module_name.startswith(ENGINE + ".") or not name or not equals:
        raise SystemExit(f"--set {assignment!r}: expected {ENGINE}.MODULE.NAME=VALUE")
    module = importlib.import_module(module_name)
    if not hasattr(module, name):
        raise SystemExit(f"--set {assignment!r}: {module_name} has no {name}")
    new = ast.literal_eval(value.strip())
    setattr(module, name, new)
    engine = importlib.import_module(ENGINE)
    for info in pkgutil.iter_modules(engine.__path__, ENGINE + "."):
        other = importlib.import_module(info.name)
        source = Path(other.__file__ or "").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and node.module == module_name:
                for alias in node.names:
                    if alias.name == name:
                        setattr(other, alias.asname or name, new)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", action="store_true", help="also print the figures per code")
    parser.add_argument(
        "--confirmed", action="store_true", help="with the guide matches reviewed (the hand labels confirmed)"
    )
    parser.add_argument(
        "--uncalibrated", action="store_true", help="without the thresholds calibrated on the tune split"
    )
    parser.add_argument(
        "--crossed", action="store_true", help="each half of the tune split calibrated on the other half"
    )
    parser.add_argument(
        "--pairs",
        action="store_true",
        help="the four pairs of tune halves, each half calibrated on its partner, and their sum",
    )
    parser.add_argument(
        "--splits", nargs="+", choices=SPLITS + tuple(HALVES), default=SPLITS, help="the splits to score"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="MODULE.NAME=VALUE",
        help=f"another value of an engine setting for this run ({ENGINE}.sentence_spans.SPAN_MIN_MARGIN=0.1)",
    )
    args = parser.parse_args()
    for assignment in args.set:
        use_setting(assignment)
    splits = [half for pair in PAIRS for half in pair] if args.pairs else args.splits
    total = Score(0, 0, 0, 0)
    for split in splits:
        result = evaluate(
            split,
            confirmed=args.confirmed,
            calibrated=not args.uncalibrated,
            crossed=args.crossed or args.pairs,
        )
        o = result.overall
        total = total + o
        print(
            f"{split:8} documents {result.documents:2}  coded {o.coded:4} found {o.found:4}  "
            f"suggested {o.suggested:5} right {o.right:4}  recall {_pct(o.recall)} precision "
            f"{_pct(o.precision)} F1 {_pct(o.f1)}"
        )
        if args.codes:
            for c in result.codes:
                s = c.score
                print(
                    f"    {c.code_path[-45:]:45} {s.coded:3} {s.found:3} {s.suggested:4} {s.right:3} "
                    f"R {_pct(s.recall)} P {_pct(s.precision)}"
                )
    if args.pairs:
        print(
            f"pairs    coded {total.coded:4} found {total.found:4}  suggested {total.suggested:5} right "
            f"{total.right:4}  recall {_pct(total.recall)} precision {_pct(total.precision)} F1 {_pct(total.f1)}"
        )


if __name__ == "__main__":
    main()
