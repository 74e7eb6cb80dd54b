"""Import a roster of residents (花名册) from an Excel workbook (.xlsx). Admin only, audited.

Three steps, so a person sees everything before anything is written:

1. `read_roster(path)` (reading.py) finds the header row (in the first rows of the sheet) and
   guesses which column holds which field from its title (姓名, 手机号, 身份证号 …, or English,
   fields.py): a `RosterPreview`. A file that can't be read (damaged, password-protected, the
   old .xls, empty, no name column) raises one ValidationError (field "file") saying so.
2. `validate(session, actor, preview, mapping)` (report.py) checks every row with the register's
   own field checks (checks.py), looks communities and building groups up by name, and matches
   rows against the people on file and against the rows above them (matching.py): a
   `RosterReport` that lists, row by row, the errors, the people already on file and the rows
   repeated in the file.
3. `import_roster(db, …)` (writing.py) checks the rows again and writes the people, their pinyin
   search keys and tags in bulk, in batches that are each a short transaction of their own, so
   the other desks go on working; it reports progress and stops between batches when asked.
   Mode "valid_rows" leaves the rows with errors out; mode "all_or_nothing" writes nothing when
   any row has an error. A gender that contradicts the ID number is a warning in the report;
   `GenderRule` says which of the two is imported. `import_rows(session, …)` does the same in
   the caller's one transaction.
"""

from app.services.roster.checks import (
    GenderRule,
    IssueKind,
    RowIssue,
    RowStatus,
    check_mapping,
)
from app.services.roster.fields import (
    HEADERS,
    ColumnMapping,
    RosterField,
    column_letter,
    field_label,
    guess_mapping,
)
from app.services.roster.reading import (
    HEADER_SCAN_ROWS,
    MAX_ROWS,
    RosterPreview,
    mapping_text,
    read_roster,
)
from app.services.roster.report import (
    RosterReport,
    counts_text,
    issue_kind_label,
    issue_text,
    ordered_issues,
    report_lines,
    validate,
    write_report,
)
from app.services.roster.writing import (
    BATCH_ROWS,
    ImportMode,
    ImportResult,
    StopReason,
    import_roster,
    import_rows,
    summary,
)

__all__ = [
    "BATCH_ROWS",
    "HEADERS",
    "HEADER_SCAN_ROWS",
    "MAX_ROWS",
    "ColumnMapping",
    "GenderRule",
    "ImportMode",
    "ImportResult",
    "IssueKind",
    "RosterField",
    "RosterPreview",
    "RosterReport",
    "RowIssue",
    "RowStatus",
    "StopReason",
    "check_mapping",
    "column_letter",
    "counts_text",
    "field_label",
    "guess_mapping",
    "import_roster",
    "import_rows",
    "issue_kind_label",
    "issue_text",
    "mapping_text",
    "ordered_issues",
    "read_roster",
    "report_lines",
    "summary",
    "validate",
    "write_report",
]
