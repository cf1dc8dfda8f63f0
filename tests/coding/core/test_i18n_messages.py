"""The domain's words in Dutch (issue 17 item 4): every message id used in coding/ has its Dutch, with
the same fields (a message keeps the file name and the reason), and a refusal is raised in the
language chosen."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from coding import Project
from coding.core import i18n
from coding.core.errors import FileImportError, NotFoundError
from coding.importing.parsers import parse_file

ROOT = Path(__file__).resolve().parents[3]
CODING = ROOT / "coding"

#: The error classes whose message a user reads (``coding.core.errors`` and the two defined elsewhere).
ERRORS = {
    "CodewerkError", "NotFoundError", "AmbiguousError", "InvalidInputError", "ProjectFileError",
    "CodebookError", "FileImportError", "ProjectBusyError", "ProjectReadOnlyError", "DiskFullError",
    "UndoConflictError", "PasswordNeededError", "ServerUnreachableError", "NotAllowedError",
    "ExportCancelled", "QuerySyntaxError",
}  # fmt: skip

#: The models layer's problems: English reasons that coding/ says through ``i18n.reason_of``.
PROBLEMS = {"ProjectFileProblem", "ServerProblem"}
#: A field the Dutch names another way: the English writes "not a Word document" with its article,
#: the Dutch "geen Word-document" (the caller passes both).
SAID_OTHERWISE = {"a_label": "label"}


def _catalogue_calls(tree: ast.AST) -> set[str]:
    """The names under which this module calls the catalogue (``text``, ``say``, ``i18n.text`` …)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "coding.core.i18n":
            names |= {a.asname or a.name for a in node.names if a.name in ("text", "marked")}
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "coding.core"
            and any(a.name == "i18n" for a in node.names)
        ):
            names |= {"i18n.text", "i18n.marked"}
    return names


def message_ids() -> dict[str, str]:
    """Every English literal passed to the catalogue anywhere in coding/, and every reason of a problem
    the models layer raises (said through ``i18n.reason_of``), with where it is."""
    found: dict[str, str] = {}
    for path in sorted([*CODING.rglob("*.py"), *(ROOT / "models").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _catalogue_calls(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            called = ast.unparse(node.func)
            for said in _helps(path, node, called):  # the command line's help, said by its formatter
                found.setdefault(said, f"{path.relative_to(ROOT)}:{node.lineno}")
            if called == "print_table" and isinstance(node.args[0], (ast.Tuple, ast.List)):
                for title in node.args[0].elts:  # a table's header, said by print_table
                    if isinstance(title, ast.Constant) and isinstance(title.value, str):
                        found.setdefault(title.value, f"{path.relative_to(ROOT)}:{node.lineno}")
            if called in names or called.rsplit(".", 1)[-1] in PROBLEMS:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.setdefault(first.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _helps(path: Path, node: ast.Call, called: str) -> list[str]:
    """The help texts a parser of coding/cli is given (``help=``, ``description=``, ``epilog=``, and a
    subcommand's help in ``command(name, handler, "…")``): its formatter says them (coding.cli.parser)."""
    if path.parent.name != "cli":
        return []
    given = [k.value for k in node.keywords if k.arg in ("help", "description", "epilog")]
    if called == "command" and len(node.args) >= 3:
        given.append(node.args[2])
    return [v.value for v in given if isinstance(v, ast.Constant) and isinstance(v.value, str)]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_the_messages_of_every_layer_of_the_domain() -> None:
    ids = message_ids()
    assert len(ids) > 450
    assert "{name}: the project is read-only; nothing was changed" in ids
    assert "no text layer (scanned PDF?); run OCR first" in ids  # kept in a constant, marked
    assert "Quotes per concept – {name}" in ids  # an export label
    assert "the folder {folder} does not exist" in ids  # the models layer's
    assert "files or folders to import" in ids  # a command line help
    assert "import transcripts (files or folders)" in ids  # a subcommand's help


def test_every_message_id_has_its_dutch() -> None:
    dutch = i18n._CATALOGUES["nl"]
    missing = sorted(
        f"{where}: {english!r}" for english, where in message_ids().items() if english not in dutch
    )
    assert not missing, "no Dutch in coding/core/nl_*.py or i18n.py for:\n" + "\n".join(missing)


def test_the_dutch_keeps_every_field_of_the_english() -> None:
    wrong = []
    for english, dutch in i18n._CATALOGUES["nl"].items():
        want = {SAID_OTHERWISE.get(field, field) for field in _fields(english)}
        got = _fields(dutch)
        if want != got:
            wrong.append(f"{english!r}: {sorted(want)} ≠ {sorted(got)} in {dutch!r}")
    assert not wrong, "\n".join(wrong)


def test_every_error_of_the_domain_is_raised_through_the_catalogue() -> None:
    """A new ``raise InvalidInputError("…")`` with English written in place fails here: it must be
    ``say("…")`` (and have its Dutch)."""
    bare = []
    for path in sorted(CODING.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in ERRORS:
                continue
            index = 1 if name == "FileImportError" else 0
            if len(node.args) > index and isinstance(node.args[index], (ast.Constant, ast.JoinedStr)):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bare, "English written into an error (wrap it in the catalogue's text()):\n" + "\n".join(bare)


def test_every_line_the_command_line_prints_goes_through_the_catalogue() -> None:
    """``print("Coded …")`` or ``print(f"{n} quote(s)")`` in coding/cli fails here: words of ours go
    through ``text()`` (a line of only data and punctuation may be printed as it is)."""
    bare = []
    for path in sorted((CODING / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and ast.unparse(node.func) == "print" and node.args):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                words = first.value
            elif isinstance(first, ast.JoinedStr):
                words = "".join(v.value for v in first.values if isinstance(v, ast.Constant))
            else:
                continue
            if any(len(word) > 2 and word.isalpha() for word in words.split()) and "ALTER ROLE" not in words:
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(first)}")
    assert not bare, "English printed in place (wrap it in the catalogue's text()):\n" + "\n".join(bare)


@pytest.fixture
def dutch() -> None:
    i18n.set_language("nl")


def test_an_unknown_code_is_refused_in_dutch(interviews: Project, dutch: None) -> None:
    with pytest.raises(NotFoundError) as refused:
        interviews.code("R5", "Vertrouwn", 0, 20)
    assert str(refused.value).startswith("onbekende code 'Vertrouwn' (bedoelde u 'Vertrouwen'?)")


def test_a_bad_file_is_named_with_its_reason_in_dutch(
    interviews: Project, tmp_path: Path, dutch: None
) -> None:
    picture = tmp_path / "R7.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    report = interviews.import_files([picture])
    assert [(p.file, p.reason) for p in report.skipped] == [
        ("R7.txt", "geen tekstbestand (het lijkt op een PNG-afbeelding)")
    ]
    empty = tmp_path / "leeg.docx"
    empty.write_bytes(b"")
    with pytest.raises(FileImportError) as refused:
        parse_file(empty)
    assert str(refused.value) == "leeg.docx: het bestand is leeg"


def test_english_stays_english(interviews: Project) -> None:
    with pytest.raises(NotFoundError, match=r"^unknown code 'Vertrouwn' \(did you mean 'Vertrouwen'\?\)"):
        interviews.code("R5", "Vertrouwn", 0, 20)
