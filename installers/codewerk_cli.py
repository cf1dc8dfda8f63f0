"""The bundled command line (``codewerk-cli``, beside the window program in ``make app``'s folder).

On Windows and macOS the window program has no console, so what a command prints would be lost
there; this one is a console program: ``codewerk-cli import studie.codewerk R1.docx``."""

from __future__ import annotations

import sys

from main import cli

if __name__ == "__main__":
    raise SystemExit(cli(sys.argv[1:]))
