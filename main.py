"""Codewerk's entry points: ``python main.py [PROJECT]`` opens the window; ``codewerk`` is the CLI."""

from __future__ import annotations

import gc
import sys


def load_window() -> None:
    """Import the window's modules: the Qt-free domain first, then PySide6 and the window.

    Once imported, PySide6 reads the source of every module imported after it (its ``__feature__``
    import hook asks each new module whether it mentions PySide6): importing ``coding`` — SQLAlchemy,
    the models, the services, some 300 modules — before it spares reading theirs (≈ 0.1 s of the
    start). Importing builds some 100,000 long-lived objects (the Qt bindings, SQLAlchemy, the
    models); the cyclic garbage collector would walk them over and over meanwhile (≈ 50 ms), so it
    collects nothing while importing and the imported objects are then moved out of its way for good.
    The start benchmark's probe calls this before it imports PySide6 itself, as ``gui`` does.
    """
    gc.disable()
    try:
        # isort: off
        import coding  # noqa: F401  (before PySide6: see above)
        import app.shell.application  # noqa: F401
        # isort: on
    finally:
        gc.freeze()
        gc.enable()


def gui(argv: list[str] | None = None) -> int:
    load_window()
    from app.shell.application import run

    return run(sys.argv[1:] if argv is None else argv)


def cli(argv: list[str] | None = None) -> int:
    from coding.cli.main import main

    return main(argv, gui=gui)


if __name__ == "__main__":
    raise SystemExit(gui())
