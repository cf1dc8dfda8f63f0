"""``codewerk compare``: the judgement grid (codes × group values), its frequencies, or the concepts'
scores as numbers (``-/-`` = 1 … ``+/+`` = 5, what the spider and bar charts show), on the terminal."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from coding.cli.opening import opened
from coding.cli.output import add_csv_guard, print_csv, print_json, print_table
from coding.core.i18n import text
from coding.judgements.comparison import FrequencyTable, JudgementGrid, ScoreSeries

SHOW = ("judgements", "quotes", "documents", "scores")
FORMATS = ("table", "json", "csv")


def _grid_json(grid: JudgementGrid) -> dict[str, Any]:
    return {
        "attribute": grid.attribute,
        "values": list(grid.values),
        "rows": [
            {
                "code": row.code.name,
                "path": row.code.path_text,
                "depth": row.depth,
                "scale": list(row.code.scale) if row.code.scale is not None else None,
                "quotes": row.quotes,
                "documents": row.documents,
                "cells": {
                    cell.value: {
                        "quotes": cell.quotes,
                        "documents": cell.documents,
                        "score": cell.score or None,
                        "justification": cell.justification or None,
                        "evidence": list(cell.evidence),
                    }
                    for cell in row.cells
                },
            }
            for row in grid.rows
        ],
    }


def _print_grid(grid: JudgementGrid, fmt: str, guard: str | None = None) -> None:
    if fmt == "json":
        print_json(_grid_json(grid))
        return
    if fmt == "csv":
        header = ["Code", "Depth"]
        for value in grid.values:
            header += [f"{value} quotes", f"{value} documents", value, f"{value} note"]
        rows = []
        for row in grid.rows:
            line: list[Any] = [row.code.path_text, row.depth]
            for cell in row.cells:
                line += [cell.quotes, cell.documents, cell.score, cell.justification]
            rows.append(line)
        print_csv(header, rows, guard=guard)
        return
    titles = ("Code", *grid.values)
    cells = [
        (
            "  " * row.depth + row.code.name,
            *((f"{c.score} ({c.quotes})" if c.score else f"({c.quotes})") for c in row.cells),
        )
        for row in grid.rows
    ]
    print_table(titles, cells, limits={0: 50, **{i: 24 for i in range(1, len(titles))}})
    notes = [(row, cell) for row in grid.rows for cell in row.cells if cell.judgement is not None]
    if notes:
        print(text("\nJudgements (score, quotes in brackets):"))
        for row, cell in notes:
            justification = f" — {cell.justification}" if cell.justification else ""
            print(
                text(
                    "  {path_text} × {value}: {score}{justification}",
                    path_text=row.code.path_text,
                    value=cell.value,
                    score=cell.score,
                    justification=justification,
                )
            )


def _print_frequencies(table: FrequencyTable, fmt: str, guard: str | None = None) -> None:
    if fmt == "json":
        print_json(
            {
                "attribute": table.attribute,
                "measure": table.measure,
                "values": list(table.values),
                "rows": [
                    {
                        "path": r.code.path_text,
                        "depth": r.code.depth,
                        "counts": list(r.counts),
                        "total": r.total,
                    }
                    for r in table.rows
                ],
                "totals": list(table.totals),
                "total": table.total,
            }
        )
        return
    header = ("Code", *table.values, "Total")
    if fmt == "csv":
        rows: list[tuple[Any, ...]] = [(r.code.path_text, *r.counts, r.total) for r in table.rows]
        print_csv(header, [*rows, (text("All (each once)"), *table.totals, table.total)], guard=guard)
        return
    rows = [("  " * r.code.depth + r.code.name, *r.counts, r.total) for r in table.rows]
    rows.append((text("All (each once)"), *table.totals, table.total))
    print_table(header, rows, limits={0: 50, **{i: 24 for i in range(1, len(header))}})


def _number(score: float | None) -> float | int | None:
    if score is None:
        return None
    return int(score) if score == int(score) else round(score, 2)


def _print_scores(series: ScoreSeries, fmt: str, guard: str | None = None) -> None:
    if fmt == "json":
        print_json(
            {
                "attribute": series.attribute,
                "values": list(series.values),
                "unjudged": list(series.unjudged),
                "labels": list(series.labels),
                "concepts": [
                    {
                        "name": concept.name,
                        "scores": {
                            value: _number(series.scores[g][c]) for g, value in enumerate(series.values)
                        },
                    }
                    for c, concept in enumerate(series.concepts)
                ],
            }
        )
        return
    rows = [
        (concept.name, *(_number(series.scores[g][c]) for g in range(len(series.values))))
        for c, concept in enumerate(series.concepts)
    ]
    if fmt == "csv":
        print_csv(("Concept", *series.values), rows, guard=guard)
        return
    if series.empty:
        print(text("No concept has a judgement yet (codewerk assess PROJECT GROUP CONCEPT SCORE)."))
        return
    print_table(
        ("Concept", *series.values),
        [(name, *("" if n is None else n for n in numbers)) for name, *numbers in rows],
        limits={0: 50},
    )
    print(" · ".join(f"{number} = {label}" for number, label in enumerate(series.labels, start=1)))
    if series.unjudged:
        print(text("Not judged yet: {unjudged}", unjudged=", ".join(series.unjudged)))


def cmd_compare(args: argparse.Namespace) -> int:
    with opened(args) as project:
        service = project.comparison
        options: dict[str, Any] = {
            "codes": args.code or None,
            "groups": args.group or None,
            "include_subcodes": not args.only,
            "coder": args.coder,
        }
        if args.show == "scores":
            _print_scores(
                service.scores(args.by, codes=options["codes"], groups=options["groups"]),
                args.format,
                args.csv_guard,
            )
        elif args.show == "judgements":
            grid = service.grid(args.by, **options)
            if args.depth is not None:
                grid = JudgementGrid(
                    grid.attribute, grid.values, tuple(r for r in grid.rows if r.depth <= args.depth)
                )
            _print_grid(grid, args.format, args.csv_guard)
        else:
            table = service.frequencies(args.by, measure=args.show, **options)
            if args.depth is not None:
                table = FrequencyTable(
                    table.attribute,
                    table.measure,
                    table.values,
                    tuple(r for r in table.rows if r.code.depth <= args.depth),
                    table.totals,
                    table.total,
                )
            _print_frequencies(table, args.format, args.csv_guard)
    return 0


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    compare = command(
        "compare",
        cmd_compare,
        "compare groups: codes × group values with judgements, or quote/document counts",
    )
    compare.add_argument(
        "--by", default="region", metavar="ATTRIBUTE", help="grouping attribute (default: region)"
    )
    compare.add_argument(
        "--show",
        choices=SHOW,
        default="judgements",
        help="judgements (score and quote count), quotes (coded passages), documents (each counted once) "
        "or scores (the judged concepts' scores as numbers, -/- = 1 … +/+ = 5)",
    )
    compare.add_argument(
        "--code", action="append", metavar="CODE", help="only this code and its subcodes; repeat"
    )
    compare.add_argument("--group", action="append", metavar="VALUE", help="only this group value; repeat")
    compare.add_argument("--depth", type=int, metavar="N", help="only rows down to this depth (0: concepts)")
    compare.add_argument(
        "--only", action="store_true", help="count a code's own passages, without its subcodes'"
    )
    compare.add_argument(
        "--coder",
        metavar="NAME",
        help="count only this coder's layer (`consensus` for the resolved layer; judgements are shared)",
    )
    compare.add_argument("--format", choices=FORMATS, default="table")
    add_csv_guard(compare)
