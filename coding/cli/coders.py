"""``codewerk package`` and ``codewerk merge``: a blind package for a second coder, and merging it back."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from coding.cli.opening import opened
from coding.refi.merge import merge_project
from coding.refi.package import package_for_coder


def cmd_package(args: argparse.Namespace) -> int:
    coder = args.coder
    args.coder = None  # the package's coder, not the name the project is opened under
    with opened(args) as project:
        report = package_for_coder(
            project,
            Path(args.out),
            coder=coder,
            documents=args.documents or (),
            codebook_only=args.codebook_only,
        )
    print(report.line())
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with opened(args) as project:
        report = merge_project(project, Path(args.other))
    for line in report.lines(merged=True):
        print(line)
    return 0


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    package = command(
        "package",
        cmd_package,
        "make a blind package for a second coder: the documents and the codebook, without anyone's "
        "codings, memos or judgements, the coder's name preset",
    )
    package.add_argument("out", metavar="OUT.codewerk", help="the new project file (never overwritten)")
    package.add_argument("--coder", required=True, metavar="NAME", help="the second coder's name")
    package.add_argument(
        "--documents", nargs="+", action="extend", metavar="DOC", help="only these documents (default: all)"
    )
    package.add_argument("--codebook-only", action="store_true", help="no documents, only the codebook")

    merge = command(
        "merge",
        cmd_merge,
        "merge a coder's project file: every coding, memo, review mark and judgement comes in as that "
        "coder's (matched by GUID; merging twice adds nothing; one undoable step)",
    )
    merge.add_argument("other", metavar="OTHER.codewerk")
