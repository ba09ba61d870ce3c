"""Budget planning's tables: presentation only (the selectors compute every figure)."""

import django_tables2 as tables

from ascweb.tables import BaseTable, MoneyColumn, PercentColumn
from planning.calculations import REVISED_GAP, TO_FIND
from planning.models import BridgeLine

_LABEL = {"th": {"class": "govuk-table__header"}, "td": {"class": "govuk-table__header app-cell--label"}}


def _row_class(record) -> str:
    kind = record["kind"] if isinstance(record, dict) else record.kind
    return f"govuk-table__row app-row--{kind}"


class BridgeTable(BaseTable):
    """The gap bridge: a row per movement, then the revised gap and the savings to find; a
    column per planning year and the plan's total."""

    label = tables.Column(verbose_name="Line", attrs=_LABEL)
    total = MoneyColumn(verbose_name="Total £m")

    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}

    def __init__(self, rows, *, years: list[str], **kwargs):
        extra = [(f"y{index}", MoneyColumn(verbose_name=f"{code} £m")) for index, code in enumerate(years)]
        super().__init__(wide_bridge(rows, years), extra_columns=extra, sequence=["label", "...", "total"], **kwargs)


def wide_bridge(rows, years: list[str]) -> list[dict]:
    """The long rows (one per line and year) as one row per line with a figure per year."""
    labels = [label for _value, label in BridgeLine.Category.choices] + [REVISED_GAP, TO_FIND]
    found = {(row.label, row.year): row.amount for row in rows}
    wide = []
    for label in labels:
        figures = {f"y{index}": found.get((label, code), 0) for index, code in enumerate(years)}
        kind = "total" if label in (REVISED_GAP, TO_FIND) else "line"
        wide.append({"label": label, "kind": kind, "total": sum(figures.values()), **figures})
    return wide


class AssumptionsTable(BaseTable):
    label = tables.Column(accessor="year", verbose_name="Year", attrs=_LABEL)  # the row's header
    tax_yield = MoneyColumn(verbose_name="Council tax yield £m")
    tax_increase = PercentColumn(verbose_name="Council tax increase")
    precept = PercentColumn(verbose_name="Adult social care precept")
    base_growth = PercentColumn(verbose_name="Council tax base growth")


class AllocationTable(BaseTable):
    """Savings targets by department (or committee) and year; savings are negative."""

    year = tables.Column(verbose_name="Year")
    label = tables.Column(accessor="name", verbose_name="Department", attrs=_LABEL)  # the row's header
    net_budget = MoneyColumn(verbose_name="Net budget £m")
    agreed = MoneyColumn(verbose_name="Previously agreed savings £m")
    new_share = MoneyColumn(verbose_name="Share of new savings £m")
    changes = MoneyColumn(verbose_name="Changes to agreed savings £m")
    total = MoneyColumn(verbose_name="Total savings to deliver £m")
    share_of_budget = PercentColumn(verbose_name="As % of net budget")

    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}

    def __init__(self, rows, *, by: str = "Department", **kwargs):
        super().__init__(rows, headers={"label": by}, **kwargs)
