"""The `codewerk` command line: happy paths end to end, and bad input with one clear line and exit 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coding.cli.main import main
from tests.coding.cli.conftest import Run
from tests.conftest import TRANSCRIPT


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "R5_uwv_zwolle.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "R9_onderwijs_arnhem.txt").write_text(
        "[00:00:03] I: En het vertrouwen?\n[00:00:09] R9: Het vertrouwen moet nog groeien.\n",
        encoding="utf-8",
    )
    (tmp_path / "meta.csv").write_text(
        "file;respondent;region;role\nR5_uwv_zwolle.txt;R5;Zwolle;UWV\nR9_onderwijs_arnhem.txt;R9;Midden-Gelderland;Onderwijs\n",
        encoding="utf-8",
    )
    return tmp_path


def test_from_new_project_to_listed_quote(workspace: Path, run: Run) -> None:
    assert run("new", "studie")[1].startswith("Created studie.codewerk with codebook rwb (54 codes)")
    code, out, _ = run(
        "import",
        "studie.codewerk",
        "R5_uwv_zwolle.txt",
        "R9_onderwijs_arnhem.txt",
        "--meta",
        "meta.csv",
    )
    assert code == 0 and "Imported 2 document(s)" in out
    code, out, _ = run("documents", "studie.codewerk", "--format", "json")
    documents = json.loads(out)
    assert documents[0] == {
        "name": "R5_uwv_zwolle",
        "format": "txt",
        "characters": len(TRANSCRIPT),
        "codings": 0,
        "encoding": "utf-8",
        "file": "R5_uwv_zwolle.txt",
        "attributes": {"region": "Zwolle", "respondent": "R5", "role": "UWV"},
    }
    code, out, _ = run("show", "studie.codewerk", "R5_uwv_zwolle.txt")
    assert out == TRANSCRIPT
    code, out, _ = run(
        "code",
        "studie.codewerk",
        "R5_uwv_zwolle",
        "4a",
        "--text",
        "vertrouw ik  de andere partijen",
        "--memo",
        "kern",
    )
    assert (
        code == 0
        and 'with Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet: "vertrouw'
        in out
    )
    start = TRANSCRIPT.index("De urgentie")
    assert (
        run(
            "code",
            "studie.codewerk",
            "R5_uwv_zwolle",
            "urgentiebesef",
            "--span",
            f"{start}:{start + 19}",
        )[0]
        == 0
    )
    code, out, _ = run(
        "quotes",
        "studie.codewerk",
        "--code",
        "Vertrouwen",
        "--where",
        "region=Zwolle",
        "--format",
        "json",
    )
    quotes = json.loads(out)
    assert len(quotes) == 1
    quote = quotes[0]
    assert {k: quote[k] for k in ("document", "code", "concept", "text", "memo", "coder")} == {
        "document": "R5_uwv_zwolle",
        "code": "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet",
        "concept": "Vertrouwen",
        "text": "vertrouw ik de andere partijen",
        "memo": "kern",
        "coder": "tester",
    }
    assert TRANSCRIPT[quote["start"] : quote["end"]] == quote["text"]
    assert quote["attributes"] == {"region": "Zwolle", "respondent": "R5", "role": "UWV"}
    code, out, _ = run("quotes", "studie.codewerk", "--format", "csv")
    assert out.splitlines()[0].startswith("Document,Code,Respondent,Region,Role,Start,End,Quote")
    assert len(out.splitlines()) == 3
    code, out, _ = run("quotes", "studie.codewerk")
    assert "2 quote(s)" in out


@pytest.mark.parametrize("score", ["-/-", "-", "+/-", "+", "+/+"])
def test_assess_takes_every_score_as_typed(workspace: Path, run: Run, score: str) -> None:
    run("new", "s.codewerk")
    run("import", "s.codewerk", "R5_uwv_zwolle.txt", "--meta", "meta.csv")
    code, out, err = run("assess", "s.codewerk", "Zwolle", "Vertrouwen", score, "--note", "komt afspraken na")
    assert (code, err) == (0, "")
    assert out.strip() == f"Vertrouwen for region Zwolle: {score} — komt afspraken na"
    code, out, err = run("assess", "s.codewerk", "--note", "ander", "zwolle", "4a", score)
    assert code == 0, err


def test_codes_json_is_the_tree(workspace: Path, run: Run) -> None:
    run("new", "s.codewerk")
    tree = json.loads(run("codes", "s.codewerk", "--format", "json")[1])
    assert tree[0]["name"] == "Vertrouwen" and tree[0]["path"] == "Vertrouwen"
    indicator = tree[0]["children"][0]["children"][0]
    assert indicator["question"] == "4a" and indicator["scale"] == ["-/-", "-", "+/-", "+", "+/+"]
    assert indicator["path"].startswith("Vertrouwen/Betrouwbaarheid/")
    assert {"name", "path", "question", "scale", "children"} <= set(indicator)
    assert "Positieve verwachtingen" in run("codes", "s.codewerk")[1]


def test_export_csv_never_overwrites_without_force(workspace: Path, run: Run) -> None:
    run("new", "s.codewerk")
    run("import", "s.codewerk", "R5_uwv_zwolle.txt", "--meta", "meta.csv")
    run("code", "s.codewerk", "R5_uwv_zwolle", "4a", "--text", "vertrouw ik de andere partijen")
    assert run("export", "s.codewerk", "uit.csv", "--delimiter", ";")[0] == 0
    raw = (workspace / "uit.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    lines = raw.decode("utf-8-sig").splitlines()
    assert (
        lines[0] == "Region;Concept;Code;Respondent;Role;Document;Quote;Memo;Start;End;Time"
    )  # the transcript has [00:..] times
    assert lines[1].startswith("Zwolle;Vertrouwen;Vertrouwen/Betrouwbaarheid/")
    code, _, err = run("export", "s.codewerk", "uit.csv")
    assert code == 1 and "uit.csv: already exists" in err
    assert (workspace / "uit.csv").read_bytes() == raw
    assert run("export", "s.codewerk", "uit.csv", "--force")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("code", "s.codewerk", "R5_uwv_zwolle", "Vertrouwn", "--text", "De urgentie"),
            "unknown code 'Vertrouwn' (did you mean 'Vertrouwen'?)",
        ),
        (
            ("code", "s.codewerk", "R5_uwv_zwolle", "4a", "--text", "urgentie"),
            "passage occurs 2 times in 'R5_uwv_zwolle'",
        ),
        (
            ("code", "s.codewerk", "R5_uwv_zwolle", "4a", "--text", "bestaat niet"),
            "passage not found in 'R5_uwv_zwolle'",
        ),
        (("code", "s.codewerk", "R6", "4a", "--text", "x"), "unknown document 'R6'"),
        (("code", "s.codewerk", "R5_uwv_zwolle", "4a", "--span", "5-9"), "--span expects START:END"),
        (("assess", "s.codewerk", "Zwolle", "Vertrouwen", "++"), "'++' is not on the scale of 'Vertrouwen'"),
        (("assess", "s.codewerk", "Zwole", "Vertrouwen", "+"), "no document has region = 'Zwole'"),
        (("show", "ontbreekt.codewerk", "R5"), "ontbreekt.codewerk: no such file"),
        (
            ("show", "R5_uwv_zwolle.txt", "R5"),
            "R5_uwv_zwolle.txt: not a Codewerk project (the file is not an SQLite database)",
        ),
        (("new", "x.codewerk", "--codebook", "slecht.yaml"), "slecht.yaml line 2: not valid YAML"),
        (("import", "s.codewerk", "R5_uwv_zwolle.txt", "--attr", "region"), "--attr expects KEY=VALUE"),
        (("export", "s.codewerk", "uit.pdf"), "cannot export to '.pdf'"),
    ],
)
def test_bad_input_is_one_clear_line(workspace: Path, run: Run, args: tuple[str, ...], message: str) -> None:
    (workspace / "slecht.yaml").write_text("codes: [\n  - : :", encoding="utf-8")
    run("new", "s.codewerk")
    run("import", "s.codewerk", "R5_uwv_zwolle.txt", "--meta", "meta.csv")
    code, out, err = run(*args)
    assert out == ""
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("codewerk: error: ")
    assert message in err
    assert not (workspace / "x.codewerk").exists()


def test_import_reports_bad_files_and_exits_1(workspace: Path, run: Run) -> None:
    run("new", "s.codewerk")
    (workspace / "leeg.txt").write_bytes(b"")
    code, out, err = run("import", "s.codewerk", "R5_uwv_zwolle.txt", "leeg.txt")
    assert code == 1
    assert "Imported 1 document(s)" in out and "Skipped" not in out  # why a file was skipped goes to stderr
    assert "Skipped 1 file(s):" in err and "  - leeg.txt: " in err


def test_the_console_script_is_installed(workspace: Path) -> None:
    script = Path(sys.executable).with_name("codewerk")
    if not script.exists():
        pytest.skip("codewerk console script not installed in this environment (run `make test`)")
    result = subprocess.run([str(script), "new", "via-script"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (workspace / "via-script.codewerk").exists()
    result = subprocess.run(
        [str(script), "quotes", "nope.codewerk"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1 and result.stderr.strip() == "codewerk: error: nope.codewerk: no such file"


def test_gui_passes_the_project_and_its_flags_to_the_window() -> None:
    calls: list[list[str]] = []

    def window(argv: list[str]) -> int:
        calls.append(argv)
        return 0

    assert main(["gui", "studie.codewerk", "--smoke"], gui=window) == 0
    assert main(["gui", "--demo", "--smoke"], gui=window) == 0
    assert main(["gui"], gui=window) == 0
    assert calls == [["studie.codewerk", "--smoke"], ["--demo", "--smoke"], []]
