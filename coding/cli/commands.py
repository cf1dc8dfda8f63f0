"""The subcommands: each registers its arguments and a handler that calls the services."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from coding.cli import (
    agreement,
    analysis,
    code_analysis,
    coders,
    comparison,
    guide,
    language,
    media,
    refi,
    reviews,
    server,
    speakers,
)
from coding.cli.arguments import key_values, span
from coding.cli.opening import opened
from coding.cli.output import TerminalProgress, counted, print_json, print_records, print_table
from coding.codebook.codebook_file import builtin_codebooks
from coding.core.errors import DiskFullError, FileImportError
from coding.core.i18n import text as say
from coding.core.records import CodeInfo, CodeTree
from coding.project import Project
from coding.project_file import PROJECT_SUFFIX

FORMATS = ("table", "json")


def cmd_new(args: argparse.Namespace) -> int:
    path = Path(args.project)
    if not path.suffix:
        path = path.with_suffix(PROJECT_SUFFIX)
    codebook = None if args.codebook.lower() == "none" else args.codebook
    with Project.create(path, codebook=codebook, coder=args.coder) as project:
        count = len(project.codes.tree())
    source = f"codebook {codebook}" if codebook else "an empty codebook"
    print(say("Created {path} with {source} ({count} codes)", path=path, source=source, count=count))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if args.media is not None and not Path(args.media).is_dir():
        raise FileImportError(
            Path(args.media), say("is not a folder (--media names the folder of the recordings)")
        )
    attached: list[str] = []
    with opened(args) as project:
        report = project.import_files(
            args.files,
            meta=args.meta,
            attributes=key_values(args.attr, "--attr"),
            replace=args.replace,
            progress=TerminalProgress(counted("Importing")),
        )
        unindexed = None
        # Nothing of this process is undone later; the import's undo record holds every text it
        # stored (a 45 MB transcript is 180 MB as a string): let it go before indexing.
        project.history.clear()
        if (report.imported or report.replaced) and not project.is_team_project:  # for search and suggestions
            try:
                project.assist.index(language.indexing_progress())
            except DiskFullError as exc:  # the documents are in; the index is built on the next search
                unindexed = f"the documents were imported, but the search index was not updated: {exc}"
        if args.media is not None:
            documents = [d.id for d in report.imported] + [r.document.id for r in report.replaced]
            attached = [
                f"  ♪ {m.document}: {m.location.name}"
                for m in project.media.attach_matching(args.media, documents)
            ]
    for line in report.lines(skipped=False):
        print(line)
    if args.media is not None:
        print(say("Attached {count} recording(s) from {media}", count=len(attached), media=args.media))
        for line in attached:
            print(line)
    for line in report.skipped_lines():  # why a file was not imported is an error message
        print(line, file=sys.stderr)
    if unindexed is not None:
        print(say("codewerk: {unindexed}", unindexed=unindexed), file=sys.stderr)
    return 0 if report.ok and unindexed is None else 1


def cmd_documents(args: argparse.Namespace) -> int:
    with opened(args) as project:
        documents = project.documents.list()
    print_records(
        documents,
        args.format,
        header=("Name", "Format", "Characters", "Codings", "Attributes"),
        row=lambda d: (
            d.name,
            d.source_format,
            d.length,
            d.coding_count,
            "; ".join(f"{k}={v}" for k, v in d.attributes.items()),
        ),
        as_json=lambda d: {
            "name": d.name,
            "format": d.source_format,
            "characters": d.length,
            "codings": d.coding_count,
            "encoding": d.encoding,
            "file": d.original_filename,
            "attributes": dict(d.attributes),
        },
        limits={4: 90},
    )
    return 0


def _code_json(code: CodeInfo, tree: CodeTree, counts: dict[Any, int]) -> dict[str, Any]:
    return {
        "name": code.name,
        "label": code.label,
        "path": code.path_text,
        "kind": code.kind,
        "question": code.question,
        "scale": list(code.scale) if code.scale is not None else None,
        "colour": code.colour,
        "description": code.description,
        "inductive": code.inductive,
        "codings": counts.get(code.id, 0),
        "children": [_code_json(child, tree, counts) for child in tree.children(code.id)],
    }


def cmd_codes(args: argparse.Namespace) -> int:
    with opened(args) as project:
        tree = project.codes.tree()
        counts = project.codes.counts()
    if args.format == "json":
        print_json([_code_json(code, tree, counts) for code in tree.roots()])
        return 0
    rows = [
        (
            "  " * code.depth + code.name,
            code.label,
            code.question or "",
            say("open") if code.scale is None else " ".join(code.scale),
            counts.get(code.id, 0),
        )
        for code in tree
    ]
    print_table(("Code", "Label", "Question", "Scale", "Codings"), rows, limits={0: 70, 1: 50, 3: 40})
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with opened(args) as project:
        text = project.documents.text(project.documents.find(args.document).id)
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    with opened(args) as project:
        if args.span is not None:
            start, end = span(args.span)
            info = project.code(args.document, args.code, start, end, memo=args.memo or "")
        else:
            info = project.code(args.document, args.code, text=args.text, memo=args.memo or "")
        code = project.codes.get(info.code_id)
        document = project.documents.get(info.document_id)
    preview = " ".join(info.text.split())
    preview = preview if len(preview) <= 70 else preview[:69] + "…"
    print(
        say(
            'Coded {name} {start}:{end} with {path_text}: "{preview}"',
            name=document.name,
            start=info.start,
            end=info.end,
            path_text=code.path_text,
            preview=preview,
        )
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def command(name: str, handler: Any, help_text: str, *, project: bool = True) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        if project:
            parser.add_argument(
                "project",
                metavar="PROJECT",
                help="the .codewerk project file, or a team project's postgresql:// URL",
            )
        parser.set_defaults(handler=handler)
        return parser

    new = command("new", cmd_new, "create a project file with a codebook")
    new.add_argument(
        "--codebook",
        default="rwb",
        metavar="NAME|FILE",
        help=say(
            "built-in codebook ({codebooks}), a codebook file, or 'none' (default: rwb)",
            codebooks=", ".join(builtin_codebooks()) or "none",
        ),
    )
    new.add_argument("--coder", help="your name as coder (default: $CODEWERK_CODER or your login)")

    imp = command("import", cmd_import, "import transcripts (files or folders)")
    imp.add_argument("files", nargs="+", metavar="FILE", help="files or folders to import")
    imp.add_argument(
        "--meta", metavar="META.csv|META.xlsx", help="sheet with a 'file' column and one column per attribute"
    )
    imp.add_argument(
        "--attr", nargs="+", action="extend", metavar="KEY=VALUE", help="attributes for every imported file"
    )
    imp.add_argument(
        "--replace", action="store_true", help="replace the text of documents already in the project"
    )
    imp.add_argument(
        "--media",
        metavar="DIR",
        help="folder of recordings: each one with the same name as a transcript (R1.txt, R1.mp3) is attached",
    )

    docs = command("documents", cmd_documents, "list the documents")
    docs.add_argument("--format", choices=FORMATS, default="table")

    codes = command("codes", cmd_codes, "show the code tree")
    codes.add_argument("--format", choices=FORMATS, default="table")

    show = command("show", cmd_show, "print a document's stored text (all offsets refer to it)")
    show.add_argument("document", metavar="DOCUMENT")

    code = command("code", cmd_code, "code a passage of a document")
    code.add_argument("document", metavar="DOCUMENT")
    code.add_argument("code", metavar="CODE")
    where = code.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--text", metavar="PASSAGE", help="the passage, found whitespace-insensitively; must occur once"
    )
    where.add_argument("--span", metavar="START:END", help="code points, end exclusive")
    code.add_argument("--memo", metavar="TEXT")
    code.add_argument("--coder", metavar="NAME")

    analysis.register(command)
    code_analysis.register(command)
    comparison.register(command)
    refi.register(command)
    reviews.register(command)
    speakers.register(command)
    language.register(command)
    agreement.register(command)
    coders.register(command)
    guide.register(command)
    media.register(command)

    server.register(sub)

    gui = sub.add_parser(
        "gui", help="open the window", description="open the window (same as python main.py)"
    )
    gui.add_argument("project", nargs="?", metavar="PROJECT")
    gui.add_argument("--demo", action="store_true", help="open the demo project (built on first use)")
    gui.add_argument("--smoke", action="store_true", help="start, render once and exit (for tests and CI)")
