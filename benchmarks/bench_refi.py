"""REFI-QDA exchange at thesis scale and beyond: 200 documents × 50,000 characters, 20,000 codings.

    .venv/bin/python benchmarks/bench_refi.py [--documents 200] [--chars 50000] [--codings 20000]

Builds the project directly in one transaction (fast), then measures the export to .qdpx, the
import into a fresh project, a second import of the same file into that project (the merge finds
everything present) and the undo of the import. Results: benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from coding import Project
from coding.refi.exchange import import_exchange, import_into_file
from models import Code, Coder, Coding, Document, DocumentAttribute, Review, Segment

WORDS = [
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "is",
    "dat",
    "op",
    "te",
    "zijn",
    "met",
    "voor",
    "niet",
    "aan",
    "er",
    "maar",
    "ook",
    "als",
    "bij",
    "wij",
    "gemeente",
    "werkgevers",
    "samenwerking",
    "vertrouwen",
    "coördinatie",
    "urgentie",
    "regio",
    "arbeidsmarkt",
    "afspraken",
    "naïef",
    "café",
    "één",
    "👍",
    "ĳs",
]


def make_text(rng: random.Random, length: int, index: int) -> str:
    lines = [f"Interview R{index} – transcript\n"]
    size = len(lines[0])
    speaker = 0
    while size < length:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40)))
        line = f"[00:{speaker % 60:02d}:{(speaker * 7) % 60:02d}] {'I' if speaker % 2 else f'R{index}'}: {words}.\n"
        lines.append(line)
        size += len(line)
        speaker += 1
    return "".join(lines)[:length]


def build(path: Path, documents: int, chars: int, codings: int) -> None:
    rng = random.Random(7)
    with Project.create(path, codebook="rwb", coder="student") as project, project.store.write() as session:
        codes = list(session.execute(select(Code.id)).scalars())
        coder_rows = session.execute(
            insert(Coder).returning(Coder.id), [{"name": "student"}, {"name": "begeleider"}]
        ).scalars()
        student, supervisor = list(coder_rows)
        texts = [make_text(rng, chars, i + 1) for i in range(documents)]
        doc_ids = list(
            session.execute(
                insert(Document).returning(Document.id, sort_by_parameter_order=True),
                [
                    {"name": f"R{i + 1}", "text": t, "length": len(t), "source_format": "txt", "position": i}
                    for i, t in enumerate(texts)
                ],
            ).scalars()
        )
        regions = ("Midden-Gelderland", "Zwolle", "Zuidoost-Brabant")
        session.execute(
            insert(DocumentAttribute),
            [
                {"document_id": d, "key": key, "value": value}
                for i, d in enumerate(doc_ids)
                for key, value in (("respondent", f"R{i + 1}"), ("region", regions[i % 3]), ("role", "UWV"))
            ],
        )
        per_doc = codings // documents
        segment_rows = []
        for d, text in zip(doc_ids, texts, strict=True):
            step = len(text) // per_doc
            for k in range(per_doc):
                start = k * step + rng.randint(0, step // 4)
                end = min(len(text), start + rng.randint(20, step // 2))
                segment_rows.append({"document_id": d, "start": start, "end": end, "text": text[start:end]})
        segment_ids = list(
            session.execute(
                insert(Segment).returning(Segment.id, sort_by_parameter_order=True), segment_rows
            ).scalars()
        )
        coding_ids = list(
            session.execute(
                insert(Coding).returning(Coding.id, sort_by_parameter_order=True),
                [
                    {
                        "segment_id": s,
                        "code_id": rng.choice(codes),
                        "coder_id": student,
                        "memo": "memo bij dit citaat" if n % 10 == 0 else "",
                    }
                    for n, s in enumerate(segment_ids)
                ],
            ).scalars()
        )
        session.execute(
            insert(Review),
            [
                {"coding_id": c, "coder_id": supervisor, "status": "agreed", "comment": "ok"}
                for c in coding_ids[::20]
            ],
        )


def timed(label: str, action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    print(f"{label:<40} {seconds:7.2f} s")
    return result, seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--chars", type=int, default=50_000)
    parser.add_argument("--codings", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="codewerk-bench-") as folder:
        tmp = Path(folder)
        source = tmp / "source.codewerk"
        timed("build the project (bulk SQL)", lambda: build(source, args.documents, args.chars, args.codings))
        with Project.open(source) as project:
            timed("export .qdpx", lambda: project.export(tmp / "big.qdpx"))
        size = (tmp / "big.qdpx").stat().st_size / 1024 / 1024
        print(f"{'  .qdpx size':<40} {size:7.1f} MB")
        report, _ = timed(
            "import into a new project", lambda: import_into_file(tmp / "copy.codewerk", tmp / "big.qdpx")
        )
        print(f"{'  imported':<40} {report.lines()[0]}")
        with Project.open(tmp / "copy.codewerk") as copy:
            again, _ = timed(
                "import again (merge: all present)", lambda: import_exchange(copy, tmp / "big.qdpx")
            )
            print(f"{'  second import added':<40} {sum(again.added.values())}")
        with Project.create(tmp / "undo.codewerk", codebook=None) as fresh:
            import_exchange(fresh, tmp / "big.qdpx")
            timed("undo the import", fresh.undo)
            print(f"{'  documents after undo':<40} {len(fresh.documents.list())}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory (whole run)':<40} {peak:7.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
