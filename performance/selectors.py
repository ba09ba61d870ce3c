"""Reads for the performance dashboard: one function per page, table and export, returning
plain rows with every quarter, year to date, total and rate computed (performance.calculations),
in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ascweb.calculations import MONTHS
from ascweb.models import Period
from performance import calculations as calc
from performance.models import Commentary, Indicator, Series, SeriesValues, Target

TOTAL = "Norfolk Total"  # the paper's name for an indicator's total row


@dataclass(frozen=True)
class SeriesRow:
    """A row of an indicator's table: twelve months, the quarters and the year to date."""

    indicator: Indicator
    group: str  # blank: the total
    name: str
    months: list[Decimal | None]
    spans: list[calc.Span]
    ytd_months: list[int]

    @property
    def is_total(self) -> bool:
        return not self.group

    @property
    def kind(self) -> str:  # the export's bold rows
        return "grand_total" if self.is_total else "line"

    @property
    def aggregation(self) -> str:
        return self.indicator.aggregation

    @property
    def quarters(self) -> list[Decimal | None]:
        return [calc.quarter(self.months, q, self.aggregation) for q in calc.QUARTERS]

    @property
    def ytd(self) -> Decimal | None:
        return calc.combine([self.months[m - 1] for m in self.ytd_months], self.aggregation)

    @property
    def ytd_target(self) -> Decimal | None:
        return calc.target_over(self.spans, self.ytd_months, self.aggregation) if self.ytd_months else None

    @property
    def rating(self) -> calc.Rating | None:
        return calc.rating(self.ytd, self.ytd_target, self.indicator.direction)

    def rate(self, value: Decimal | None) -> Decimal | None:
        """Per 100,000 of the indicator's population: for the total only (the paper: "Rates
        are not shown by Trust as populations are not available at hospital level")."""
        if not self.is_total or self.indicator.unit != Indicator.Unit.COUNT:
            return None
        return calc.rate(value, self.indicator.population, self.indicator.per)

    @property
    def month_targets(self) -> list[Decimal | None]:
        return [calc.month_target(self.spans, m, self.aggregation) for m in range(1, 13)]


@dataclass
class IndicatorView:
    """An indicator at a period: its total, its breakdowns by group, and the commentary."""

    indicator: Indicator
    total: SeriesRow
    breakdowns: dict[str, list[SeriesRow]] = field(default_factory=dict)
    commentary: str = ""

    @property
    def latest_month(self) -> int | None:
        return calc.latest_month(self.total.months)

    @property
    def latest_month_name(self) -> str:
        return MONTHS[self.latest_month - 1] if self.latest_month else ""

    @property
    def latest(self) -> Decimal | None:
        return self.total.months[self.latest_month - 1] if self.latest_month else None

    @property
    def rows(self) -> list[SeriesRow]:
        return [row for rows in self.breakdowns.values() for row in rows] + [self.total]


def _values(period: Period) -> dict[int, list]:
    rows = SeriesValues.objects.filter(period=period)
    return {row.series_id: row.months() for row in rows}


def _spans(period: Period) -> dict[int, list[calc.Span]]:
    spans: dict[int, list[calc.Span]] = defaultdict(list)
    for target in Target.objects.filter(period=period).order_by("first_month"):
        spans[target.series_id].append(calc.Span(target.first_month, target.last_month, target.target))
    return spans


def _sum_months(rows: list[list]) -> list[Decimal | None]:
    """Month by month, the sum of the rows' figures (None where none has one)."""
    return [calc.combine([row[m] for row in rows], calc.SUM) for m in range(12)]


def dashboard(period: Period) -> list[IndicatorView]:
    """Every indicator with figures at the period, as the KPI dashboard shows it."""
    values, spans = _values(period), _spans(period)
    series = [s for s in Series.objects.select_related("indicator") if s.id in values or s.id in spans]
    notes = dict(Commentary.objects.filter(period=period).values_list("indicator_id", "text"))
    by_indicator: dict[int, list[Series]] = defaultdict(list)
    for item in series:
        by_indicator[item.indicator_id].append(item)
    views = []
    for indicator in Indicator.objects.filter(id__in=by_indicator).prefetch_related("officers"):
        views.append(_view(indicator, by_indicator[indicator.id], values, spans, notes.get(indicator.id, "")))
    return views


def _view(indicator: Indicator, series: list[Series], values: dict, spans: dict, commentary: str) -> IndicatorView:
    empty: list = [None] * 12
    totals = [s for s in series if not s.group]
    parts = [s for s in series if s.group]
    if indicator.total_of:
        counted = [s for s in parts if s.group == indicator.total_of]
        months = _sum_months([values.get(s.id, empty) for s in counted])
        total_spans = [span for s in (totals or counted) for span in spans.get(s.id, [])]
    else:
        months = values.get(totals[0].id, empty) if totals else empty
        total_spans = spans.get(totals[0].id, []) if totals else []
    ytd = calc.ytd_months(months, total_spans)
    view = IndicatorView(indicator, SeriesRow(indicator, "", TOTAL, months, total_spans, ytd), commentary=commentary)
    for s in parts:
        row = SeriesRow(indicator, s.group, s.name, values.get(s.id, empty), spans.get(s.id, []), ytd)
        view.breakdowns.setdefault(s.group, []).append(row)
    return view


def metrics_table(period: Period) -> list[SeriesRow]:
    """The export: every indicator's breakdown rows, then its total."""
    return [row for view in dashboard(period) for row in view.rows]


# --- Entry forms ---------------------------------------------------------------------------------


def entry_series(indicator: Indicator) -> list[Series]:
    """The series an officer enters: every one but a total that is added up from a breakdown."""
    series = Series.objects.filter(indicator=indicator)
    return [s for s in series if s.group or not indicator.total_of]
