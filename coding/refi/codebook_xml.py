"""REFI-QDA codebooks (``.qdc``): write the code tree with its sets; read one as a Codewerk codebook."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import Element

from lxml import etree

from coding.codebook.codebook_file import DEFAULT_COLOUR, CodebookSpec, CodeSetSpec, CodeSpec
from coding.core.errors import CodebookError, FileImportError, InvalidInputError
from coding.core.i18n import text
from coding.core.text import fold
from coding.refi.elements import GuidRegistry, RCode, RSet, Skipped, child, parse_xml, read_codes, read_sets
from coding.refi.extension import CodeExtras, Extension, codebook_extension, dumps, parse_extension
from coding.refi.names import (
    CODEBOOK_NS,
    CODEBOOK_NS_PREFIX,
    EXTENSION_PI,
    PROJECT_NS_PREFIX,
    clean_name,
    namespace_of,
    numbered,
    unique_question,
)
from coding.refi.names import local_name as local
from coding.refi.project_writer import ORIGIN, code_elements
from coding.refi.schemas import CODEBOOK_SCHEMA, schema_errors
from coding.refi.snapshot import take_snapshot

if TYPE_CHECKING:
    from coding.project import Project

MAX_QDC_BYTES = 50 * 1024 * 1024
_PI = re.compile(rb"<\?" + EXTENSION_PI.encode() + rb"\s(.*?)\?>", re.DOTALL)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


# -- writing --------------------------------------------------------------------------------
def codebook_xml(project: Project) -> bytes:
    snapshot = take_snapshot(project, with_sources=False)
    if not len(snapshot.tree):
        raise InvalidInputError(text("the project has no codes; a codebook needs at least one"))
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", ORIGIN)
    codes = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    code_elements(codes, snapshot.tree, snapshot.tree.roots(), CODEBOOK_NS)
    if snapshot.code_sets:
        guids = {code.id: code.guid for code in snapshot.tree}
        sets = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Sets")
        for code_set in snapshot.code_sets:
            element = etree.SubElement(sets, f"{{{CODEBOOK_NS}}}Set", guid=code_set.guid, name=code_set.name)
            if code_set.description:
                etree.SubElement(element, f"{{{CODEBOOK_NS}}}Description").text = code_set.description
            for code_id in code_set.members:
                etree.SubElement(element, f"{{{CODEBOOK_NS}}}MemberCode", guid=guids[code_id])
    root.addprevious(etree.ProcessingInstruction(EXTENSION_PI, dumps(codebook_extension(snapshot))))
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")


def write_qdc(project: Project, path: Path, *, validate: bool = False, **_options: Any) -> None:
    """Export the code tree (with colours, descriptions and code sets) as a REFI-QDA codebook."""
    data = codebook_xml(project)
    if validate:
        errors = schema_errors(data, CODEBOOK_SCHEMA)
        if errors:
            raise InvalidInputError(
                text("{name}: the exported codebook is not valid: {errors}", name=path.name, errors=errors[0])
            )
    path.write_bytes(data)


# -- reading --------------------------------------------------------------------------------
def extension_from_prolog(data: bytes, where: str) -> Extension | None:
    """The ``<?codewerk …?>`` instruction before the root element, if any."""
    first = _FIRST_ELEMENT.search(data)
    match = _PI.search(data, 0, first.start() if first else len(data))
    if match is None:
        return None
    return parse_extension(match.group(1).decode("utf-8", errors="replace"), where)


def read_codebook_element(root: Element, path: Path) -> tuple[list[RCode], list[RSet], list[Skipped]]:
    """Codes and sets of a ``CodeBook`` root (of a ``.qdc``, or a project's ``CodeBook``)."""
    namespace = namespace_of(root.tag if isinstance(root.tag, str) else "")
    if local(root.tag) != "CodeBook" or (
        namespace and not namespace.startswith((CODEBOOK_NS_PREFIX, PROJECT_NS_PREFIX))
    ):
        raise FileImportError(
            path, text("not a REFI-QDA codebook (the root element is {local!r})", local=local(root.tag))
        )
    adjusted: list[Skipped] = []
    guids = GuidRegistry(adjusted)
    codes_element = child(root, "Codes")
    try:
        codes = read_codes(codes_element, guids, adjusted) if codes_element is not None else []
    except RecursionError as exc:
        raise FileImportError(path, text("refused: {exc}", exc=exc)) from None
    sets = read_sets(child(root, "Sets"), guids)
    for code_set in sets:
        code_set.codes = [guids.resolve(key) for key in code_set.codes]
    return codes, sets, adjusted


#: A ``.qdc`` as read: its codes, its sets, what was adjusted reading them, Codewerk's extra data.
QdcContents = tuple[list[RCode], list[RSet], list[Skipped], Extension]


def load_qdc(path: Path, refuse: Callable[[int | OSError], Exception]) -> QdcContents:
    """Read and parse a ``.qdc``: for :func:`read_qdc` and for merging a codebook into a project.

    ``refuse`` makes the caller's error for a file larger than :data:`MAX_QDC_BYTES` (given its
    size) or one that cannot be read (given the ``OSError``); a file that is not a REFI-QDA
    codebook raises :class:`FileImportError`.
    """
    try:
        size = path.stat().st_size
        if size > MAX_QDC_BYTES:
            raise refuse(size)
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(exc) from exc
    codes, sets, adjusted = read_codebook_element(parse_xml(data, path, path.name), path)
    return codes, sets, adjusted, extension_from_prolog(data, path.name) or Extension()


def usable_name(name: str, siblings: set[str], limit: int = 200) -> tuple[str, str | None]:
    """A code name Codewerk accepts (no '/', unique among siblings); returns it and a note if changed."""
    candidate = numbered(clean_name(name, limit), siblings, limit)
    siblings.add(fold(candidate))
    if candidate == name:
        return candidate, None
    return candidate, f"renamed to '{candidate}'"


def _spec(
    code: RCode, extras: dict[str, CodeExtras], inherited: str, questions: set[str], siblings: set[str]
) -> tuple[CodeSpec, list[str]]:
    notes: list[str] = []
    name, renamed = usable_name(code.name, siblings)
    if renamed:
        notes.append(f"code '{code.name}' {renamed}")
    extra = extras.get(code.guid, CodeExtras())
    question = unique_question(extra.question, questions)
    colour = code.colour or inherited
    child_names: set[str] = set()
    children = []
    for child_code in code.children:
        spec, child_notes = _spec(child_code, extras, colour, questions, child_names)
        children.append(spec)
        notes.extend(child_notes)
    return (
        CodeSpec(
            name=name,
            label=extra.label,
            kind=extra.kind,
            category=extra.category,
            colour=colour,
            scale=extra.scale,
            question=question,
            description=code.description,
            terms=extra.search_terms,
            children=tuple(children),
            guid=code.guid,
            codable=code.codable,
        ),
        notes,
    )


def read_qdc(path: Path) -> CodebookSpec:
    """A ``.qdc`` as a codebook that ``Project.create`` and ``codes.load_codebook`` can load.

    Raises :class:`CodebookError` naming the file when it cannot be read; nothing is loaded then.
    """

    def refuse(problem: int | OSError) -> CodebookError:
        if isinstance(problem, OSError):
            return CodebookError(
                text("{name}: cannot be read ({value})", name=path.name, value=problem.strerror or problem)
            )
        return CodebookError(
            text(
                "{name}: too large for a codebook ({value} MB)",
                name=path.name,
                value=problem // (1024 * 1024),
            )
        )

    try:
        codes, sets, _skipped, extension = load_qdc(path, refuse)
    except FileImportError as exc:
        raise CodebookError(str(exc)) from exc
    if not codes:
        raise CodebookError(text("{name}: the codebook has no codes", name=path.name))
    questions: set[str] = set()
    top: set[str] = set()
    specs = tuple(_spec(code, extension.codes, DEFAULT_COLOUR, questions, top)[0] for code in codes)
    known = {code.guid for root in codes for code in root.walk()}
    set_specs = tuple(
        CodeSetSpec(
            name=code_set.name or "(unnamed set)",
            description=code_set.description,
            members=tuple(dict.fromkeys(g for g in code_set.codes if g in known)),
            guid=code_set.guid,
        )
        for code_set in sets
    )
    return CodebookSpec(
        id=path.stem,
        name=path.stem,
        language=extension.language or "nl",
        description="",
        codes=specs,
        source=path.name,
        sets=set_specs,
    )
