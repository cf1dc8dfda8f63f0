"""Codewerk's entry points: ``python main.py [PROJECT]`` opens the window; ``codewerk`` is the CLI."""

from __future__ import annotations

import gc
import sys


def gui(argv: list[str] | None = None) -> int:
    # Importing the window builds some 100,000 long-lived objects (the Qt bindings, SQLAlchemy, the
    # models); the cyclic garbage collector would walk them over and over meanwhile (≈ 50 ms of the
    # start). Collect nothing while importing, then move them out of its way for good.
    gc.disable()
    try:
        from app.shell.application import run
    finally:
        gc.freeze()
        gc.enable()
    return run(sys.argv[1:] if argv is None else argv)


def cli(argv: list[str] | None = None) -> int:
    from coding.cli.main import main

    return main(argv, gui=gui)


if __name__ == "__main__":
    raise SystemExit(gui())
