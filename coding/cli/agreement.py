"""``codewerk agreement``: intercoder agreement of two coders, per code and overall."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from coding.agreement.report import AgreementReport, AgreementRow
from coding.agreement.units import UNIT_LEVELS
from coding.cli.opening import opened
from coding.cli.output import add_csv_guard, clip, print_csv, print_json, print_table
from coding.core.i18n import text
from coding.core.numbers import percent

HEADER = ("Code", "Units", "Agreement", "Cohen κ", "κ 95% CI", "B–P κ", "α", "α 95% CI")


def _cells(row: AgreementRow) -> list[str]:
    agreement = text("n/a") if row.agreement.value is None else percent(row.agreement.value, 1)
    return [
        row.code,
        str(row.units),
        agreement,
        row.kappa.text(),
        row.kappa_ci.text(),
        row.bp_kappa.text(),
        row.alpha.text(),
        row.alpha_ci.text(),
    ]


def _csv_cells(row: AgreementRow) -> list[Any]:
    def number(value: float | None) -> str:
        return "" if value is None else f"{value:.6f}"

    return [
        row.code,
        row.units,
        number(row.agreement.value),
        number(row.kappa.value),
        number(row.kappa_ci.low),
        number(row.kappa_ci.high),
        number(row.bp_kappa.value),
        number(row.alpha.value),
        number(row.alpha_ci.low),
        number(row.alpha_ci.high),
    ]


def _notes(report: AgreementReport) -> list[str]:
    reasons: dict[str, list[str]] = {}
    for row in report.rows:
        for name, figure in (("κ", row.kappa), ("B–P κ", row.bp_kappa), ("α", row.alpha)):
            if figure.value is None:
                reasons.setdefault(figure.reason, []).append(
                    text("{name} of {code}", name=name, code=row.code)
                )
    return [
        text("n/a: {reason} ({where})", reason=text(reason), where=", ".join(where))
        for reason, where in reasons.items()
    ]


def cmd_agreement(args: argparse.Namespace) -> int:
    with opened(args) as project:
        report = project.agreement.report(
            args.coders[0],
            args.coders[1],
            codes=args.codes or (),
            documents=args.documents or (),
            unit=args.unit,
            overlap=args.overlap,
            disagreements=args.disagreements,
        )
    if args.format == "json":
        if args.disagreements:
            print_json(
                {
                    "rows": [row.as_json() for row in report.rows],
                    "disagreements": [_disagreement_json(d) for d in report.disagreements],
                    "method": report.method,
                }
            )
        else:
            print_json([row.as_json() for row in report.rows])
        return 0
    if args.format == "csv":
        header = (
            "code", "units", "agreement", "kappa", "kappa_ci_low", "kappa_ci_high", "bp_kappa",
            "alpha", "alpha_ci_low", "alpha_ci_high",
        )  # fmt: skip
        print_csv(header, [_csv_cells(r) for r in report.rows], guard=args.csv_guard)
        return 0
    print_table(HEADER, [_cells(r) for r in report.rows], limits={0: 50})
    for note in _notes(report):
        print(note)
    print()
    print(report.method)
    if args.disagreements:
        print()
        print(text("{count} disagreement(s):", count=len(report.disagreements)))
        print_table(
            ("Document", "Start", "End", report.coder_a, report.coder_b, "Text"),
            [
                (d.document, d.start, d.end, "; ".join(d.codes_a) or "—", "; ".join(d.codes_b) or "—", d.text)
                for d in report.disagreements
            ],
            limits={3: 40, 4: 40, 5: 60},
        )
    sys.stdout.flush()
    return 0


def _disagreement_json(d: Any) -> dict[str, Any]:
    return {
        "document": d.document,
        "start": d.start,
        "end": d.end,
        "codes_a": list(d.codes_a),
        "codes_b": list(d.codes_b),
        "text": clip(d.text, 10_000),
    }


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number between 0 and 1") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not a fraction above 0 and at most 1")
    return value


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    agreement = command(
        "agreement",
        cmd_agreement,
        "intercoder agreement of two coders: percent agreement, Cohen's and Brennan–Prediger κ, "
        "Krippendorff's α, per code and overall",
    )
    agreement.add_argument("--coders", nargs=2, required=True, metavar=("A", "B"), help="the two coders")
    agreement.add_argument(
        "--codes", nargs="+", action="extend", metavar="CODE", help="only these codes (default: all used)"
    )
    agreement.add_argument(
        "--documents",
        nargs="+",
        action="extend",
        metavar="DOC",
        help="only these documents (default: those both coders coded)",
    )
    agreement.add_argument(
        "--unit",
        choices=UNIT_LEVELS,
        default="segment",
        help="what is compared: a document, a coded segment (default), a sentence, a speaker turn, a character",
    )
    agreement.add_argument(
        "--overlap",
        type=_fraction,
        default=0.5,
        metavar="FRACTION",
        help="segments match when they overlap by this share of the shorter one; a sentence or turn "
        "is coded when passages cover this share of it (default 0.5)",
    )
    agreement.add_argument(
        "--disagreements", action="store_true", help="also list every disagreement (unit, codes, text)"
    )
    agreement.add_argument("--format", choices=("table", "csv", "json"), default="table")
    add_csv_guard(agreement)
