"""A synthetic study of any size, built through the project's own commands (one bulk command for the
codings, so that 20,000 quotes take seconds rather than minutes)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from coding import Project
from coding.coder_rows import ensure_coder
from coding.commands.command import Command, Writer
from coding.document_commands import NewDocument
from coding.ids import CodeId, DocumentId

REGIONS = ("Midden-Gelderland", "Zwolle", "Zuidoost-Brabant")
ROLES = ("secretaris", "wethouder centrumgemeente", "wethouder", "werkgevers", "vakbond", "UWV", "onderwijs")
WORDS = [
    "vertrouwen",
    "samenwerking",
    "regio",
    "gemeente",
    "werkgevers",
    "afspraken",
    "urgentie",
    "doelen",
    "coördinatie",
    "overleg",
    "UWV",
    "onderwijs",
    "plaatsingen",
    "banen",
    "cijfers",
    "wethouder",
    "één",
    "loket",
    "inzet",
    "draagvlak",
    "cultuur",
    "verschillen",
    "structuur",
    "stabiliteit",
    "lange",
    "termijn",
    "middelen",
    "eerlijk",
    "gezegd",
    "eigenlijk",
    "gewoon",
    "hè",
    "nou",
]
FORMULA_LIKE = ("=SUM(A1:A9) zei ze", "-/- voor de aanpak", "+ want het loopt", "@allen: graag reageren")


class BulkCoding(Command):
    """Code many passages in one action (a benchmark helper; the window codes one at a time)."""

    text = "Code passages"

    def __init__(self, passages: list[tuple[DocumentId, CodeId, int, int, str, str]], coder: str) -> None:
        super().__init__()
        self.passages = passages
        self.coder = coder

    def plan(self, writer: Writer) -> int:
        coder_id = ensure_coder(writer, self.coder)
        segments = writer.insert_many(
            "segment",
            ({"document_id": d, "start": s, "end": e, "text": t} for d, _c, s, e, t, _m in self.passages),
        )
        writer.insert_many(
            "coding",
            (
                {"segment_id": seg["id"], "code_id": p[1], "coder_id": coder_id, "memo": p[5]}
                for seg, p in zip(segments, self.passages, strict=True)
            ),
        )
        writer.touch_all()
        return len(segments)


def build_synthetic(path: Path, quotes: int = 20_000, *, documents: int = 21, seed: int = 7) -> Project:
    """A project with ``documents`` interviews in three regions and ``quotes`` coded passages."""
    rng = random.Random(seed)
    project = Project.create(path, codebook="rwb", coder="bench")
    per_document = -(-quotes // documents)
    codes = [c.id for c in project.codes.tree()]
    passages: list[tuple[DocumentId, CodeId, int, int, str, str]] = []
    for number in range(1, documents + 1):
        sentences = []
        for index in range(per_document):
            words = rng.choices(WORDS, k=rng.randint(8, 40))
            sentence = " ".join(words).capitalize() + "."
            if index % 97 == 0:
                sentence = FORMULA_LIKE[index % len(FORMULA_LIKE)]
            sentences.append(sentence)
        text = "\n".join(f"R{number}: {s}" for s in sentences) + "\n"
        attributes: dict[str, Any] = {
            "respondent": f"R{number}",
            "region": REGIONS[(number - 1) * len(REGIONS) // documents],
            "role": ROLES[(number - 1) % len(ROLES)],
            "date": f"2017-06-{number:02d}",
        }
        info = project.documents.add(
            NewDocument(name=f"R{number}_interview", text=text, source_format="txt", attributes=attributes)
        )
        offset = 0
        for sentence in sentences:
            start = offset + len(f"R{number}: ")
            end = start + len(sentence)
            if len(passages) < quotes:
                memo = "let op" if rng.random() < 0.1 else ""
                passages.append((info.id, rng.choice(codes), start, end, sentence, memo))
            offset = end + 1
    project.execute(BulkCoding(passages, "bench"))
    for region in REGIONS:
        for code in project.codes.tree().roots():
            if code.scale:
                project.assess(region, code.id, rng.choice(code.scale), note=f"oordeel voor {region}")
    project.history.clear()
    return project
