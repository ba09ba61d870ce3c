"""The savings tables, registered for export_table, downloads and the appendix pack."""

from ascweb.registry import ExportTable, registry
from savings import selectors


def _summary(period):
    return selectors.summary_table(selectors.period_savings(period))


def _programme(period):
    return selectors.programme_table(selectors.period_savings(period))


def _projects(period):
    return selectors.projects_table(selectors.period_savings(period))


SUMMARY_COLUMNS = [
    ("savings", lambda r: r.label, "text"),
    ("target", lambda r: r.target, "money"),
    ("forecast", lambda r: r.forecast, "money"),
    ("variance", lambda r: r.variance, "money"),
    ("previous_variance", lambda r: r.previous_variance, "money"),
]

# The programme's years are data, so the columns are the programme's first, second and third
# year (the period's year and the two after it).
PROGRAMME_COLUMNS = [
    ("programme_and_workstream", lambda r: r.label, "text"),
    ("target_year_1", lambda r: r.year(0), "money"),
    ("target_year_2", lambda r: r.year(1), "money"),
    ("target_year_3", lambda r: r.year(2), "money"),
    ("target_total", lambda r: r.programme_total, "money"),
]

PROJECT_COLUMNS = [
    ("workstream_or_project", lambda r: r.label, "text"),
    ("reference", lambda r: r.code if r.kind == "line" else "", "text"),
    ("workstream_savings", lambda r: r.workstream_savings, "money"),
    ("target", lambda r: r.target, "money"),
    ("forecast", lambda r: r.forecast, "money"),
    ("variance", lambda r: r.variance, "money"),
    ("status", lambda r: r.status, "text"),
]


def register() -> None:
    registry.add_export_table(
        ExportTable("savings-summary", "Savings forecast summary (off and on target)", _summary, SUMMARY_COLUMNS, 30)
    )
    registry.add_export_table(
        ExportTable("savings-programme", "Savings programme by workstream and year", _programme, PROGRAMME_COLUMNS, 31)
    )
    registry.add_export_table(
        ExportTable("savings-projects", "Appendix D: savings by workstream and project", _projects, PROJECT_COLUMNS, 32)
    )
