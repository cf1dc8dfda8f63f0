"""Subcommands about speakers: list and confirm them, change the label patterns, code by speaker."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from coding.cli.arguments import key_values
from coding.cli.opening import opened
from coding.cli.output import print_records
from coding.core.errors import FileImportError, InvalidInputError
from coding.core.i18n import text
from coding.project import Project


def _patterns_from(path: str) -> list[str]:
    file = Path(path)
    try:
        lines = file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise FileImportError(file, text("cannot be read ({error})", error=exc.__class__.__name__)) from None
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _changes(project: Project, args: argparse.Namespace) -> list[str]:
    service = project.speakers
    done: list[str] = []
    if args.default_patterns or args.patterns:
        changed = service.set_patterns(None if args.default_patterns else _patterns_from(args.patterns))
        done.append(
            text(
                "Speaker patterns set; turns detected again, {count} document(s) changed", count=len(changed)
            )
        )
    document = args.documents[0] if args.documents and len(args.documents) == 1 else None
    if args.rename and args.documents and len(args.documents) > 1:
        raise InvalidInputError(text("--rename works on one document or on all; name at most one DOCUMENT"))
    for old, new in key_values(args.rename, "--rename").items():
        service.rename(old, new, document=document)
        done.append(
            text("Renamed {old} to {new} in {document}", old=old, new=new, document=document)
            if document
            else text("Renamed {old} to {new}", old=old, new=new)
        )
    for label in args.not_speaker or ():
        service.set_not_speaker(label)
        done.append(text("{label} is no speaker; its lines belong to the turn before", label=label))
    for name in args.interviewer or ():
        service.set_interviewer(name, True)
        done.append(text("{name} is an interviewer", name=name))
    for name in args.respondent or ():
        service.set_interviewer(name, False)
        done.append(text("{name} is not an interviewer", name=name))
    if args.redetect:
        changed = service.redetect(args.documents or None)
        done.append(text("Turns detected again, {count} document(s) changed", count=len(changed)))
    return done


def cmd_speakers(args: argparse.Namespace) -> int:
    with opened(args) as project:
        for line in _changes(project, args):
            print(line)
        speakers = project.speakers.list(args.documents or None)
        patterns = project.speakers.patterns() if args.show_patterns else None
    if patterns is not None:
        for pattern in patterns:
            print(pattern)
        return 0
    print_records(
        speakers,
        args.format,
        header=("Speaker", "Interviewer", "Turns", "Words", "Documents"),
        row=lambda s: (
            s.name,
            text("yes") if s.interviewer else "",
            s.turns,
            s.words,
            ", ".join(s.documents),
        ),
        as_json=lambda s: {
            "speaker": s.name,
            "turns": s.turns,
            "words": s.words,
            "interviewer": s.interviewer,
            "documents": list(s.documents),
        },
        limits={4: 80},
    )
    return 0


def cmd_code_turns(args: argparse.Namespace) -> int:
    with opened(args) as project:
        result = project.speakers.code_turns(
            args.code, args.speakers, documents=args.documents or None, memo=args.memo or ""
        )
        code = project.codes.get(project.codes.id_of(args.code))
    already = text(" ({count} already had it)", count=result.already_coded) if result.already_coded else ""
    print(
        text(
            "Coded {count} turn(s) of {speakers} with {path_text}{already}",
            count=len(result.codings),
            speakers=", ".join(args.speakers),
            path_text=code.path_text,
            already=already,
        )
    )
    return 0


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    speakers = command(
        "speakers",
        cmd_speakers,
        "list the detected speakers (of some documents or all); rename them, mark interviewers, set patterns",
    )
    speakers.add_argument("documents", nargs="*", metavar="DOCUMENT", help="only these documents")
    speakers.add_argument(
        "--rename", nargs="+", action="extend", metavar="OLD=NEW", help="show speaker OLD as NEW (merges)"
    )
    speakers.add_argument("--interviewer", nargs="+", action="extend", metavar="NAME")
    speakers.add_argument(
        "--respondent", nargs="+", action="extend", metavar="NAME", help="no longer an interviewer"
    )
    speakers.add_argument(
        "--not-speaker",
        nargs="+",
        action="extend",
        metavar="LABEL",
        help="a detected label that is no speaker",
    )
    patterns = speakers.add_mutually_exclusive_group()
    patterns.add_argument(
        "--patterns",
        metavar="FILE",
        help="label patterns, one regular expression per line, then detect again",
    )
    patterns.add_argument("--default-patterns", action="store_true", help="go back to the built-in patterns")
    speakers.add_argument("--redetect", action="store_true", help="detect the turns again from the text")
    speakers.add_argument("--show-patterns", action="store_true", help="print the label patterns in use")
    speakers.add_argument("--format", choices=("table", "json"), default="table")

    turns = command(
        "code-turns", cmd_code_turns, "code every turn of some speakers with a code (all answers of R5)"
    )
    turns.add_argument("code", metavar="CODE")
    turns.add_argument("speakers", nargs="+", metavar="SPEAKER")
    turns.add_argument(
        "--document",
        dest="documents",
        action="append",
        metavar="DOCUMENT",
        help="only this document (repeat)",
    )
    turns.add_argument("--memo", metavar="TEXT")
    turns.add_argument("--coder", metavar="NAME")
