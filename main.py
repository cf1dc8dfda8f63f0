"""Codewerk's entry points: ``python main.py [PROJECT]`` opens the window; ``codewerk`` is the CLI."""

from __future__ import annotations

import sys


def gui(argv: list[str] | None = None) -> int:
    from app.application import run

    return run(sys.argv[1:] if argv is None else argv)


def cli(argv: list[str] | None = None) -> int:
    from coding.cli.main import main

    return main(argv, gui=gui)


if __name__ == "__main__":
    raise SystemExit(gui())
