"""Plugs budget planning into the shared pages, exports, pack, imports, lifecycle and demo
data (called once from PlanningConfig.ready()).

The pack's planning appendix is one PackSection with pack=APPENDIX and its fixed letter H (the
core's mechanism, ascweb.registry: the monitoring report's A-F, performance's G), so it keeps
its letter whatever else the pack holds. The four tables are downloads and
`export_table` tables (NOT_IN_PACK: the appendix prints them)."""

from ascweb.registry import NOT_IN_PACK, DemoData, ExportTable, PackChart, PackSection, PeriodPage, registry
from planning import charts, selectors
from planning.models import PLANNING_YEARS, BridgeLine
from planning.tables import AllocationTable, AssumptionsTable, BridgeTable

ORDER = 80


def _in_round(rows_of):
    """A table's rows for a period: those of the round the period shows (none: no rows)."""

    def rows(period) -> list:
        round_ = selectors.round_for_period(period)
        return rows_of(round_) if round_ is not None else []

    return rows


def _caption(period, what: str) -> str:
    round_ = selectors.round_for_period(period)
    return f"{what}, {round_.name}" if round_ else what


BRIDGE_COLUMNS = [
    ("round", lambda r: r.round, "text"),
    ("year", lambda r: r.year, "text"),
    ("line", lambda r: r.label, "text"),
    ("amount", lambda r: r.amount, "money"),
]
ASSUMPTION_COLUMNS = [
    ("round", lambda r: r.round, "text"),
    ("year", lambda r: r.year, "text"),
    ("council_tax_yield", lambda r: r.tax_yield, "money"),
    ("council_tax_increase", lambda r: r.tax_increase, "percent"),
    ("asc_precept", lambda r: r.precept, "percent"),
    ("base_growth", lambda r: r.base_growth, "percent"),
]


def _allocation_columns(what: str) -> list:
    return [
        ("round", lambda r: r.round, "text"),
        ("year", lambda r: r.year, "text"),
        (what, lambda r: r.name, "text"),
        ("net_budget", lambda r: r.net_budget, "money"),
        ("agreed", lambda r: r.agreed, "money"),
        ("new_share", lambda r: r.new_share, "money"),
        ("changes", lambda r: r.changes, "money"),
        ("total", lambda r: r.total, "money"),
        ("share_of_net_budget", lambda r: r.share_of_budget, "percent"),
    ]


DEPARTMENT_COLUMNS = _allocation_columns("department")
COMMITTEE_COLUMNS = _allocation_columns("committee")
_TABLES = {
    "Budget planning assumptions": lambda rows, caption: AssumptionsTable(rows, caption=caption),
    "Savings targets by department": lambda rows, caption: AllocationTable(rows, caption=caption),
    "Savings targets by committee": lambda rows, caption: AllocationTable(rows, by="Committee", caption=caption),
}


def _html(title: str):
    """The page's table for the Excel download, captioned with the period's round."""
    return lambda period, rows: _TABLES[title](rows, _caption(period, title))


def _bridge_html(period, rows):
    return BridgeTable(rows, years=_years(period), caption=_caption(period, "The gap bridge"))


def _years(period) -> list[str]:
    round_ = selectors.round_for_period(period)
    return selectors.year_codes(round_) if round_ else []


def round_charts(round_) -> list[dict]:
    """Each planning year's bridge chart: {"year", "figure", "summary"} (none for a year with no lines)."""
    categories = list(BridgeLine.Category.choices)
    return [
        {
            "year": year.year,
            "figure": charts.bridge_figure(year, categories),
            "summary": charts.bridge_summary(year, categories),
        }
        for year in selectors.bridge(round_)
        if year.lines
    ]


def _pack_figures(period) -> dict[str, dict]:
    round_ = selectors.round_for_period(period)
    if round_ is None:
        return {}
    return {f"year-{index}": chart for index, chart in enumerate(round_charts(round_), start=1)}


def round_context(round_) -> dict:
    """What a round's page and its pack appendix show."""
    years = selectors.year_codes(round_)
    committees = selectors.committee_rows(round_)
    own = selectors.own_committee(round_)
    return {
        "round": round_,
        "bridge_table": BridgeTable(
            selectors.bridge_rows(round_), years=years, caption=f"The gap bridge, {round_.name}"
        ),
        "assumptions_table": AssumptionsTable(selectors.assumption_rows(round_), caption=f"Assumptions, {round_.name}"),
        "own_committee": own,
        "own_table": AllocationTable(
            [row for row in committees if row.name == own],
            by="Committee",
            caption=f"{own}: savings targets by year, {round_.name}",
        ),
        "committee_table": AllocationTable(
            committees, by="Committee", caption=f"Savings targets by committee, {round_.name}"
        ),
        "department_table": AllocationTable(
            selectors.allocation_rows(round_), caption=f"Savings targets by department, {round_.name}"
        ),
        "links": selectors.savings_links(round_),
        "milestones": list(round_.milestones.all()),
        "risks": list(round_.risks.all()),
    }


def _appendix(period) -> dict | None:
    round_ = selectors.round_for_period(period)
    return round_context(round_) if round_ is not None else None


def register() -> None:
    from planning import imports, lifecycle

    lifecycle.register()
    for kind in imports.KINDS:
        registry.add_import_kind(kind)
    tables = [
        ("planning-bridge", "The budget gap bridge", selectors.bridge_rows, BRIDGE_COLUMNS, _bridge_html),
        ("planning-assumptions", "Budget planning assumptions", selectors.assumption_rows, ASSUMPTION_COLUMNS, None),
        ("planning-departments", "Savings targets by department", selectors.allocation_rows, DEPARTMENT_COLUMNS, None),
        ("planning-committees", "Savings targets by committee", selectors.committee_rows, COMMITTEE_COLUMNS, None),
    ]
    for order, (name, title, rows_of, columns, html) in enumerate(tables, start=ORDER):
        table = ExportTable(
            name, title, _in_round(rows_of), columns, order, html=html or _html(title), pack=NOT_IN_PACK
        )
        registry.add_export_table(table)
    registry.add_pack_section(
        PackSection(
            "planning",
            "Budget planning: the medium-term gap and savings targets",
            "planning/appendix.html",
            _appendix,
            ORDER,
            letter="H",  # after performance's G: the core's fixed letters (ascweb.registry)
            empty="No budget planning round had been published for this period.",
        )
    )
    for index in range(1, PLANNING_YEARS + 1):
        title = f"Budget planning: the gap bridge, planning year {index}"
        registry.add_pack_chart(
            PackChart(f"planning-bridge-{index}", title, _pack_figures, f"year-{index}", ORDER + index, letter="H")
        )
    registry.add_period_page(PeriodPage("Budget planning", "planning-period", order=ORDER))
    registry.add_demo_data(DemoData("planning", manifest="planning.toml", order=ORDER))
