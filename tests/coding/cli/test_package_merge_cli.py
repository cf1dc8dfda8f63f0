"""`codewerk package` and `codewerk merge` end to end: package, code as the second coder, merge, compare."""

from __future__ import annotations

import json

from tests.coding.cli.conftest import Run


def test_package_code_merge_and_agree(annas_studie: str, run: Run) -> None:
    words = ("--text", "vertrouw ik de andere partijen volledig")
    run("code", "studie.codewerk", "R5", "4a", *words, "--coder", "Anna")
    code, out, err = run("package", "studie.codewerk", "bram.codewerk", "--coder", "Bram")
    assert code == 0, err
    assert out.startswith("Packaged 1 document(s) and 54 codes for Bram: bram.codewerk")
    # Bram codes in his package without naming himself: the package presets his name.
    assert run("code", "bram.codewerk", "R5", "4a", *words)[0] == 0
    code, out, err = run("merge", "studie.codewerk", "bram.codewerk")
    assert code == 0, err
    assert out.startswith("Merged from bram.codewerk: 1 coder, 1 coding\n")
    _, out, _ = run("merge", "studie.codewerk", "bram.codewerk")
    assert out.startswith("Merged from bram.codewerk: nothing")
    _, out, _ = run("agreement", "studie.codewerk", "--coders", "Anna", "Bram", "--format", "json")
    rows = json.loads(out)
    assert rows[-1]["code"] == "*" and rows[-1]["agreement"] == 1.0
    code, out, err = run("package", "studie.codewerk", "bram.codewerk", "--coder", "Bram")
    assert code == 1 and "bram.codewerk: already exists" in err
    code, out, err = run("merge", "studie.codewerk", "R5.txt")
    assert code == 1 and err.startswith("codewerk: error: R5.txt: not a Codewerk project")
