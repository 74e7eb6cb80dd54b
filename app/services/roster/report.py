"""The row report: every row's fate and the issues to show, and the words that tell them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import translate
from app.security import Actor, Permission
from app.services.roster.checks import (
    CheckedRow,
    IssueKind,
    Places,
    RowIssue,
    RowStatus,
    check_mapping,
    check_row,
)
from app.services.roster.fields import ColumnMapping
from app.services.roster.matching import match_rows
from app.services.roster.reading import RosterPreview


@dataclass(frozen=True)
class RosterReport:
    """Every row's fate, and the issues to show, in row order."""

    rows: int  # rows of people checked (empty rows are skipped)
    new: int
    matched: int
    repeated: int
    errors: int  # rows with at least one error
    issues: tuple[RowIssue, ...]
    checked: tuple[CheckedRow, ...] = field(repr=False, default=())

    @property
    def valid(self) -> int:
        """Rows without errors: new people, people on file, and repeats of rows above."""
        return self.rows - self.errors

    def statuses(self) -> dict[int, RowStatus]:
        return {row.number: row.status for row in self.checked}

    def errors_of(self, row: int) -> list[RowIssue]:
        return [i for i in self.issues if i.row == row and i.kind is IssueKind.ERROR]


def validate(
    session: Session, actor: Actor, preview: RosterPreview, mapping: ColumnMapping
) -> RosterReport:
    """Check every row; nothing is written."""
    actor.require(Permission.IMPORT_EXPORT)
    columns = check_mapping(mapping, preview.columns)
    issues: list[RowIssue] = []
    places = Places(session)
    rows = [check_row(number, values, columns, places, issues) for number, values in preview.rows]
    match_rows(session, rows, issues)
    issues.sort(key=lambda issue: issue.row)  # stable: a row's issues keep their column order
    count = {status: 0 for status in RowStatus}
    for row in rows:
        count[row.status] += 1
    return RosterReport(
        rows=len(rows),
        new=count[RowStatus.NEW],
        matched=count[RowStatus.MATCHED],
        repeated=count[RowStatus.REPEATED],
        errors=count[RowStatus.ERROR],
        issues=tuple(issues),
        checked=tuple(rows),
    )


def issue_text(issue: RowIssue) -> str:
    """One line of the report: "Row 5 · Phone · Error: …"."""
    parts = [translate("Roster", "Row %1").replace("%1", str(issue.row))]
    if issue.field is not None:
        parts.append(issue.field_label)
    parts.append(issue_kind_label(issue.kind))
    return (
        translate("Roster", "%1: %2").replace("%1", " · ".join(parts)).replace("%2", issue.message)
    )


def report_lines(report: RosterReport, *, limit: int) -> list[str]:
    """The report for a terminal: the errors first, then the rest, at most `limit` lines."""
    ordered = [i for i in report.issues if i.kind is IssueKind.ERROR]
    ordered += [i for i in report.issues if i.kind is not IssueKind.ERROR]
    lines = [issue_text(issue) for issue in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(
            translate("Roster", "… and %1 more lines.").replace("%1", str(len(ordered) - limit))
        )
    return lines


def write_report(report: RosterReport, path: str | Path) -> None:
    """The whole report as a .csv (UTF-8 with a byte-order mark, for Excel)."""
    import csv

    target = Path(path)
    try:
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                [
                    translate("Roster", "Row"),
                    translate("Roster", "Result"),
                    translate("Roster", "Column"),
                    translate("Roster", "Message"),
                ]
            )
            for issue in report.issues:
                writer.writerow(
                    [issue.row, issue_kind_label(issue.kind), issue.field_label, issue.message]
                )
    except OSError as error:
        raise ValidationError(
            "report",
            translate("Roster", "The report %1 can't be written: %2")
            .replace("%1", str(target))
            .replace("%2", error.strerror or str(error)),
        ) from error


def counts_text(report: RosterReport) -> str:
    """The report's counts in words."""
    return (
        translate(
            "Roster",
            "%1 rows: %2 new, %3 already on file, %4 repeated in the file, %5 with errors.",
        )
        .replace("%1", str(report.rows))
        .replace("%2", str(report.new))
        .replace("%3", str(report.matched))
        .replace("%4", str(report.repeated))
        .replace("%5", str(report.errors))
    )


def issue_kind_label(kind: IssueKind) -> str:
    labels = {
        IssueKind.ERROR: translate("Roster", "Error"),
        IssueKind.MATCHED: translate("Roster", "On file"),
        IssueKind.REPEATED: translate("Roster", "Repeated"),
        IssueKind.NOTE: translate("Roster", "For information"),
    }
    return labels[kind]
