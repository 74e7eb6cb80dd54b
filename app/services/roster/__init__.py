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
3. `import_rows(...)` (writing.py) validates again inside the writing transaction and writes the
   people, their pinyin search keys and tags in bulk, with one audit event that holds the counts.
   Mode "valid_rows" leaves the rows with errors out; mode "all_or_nothing" writes nothing when
   any row has an error.
"""

from app.services.roster.checks import (
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
    report_lines,
    validate,
    write_report,
)
from app.services.roster.writing import ImportMode, ImportResult, import_rows, summary

__all__ = [
    "HEADERS",
    "HEADER_SCAN_ROWS",
    "MAX_ROWS",
    "ColumnMapping",
    "ImportMode",
    "ImportResult",
    "IssueKind",
    "RosterField",
    "RosterPreview",
    "RosterReport",
    "RowIssue",
    "RowStatus",
    "check_mapping",
    "column_letter",
    "counts_text",
    "field_label",
    "guess_mapping",
    "import_rows",
    "issue_kind_label",
    "issue_text",
    "mapping_text",
    "read_roster",
    "report_lines",
    "summary",
    "validate",
    "write_report",
]
