"""Subcommands of analysis across codes: cooccurrence, matrix, query and queries."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from coding.analysis.code_matrix import MATRIX_MEASURES, CodeMatrix
from coding.analysis.cooccurrence import COOCCURRENCE_MEASURES, CooccurrenceTable
from coding.analysis.units import QUERY_UNITS, UNITS
from coding.cli.analysis import print_quotes
from coding.cli.arguments import key_values
from coding.cli.opening import opened
from coding.cli.output import add_csv_guard, print_csv, print_json, print_records, print_table
from coding.core.errors import InvalidInputError
from coding.core.i18n import marked, text
from coding.core.numbers import number
from coding.exporting.matrix_export import export_cooccurrence, export_matrix

FORMATS = ("table", "csv", "json")


def _number(value: float, measure: str) -> str:
    return number(value, ".2f") if measure == "c" else str(int(value))


def cooccurrence_json(table: CooccurrenceTable) -> list[dict[str, Any]]:
    return [
        {
            "code_a": row.code_a.path_text,
            "code_b": row.code_b.path_text,
            "group": row.group,
            "count": row.count,
            "c": round(row.c, 4),
            "n_a": row.n_a,
            "n_b": row.n_b,
            "unit": table.unit,
        }
        for row in table.rows()
    ]


def _print_cooccurrence(table: CooccurrenceTable, measure: str, fmt: str, guard: str | None) -> None:
    if fmt == "json":
        print_json(cooccurrence_json(table))
        return
    if fmt == "csv":
        fields = ("code_a", "code_b", "group", "count", "c", "n_a", "n_b", "unit")
        print_csv(fields, [[row[key] for key in fields] for row in cooccurrence_json(table)], guard=guard)
        return
    codes = table.codes
    header = ("#", "Code", "n", *(str(i + 1) for i in range(len(codes))))
    for index, group in enumerate(table.groups):
        if group is not None:
            print(("\n" if index else "") + f"{table.by} = {group}")
        rows: list[tuple[str, ...]] = []
        for i, a in enumerate(codes):
            cells = [
                ("–" if measure == "c" else str(table.n(a.id, group)))
                if a.id == b.id
                else _number(table.value(a.id, b.id, measure, group), measure)
                for b in codes
            ]
            rows.append((str(i + 1), a.path_text, str(table.n(a.id, group)), *cells))
        print_table(header, rows, limits={1: 40})
    what = (
        text("the c-coefficient n12/(n1+n2−n12)")
        if measure == "c"
        else text("units in which both codes apply")
    )
    print(
        "\n"
        + text(
            "Unit: {unit}; cells: {what}; n: units in which the code applies.",
            unit=text(table.unit),
            what=what,
        )
    )


def cmd_cooccurrence(args: argparse.Namespace) -> int:
    with opened(args) as project:
        table = project.analysis.cooccurrence(
            unit=args.unit, by=args.by, codes=args.codes, coder=args.coder, include_subcodes=not args.only
        )
    if args.out:
        written = export_cooccurrence(
            table, Path(args.out), measure=args.measure, overwrite=args.force, csv_guard=args.csv_guard
        )
        print(text("Exported {path}", path=written))
        return 0
    _print_cooccurrence(table, args.measure, args.format, args.csv_guard)
    return 0


def matrix_rows(matrix: CodeMatrix, measure: str) -> tuple[list[str], list[list[Any]]]:
    header = ["code", *matrix.columns]
    rows: list[list[Any]] = [
        [code.path_text, *(matrix.value(code.id, column, measure) for column in matrix.columns)]
        for code in matrix.codes
    ]
    return header, rows


def _print_matrix(matrix: CodeMatrix, measure: str, fmt: str, guard: str | None) -> None:
    header, rows = matrix_rows(matrix, measure)
    if fmt == "json":
        print_json(
            {
                "rows": "codes",
                "columns": matrix.columns_by,
                "measure": measure,
                "values": list(matrix.columns),
                "cells": [
                    {
                        "code": code.path_text,
                        "column": column,
                        "value": matrix.value(code.id, column, measure),
                    }
                    for code in matrix.codes
                    for column in matrix.columns
                ],
            }
        )
        return
    if fmt == "csv":
        print_csv(header, rows, guard=guard)
        return
    shown = [["  " * code.depth + code.name, *row[1:]] for code, row in zip(matrix.codes, rows, strict=True)]
    print_table(
        ["Code", *matrix.columns], shown, limits={0: 50, **{i + 1: 14 for i in range(len(matrix.columns))}}
    )
    what = text("1 if the code occurs, else 0") if measure == "presence" else text("coded passages")
    print(
        "\n"
        + text(
            "Rows: codes (with their subcodes); columns: {by}; cells: {what}.",
            by=matrix.columns_by,
            what=what,
        )
    )


def cmd_matrix(args: argparse.Namespace) -> int:
    with opened(args) as project:
        matrix = project.analysis.matrix(
            columns=args.columns, codes=args.codes, coder=args.coder, include_subcodes=not args.only
        )
    if args.out:
        written = export_matrix(
            matrix, Path(args.out), measure=args.measure, overwrite=args.force, csv_guard=args.csv_guard
        )
        print(text("Exported {path}", path=written))
        return 0
    _print_matrix(matrix, args.measure, args.format, args.csv_guard)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    if (args.expression is None) == (args.saved is None):
        raise InvalidInputError(text("give a QUERY or --saved NAME (one of them)"))
    where = key_values(args.where, "--where")
    speaker = args.speaker
    with opened(args) as project:
        if args.saved is not None:
            earlier = project.analysis.saved_query(args.saved)
            where, speaker = dict(earlier.filters), earlier.speaker
            result = project.analysis.run_saved(args.saved, coder=args.coder)
        else:
            result = project.analysis.query(
                args.expression,
                unit=args.unit,
                where=where,
                speaker=speaker,
                coder=args.coder,
                include_subcodes=not args.only,
            )
        if args.save:
            saved = project.analysis.save_query(
                args.save,
                result.query,
                unit=result.unit,
                where=key_values(args.where, "--where"),
                speaker=args.speaker,
            )
            print(
                text("Saved query {name}: {description}", name=saved.name, description=saved.description),
                file=sys.stderr,
            )
    print_quotes(result.quotes, args.format, args.csv_guard)
    if args.format == "table":
        documents = len({u.document_id for u in result.units})
        print(
            text(
                "The query holds in {count} {unit}(s) of {documents} document(s).",
                count=len(result.units),
                unit=result.unit,
                documents=documents,
            )
        )
    return 0


def cmd_queries(args: argparse.Namespace) -> int:
    with opened(args) as project:
        if args.delete:
            project.analysis.delete_query(args.delete)
            print(text("Deleted query {delete}", delete=args.delete))
            return 0
        queries = project.analysis.saved_queries()
    print_records(
        queries,
        args.format,
        header=("Name", "Query", "Unit", "Where", "Speaker"),
        row=lambda q: (
            q.name,
            q.query,
            q.unit,
            "; ".join(f"{k}={v}" for k, v in q.filters.items()),
            q.speaker or "",
        ),
        as_json=lambda q: {
            "name": q.name,
            "query": q.query,
            "unit": q.unit,
            "where": dict(q.filters),
            "speaker": q.speaker,
        },
        limits={1: 80},
    )
    return 0


def _out_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="write it to FILE.xlsx (heat-map fills, unit and measure above) or FILE.csv",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _codes_options(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument(
        "--codes",
        nargs="+",
        action="extend",
        metavar="CODE",
        help=text("the codes to compare (default: {default})", default=text(default)),
    )
    parser.add_argument("--only", action="store_true", help="each code by itself, without its subcodes")
    parser.add_argument("--coder", metavar="NAME", help="only this coder's codings")


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    co = command(
        "cooccurrence",
        cmd_cooccurrence,
        "codes × codes: in how many units two codes apply together (count or c-coefficient)",
    )
    co.add_argument(
        "--unit",
        choices=UNITS,
        default="overlap",
        help="overlap: the passages overlap; sentence/turn: the same indexed sentence / speaker turn; "
        "document: the same document (default: overlap)",
    )
    co.add_argument("--by", metavar="ATTR", help="one table per value of this attribute (e.g. region)")
    _codes_options(co, marked("the concepts"))
    co.add_argument("--measure", choices=COOCCURRENCE_MEASURES, default="count")
    co.add_argument("--format", choices=FORMATS, default="table")
    _out_options(co)
    add_csv_guard(co)

    matrix = command("matrix", cmd_matrix, "codes × documents or attribute values: counts or presence (0/1)")
    matrix.add_argument("--rows", choices=("codes",), default="codes", help="the rows: codes")
    matrix.add_argument(
        "--columns", default="document", metavar="document|ATTR", help="documents (default) or an attribute"
    )
    _codes_options(matrix, marked("every code"))
    matrix.add_argument("--measure", choices=MATRIX_MEASURES, default="count")
    matrix.add_argument("--format", choices=FORMATS, default="table")
    _out_options(matrix)
    add_csv_guard(matrix)

    query = command(
        "query",
        cmd_query,
        "quotes where codes apply together: AND, OR, NOT, NEAR n, FOLLOWS [n], parentheses",
    )
    query.add_argument(
        "expression",
        nargs="?",
        metavar="QUERY",
        help='e.g. "Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef"; quote names with '
        "spaces only when they contain an operator",
    )
    query.add_argument(
        "--unit", choices=QUERY_UNITS, default="turn", help="where the codes must meet (default: turn)"
    )
    query.add_argument("--where", nargs="+", action="extend", metavar="K=V", help="attribute filters")
    query.add_argument("--speaker", metavar="S", help="only in this speaker's turns (e.g. R5)")
    query.add_argument("--only", action="store_true", help="each code by itself, without its subcodes")
    query.add_argument("--coder", metavar="NAME", help="only this coder's codings")
    query.add_argument("--save", metavar="NAME", help="save the query under this name (replacing one of it)")
    query.add_argument("--saved", metavar="NAME", help="run the query saved under this name")
    query.add_argument("--format", choices=FORMATS, default="table")
    add_csv_guard(query)

    queries = command("queries", cmd_queries, "list the saved code queries (or delete one)")
    queries.add_argument("--delete", metavar="NAME", help="delete the query saved under this name")
    queries.add_argument("--format", choices=("table", "json"), default="table")


__all__: Sequence[str] = ("cooccurrence_json", "matrix_rows", "register")
