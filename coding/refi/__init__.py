"""REFI-QDA exchange (QDA-XML 1.0): ``.qdpx`` projects and ``.qdc`` codebooks, in and out. Qt-free.

Export
------
``project.export("out.qdpx")`` / ``codewerk export PROJECT out.qdpx`` writes a zip with
``project.qde`` (root ``Project``, namespace ``urn:QDA-XML:project:1.0``, valid against the
standard's ``Project.xsd``), one ``sources/<guid>.txt`` per document (the stored text: UTF-8
without BOM, NFC, ``\\n``; referenced as ``plainTextPath="internal://<guid>.txt"``) and
``codewerk/extension.json``. The mapping:

* coders → ``Users/User``; the code tree → nested ``CodeBook/Codes/Code`` (``isCodable="true"``,
  ``color="#rrggbb"``, ``Description``); code sets → ``Sets/Set/MemberCode``.
* every document attribute → a ``Variable`` (``Text``); one ``Case`` per respondent (or per
  document without a ``respondent`` attribute) with ``VariableValue``\\ s for the attributes all its
  documents share and a ``SourceRef`` per document; every ``TextSource`` also carries all its
  document's attributes as ``VariableValue``\\ s (QualCoder and MAXQDA read them only there).
* documents → ``TextSource``; each coded passage → ``PlainTextSelection`` (``startPosition``/
  ``endPosition`` in Unicode code points of the stored text, end exclusive; ``name`` is the
  passage's text) with one ``Coding``/``CodeRef`` per code.
* a document with a recording → ``AudioSource``/``VideoSource`` (``path``: the recording as a
  ``file://`` URI, not copied) whose ``Transcript`` is the text, with ``SyncPoint``\\ s (turn starts:
  ``position`` in code points, ``timeStamp`` in milliseconds; passage boundaries: ``position``) and
  a ``TranscriptSelection`` per coded passage (:mod:`coding.refi.media_xml`); read back the same way.
* memos (project, document, code) → ``Notes/Note`` with a ``NoteRef`` from the project, the
  ``TextSource`` or the ``Code``; a coding's memo → a ``Note`` named ``Memo`` referenced from the
  ``Coding``; a review mark → a ``Note`` named ``Review: agreed|question|disagree`` by the
  reviewer (``creatingUser``), its text the comment, referenced from the ``Coding``.
* memos also as ``Description`` (what QualCoder and MAXQDA read, :mod:`coding.refi.descriptions`):
  the codings' memos on their ``PlainTextSelection``, the document memos on the ``TextSource``,
  a code's memos after its definition in its ``Description``, the project memos on the project.
* GUIDs are the ones stored in the project (documents, codes, passages, codings, coders, memos,
  reviews, judgements, code sets), so every export of the same thing carries the same GUID.
  Variables, cases and coding-memo notes get GUIDs derived from stable facts (UUID 5).

Judgements (judgements)
~~~~~~~~~~~~~~~~~~~~~~~~
REFI-QDA has no element for a judgement of a code per group. Decision: each judgement is
written twice, in a standard-conforming way. (1) For people in other tools, as a ``Note`` named
``Judgement: <code> – <attribute> <value>`` whose text is the score and the justification,
referenced from the judged ``Code`` and from each evidence ``PlainTextSelection``. (2) For
Codewerk, structured in ``codewerk/extension.json`` (a zip part other tools ignore) under the
same GUID: code GUID, attribute, value, score, justification, coder, time and evidence
passages. On import the extension is authoritative and those notes are not made into memos.
The extension also keeps what QDA-XML cannot say about codes (label, kind, question reference,
group, scale, search terms, inductive) and documents (source format, original file name,
checksum, encoding, speaker turns, pages). Without it (a file from another tool) codes are
plain codes, turns are detected again, and judgement notes arrive as code memos.

A ``.qdc`` (``codewerk export PROJECT out.qdc``) holds the code tree and code sets (root
``CodeBook``, namespace ``urn:QDA-XML:codebook:1.0``) and carries the code extras in a
processing instruction ``<?codewerk {json}?>`` before the root element, which schemas and
other tools ignore.

Import
------
:func:`import_exchange` (``codewerk import-qdpx PROJECT in.qdpx``) reads and checks the
whole file first (:mod:`coding.refi.archive` refuses unsafe zips, defusedxml refuses entity
declarations), then merges it in one command: one transaction, one undo step
(:mod:`coding.refi.import_command`). Merging is by GUID, so a re-import adds nothing. What
other tools write is tolerated: ``Sources/`` or ``sources/``, CRLF and BOMs in source files
(positions are mapped, :mod:`coding.refi.positions`), ``PlainTextContent`` instead of a file,
cases without names, selections without codings, namespace ``urn:QDA-XML:project:0:4``,
duplicate source names, upper-case or braced GUIDs, any single ``.qde`` at the archive root
(ATLAS.ti names it after the project), memos kept as ``Description`` (a selection's: its codings'
memo; a source's, the project's, a case's: memos) and notes holding a ``PlainTextSelection``
(QualCoder's annotations: a document memo quoting the passage). Everything that cannot be imported
is listed (element and reason) in the :class:`~coding.refi.report.ExchangeReport`.

A ``.qdc`` is registered as a codebook file (``codewerk new --codebook file.qdc``,
``project.codes.load_codebook``), keeping the codes' GUIDs and sets.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coding.codebook.codebook_file import CODEBOOK_READERS, CodebookSpec
from coding.exporting import EXPORTERS, lazy_writer

if TYPE_CHECKING:
    from coding.refi.codebook_xml import read_qdc, write_qdc
    from coding.refi.project_writer import write_qdpx
    from coding.refi.report import ExchangeReport

# Registered by name and imported on first use (lxml and defusedxml stay out of the window's start).
EXPORTERS[".qdpx"] = lazy_writer("coding.refi.project_writer", "write_qdpx")
EXPORTERS[".qdc"] = lazy_writer("coding.refi.codebook_xml", "write_qdc")


def _read_qdc(path: Path) -> CodebookSpec:
    from coding.refi.codebook_xml import read_qdc

    return read_qdc(path)


CODEBOOK_READERS[".qdc"] = _read_qdc

_LAZY = {
    "ExchangeReport": "coding.refi.report",
    "read_qdc": "coding.refi.codebook_xml",
    "write_qdc": "coding.refi.codebook_xml",
    "write_qdpx": "coding.refi.project_writer",
}


def __getattr__(name: str) -> Any:
    """``from coding.refi import write_qdpx`` etc. still work; the module loads when asked."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ExchangeReport", "read_qdc", "write_qdc", "write_qdpx"]
