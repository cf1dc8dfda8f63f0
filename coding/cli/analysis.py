"""Subcommands of retrieval and analysis: quotes, assess, export."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from coding.cli.arguments import key_values
from coding.cli.opening import opened
from coding.cli.output import add_csv_guard, print_csv, print_json, print_table
from coding.core.attributes import known_value
from coding.core.i18n import text
from coding.core.records import Quote
from coding.quotes.quote_service import TO_ANSWER, UNREVIEWED
from models import REVIEW_STATUSES

QUOTE_FORMATS = ("table", "csv", "json")


def _quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "document": quote.document,
        "code": quote.code_path,
        "concept": quote.concept,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "memo": quote.memo,
        "coder": quote.coder,
        "attributes": dict(quote.attributes),
        "coding_id": quote.coding_id,
        "pages": list(quote.pages),
        "reviews": [
            {"reviewer": r.reviewer, "status": r.status, "comment": r.comment} for r in quote.reviews
        ],
        "messages": [
            {"author": m.author, "text": m.text, "when": m.created_at.isoformat(timespec="seconds")}
            for m in quote.messages
        ],
    }


def cmd_quotes(args: argparse.Namespace) -> int:
    with opened(args) as project:
        quotes = project.quotes(
            args.code or None,
            where=key_values(args.where, "--where"),
            coder=args.coder or args.by_coder,
            text=args.text,
            review=args.review,
            include_subcodes=not args.only,
            exclude_interviewer=args.without_interviewer,
        )
    print_quotes(quotes, args.format, args.csv_guard)
    return 0


def print_quotes(quotes: Sequence[Quote], output_format: str, csv_guard: str | None = None) -> None:
    """Quotes as a table (with a count), CSV, or JSON (what ``codewerk quotes`` prints)."""
    if output_format == "json":
        print_json([_quote_json(q) for q in quotes])
        return
    header: tuple[str, ...] = (
        "Document", "Code", "Respondent", "Region", "Role", "Start", "End", "Quote", "Memo", "Coder"
    )  # fmt: skip
    rows: list[tuple[Any, ...]] = [
        (
            q.document,
            q.code_path,
            q.attributes.get("respondent", ""),
            known_value(q.attributes, "region"),  # a Dutch sheet's "regio" and "rol" too
            known_value(q.attributes, "role"),
            q.start,
            q.end,
            q.text,
            q.memo,
            q.coder or "",
        )
        for q in quotes
    ]
    if any(q.pages for q in quotes):  # PDF sources: the page to cite, after the offsets
        header = (*header[:7], "Page", *header[7:])
        rows = [(*row[:7], q.page_label, *row[7:]) for row, q in zip(rows, quotes, strict=True)]
    if output_format == "csv":
        print_csv(header, rows, guard=csv_guard)
    else:
        quote_column = header.index("Quote")
        print_table(header, rows, limits={1: 40, quote_column: 70, quote_column + 1: 30})
        print(text("{count} quote(s)", count=len(quotes)))


def cmd_assess(args: argparse.Namespace) -> int:
    with opened(args) as project:
        info = project.assess(args.group_value, args.code, args.score, by=args.by, note=args.note or "")
    note = f" — {info.justification}" if info.justification else ""
    print(
        text(
            "{code_path} for {attribute} {value}: {score}{note}",
            code_path=info.code_path,
            attribute=info.attribute,
            value=info.value,
            score=info.score,
            note=note,
        )
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {
        "codes": args.codes,
        "groups": args.groups,
        "include_reviews": args.include_reviews or None,
        "without_interviewer": args.without_interviewer or None,
        "include_memos": args.include_memos or None,
        "include_analysis": args.include_analysis or None,
        "kind": args.kind,
        "document": args.document,
        "reviewer": args.reviewer,
    }
    options["coder"] = args.coder
    if args.kind == "review":
        options["include_reviews"] = None  # a review file always carries the conversation
    if args.csv_guard:
        options["csv_guard"] = args.csv_guard
    if args.delimiter:
        options["delimiter"] = "\t" if args.delimiter == "tab" else args.delimiter
    if args.document and not args.kind:
        options["kind"] = "transcript"
    with opened(args) as project:
        path = project.export(Path(args.out), by=args.by, overwrite=args.force, **options)
    print(text("Exported {path}", path=path))
    return 0


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    quotes = command("quotes", cmd_quotes, "list coded quotes (a code's quotes include its subcodes')")
    quotes.add_argument("--code", action="append", metavar="CODE", help="repeat for several codes")
    quotes.add_argument("--where", nargs="+", action="extend", metavar="KEY=VALUE", help="attribute filters")
    quotes.add_argument("--text", metavar="WORDS", help="only quotes (or memos) containing this text")
    quotes.add_argument(
        "--coder",
        metavar="NAME",
        help="only this coder's layer: the quotes NAME coded (`consensus` for the resolved layer)",
    )
    quotes.add_argument("--by-coder", metavar="NAME", help=argparse.SUPPRESS)  # the earlier name of --coder
    quotes.add_argument(
        "--review",
        choices=(*REVIEW_STATUSES, UNREVIEWED, TO_ANSWER),
        help=text(
            "only quotes with this review mark ({to_answer}: a reviewer asked and nobody answered yet)",
            to_answer=TO_ANSWER,
        ),
    )
    quotes.add_argument("--only", action="store_true", help="the code itself, without its subcodes")
    quotes.add_argument(
        "--without-interviewer",
        action="store_true",
        help="quote only the respondents' words: cut the interviewer's turns ([…]) and speaker labels",
    )
    quotes.add_argument("--format", choices=QUOTE_FORMATS, default="table")
    add_csv_guard(quotes)

    assess = command("assess", cmd_assess, "judge a code for one group (e.g. a region) on its scale")
    assess.add_argument("group_value", metavar="GROUP_VALUE", help="e.g. Zwolle")
    assess.add_argument("code", metavar="CODE")
    assess.add_argument("score", metavar="SCORE", help="a value of the code's scale, e.g. -/- - +/- + +/+")
    assess.add_argument(
        "--by", default="region", metavar="ATTRIBUTE", help="grouping attribute (default: region)"
    )
    assess.add_argument("--note", metavar="TEXT", help="one-line justification")
    assess.add_argument("--coder", metavar="NAME")

    export = command("export", cmd_export, "export quotes and judgements (.xlsx, .docx, .csv …)")
    export.add_argument("out", metavar="OUT")
    export.add_argument(
        "--by", default="region", metavar="ATTRIBUTE", help="grouping attribute (default: region)"
    )
    export.add_argument("--delimiter", choices=(",", ";", "tab"), help="CSV separator (';' for Dutch Excel)")
    add_csv_guard(export)
    export.add_argument(
        "--codes", nargs="+", action="extend", metavar="CODE", help="only these codes (with their subcodes)"
    )
    export.add_argument(
        "--groups", nargs="+", action="extend", metavar="VALUE", help="only these group values"
    )
    export.add_argument(
        "--include-reviews", action="store_true", help="add the supervisor's review marks and comments"
    )
    export.add_argument(
        "--without-interviewer",
        action="store_true",
        help="quote only the respondents' words: cut the interviewer's turns ([…]) and speaker labels",
    )
    export.add_argument(
        "--include-memos",
        action="store_true",
        help="Word: the code memos under each concept and the document memos at the end "
        "(a transcript: the document's memos)",
    )
    export.add_argument(
        "--include-analysis",
        action="store_true",
        help="Word: a last section with the concepts' co-occurrence (per speaker turn), the concepts × "
        "groups matrix and every saved query's quotes",
    )
    export.add_argument(
        "--kind",
        choices=("quotes", "transcript", "review"),
        help="Word: quotes per concept (default) or one coded transcript (with --document); "
        "review: a workbook or Word document a supervisor marks (with --reviewer)",
    )
    export.add_argument("--reviewer", metavar="NAME", help="review file: the supervisor who reviews")
    export.add_argument(
        "--coder",
        metavar="NAME",
        help="only this coder's layer: the quotes NAME coded (`consensus` for the resolved layer)",
    )
    export.add_argument("--document", metavar="DOCUMENT", help="Word transcript: the document to export")
    export.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
