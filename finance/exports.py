"""The finance app's committee tables, registered for export_table, downloads and the pack."""

from ascweb.registry import ExportTable, registry
from finance import selectors


def _summary(period):
    return selectors.summary_table(selectors.period_figures(period))


def _appendix_a(period):
    return selectors.appendix_a(selectors.period_figures(period))


REVENUE_COLUMNS = [
    ("line", lambda r: r.label, "text"),
    ("budget", lambda r: r.budget, "money"),
    ("forecast", lambda r: r.forecast, "money"),
    ("variance", lambda r: r.variance, "money"),
    ("variance_pct", lambda r: r.variance_pct, "percent"),
    ("previous_variance", lambda r: r.previous_variance, "money"),
]


def register() -> None:
    registry.add_export_table(
        ExportTable("summary", "Table 2.1: summary by expenditure area", _summary, REVENUE_COLUMNS, 10)
    )
    registry.add_export_table(
        ExportTable("appendix-a", "Appendix A: budget monitoring", _appendix_a, REVENUE_COLUMNS, 20)
    )
