"""Appendix C and the iBCF page's other tables: presentation of selector rows only."""

import django_tables2 as tables

from ascweb.tables import BaseTable, MoneyColumn
from ibcf.models import year_code

# how each kind of row is styled: the Balance closes the table as a grand total does
_ROW_STYLE = {"balance": "grand_total", "funding_total": "total", "funding": "line"}


def _row_class(record) -> str:
    return f"govuk-table__row app-row--{_ROW_STYLE.get(record.kind, record.kind)}"


_LABEL = {"th": {"class": "govuk-table__header"}, "td": {"class": "govuk-table__header app-cell--label"}}
_TEXT = {"th": {"class": "govuk-table__header"}, "td": {"class": "govuk-table__cell app-cell--text"}}


def _year_headers(years) -> dict[str, str]:
    return {f"year_{i + 1}": f"{year_code(y).replace('-', '/')} £m" for i, y in enumerate(years)}


class AppendixCTable(BaseTable):
    """As printed: priority, condition, description and three years. The long Impact and Activity
    and progress columns are shown per scheme under the table (and are in the CSV)."""

    priority = tables.Column(verbose_name="Planning priority", attrs=_TEXT, default="")
    condition = tables.Column(verbose_name="Grant Condition", attrs=_TEXT, default="")
    label = tables.Column(verbose_name="Description", attrs=_LABEL)
    year_1 = MoneyColumn()
    year_2 = MoneyColumn()
    year_3 = MoneyColumn()

    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}
        sequence = ("priority", "condition", "label", "year_1", "year_2", "year_3")

    def __init__(self, rows, *, years, **kwargs):
        super().__init__(rows, headers=_year_headers(years), **kwargs)


class AcuteSplitTable(BaseTable):
    label = tables.Column(verbose_name="System", attrs=_LABEL)
    year_1 = MoneyColumn()
    year_2 = MoneyColumn()
    year_3 = MoneyColumn()

    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}

    def __init__(self, rows, *, years, **kwargs):
        super().__init__(rows, headers=_year_headers(years), **kwargs)


class ChangesTable(BaseTable):
    label = tables.Column(accessor="scheme", verbose_name="Scheme", attrs=_LABEL)
    year = tables.Column(verbose_name="Year", attrs=_TEXT, default="")
    before = MoneyColumn(verbose_name="Before £m", default="Not in plan")
    after = MoneyColumn(verbose_name="After £m", default="Not in plan")
    difference = MoneyColumn(verbose_name="Change £m")

    class Meta(BaseTable.Meta):
        empty_text = "No figures changed."


class SpendTable(BaseTable):
    label = tables.Column(verbose_name="Scheme", attrs=_LABEL)
    plan = MoneyColumn(verbose_name="Plan for the year £m")
    spend_to_date = MoneyColumn(verbose_name="Spend to date £m", default="Not reported")
    forecast = MoneyColumn(verbose_name="Forecast £m", default="Not reported")
