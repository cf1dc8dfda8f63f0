"""The bundled application's entry point (``make app``).

Started plainly, or with a project file (a double-click on a ``*.codewerk`` file, the ``.desktop``
file's ``%f``), it opens the window; ``codewerk-app COMMAND ...`` with a command of the command
line (``import``, ``export`` ...) runs that command, like the ``codewerk`` of a Python install.
"""

from __future__ import annotations

import sys

from main import cli, gui


def run(argv: list[str]) -> int:
    from coding.cli.main import command_names

    if argv and (argv[0] in ("-h", "--help") or argv[0] in command_names()):
        return cli(argv)
    return gui(argv)


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
