"""Subcommands of language assistance: index, search, frequencies, suggest, register, anonymise."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from coding.cli.arguments import key_values
from coding.cli.opening import opened
from coding.cli.output import TerminalProgress, percentage, print_csv, print_json, print_table
from coding.core.errors import InvalidInputError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.numbers import Figure
from coding.core.numbers import number as shown_number
from coding.language.anonymise import KINDS, NameMention
from coding.language.kwic import KWIC_HEADER, SORT_KEYS, kwic_row, sort_lines, write_kwic_csv
from coding.language.search import SearchMode
from coding.language.suggestions.calibration import MIN_DOCUMENTS, MIN_PASSAGES, TARGET_PRECISION, Calibration
from coding.language.suggestions.candidates import SOURCES
from coding.language.suggestions.evaluation import OVERLAP_RULE, Evaluation, Score
from coding.language.suggestions.listing import SuggestionInfo
from coding.language.units import CODING_UNITS

FORMATS = ("table", "csv", "json")


def indexing_progress(stream: TextIO | None = None) -> TerminalProgress:
    """``Indexing 42% R5_uwv_zwolle`` on one line of stderr, only on a terminal."""
    return TerminalProgress(percentage("Indexing"), stream, clear_unshown=False)


def cmd_index(args: argparse.Namespace) -> int:
    with opened(args) as project:
        report = project.assist.index(indexing_progress())  # checks what is stale itself
        # Nothing was stale: no document indexed and none tried (one that vanished meanwhile counts
        # its characters, and is reported as before).
        if report.documents == 0 and report.characters == 0:
            print(
                say(
                    "The index is up to date ({count} documents).",
                    count=len(project.documents.list(with_counts=False)),
                )
            )
            return 0
    print(
        say(
            (
                "Indexed {documents} document(s): {tokens} words, {sentences} sentences in "
                "{seconds:.1f} s ({pipeline})"
            ),
            documents=report.documents,
            tokens=report.tokens,
            sentences=report.sentences,
            seconds=report.seconds,
            pipeline=report.pipeline,
        )
    )
    return 0


def _mode(args: argparse.Namespace) -> SearchMode:
    chosen = [mode for mode in SearchMode if getattr(args, mode.value, False)]
    if len(chosen) > 1:
        raise InvalidInputError(say("choose one of --word, --lemma, --stem, --phrase, --regex"))
    return chosen[0] if chosen else SearchMode.WORD


def cmd_search(args: argparse.Namespace) -> int:
    with opened(args) as project:
        result = project.assist.search(
            args.query,
            _mode(args),
            where=key_values(args.where, "--where"),
            answers_only=args.answers_only,
            speakers=args.speaker or (),
            context=args.context,
            progress=indexing_progress(),
        )
        lines = sort_lines(result.lines, args.sort)
        if args.limit is not None:
            lines = lines[: args.limit]
        coded: list[Any] = []
        if args.code_with:
            coded = project.assist.code_lines(lines, args.code_with, unit=args.unit)
        if args.out:
            write_kwic_csv(lines, Path(args.out), overwrite=args.force)
    if args.format == "json":
        print_json(
            [
                {
                    "document": line.document,
                    "respondent": line.respondent,
                    "speaker": line.speaker,
                    "left": line.left,
                    "hit": line.hit,
                    "right": line.right,
                    "start": line.start,
                    "end": line.end,
                    "sentence": list(line.sentence) if line.sentence else None,
                    "attributes": dict(line.attributes),
                }
                for line in lines
            ]
        )
    elif args.format == "csv":
        print_csv(KWIC_HEADER, [kwic_row(line) for line in lines])
    else:
        rows = [
            (line.document, line.respondent, _clip_left(line.left, 40), line.hit, line.right, line.start)
            for line in lines
        ]
        print_table(("Document", "Respondent", "Left", "Hit", "Right", "Start"), rows, limits={2: 40, 4: 40})
        found = say(
            "{count} hit(s) in {documents} document(s)",
            count=len(result.lines),
            documents=result.documents_searched,
        )
        if result.forms and _mode(args) in (SearchMode.LEMMA, SearchMode.STEM):
            found += ": " + ", ".join(result.forms[:12])
        print(found)
    if result.unindexed:
        print(
            say("Not searched (not indexed): {unindexed}", unindexed=", ".join(result.unindexed)),
            file=sys.stderr,
        )
    if args.code_with:
        print(
            say(
                "Coded {count} passage(s) with {code_with} ({unit}).",
                count=len(coded),
                code_with=args.code_with,
                unit=args.unit,
            ),
            file=sys.stderr,
        )
    if args.out:
        print(say("Exported {out}", out=args.out), file=sys.stderr)
    return 0


def _clip_left(text: str, limit: int) -> str:
    """The end of a left context (the words next to the hit), right-aligned."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = "…" + flat[-(limit - 1) :]
    return flat.rjust(limit)


def cmd_frequencies(args: argparse.Namespace) -> int:
    with opened(args) as project:
        table = project.assist.frequencies(
            by=args.by,
            unit="word" if args.words else "lemma",
            top=args.top,
            where=key_values(args.where, "--where"),
            answers_only=args.answers_only,
        )
    if args.format == "json":
        print_json(
            {
                "by": table.by,
                "unit": table.unit,
                "groups": list(table.groups),
                "totals": dict(table.totals),
                "rows": [{"term": r.term, "total": r.total, "counts": dict(r.counts)} for r in table.rows],
            }
        )
        return 0
    header = (table.unit.capitalize(), "Total", *table.groups)
    rows = [(r.term, r.total, *(r.counts[g] for g in table.groups)) for r in table.rows]
    if args.format == "csv":
        print_csv(header, rows)
    else:
        print_table(header, rows)
    return 0


def _suggestion_json(s: SuggestionInfo) -> dict[str, Any]:
    return {
        "id": s.id,
        "document": s.document,
        "start": s.start,
        "end": s.end,
        "code": s.code_path,
        "score": s.score,
        "sources": list(s.sources),
        "reason": s.reason,
        "status": s.status,
        "text": s.text,
    }


def _ratio_text(value: float | None) -> str:
    return "–" if value is None else shown_number(value, ".2f")


def _score_json(score: Score) -> dict[str, Any]:
    return {
        "coded": score.coded,
        "found": score.found,
        "suggested": score.suggested,
        "right": score.right,
        "recall": score.recall,
        "precision": score.precision,
        "f1": score.f1,
    }


def _print_evaluation(evaluation: Evaluation, output: str) -> None:
    if output == "json":
        print_json(
            {
                "documents": evaluation.documents,
                "rule": OVERLAP_RULE,
                "codes": [{"code": c.code_path, **_score_json(c.score)} for c in evaluation.codes],
                "overall": _score_json(evaluation.overall),
            }
        )
        return
    header = ("Code", "Coded", "Found", "Suggested", "Right", "Recall", "Precision", "F1")

    def row(name: str, s: Score) -> tuple[object, ...]:
        return (
            name,
            s.coded,
            s.found,
            s.suggested,
            s.right,
            *map(_ratio_text, (s.recall, s.precision, s.f1)),
        )

    rows = [row(c.code_path, c.score) for c in evaluation.codes]
    rows.append(row(say("overall"), evaluation.overall))
    print_table(header, rows, limits={0: 50})
    print(
        say(
            "Leave-one-document-out over {documents} coded document(s); {OVERLAP_RULE}.",
            documents=evaluation.documents,
            OVERLAP_RULE=say(OVERLAP_RULE),
        )
    )


def _print_calibration(calibration: Calibration, output: str) -> None:
    if output == "json":
        value = calibration.to_json()
        for item, code in zip(value["codes"], calibration.codes, strict=True):
            item.update(precision=code.precision, recall=code.recall, enough=code.enough)
            del item["id"]
        print_json(value)
        return
    header = ("Code", "Coded", "Documents", "Threshold", "Suggested", "Right", "Found", "Precision", "Recall")
    rows = [
        (
            c.code_path,
            c.coded,
            c.documents,
            "–" if c.threshold is None else shown_number(c.threshold, ".2f"),
            c.suggested,
            c.right,
            c.found,
            _ratio_text(c.precision),
            _ratio_text(c.recall),
        )
        for c in calibration.codes
    ]
    print_table(header, rows, limits={0: 50})
    print(
        say(
            (
                "Thresholds stored: each code's lowest score from which {target:.0%} of its "
                "suggestions were right, leave-one-document-out over {documents} coded "
                "document(s); '–': too little coded to tell ({MIN_PASSAGES} passages in "
                "{MIN_DOCUMENTS} documents needed)."
            ),
            target=calibration.target,
            documents=calibration.documents,
            MIN_PASSAGES=MIN_PASSAGES,
            MIN_DOCUMENTS=MIN_DOCUMENTS,
        )
    )


def _sources(args: argparse.Namespace) -> Sequence[str]:
    """The candidate sources ``--sources`` names (default: all)."""
    return [s.strip() for s in args.sources.split(",")] if args.sources else SOURCES


def _measure_suggestions(args: argparse.Namespace) -> int:
    """``--calibrate`` (thresholds stored) or ``--evaluate`` (nothing stored): both leave one document out."""
    option = "--calibrate" if args.calibrate else "--evaluate"
    if args.format == "csv":
        raise InvalidInputError(say("{option} prints --format table or json", option=option))
    with opened(args) as project:
        suggestions = project.assist.suggestions
        measure = suggestions.calibrate if args.calibrate else suggestions.evaluate
        result = measure(args.codes or None, sources=_sources(args))
    if isinstance(result, Calibration):
        _print_calibration(result, args.format)
    else:
        _print_evaluation(result, args.format)
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    if args.calibrate or args.evaluate:
        return _measure_suggestions(args)
    if args.codes:
        raise InvalidInputError(
            say("--codes goes with --evaluate or --calibrate (use --code to list one code's suggestions)")
        )
    with opened(args) as project:
        service = project.assist.suggestions
        if args.accept:
            codings = service.accept(args.accept)
            print(
                say(
                    "Accepted {count} suggestion(s); {count2} new coding(s).",
                    count=len(args.accept),
                    count2=len(codings),
                ),
                file=sys.stderr,
            )
        if args.reject:
            service.reject(args.reject)
            print(
                say(
                    "Rejected {count} suggestion(s); they will not be offered again.", count=len(args.reject)
                ),
                file=sys.stderr,
            )
        if not (args.accept or args.reject or args.stored):
            service.refresh(args.code, sources=_sources(args))
        items = service.list(args.code, document=args.document, status=args.status)
    if args.format == "json":
        print_json([_suggestion_json(s) for s in items])
        return 0
    rows = [(s.id, s.document, s.start, s.end, s.code_path, Figure(s.score, ".2f"), s.reason) for s in items]
    if args.format == "csv":
        print_csv(("Id", "Document", "Start", "End", "Code", "Score", "Reason"), rows)
        return 0
    print_table(("Id", "Document", "Start", "End", "Code", "Score", "Reason"), rows, limits={4: 50, 6: 90})
    print(say("{count} suggestion(s)", count=len(items)))
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    with opened(args) as project:
        register = project.assist.register
        if args.action == "add":
            if len(args.values) != 2:
                raise InvalidInputError(say('register add expects CODE NAME, e.g. R5 "Jan de Vries"'))
            entry = register.add(
                args.values[0], args.values[1], aliases=args.alias or (), note=args.note or ""
            )
            print(say("Added {code}: {name}", code=entry.code, name=entry.name))
        elif args.action == "remove":
            for code in args.values:
                register.remove(code)
            print(say("Removed {values}", values=", ".join(args.values)))
        elif args.action == "export":
            if len(args.values) != 1:
                raise InvalidInputError(say("register export expects OUT.csv"))
            path = register.export_csv(args.values[0], overwrite=args.force)
            print(
                say("Exported the respondent register to {path} (keep it apart from the analysis)", path=path)
            )
        elif args.action == "import":
            if len(args.values) != 1:
                raise InvalidInputError(say("register import expects FILE.csv"))
            entries = register.import_csv(args.values[0])
            print(say("The register has {count} respondent(s)", count=len(entries)))
        else:
            rows = [(e.code, e.name, "; ".join(e.aliases), e.note) for e in register.list()]
            print_table(("Code", "Name", "Aliases", "Note"), rows)
    return 0


def _parse_selection(text: str, count: int) -> list[int]:
    if text.strip().lower() == "all":
        return list(range(count))
    chosen = []
    for part in text.split(","):
        part = part.strip()
        first, dash, last = part.partition("-")
        try:
            numbers = range(int(first), int(last) + 1) if dash else [int(part)]
        except ValueError:
            raise InvalidInputError(
                say("--apply expects 'all' or numbers such as 1,3,5-8, got '{part}'", part=part)
            ) from None
        for number in numbers:
            if not 1 <= number <= count:
                raise InvalidInputError(
                    say("--apply: there is no candidate {number} (1–{count})", number=number, count=count)
                )
            chosen.append(number - 1)
    return sorted(set(chosen))


def cmd_anonymise(args: argparse.Namespace) -> int:
    with opened(args) as project:
        kinds = args.kind or KINDS
        mentions: Sequence[NameMention] = project.assist.anonymiser.mentions(
            args.documents or None, kinds=kinds
        )
        if args.apply:
            chosen = [mentions[i] for i in _parse_selection(args.apply, len(mentions))]
            report = project.assist.anonymiser.replace(chosen)
            merged = (
                say(" ({count} passage(s) merged)", count=report.merged_passages)
                if report.merged_passages
                else ""
            )
            print(
                say(
                    "Replaced {count} name(s) in {documents} document(s); every coding kept its passage{merged}",
                    count=report.replacements,
                    documents=report.documents,
                    merged=merged,
                )
            )
            return 0
    if args.format == "json":
        print_json(
            [
                {
                    "number": n,
                    "document": m.document,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "kind": m.kind,
                    "replacement": m.replacement,
                    "reason": m.reason,
                }
                for n, m in enumerate(mentions, start=1)
            ]
        )
        return 0
    rows = [
        (n, m.document, m.start, m.text, m.replacement, f"{m.left[-25:]} [{m.text}] {m.right[:25]}", m.reason)
        for n, m in enumerate(mentions, start=1)
    ]
    print_table(
        ("#", "Document", "Start", "Name", "Replace by", "Context", "Why"), rows, limits={5: 70, 6: 50}
    )
    print(say("{count} candidate(s); replace them with --apply all or --apply 1,3,5-8", count=len(mentions)))
    return 0


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    command("index", cmd_index, "index the documents for search and suggestions (words, lemmas, sentences)")

    search = command("search", cmd_search, "search by word, lemma, stem, phrase or regular expression (KWIC)")
    search.add_argument(
        "query", metavar="QUERY", help="words (a phrase when several), 'vertrouw*', or a pattern"
    )
    modes = search.add_mutually_exclusive_group()
    for mode, text in (
        ("word", marked("word forms (default); * and ? are wildcards")),
        ("lemma", marked("all forms of a word: vertrouwen finds vertrouwde, vertrouwt")),
        ("stem", marked("everything sharing the stem (broader than --lemma)")),
        ("phrase", marked("consecutive words")),
        ("regex", marked("a regular expression over the texts")),
    ):
        modes.add_argument(f"--{mode}", action="store_true", help=text)
    search.add_argument("--where", nargs="+", action="extend", metavar="KEY=VALUE", help="attribute filters")
    search.add_argument("--answers-only", action="store_true", help="leave out the interviewer's turns")
    search.add_argument("--speaker", action="append", metavar="LABEL", help="only turns of this speaker")
    search.add_argument(
        "--context", type=int, default=60, metavar="N", help="characters of context (default 60)"
    )
    search.add_argument("--sort", choices=sorted(SORT_KEYS), default="document")
    search.add_argument("--limit", type=int, metavar="N")
    search.add_argument("--format", choices=FORMATS, default="table")
    search.add_argument("--out", metavar="OUT.csv", help="also export the hits as CSV")
    search.add_argument("--force", action="store_true", help="overwrite OUT.csv")
    search.add_argument("--code-with", metavar="CODE", help="code every hit (one undoable action)")
    search.add_argument(
        "--unit", choices=CODING_UNITS, default="hit", help="what --code-with codes (default: hit)"
    )

    freq = command(
        "frequencies", cmd_frequencies, "most frequent lemmas (or words) per group, stop words left out"
    )
    freq.add_argument(
        "--by", default="region", metavar="ATTRIBUTE", help="grouping attribute (default: region)"
    )
    freq.add_argument("--words", action="store_true", help="count word forms instead of lemmas")
    freq.add_argument("--top", type=int, default=30, metavar="N")
    freq.add_argument("--where", nargs="+", action="extend", metavar="KEY=VALUE")
    freq.add_argument("--answers-only", action="store_true", help="leave out the interviewer's turns")
    freq.add_argument("--format", choices=FORMATS, default="table")

    suggest = command(
        "suggest", cmd_suggest, "find and review suggested codings (nothing is coded unaccepted)"
    )
    suggest.add_argument("--code", metavar="CODE", help="only this code and its subcodes")
    suggest.add_argument("--document", metavar="DOCUMENT", help="only suggestions in this document")
    suggest.add_argument(
        "--sources",
        metavar="LIST",
        help=say("comma-separated: {sources} (default: all)", sources=",".join(SOURCES)),
    )
    suggest.add_argument("--status", choices=("open", "accepted", "rejected"), default="open")
    suggest.add_argument(
        "--stored", action="store_true", help="list the stored suggestions without searching again"
    )
    suggest.add_argument(
        "--accept", nargs="+", type=int, metavar="ID", help="accept suggestions (codes them)"
    )
    suggest.add_argument("--reject", nargs="+", type=int, metavar="ID", help="reject suggestions for good")
    suggest.add_argument("--format", choices=FORMATS, default="table", help="--evaluate: table or json")
    suggest.add_argument(
        "--evaluate",
        action="store_true",
        help=say(
            "score the suggestions against the project's own codings, leave-one-document-out (each coded "
            "document's suggestions found as if its codings did not exist): recall, precision and F1 per code "
            "and overall, with the counts; {rule}. Stores nothing",
            rule=say(OVERLAP_RULE),
        ),
    )
    suggest.add_argument(
        "--calibrate",
        action="store_true",
        help=say(
            "choose a threshold per code from the leave-one-document-out evaluation (the lowest score from which "
            "{target:.0%} of its suggestions were right) and store it in the project; suggestions below it are "
            "no longer offered, and the suggestion queue shows each code's measured precision",
            target=TARGET_PRECISION,
        ),
    )
    suggest.add_argument(
        "--codes",
        nargs="+",
        metavar="CODE",
        help="--evaluate/--calibrate: only these codes (default: every code coded)",
    )

    reg = command("register", cmd_register, "the respondent register (real names behind R-codes)")
    reg.add_argument(
        "action", nargs="?", choices=("list", "add", "remove", "export", "import"), default="list"
    )
    reg.add_argument(
        "values", nargs="*", metavar="VALUE", help="add: CODE NAME; remove: CODE…; export/import: FILE"
    )
    reg.add_argument("--alias", action="append", metavar="NAME", help="another way the name is written")
    reg.add_argument("--note", metavar="TEXT")
    reg.add_argument("--force", action="store_true", help="export: overwrite the file")

    anon = command("anonymise", cmd_anonymise, "list names in the documents and replace the ones you confirm")
    anon.add_argument("documents", nargs="*", metavar="DOCUMENT", help="default: all documents")
    anon.add_argument("--kind", action="append", choices=KINDS, help="only these kinds of names")
    anon.add_argument("--apply", metavar="all|N,N-M", help="replace these candidates (numbers as listed)")
    anon.add_argument("--format", choices=("table", "json"), default="table")
