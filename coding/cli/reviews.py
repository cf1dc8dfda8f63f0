"""Subcommands of the supervisor's review: ``reviews`` lists marks, ``review`` sets one,
``import-review`` reads a review workbook or Word document back."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coding.cli.arguments import span
from coding.cli.opening import opened
from coding.cli.output import print_csv, print_json, print_table
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import text
from coding.reviews.review_commands import QUOTE, MarkWrite
from coding.reviews.review_marks import MARKS, read_mark
from coding.reviews.review_service import ReviewRecord

REVIEW_FORMATS = ("table", "csv", "json")
HEADER = ("document", "code", "start", "end", "quote", "reviewer", "mark", "comment", "when")


def _values(record: ReviewRecord) -> tuple[Any, ...]:
    return (
        record.document,
        record.code,
        record.start,
        record.end,
        record.quote,
        record.reviewer,
        record.mark,
        record.comment,
        record.when.isoformat(timespec="seconds"),
    )


def cmd_reviews(args: argparse.Namespace) -> int:
    with opened(args) as project:
        records = project.reviews.list(reviewer=args.reviewer, mark=args.mark)
    rows = [_values(r) for r in records]
    if args.format == "json":
        print_json([dict(zip(HEADER, row, strict=True)) for row in rows])
    elif args.format == "csv":
        print_csv(HEADER, rows)
    else:
        print_table([h.capitalize() for h in HEADER], rows, limits={1: 40, 4: 60, 7: 40})
        print(text("{count} mark(s)", count=len(rows)))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    try:
        mark = read_mark(args.mark)
    except ValueError:
        mark = None
    if mark is None:
        raise InvalidInputError(
            text("--mark is one of {MARKS}, not '{mark}'", MARKS=", ".join(MARKS), mark=args.mark)
        )
    with opened(args) as project:
        document = project.documents.find(args.document)
        if args.span is not None:
            start, end = span(args.span)
        else:
            start, end = project.documents.find_passage(document.id, args.text)
        code_id = project.codes.id_of(args.code)
        found = [
            q
            for q in project.quotes(code_id, documents=[document.id], include_subcodes=False)
            if (q.start, q.end) == (start, end)
        ]
        if not found:
            code = project.codes.get(code_id).path_text
            raise NotFoundError(
                text(
                    "{name} {start}:{end} is not coded with {code}",
                    name=document.name,
                    start=start,
                    end=end,
                    code=code,
                )
            )
        quote = found[0]
        reviewer = args.reviewer or project.coder
        marks = [MarkWrite(QUOTE, q.coding_id, mark, args.comment or "") for q in found]
        project.reviews.apply_marks(
            marks, reviewer=reviewer, text=text("Review quote")
        )  # each coder's coding
    comment = f" — {args.comment}" if args.comment else ""
    layers = text(" ({count} coders' codings)", count=len(found)) if len(found) > 1 else ""
    print(
        text(
            "{reviewer}: {mark} on {name} {start}:{end} ({code_path}){layers}{comment}",
            reviewer=reviewer,
            mark=mark,
            name=document.name,
            start=start,
            end=end,
            code_path=quote.code_path,
            layers=layers,
            comment=comment,
        )
    )
    return 0


def cmd_import_review(args: argparse.Namespace) -> int:
    with opened(args) as project:
        report = project.import_review(Path(args.file), reviewer=args.reviewer)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    listing = command("reviews", cmd_reviews, "list the review marks on quotes")
    listing.add_argument("--reviewer", metavar="NAME", help="only this reviewer's marks")
    listing.add_argument("--mark", choices=MARKS, help="only this mark")
    listing.add_argument("--format", choices=REVIEW_FORMATS, default="table")

    one = command("review", cmd_review, "mark one coded quote agreed, question or disagree")
    one.add_argument("document", metavar="DOCUMENT")
    one.add_argument("code", metavar="CODE")
    where = one.add_mutually_exclusive_group(required=True)
    where.add_argument("--text", metavar="PASSAGE", help="the coded passage, found whitespace-insensitively")
    where.add_argument("--span", metavar="S:E", help="code points, end exclusive")
    one.add_argument(
        "--mark",
        required=True,
        metavar="M",
        help=text("{marks} (or akkoord, vraag, oneens)", marks=", ".join(MARKS)),
    )
    one.add_argument("--comment", metavar="TEXT")
    one.add_argument("--reviewer", metavar="NAME", help="default: $CODEWERK_CODER or your login")

    back = command(
        "import-review",
        cmd_import_review,
        "read a supervisor's review workbook (.xlsx) or Word document (.docx) back: their marks and comments",
    )
    back.add_argument("file", metavar="FILE.xlsx|FILE.docx")
    back.add_argument(
        "--reviewer", metavar="NAME", help="whose marks they become (default: the file's reviewer)"
    )
