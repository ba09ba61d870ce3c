"""The iBCF's committee table (Appendix C), and the dashboard panel's data."""

from ascweb.permissions import can_edit_assigned
from ascweb.registry import DashboardPanel, ExportTable, PackSection, registry
from ibcf import selectors
from ibcf.forms import UPDATES
from ibcf.tables import AppendixCTable, SpendTable

APPENDIX_C_COLUMNS = [
    ("code", lambda r: r.code if r.kind == "line" else "", "text"),
    ("line", lambda r: r.label, "text"),
    ("planning_priority", lambda r: r.priority, "text"),
    ("grant_condition", lambda r: r.condition, "text"),
    ("year_1", lambda r: r.year_1, "money"),
    ("year_2", lambda r: r.year_2, "money"),
    ("year_3", lambda r: r.year_3, "money"),
    ("activity_and_progress", lambda r: r.activity_progress, "text"),
]


def spend_panel(period, user) -> dict | None:
    """The "iBCF plan against spend" panel: each scheme's plan for the year beside what is
    reported spent and forecast. Schemes with nothing reported say so; nothing is invented."""
    rows = selectors.plan_against_spend(period)
    if not rows:
        return None
    reported = [row for row in rows if row.spend_to_date is not None]
    return {
        "period": period,
        "rows": rows,
        "plan_total": sum(row.plan for row in rows),
        "spend_total": sum(row.spend_to_date for row in reported) if reported else None,
        "reported": len(reported),
        "schemes": len(rows),
        "carry_forward": selectors.carry_forward(period),
        # only the schemes with figures reported: the rest are named in one sentence
        "table": SpendTable(
            [row for row in rows if row.spend_to_date is not None or row.forecast is not None],
            caption=f"iBCF spend reported, {period.title}",
        ),
        "plan_table": SpendTable(
            rows, caption=f"iBCF plan by scheme, {period.title}", exclude=("spend_to_date", "forecast")
        ),
        "not_reported": [row.label for row in rows if row.spend_to_date is None and row.forecast is None],
        "show_edit": can_edit_assigned(user, period, UPDATES.assignments),
    }


def _progress(period) -> dict | None:
    """The pack's part of Appendix C that the table cannot hold: each scheme's impact and its
    activity and progress at the period (most of the paper's Appendix C)."""
    schemes = [row for row in selectors.appendix_c(period) if row.kind == "line"]
    return {"schemes": schemes} if schemes else None


def register() -> None:
    registry.add_export_table(
        ExportTable(
            "ibcf",
            "Appendix C: improved Better Care Fund",
            selectors.appendix_c,
            APPENDIX_C_COLUMNS,
            40,
            html=lambda period, rows: AppendixCTable(
                rows,
                years=selectors.plan_years(period),
                caption=f"Improved Better Care Fund (iBCF) summary and update, {period.title}",
            ),
            letter="C",
            empty="No iBCF schemes have been planned for this year, so there is no iBCF summary or update.",
            printed_source=r"^iBCF, .* plan: (.*Appendix C|'Funded by' line)$",
        )
    )
    registry.add_pack_section(
        PackSection(
            "ibcf-progress",
            "Improved Better Care Fund: impact, activity and progress",
            "ibcf/pack_progress.html",
            _progress,
            41,
            letter="C",
            empty="No iBCF schemes have been planned for this year, so no progress is reported.",
        )
    )
    registry.add_dashboard_panel(
        DashboardPanel(
            "iBCF plan against spend",
            "ibcf/spend_panel.html",
            spend_panel,
            40,
            title="iBCF plan against spend",
            anchor="ibcf",
        )
    )
