"""The dashboard's tables: presentation only (every figure comes computed from the selectors)."""

import django_tables2 as tables

from ascweb.tables import BaseTable
from performance.calculations import format_figure
from performance.models import MONTH_FIELDS

_NUMERIC = {
    "th": {"class": "govuk-table__header govuk-table__header--numeric"},
    "td": {"class": "govuk-table__cell govuk-table__cell--numeric"},
}
_LABEL = {"th": {"class": "govuk-table__header"}, "td": {"class": "govuk-table__header app-cell--label"}}


class FigureColumn(tables.Column):
    """A count or a percentage, formatted only: its indicator says which."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrs", _NUMERIC)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def render(self, value, record) -> str:
        return format_figure(value, record.indicator.unit)


def _row_class(record) -> str:
    return f"govuk-table__row app-row--{record.kind}"


class SeriesTable(BaseTable):
    """An indicator's monthly figures as the dashboard prints them, months to the latest."""

    name = tables.Column(verbose_name="Breakdown", attrs=_LABEL)
    apr = FigureColumn(accessor="months__0", verbose_name="Apr")
    may = FigureColumn(accessor="months__1", verbose_name="May")
    jun = FigureColumn(accessor="months__2", verbose_name="Jun")
    jul = FigureColumn(accessor="months__3", verbose_name="Jul")
    aug = FigureColumn(accessor="months__4", verbose_name="Aug")
    sep = FigureColumn(accessor="months__5", verbose_name="Sep")
    oct = FigureColumn(accessor="months__6", verbose_name="Oct")
    nov = FigureColumn(accessor="months__7", verbose_name="Nov")
    dec = FigureColumn(accessor="months__8", verbose_name="Dec")
    jan = FigureColumn(accessor="months__9", verbose_name="Jan")
    feb = FigureColumn(accessor="months__10", verbose_name="Feb")
    mar = FigureColumn(accessor="months__11", verbose_name="Mar")
    q1 = FigureColumn(accessor="quarters__0", verbose_name="Q1")
    q2 = FigureColumn(accessor="quarters__1", verbose_name="Q2")
    q3 = FigureColumn(accessor="quarters__2", verbose_name="Q3")
    q4 = FigureColumn(accessor="quarters__3", verbose_name="Q4")
    ytd = FigureColumn(verbose_name="YTD")
    ytd_target = FigureColumn(verbose_name="Target (YTD)")
    rating = tables.Column(verbose_name="Rating", default="")

    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}

    def __init__(self, rows, *, latest: int | None, **kwargs):
        shown = latest or 12
        exclude = [*MONTH_FIELDS[shown:], *[f"q{q}" for q in range(1, 5) if (q - 1) * 3 >= shown]]
        super().__init__(rows, exclude=exclude, **kwargs)

    def render_rating(self, value) -> str:
        return f"{value.mark} {value.words}" if value else ""


class _Heading:
    """An indicator's name above its rows in the pack and the Excel download."""

    kind = "heading"
    quarters = (None, None, None, None)
    ytd = ytd_target = ytd_rate = rating = None

    def __init__(self, indicator) -> None:
        self.indicator = indicator
        self.label = indicator.name


class _Line:
    def __init__(self, row) -> None:
        self.kind, self.indicator = row.kind, row.indicator
        self.label = f"{row.group}: {row.name}" if row.group else row.name
        self.quarters, self.ytd, self.ytd_target, self.rating = row.quarters, row.ytd, row.ytd_target, row.rating
        self.ytd_rate = row.rate(row.ytd)


def with_headings(rows: list) -> list:
    """The export's rows with each indicator's name above its own (presentation only)."""
    out: list = []
    for row in rows:
        if not out or out[-1].indicator != row.indicator:
            out.append(_Heading(row.indicator))
        out.append(_Line(row))
    return out


class MetricsTable(BaseTable):
    """The pack's appendix: each metric's quarters, year to date, target, rate and rating."""

    label = tables.Column(verbose_name="Metric and breakdown", attrs=_LABEL)
    q1 = FigureColumn(accessor="quarters__0", verbose_name="Q1")
    q2 = FigureColumn(accessor="quarters__1", verbose_name="Q2")
    q3 = FigureColumn(accessor="quarters__2", verbose_name="Q3")
    q4 = FigureColumn(accessor="quarters__3", verbose_name="Q4 to date")
    ytd = FigureColumn(verbose_name="Year to date")
    ytd_target = FigureColumn(verbose_name="Target (year to date)")
    ytd_rate = tables.Column(verbose_name="Rate per 100,000 (year to date)", attrs=_NUMERIC, default="")
    rating = tables.Column(verbose_name="Rating", default="")

    class Meta(BaseTable.Meta):
        row_attrs = {"class": _row_class}

    def render_ytd_rate(self, value) -> str:
        return format_figure(value, "count", 1)

    def render_rating(self, value) -> str:
        return f"{value.mark} {value.words}" if value else ""
