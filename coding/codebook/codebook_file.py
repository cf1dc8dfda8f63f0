"""Codebook files: read and validate a YAML codebook completely before anything is loaded.

Format (``format: codewerk-codebook/1``)::

    id: rwb
    name: …
    language: nl
    scales: {five_point: ["-/-", "-", "+/-", "+", "+/+"]}
    codes:
      - name: Vertrouwen          # no "/" (paths use it); unique among siblings
        label: Trust              # English label
        kind: concept             # concept | dimension | indicator | code
        colour: "#4477aa"         # children inherit it
        scale: five_point         # a named scale, an inline list, or ``open``
        question: 4a              # interview-guide reference, unique in the file
        guide:                    # the guide question as the interviewer's guide words it
          question: Rekent u erop dat de anderen hun afspraken nakomen?
          prompts: [Kunt u een voorbeeld geven?]   # follow-up prompts (optional)
        description: …
        terms: [vertrouwen, …]    # search terms for suggestions
        codable: false            # a category: groups its children, is never applied (default true)
        children: [ … ]
    favourites: [Vertrouwen, Urgentiebesef]   # optional: codes on the number keys 1–9 of a new
                                              # project, by name or path (``Vertrouwen/Betrouwbaarheid``)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from coding.core.errors import CodebookError
from coding.core.i18n import text as say
from coding.core.text import fold

FORMAT = "codewerk-codebook/1"
OPEN_SCALE = "open"
CODE_KEYS = frozenset(
    {
        "name",
        "label",
        "kind",
        "group",
        "colour",
        "scale",
        "question",
        "guide",
        "description",
        "terms",
        "codable",
        "children",
    }
)
TOP_KEYS = frozenset({"format", "id", "name", "language", "description", "scales", "codes", "favourites"})
#: Favourites beyond the nine number keys have no key, so a codebook names at most nine.
MAX_FAVOURITES = 9
KINDS_BY_DEPTH = ("concept", "dimension", "indicator")
KINDS = frozenset({"concept", "dimension", "indicator", "code"})
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
DEFAULT_COLOUR = "#9e9e9e"
_LINE = "__line__"


@dataclass(frozen=True)
class CodeSpec:
    name: str
    label: str
    kind: str
    category: str
    colour: str
    scale: tuple[str, ...] | None
    question: str | None
    description: str
    terms: tuple[str, ...]
    children: tuple[CodeSpec, ...]
    #: The code's exchange GUID when the codebook file has one (REFI-QDA ``.qdc``); kept if still free.
    guid: str | None = None
    #: ``False``: a category that groups its children and is never applied itself.
    codable: bool = True
    #: The interview-guide question for this code (empty: none) and its follow-up prompts.
    guide_question: str = ""
    guide_prompts: tuple[str, ...] = ()

    def walk(self) -> list[CodeSpec]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass(frozen=True)
class CodeSetSpec:
    """A named group of codes (REFI-QDA ``Set``); ``members`` are the GUIDs of codes in the same file."""

    name: str
    description: str
    members: tuple[str, ...]
    guid: str | None = None


@dataclass(frozen=True)
class CodebookSpec:
    id: str
    name: str
    language: str
    description: str
    codes: tuple[CodeSpec, ...]
    source: str
    sets: tuple[CodeSetSpec, ...] = ()
    #: Paths (``Vertrouwen`` or ``Vertrouwen/Betrouwbaarheid``) of the codes a new project puts on the
    #: number keys 1–9, in key order.
    favourites: tuple[str, ...] = ()

    def walk(self) -> list[CodeSpec]:
        return [spec for code in self.codes for spec in code.walk()]


@functools.cache
def _line_loader() -> type:
    """Safe YAML loader that remembers the line of every mapping, for error messages.

    Built on first use: opening a project reads no codebook, so PyYAML stays out of start-up.
    """
    import yaml

    class LineLoader(yaml.SafeLoader):
        pass

    def construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        mapping = loader.construct_mapping(node, deep=True)
        mapping[_LINE] = node.start_mark.line + 1
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return LineLoader


class _Validator:
    def __init__(self, source: str) -> None:
        self.source = source
        self.scales: dict[str, tuple[str, ...]] = {}
        self.questions: dict[str, str] = {}

    def fail(self, line: int | None, message: str) -> CodebookError:
        where = say("{source} line {line}", source=self.source, line=line) if line else self.source
        return CodebookError(say("{where}: {message}", where=where, message=message))

    def text(self, data: dict[str, Any], key: str, context: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(
                    data.get(_LINE), say("{context}: '{key}' is missing", context=context, key=key)
                )
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(data.get(_LINE), say("{context}: '{key}' must be text", context=context, key=key))
        return str(value).strip()

    def document(self, data: Any) -> CodebookSpec:
        if not isinstance(data, dict):
            raise self.fail(None, say("not a codebook (expected a mapping with 'format' and 'codes')"))
        unknown = sorted(set(data) - TOP_KEYS - {_LINE})
        if unknown:
            raise self.fail(
                data.get(_LINE),
                say(
                    "unknown key '{unknown}' (allowed: {TOP_KEYS})",
                    unknown=unknown[0],
                    TOP_KEYS=", ".join(sorted(TOP_KEYS)),
                ),
            )
        if data.get("format") != FORMAT:
            raise self.fail(data.get(_LINE), say("'format' must be '{FORMAT}'", FORMAT=FORMAT))
        self.scales = self.read_scales(data.get("scales") or {})
        codes = data.get("codes")
        if not isinstance(codes, list) or not codes:
            raise self.fail(data.get(_LINE), say("'codes' must be a non-empty list"))
        specs = self.siblings(codes, depth=0, inherited_colour=None, parent="codebook")
        return CodebookSpec(
            id=self.text(data, "id", "codebook") or Path(self.source).stem,
            name=self.text(data, "name", "codebook"),
            language=self.text(data, "language", "codebook") or "nl",
            description=self.text(data, "description", "codebook"),
            codes=specs,
            source=self.source,
            favourites=self.favourites(data.get("favourites"), data.get(_LINE), specs),
        )

    def favourites(self, raw: Any, line: int | None, codes: tuple[CodeSpec, ...]) -> tuple[str, ...]:
        """The favourites' paths; each names one code of the file by its path or its unique name."""
        if raw is None:
            return ()
        if not isinstance(raw, list) or not all(
            isinstance(item, str | int) and not isinstance(item, bool) for item in raw
        ):
            raise self.fail(line, say("'favourites' must be a list of code names"))
        if len(raw) > MAX_FAVOURITES:
            raise self.fail(
                line, say("'favourites' names at most {count} codes (keys 1–9)", count=MAX_FAVOURITES)
            )
        by_path: dict[str, str] = {}
        by_name: dict[str, list[str]] = {}

        def visit(specs: tuple[CodeSpec, ...], prefix: str) -> None:
            for spec in specs:
                path = f"{prefix}{spec.name}"
                by_path[fold(path)] = path
                by_name.setdefault(fold(spec.name), []).append(path)
                visit(spec.children, f"{path}/")

        visit(codes, "")
        paths: list[str] = []
        for item in raw:
            wanted = fold(str(item).strip())
            found = by_path.get(wanted)
            if found is None:
                named = by_name.get(wanted, [])
                if not named:
                    raise self.fail(
                        line, say("favourite '{name}' is not a code of this codebook", name=str(item))
                    )
                if len(named) > 1:
                    raise self.fail(
                        line, say("favourite '{name}' names several codes: give its path", name=str(item))
                    )
                found = named[0]
            if found not in paths:
                paths.append(found)
        return tuple(paths)

    def read_scales(self, raw: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(raw, dict):
            raise self.fail(None, say("'scales' must map scale names to lists of values"))
        scales = {}
        for name, values in raw.items():
            if name == _LINE:
                continue
            scales[str(name)] = self.scale_values(values, raw.get(_LINE), f"scale '{name}'")
        return scales

    def scale_values(self, values: Any, line: int | None, context: str) -> tuple[str, ...]:
        if not isinstance(values, list) or not values:
            raise self.fail(
                line, say("{context}: a scale must be a non-empty list of values", context=context)
            )
        cleaned = tuple(str(value).strip() for value in values)
        if any(not value for value in cleaned):
            raise self.fail(line, say("{context}: a scale value is empty", context=context))
        if len(set(cleaned)) != len(cleaned):
            raise self.fail(line, say("{context}: a scale value is listed twice", context=context))
        return cleaned

    def siblings(
        self, items: Any, depth: int, inherited_colour: str | None, parent: str
    ) -> tuple[CodeSpec, ...]:
        if not isinstance(items, list):
            raise self.fail(None, say("{parent}: 'children' must be a list of codes", parent=parent))
        if depth >= MAX_DEPTH:
            raise self.fail(
                None,
                say(
                    "{parent}: codes are nested more than {MAX_DEPTH} levels deep",
                    parent=parent,
                    MAX_DEPTH=MAX_DEPTH,
                ),
            )
        seen: dict[str, str] = {}
        specs = []
        for item in items:
            spec = self.code(item, depth, inherited_colour, parent)
            key = fold(spec.name)
            if key in seen:
                raise self.fail(
                    item.get(_LINE),
                    say("code '{name}' appears twice under {parent}", name=spec.name, parent=parent),
                )
            seen[key] = spec.name
            specs.append(spec)
        return tuple(specs)

    def code(self, data: Any, depth: int, inherited_colour: str | None, parent: str) -> CodeSpec:
        if not isinstance(data, dict):
            raise self.fail(
                None, say("{parent}: every code must be a mapping with at least a 'name'", parent=parent)
            )
        line = data.get(_LINE)
        name = self.text(data, "name", f"a code under {parent}", required=True)
        context = f"code '{name}'"
        if not name:
            raise self.fail(line, say("a code under {parent} has an empty name", parent=parent))
        if "/" in name:
            raise self.fail(
                line, say("{context}: names cannot contain '/' (it separates code paths)", context=context)
            )
        unknown = sorted(set(data) - CODE_KEYS - {_LINE})
        if unknown:
            raise self.fail(
                line,
                say(
                    "{context}: unknown key '{unknown}' (allowed: {CODE_KEYS})",
                    context=context,
                    unknown=unknown[0],
                    CODE_KEYS=", ".join(sorted(CODE_KEYS)),
                ),
            )
        kind = self.text(data, "kind", context) or (KINDS_BY_DEPTH[depth] if depth < 3 else "code")
        if kind not in KINDS:
            raise self.fail(
                line,
                say(
                    "{context}: kind '{kind}' is not one of {KINDS}",
                    context=context,
                    kind=kind,
                    KINDS=", ".join(sorted(KINDS)),
                ),
            )
        colour = self.text(data, "colour", context) or inherited_colour or DEFAULT_COLOUR
        if not COLOUR.match(colour):
            raise self.fail(
                line,
                say(
                    "{context}: colour '{colour}' is not of the form #RRGGBB", context=context, colour=colour
                ),
            )
        question = self.text(data, "question", context) or None
        if question:
            key = fold(question)
            if key in self.questions:
                raise self.fail(
                    line,
                    say(
                        "{context}: question '{question}' is also used by '{questions}'",
                        context=context,
                        question=question,
                        questions=self.questions[key],
                    ),
                )
            self.questions[key] = name
        terms = data.get("terms") or []
        if not isinstance(terms, list) or not all(isinstance(t, str | int) for t in terms):
            raise self.fail(
                line, say("{context}: 'terms' must be a list of words or phrases", context=context)
            )
        codable = data.get("codable", True)
        if not isinstance(codable, bool):
            raise self.fail(line, say("{context}: 'codable' is true or false", context=context))
        guide_question, guide_prompts = self.guide(data.get("guide"), line, context)
        children = data.get("children") or []
        return CodeSpec(
            name=name,
            label=self.text(data, "label", context),
            kind=kind,
            category=self.text(data, "group", context),
            colour=colour.lower(),
            scale=self.scale(data.get("scale"), line, context),
            question=question,
            description=self.text(data, "description", context),
            terms=tuple(str(t).strip() for t in terms if str(t).strip()),
            children=self.siblings(children, depth + 1, colour.lower(), f"'{name}'"),
            codable=codable,
            guide_question=guide_question,
            guide_prompts=guide_prompts,
        )

    def guide(self, raw: Any, line: int | None, context: str) -> tuple[str, tuple[str, ...]]:
        if raw is None:
            return "", ()
        if isinstance(raw, str):
            return " ".join(raw.split()), ()
        if not isinstance(raw, dict):
            raise self.fail(
                line,
                say(
                    "{context}: 'guide' is a question text or a mapping with 'question' and 'prompts'",
                    context=context,
                ),
            )
        unknown = sorted(set(raw) - {"question", "prompts", _LINE})
        if unknown:
            raise self.fail(
                raw.get(_LINE, line),
                say(
                    "{context}: unknown key '{unknown}' in 'guide' (allowed: prompts, question)",
                    context=context,
                    unknown=unknown[0],
                ),
            )
        question = " ".join(self.text(raw, "question", f"{context} guide", required=True).split())
        if not question:
            raise self.fail(
                raw.get(_LINE, line), say("{context}: the guide question is empty", context=context)
            )
        prompts = raw.get("prompts") or []
        if not isinstance(prompts, list) or not all(
            isinstance(p, str | int | float) and not isinstance(p, bool) for p in prompts
        ):
            raise self.fail(
                raw.get(_LINE, line),
                say("{context}: guide 'prompts' must be a list of texts", context=context),
            )
        return question, tuple(" ".join(str(p).split()) for p in prompts if str(p).strip())

    def scale(self, raw: Any, line: int | None, context: str) -> tuple[str, ...] | None:
        if raw is None or raw == OPEN_SCALE:
            return None
        if isinstance(raw, str):
            if raw not in self.scales:
                known = ", ".join(sorted(self.scales)) or "none defined"
                raise self.fail(
                    line,
                    say(
                        "{context}: unknown scale '{raw}' (known: {known}, or 'open')",
                        context=context,
                        raw=raw,
                        known=known,
                    ),
                )
            return self.scales[raw]
        return self.scale_values(raw, line, context)


def parse_codebook(text: str, source: str) -> CodebookSpec:
    """Validate a YAML codebook text; raise :class:`CodebookError` naming ``source`` and the line."""
    import yaml

    try:
        data = yaml.load(text, Loader=_line_loader())  # a SafeLoader
    except RecursionError:  # the YAML parser itself recurses per level of nesting
        raise CodebookError(say("{source}: nested too deeply to be a codebook", source=source)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        where = f"{source} line {line}" if line else source
        raise CodebookError(say("{where}: not valid YAML ({problem})", where=where, problem=problem)) from exc
    return _Validator(source).document(data)


def _read_yaml(path: Path) -> CodebookSpec:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CodebookError(
            say("{name}: cannot be read ({value})", name=path.name, value=exc.strerror or exc)
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CodebookError(say("{name}: not UTF-8 text", name=path.name)) from exc
    return parse_codebook(text, path.name)


#: Deeper than any codebook a study uses (concept, dimension, indicator: 3) and shallow enough for every reader.
MAX_DEPTH = 32

#: Readers by file suffix; other modules (e.g. REFI-QDA ``.qdc``) register theirs here.
CODEBOOK_READERS: dict[str, Callable[[Path], CodebookSpec]] = {".yaml": _read_yaml, ".yml": _read_yaml}


def builtin_codebooks() -> list[str]:
    folder = resources.files("codebooks")
    return sorted(
        entry.name.removesuffix(".yaml") for entry in folder.iterdir() if entry.name.endswith(".yaml")
    )


def read_codebook(source: str | Path) -> CodebookSpec:
    """Read a built-in codebook by name (``rwb``) or a codebook file, fully validated."""
    if isinstance(source, str) and source in builtin_codebooks():
        resource = resources.files("codebooks").joinpath(f"{source}.yaml")
        return parse_codebook(resource.read_text(encoding="utf-8"), f"{source}.yaml")
    path = Path(source)
    if not path.exists():
        builtin = ", ".join(builtin_codebooks())
        raise CodebookError(
            say(
                "{name}: no such codebook file or built-in codebook (built in: {builtin})",
                name=path.name,
                builtin=builtin,
            )
        )
    reader = CODEBOOK_READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(CODEBOOK_READERS))
        raise CodebookError(
            say("{name}: unsupported codebook file type (supported: {known})", name=path.name, known=known)
        )
    try:
        return reader(path)
    except RecursionError:
        raise CodebookError(say("{name}: nested too deeply to be a codebook", name=path.name)) from None
