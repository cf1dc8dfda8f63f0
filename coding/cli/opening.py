"""Opening the project a subcommand names, with a note when it was upgraded."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coding.project import Project


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Project]:
    project = Project.open(args.project, coder=getattr(args, "coder", None))
    if project.backup_path is not None:
        print(
            f"Upgraded {Path(args.project).name}; the previous version is kept as {project.backup_path.name}",
            file=sys.stderr,
        )
    try:
        yield project
    finally:
        project.close()
