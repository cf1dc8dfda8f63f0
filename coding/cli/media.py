"""``codewerk media``: attach a recording to a document, list recordings, find moved ones again."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from coding.cli.opening import opened
from coding.cli.output import print_records
from coding.core.errors import InvalidInputError
from coding.core.i18n import text
from coding.media.media_service import MediaInfo
from coding.project import Project


def _row(info: MediaInfo) -> tuple[str, str, str, str]:
    return (info.document, info.kind, info.stored_path, "found" if info.found else "MISSING")


def _run(project: Project, args: argparse.Namespace) -> list[MediaInfo]:
    if args.relink:
        found = project.media.relink(args.relink)
        print(f"Found {len(found)} moved recording(s) again in {args.relink}")
    if args.file is not None:
        if args.document is None:
            raise InvalidInputError(text("name the DOCUMENT the recording belongs to"))
        info = project.media.attach(args.document, args.file)
        print(f"Attached {Path(args.file).name} ({info.kind}) to {info.document}")
        return [info]
    if args.document is not None:
        single = project.media.get(args.document)
        return [single] if single is not None else []
    return project.media.list()


def cmd_media(args: argparse.Namespace) -> int:
    with opened(args) as project:
        infos = _run(project, args)
    print_records(
        infos,
        args.format,
        header=("Document", "Kind", "File", "Status"),
        row=_row,
        as_json=lambda i: {
            "document": i.document,
            "kind": i.kind,
            "file": i.stored_path,
            "found": i.found,
            "sha256": i.sha256,
            "size": i.size,
        },
    )
    return 0


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    media = command(
        "media",
        cmd_media,
        "attach a recording (mp3, m4a, wav, ogg, mp4, webm) to a document; without FILE, list recordings",
    )
    media.add_argument("document", nargs="?", metavar="DOCUMENT")
    media.add_argument("file", nargs="?", metavar="FILE", help="the recording; it stays where it is")
    media.add_argument(
        "--relink", metavar="DIR", help="find recordings that were moved again in DIR (by their content)"
    )
    media.add_argument("--format", choices=("table", "json"), default="table")
