"""Matching a review file against the project: which marks are new, changed, unchanged or cleared,
and which rows cannot be applied (their quote is gone, its text changed since the export, an id was
tampered with, a mark is not one of the three). Nothing is written here; the service applies the
planned marks in one command."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from coding.core.errors import InvalidInputError
from coding.core.i18n import text
from coding.reviews.review_commands import JUDGEMENT, QUOTE, MarkWrite
from coding.reviews.review_file import ReviewFile
from coding.reviews.review_layout import fingerprint
from coding.reviews.review_marks import MARKS, read_mark


@dataclass(frozen=True)
class Target:
    """A quote or judgement of the project as a review file names it."""

    id: int
    check: str
    mark: tuple[str, str] | None  # the reviewer's current (status, comment)


@dataclass
class ReviewImportReport:
    file: str
    reviewer: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    cleared: int = 0
    missing: list[str] = field(default_factory=list)
    text_changed: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    marks: list[MarkWrite] = field(default_factory=list)

    @property
    def applied(self) -> int:
        return self.added + self.changed + self.cleared

    @property
    def ok(self) -> bool:
        return not (self.missing or self.text_changed or self.unknown)

    def lines(self) -> list[str]:
        out = [
            text(
                "{file}: review by {reviewer}: {added} mark(s) added, {changed} changed, {cleared} cleared, "
                "{unchanged} unchanged",
                file=self.file,
                reviewer=self.reviewer,
                added=self.added,
                changed=self.changed,
                cleared=self.cleared,
                unchanged=self.unchanged,
            )
        ]
        if self.missing:
            out.append(
                text(
                    "Not applied, no longer in the project (or the hidden id was changed): {count}",
                    count=len(self.missing),
                )
            )
            out += [f"  {line}" for line in self.missing]
        if self.text_changed:
            out.append(
                text("Not applied, the text changed since the export: {count}", count=len(self.text_changed))
            )
            out += [f"  {line}" for line in self.text_changed]
        if self.unknown:
            out.append(
                text(
                    "Not applied, unknown values (use {marks}): {count}",
                    marks=", ".join(MARKS),
                    count=len(self.unknown),
                )
            )
            out += [f"  {line}" for line in self.unknown]
        out += self.notes
        return out


def check_project(review: ReviewFile, project_guid: str, project_name: str) -> None:
    if review.project_guid != project_guid:
        other = f"'{review.project_name}'" if review.project_name else f"id {review.project_guid}"
        raise InvalidInputError(
            text(
                "{name}: this review file belongs to the project {other}, not to '{project_name}'",
                name=review.path.name,
                other=other,
                project_name=project_name,
            )
        )


def plan_import(
    review: ReviewFile,
    *,
    reviewer: str,
    quotes: Mapping[str, Target],
    judgements: Mapping[str, Target],
) -> ReviewImportReport:
    """Compare each row with the project; the report holds the marks to write (``report.marks``)."""
    report = ReviewImportReport(review.path.name, reviewer)
    planned: dict[tuple[str, int], MarkWrite] = {}
    seen = {QUOTE: 0, JUDGEMENT: 0}
    for line in review.lines:
        seen[line.kind] = seen.get(line.kind, 0) + 1
        targets = quotes if line.kind == QUOTE else judgements
        target = targets.get(line.guid)
        where = f"{line.place} {line.label}"
        if target is None:
            report.missing.append(f"{where}: no {line.kind} with id {line.guid}")
            continue
        if line.check != target.check:
            report.text_changed.append(where)
            continue
        try:
            status = read_mark(line.mark)
        except ValueError:
            report.unknown.append(f"{line.place}: '{line.mark}'")
            continue
        comment = line.comment.strip()
        if status is None and comment:
            status = "question"
            report.notes.append(
                text("{place}: a comment without a mark is taken as a question", place=line.place)
            )
        new = None if status is None else (status, comment)
        if new == target.mark:
            if new is not None:
                report.unchanged += 1
            continue
        if new is None:
            report.cleared += 1
        elif target.mark is None:
            report.added += 1
        else:
            report.changed += 1
        planned[(line.kind, target.id)] = MarkWrite(line.kind, target.id, status, comment)
    report.marks = list(planned.values())
    for kind, exported in ((QUOTE, review.exported_quotes), (JUDGEMENT, review.exported_judgements)):
        if exported is not None and seen.get(kind, 0) < exported:
            missing = exported - seen.get(kind, 0)
            report.notes.append(
                text(
                    "{count} quote row(s) of the export are not in the file (deleted there?); their marks are "
                    "left as they were",
                    count=missing,
                )
                if kind == QUOTE
                else text(
                    "{count} judgement row(s) of the export are not in the file (deleted there?); their marks "
                    "are left as they were",
                    count=missing,
                )
            )
    return report


def quote_check(text: str) -> str:
    return fingerprint(text)


def judgement_check(score: str, justification: str) -> str:
    return fingerprint(score, justification)
