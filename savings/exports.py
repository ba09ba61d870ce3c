"""The savings tables, registered for export_table, downloads and the appendix pack, and the
dashboard panel's chart for the pack."""

from ascweb.registry import ExportTable, PackChart, PackSection, registry
from savings import dashboard, selectors
from savings.tables import ProgrammeTable, ProjectsTable, SavingsSummaryTable


def _html(table_class, caption: str):
    """The page's own table, for the PDF pack and Excel (one layout for screen and print)."""

    def build(period, rows):
        return table_class(rows, data=selectors.period_savings(period), caption=caption.format(title=period.title))

    return build


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


_NO_SAVINGS = "No savings programme has been recorded for this year."


def _explanations(period) -> dict | None:
    """The savings off target with their explanations and recovery actions (paper 2.8.4)."""
    key_variances = selectors.key_variances(selectors.period_savings(period))
    return {"key_variances": key_variances} if key_variances else None


def register() -> None:
    registry.add_export_table(
        ExportTable(
            "savings-summary",
            "Savings forecast summary (off and on target)",
            _summary,
            SUMMARY_COLUMNS,
            30,
            html=_html(SavingsSummaryTable, "Savings forecast summary, {title}"),
            letter="D",
            printed_source=r"^Savings programme: .*2\.8\.3 savings summary$",
            empty=_NO_SAVINGS,
        )
    )
    registry.add_export_table(
        ExportTable(
            "savings-programme",
            "Savings programme by workstream and year",
            _programme,
            PROGRAMME_COLUMNS,
            31,
            html=_html(ProgrammeTable, "Savings programme by programme and workstream, {title}"),
            letter="D",
            empty=_NO_SAVINGS,
        )
    )
    registry.add_export_table(
        ExportTable(
            "savings-projects",
            "Appendix D: savings by workstream and project",
            _projects,
            PROJECT_COLUMNS,
            32,
            html=_html(ProjectsTable, "Savings by workstream and project, {title}"),
            letter="D",
            printed_source=r"^Savings programme: .*report, Appendix D$",
            empty=_NO_SAVINGS,
        )
    )
    registry.add_pack_section(
        PackSection(
            "savings-explanations",
            "Savings: explanations of key variances and recovery actions",
            "savings/pack_explanations.html",
            _explanations,
            33,
            letter="D",
            empty="Every saving is on target, so no variance needs explaining.",
        )
    )
    registry.add_pack_chart(
        PackChart("savings-delivery", "Savings delivered and at risk by workstream", dashboard.figures, "delivery", 30)
    )
