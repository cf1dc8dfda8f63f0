"""``codewerk guide PROJECT …``: the interview guide: show it, import a guide document, find its
questions in the transcripts, and list the answers to one question."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from coding.cli.arguments import key_values
from coding.cli.opening import opened
from coding.cli.output import add_csv_guard, print_csv, print_json, print_records, print_table
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as output_text
from coding.core.numbers import Figure, number


def _show(args: argparse.Namespace) -> int:
    with opened(args) as project:
        entries = project.guide.questions()
    print_records(
        entries,
        args.format,
        header=("Question", "Code", "Guide question", "Prompts"),
        row=lambda e: (e.ref, e.code, e.question, " | ".join(e.prompts)),
        as_json=lambda e: {"question": e.ref, "code": e.code, "text": e.question, "prompts": list(e.prompts)},
        limits={1: 40, 2: 70, 3: 50},
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    with opened(args) as project:
        result = project.guide.import_guide(args.guide, strict=args.strict)
    print(
        output_text(
            "Attached {count} guide question(s) from {source}",
            count=len(result.attached),
            source=result.source,
        )
    )
    for ref, code in result.attached:
        print(output_text("  {ref}  {code}", ref=ref, code=code))
    if result.unplaced:
        print(
            output_text(
                "Could not place {count} question(s), no code has the reference: {references}",
                count=len(result.unplaced),
                references=", ".join(result.unplaced),
            ),
            file=sys.stderr,
        )
    return 0


def _match(args: argparse.Namespace) -> int:
    with opened(args) as project:
        result = project.guide.match(args.documents or None)
    print_records(
        result.matches,
        args.format,
        header=("Document", "Start", "End", "Question", "Confidence", "Confirmed"),
        row=lambda m: (
            m.document,
            m.start,
            m.end,
            m.question,
            number(m.confidence, ".2f"),
            output_text("yes") if m.confirmed else "",
        ),
        as_json=lambda m: {
            "document": m.document,
            "start": m.start,
            "end": m.end,
            "question": m.question,
            "confidence": m.confidence,
            "confirmed": m.confirmed,
        },
    )
    if args.format == "table" and result.unmatched:
        print(
            "\n"
            + output_text("{count} interviewer turn(s) ask no guide question:", count=len(result.unmatched))
        )
        print_table(
            ("Document", "Start", "End", "Turn"),
            [(u.document, u.start, u.end, u.text) for u in result.unmatched],
            limits={3: 70},
        )
    return 0


def _export_answers(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from coding.core.text import fold
    from coding.exporting.guide_export import check_suffix, export_answers

    path = Path(args.output)
    check_suffix(path)
    with opened(args) as project:
        table = project.guide.table(where=key_values(args.where, "--where"))
        title = f"{project.path.stem} — " + output_text("Answers per guide question")
    if args.question:
        chosen = tuple(e for e in table.questions if fold(e.ref) == fold(args.question))
        if not chosen:
            known = ", ".join(e.ref for e in table.questions) or "none: the project has no guide"
            raise NotFoundError(
                output_text(
                    "no guide question {question} (guide questions: {known})",
                    question=args.question,
                    known=known,
                )
            )
        table = replace(table, questions=chosen)
    written = export_answers(table, path, by=args.by, title=title, overwrite=args.force)
    print(
        output_text(
            ("Wrote the answers to {count} guide question(s) of {count2} interview(s) to {written}"),
            count=len(table.questions),
            count2=len(table.respondents),
            written=written,
        )
    )
    return 0


def _answers(args: argparse.Namespace) -> int:
    if args.all and args.question:
        raise InvalidInputError(output_text("name one guide question (e.g. 4a) or --all, not both"))
    if not args.all and not args.question:
        raise InvalidInputError(
            output_text("name a guide question (e.g. 4a), or --all with --output FILE.xlsx|.docx")
        )
    if args.output:
        return _export_answers(args)
    if args.all:
        raise InvalidInputError(output_text("--all writes a file: add --output FILE.xlsx or FILE.docx"))
    with opened(args) as project:
        answers = project.guide.answers(args.question, where=key_values(args.where, "--where"))
    keys = sorted({key for a in answers for key in a.attributes}, key=str.casefold)
    if args.format == "json":
        print_json(
            [
                {
                    "document": a.document,
                    "attributes": dict(a.attributes),
                    "question": a.question,
                    "asked_at": a.asked_at,
                    "start": a.start,
                    "end": a.end,
                    "answer": a.text,
                    "confidence": a.confidence,
                    "confirmed": a.confirmed,
                }
                for a in answers
            ]
        )
        return 0
    header = ("Document", *keys, "Start", "End", "Confidence", "Answer")
    rows = [
        (
            a.document,
            *(a.attributes.get(k, "") for k in keys),
            a.start,
            a.end,
            Figure(a.confidence, ".2f"),
            a.text,
        )
        for a in answers
    ]
    if args.format == "csv":
        print_csv(header, rows, guard=args.csv_guard)
    else:
        print_table(header, rows, limits={len(header) - 1: 80})
        print(output_text("{count} answer(s) to {question}", count=len(answers), question=args.question))
    return 0


def _decide(status: str | None) -> Callable[[argparse.Namespace], int]:
    def decide(args: argparse.Namespace) -> int:
        with opened(args) as project:
            project.guide.decide(args.document, args.start, args.question, status)
        verb = output_text({"confirmed": "Confirmed", "cleared": "Cleared", None: "Reset"}[status])
        print(
            output_text(
                "{verb}: the turn at {start} in {document} asks {question}",
                verb=verb,
                start=args.start,
                document=args.document,
                question=args.question,
            )
        )
        return 0

    return decide


def cmd_guide(args: argparse.Namespace) -> int:
    handler: Callable[[argparse.Namespace], int] = args.guide_handler
    return handler(args)


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    guide = command(
        "guide",
        cmd_guide,
        "the interview guide: show it, import a guide document, find its questions in the transcripts",
    )
    actions = guide.add_subparsers(dest="guide_action", metavar="ACTION", required=True)

    show = actions.add_parser("show", help="list the guide questions on the codes")
    show.add_argument("--format", choices=("table", "json"), default="table")
    show.set_defaults(guide_handler=_show)

    imp = actions.add_parser(
        "import",
        help="attach the numbered questions of a guide document (.docx, .txt) to the codes with that reference",
    )
    imp.add_argument("guide", metavar="GUIDE.docx|.txt")
    imp.add_argument(
        "--strict", action="store_true", help="refuse the whole guide when a question names no code"
    )
    imp.set_defaults(guide_handler=_import)

    match = actions.add_parser(
        "match", help="match every interviewer turn to the guide question it asks, with a confidence"
    )
    match.add_argument(
        "--documents", nargs="+", action="extend", metavar="DOCUMENT", help="only these documents"
    )
    match.add_argument("--format", choices=("table", "json"), default="table")
    match.set_defaults(guide_handler=_match)

    for name, status, text in (
        (
            "confirm",
            "confirmed",
            marked("confirm that an interviewer turn asks a guide question (stored; undoable)"),
        ),
        ("clear", "cleared", marked("clear a guide question from an interviewer turn (stored; undoable)")),
        ("reset", None, marked("forget a confirmation or clearing: the matcher decides again")),
    ):
        decide = actions.add_parser(name, help=text)
        decide.add_argument("document", metavar="DOCUMENT")
        decide.add_argument("start", type=int, metavar="START", help="the turn's start, as `match` prints it")
        decide.add_argument("question", metavar="QUESTION", help="a guide question reference, e.g. 4a")
        decide.set_defaults(guide_handler=_decide(status))

    answers = actions.add_parser(
        "answers",
        help="the answers to one guide question in every interview (the respondent's turns after it)",
    )
    answers.add_argument(
        "question", metavar="QUESTION", nargs="?", help="a guide question reference, e.g. 4a"
    )
    answers.add_argument(
        "--all", action="store_true", help="every guide question (with --output: the whole table)"
    )
    answers.add_argument(
        "--output",
        metavar="FILE.xlsx|.docx",
        help="write the answers to Excel (a sheet per theme, a row per question, a column per "
        "interview) or Word (per question, every interview's answer)",
    )
    answers.add_argument(
        "--by", metavar="ATTRIBUTE", help="--output: order the interviews by this attribute (e.g. region)"
    )
    answers.add_argument("--force", action="store_true", help="--output: overwrite FILE if it exists")
    answers.add_argument(
        "--where",
        nargs="+",
        action="extend",
        metavar="KEY=VALUE",
        help="only documents with these attributes",
    )
    answers.add_argument("--format", choices=("table", "csv", "json"), default="table")
    add_csv_guard(answers)
    answers.set_defaults(guide_handler=_answers)
