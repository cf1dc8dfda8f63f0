"""spaCy, imported without opening a socket.

``import spacy`` loads spaCy's command-line part, which imports ``requests`` and with it urllib3, and urllib3
probes at import time whether IPv6 works by binding a socket to ``::1``. Codewerk never talks to the network
(interview data is confidential; only a team server the user named is ever contacted), so not even a loopback
socket should be opened: while spaCy loads, Python is told it has no IPv6 (``socket.has_ipv6``), which is the
only condition under which urllib3 skips its probe. The flag is restored at once; urllib3 merely prefers IPv4
for connections Codewerk never makes. Everything else imports spaCy through this module.
"""

from __future__ import annotations

import socket

_had_ipv6 = socket.has_ipv6
socket.has_ipv6 = False
try:
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc
finally:
    socket.has_ipv6 = _had_ipv6

__all__ = ["Doc", "Language", "spacy"]
