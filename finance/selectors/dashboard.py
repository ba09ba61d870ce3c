"""The member dashboard: the headline, variance by area, the trajectory and forecast accuracy
across the year's reports, and net expenditure against the profiled budget for three years;
and the periods and budget profiles its pages offer."""

from collections import defaultdict
from dataclasses import asdict, dataclass

from django.db.models import Q, Sum

from ascweb.models import FinancialYear, Period
from ascweb.periods import periods_visible_to
from finance import calculations
from finance.calculations import Figures, Outturn, Tree, rollup, rollup_recorded
from finance.models import BudgetProfile, LineForecast, NetExpenditure, PriorYearOutturn
from finance.selectors.figures import UNREAD, frozen_snapshot, reporting_tree


@dataclass(frozen=True)
class AreaVariance:
    code: str
    name: str
    figures: Figures
    previous_variance: int | None


@dataclass(frozen=True)
class Series:
    """One line of a chart: a value (pence) per period, None where there is none."""

    code: str
    name: str
    values: list[int | None]


@dataclass(frozen=True)
class PeriodSeries:
    """Values by period: `periods` are the x axis (period numbers), `series` the lines."""

    periods: list[int]
    series: list[Series]


@dataclass(frozen=True)
class YearNetExpenditure:
    """One year's net expenditure by period (1..13) against its profiled budget."""

    code: str
    monthly: list[int | None]  # None: no figure (or not yet reported at the period shown)
    profile: list[int] | None  # the budget spread over the periods; None when it cannot be
    method: str
    budget: int | None
    budget_source: str
    note: str
    current: bool

    @property
    def cumulative(self) -> list[int | None]:
        known = [v for v in self.monthly if v is not None]
        running = calculations.cumulative(known)
        return running + [None] * (len(self.monthly) - len(running))

    @property
    def cumulative_profile(self) -> list[int] | None:
        return calculations.cumulative(self.profile) if self.profile is not None else None

    @property
    def total(self) -> int | None:
        known = [v for v in self.monthly if v is not None]
        return sum(known) if known else None


@dataclass(frozen=True)
class ProfileCell:
    monthly: int | None
    actual: int | None  # cumulative
    profile: int | None  # cumulative

    @property
    def gap(self) -> int | None:
        if self.actual is None or self.profile is None:
            return None
        return self.actual - self.profile


@dataclass(frozen=True)
class ProfileRow:
    number: int
    cells: list[ProfileCell]


@dataclass
class Dashboard:
    period: Period
    previous: Period | None
    headline: Figures
    previous_headline: Figures | None
    words: str
    areas: list[AreaVariance]
    trajectory: PeriodSeries
    accuracy: PeriodSeries | None
    net_expenditure: list[YearNetExpenditure]

    @property
    def profile_rows(self) -> list[ProfileRow]:
        """Net expenditure against profile by period: a cell per year, for the tables."""
        columns = [(y.monthly, y.cumulative, y.cumulative_profile) for y in self.net_expenditure]
        return [
            ProfileRow(
                number=n,
                cells=[
                    ProfileCell(monthly[n - 1], cumul[n - 1], profile[n - 1] if profile else None)
                    for monthly, cumul, profile in columns
                ],
            )
            for n in range(1, calculations.PERIODS_IN_YEAR + 1)
        ]

    @property
    def movement(self) -> int | None:
        if self.previous_headline is None:
            return None
        return calculations.movement(self.headline.variance, self.previous_headline.variance)


def dashboard(period: Period) -> Dashboard:
    """Everything the dashboard shows for a period, in a fixed number of queries.

    A published period's dashboard is the one frozen when it was published (nothing
    published, back-filled, imported or re-profiled since moves it); any other is read live.
    """
    snapshot = frozen_snapshot(period)
    if snapshot is not None and snapshot[1].get("dashboard"):
        return _thawed(period, snapshot[1]["dashboard"])
    return _live_dashboard(period, snapshot)


def _live_dashboard(period: Period, snapshot=UNREAD) -> Dashboard:
    """Only the period itself and published periods are read, so a member (who can only open
    a published period) never meets a draft figure. The year's own net expenditure stops at
    the period shown: later months are not yet reported at that period. Period 13 holds the
    outturn: its dashboard, and only its, sets each published forecast of the year against it.
    """
    start = period.year.start_year
    periods = list(
        Period.objects.filter(year__start_year__range=(start - 2, start)).select_related("year").order_by("number")
    )
    this_year = [p for p in periods if p.year_id == period.year_id]
    shown = [p for p in this_year if p.number <= period.number and (p.is_published or p.id == period.id)]
    previous = next((p for p in reversed(shown) if p.number < period.number and p.is_published), None)
    outturn = period if period.number == 13 else None
    forecasts_at = [p for p in this_year if p.is_published and p.number < 13] if outturn else []
    latest_before = {}
    for p in periods:
        if p.year_id != period.year_id and p.is_published:
            latest_before[p.year.start_year] = p  # ordered by number: the last one wins
    wanted = {p.id for p in [*shown, *forecasts_at, *latest_before.values()] + ([outturn] if outturn else [])}
    tree, nodes = reporting_tree(period, snapshot)
    leaf_rows = LineForecast.objects.filter(period_id__in=wanted).values_list(
        "period_id", "line_id", "budget", "forecast"
    )
    by_period: dict[int, dict[int, Figures]] = defaultdict(dict)
    for period_id, line_id, budget, forecast in leaf_rows:
        by_period[period_id][line_id] = Figures(budget, forecast)
    totals = {period_id: rollup(tree, by_period.get(period_id, {})) for period_id in wanted}
    department_id = tree.kids(None)[0]
    area_ids = tree.kids(department_id)

    now = totals[period.id]
    before = totals[previous.id] if previous else None
    headline, previous_headline = now[department_id], before[department_id] if before else None
    areas = sorted(
        (AreaVariance(nodes[a].code, nodes[a].name, now[a], before[a].variance if before else None) for a in area_ids),
        key=lambda row: -row.figures.variance,
    )
    series_ids = [*area_ids, department_id]
    trajectory = PeriodSeries(
        periods=[p.number for p in shown],
        series=[Series(nodes[n].code, nodes[n].name, [totals[p.id][n].variance for p in shown]) for n in series_ids],
    )
    accuracy = None
    if outturn:
        final = totals[outturn.id]
        forecasts = {n: {p.number: totals[p.id][n].forecast for p in forecasts_at} for n in series_ids}
        errors = {n: calculations.forecast_errors(forecasts[n], final[n].forecast) for n in series_ids}
        accuracy = PeriodSeries(
            periods=[p.number for p in forecasts_at],
            series=[Series(nodes[n].code, nodes[n].name, list(errors[n].values())) for n in series_ids],
        )
    budgets = {start: (headline.budget, f"the department's budget at Period {period.number}")}
    for year_start, p in latest_before.items():
        source = f"the department's budget at Period {p.number} {p.year.code}"
        budgets[year_start] = (totals[p.id][department_id].budget, source)
    return Dashboard(
        period=period,
        previous=previous,
        headline=headline,
        previous_headline=previous_headline,
        words=calculations.headline_words(
            headline.variance,
            previous_headline.variance if previous_headline else None,
            f"Period {previous.number}" if previous else None,
        ),
        areas=areas,
        trajectory=trajectory,
        accuracy=accuracy,
        net_expenditure=_net_expenditure(period, tree, department_id, budgets),
    )


def _net_expenditure(period: Period, tree: Tree, department_id: int, budgets: dict) -> list[YearNetExpenditure]:
    start = period.year.start_year
    profiles = {
        p.year.start_year: p
        for p in BudgetProfile.objects.filter(year__start_year__range=(start - 2, start)).select_related("year")
    }
    monthly: dict[int, dict[int, int]] = defaultdict(dict)
    # the department's own rows: its areas', and those for the department as a whole (no area)
    sums = (
        NetExpenditure.objects.filter(year__start_year__range=(start - 3, start))
        .filter(Q(area__isnull=True) | Q(area_id__in=tree.kids(department_id)))
        .values("year__start_year", "period")
        .annotate(total=Sum("amount"))
    )
    for row in sums:
        if row["year__start_year"] < start or row["period"] <= period.number:
            monthly[row["year__start_year"]][row["period"]] = row["total"]
    outturns = _department_outturns(tree, department_id, start)
    result = []
    for year_start in (start - 2, start - 1, start):
        profile = profiles.get(year_start)
        values = [monthly[year_start].get(n) for n in range(1, calculations.PERIODS_IN_YEAR + 1)]
        if year_start != start and profile is None and all(v is None for v in values):
            continue  # nothing known about that year
        budget, source = _profile_budget(year_start, profile, budgets, outturns)
        last_year = [monthly[year_start - 1].get(n, 0) for n in range(1, calculations.PERIODS_IN_YEAR + 1)]
        weights, method = _profile_weights(profile, last_year)
        result.append(
            YearNetExpenditure(
                code=FinancialYear.code_for(year_start),
                monthly=values,
                profile=calculations.profile_budget(budget, weights) if budget is not None and weights else None,
                method=method,
                budget=budget,
                budget_source=source,
                note=profile.note if profile else "",
                current=year_start == start,
            )
        )
    return result


def _department_outturns(tree: Tree, department_id: int, start: int) -> dict[int, Outturn]:
    recorded: dict[int, dict[int, Outturn]] = defaultdict(dict)
    rows = PriorYearOutturn.objects.filter(year__start_year__range=(start - 2, start - 1)).values_list(
        "year__start_year", "node_id", "actual", "variance"
    )
    for year_start, node_id, actual, variance in rows:
        recorded[year_start][node_id] = Outturn(actual, variance)
    result = {}
    for year_start, by_node in recorded.items():
        department = rollup_recorded(tree, by_node).get(department_id)
        if department is not None:
            result[year_start] = department
    return result


def _profile_budget(year_start: int, profile, budgets: dict, outturns: dict[int, Outturn]) -> tuple[int | None, str]:
    """The budget to profile: as the lead gave it, else computed from this system's figures."""
    if profile is not None and profile.budget is not None:
        return profile.budget, profile.budget_source or "as set by the finance lead"
    if year_start in budgets:
        return budgets[year_start]
    if year_start in outturns:
        o = outturns[year_start]
        code = FinancialYear.code_for(year_start)
        return o.actual - o.variance, f"{code} outturn less its over/underspend at outturn"
    return None, "no budget is known for this year"


def _profile_weights(profile, last_year: list[int]) -> tuple[list[int] | None, str]:
    Method = BudgetProfile.Method
    method = profile.method if profile else Method.TWELFTHS
    label = Method(method).label
    if method == Method.EXPLICIT:
        weights = list(profile.weights or [])
        if calculations.check_explicit_weights(weights):
            return None, f"{label} (not usable: its weights do not add up)"
        return weights, label
    if method == Method.LAST_YEAR:
        if sum(last_year) == 0:
            return None, f"{label} (not usable: no net expenditure for last year)"
        return last_year, label
    return list(calculations.TWELFTHS), label


def frozen_dashboard(period: Period) -> dict:
    """The period's dashboard as plain data, kept when it is published."""
    data = _live_dashboard(period)
    return {
        "previous": data.previous.id if data.previous else None,
        **{name: asdict(getattr(data, name)) if getattr(data, name) is not None else None for name in _PARTS},
        "words": data.words,
        "areas": [asdict(area) for area in data.areas],
        "net_expenditure": [asdict(year) for year in data.net_expenditure],
    }


_PARTS = ("headline", "previous_headline", "trajectory", "accuracy")


def _thawed(period: Period, frozen: dict) -> Dashboard:
    def series(data: dict | None) -> PeriodSeries | None:
        return PeriodSeries(data["periods"], [Series(**s) for s in data["series"]]) if data else None

    return Dashboard(
        period=period,
        previous=Period.objects.select_related("year").filter(pk=frozen["previous"]).first()
        if frozen["previous"]
        else None,
        headline=Figures(**frozen["headline"]),
        previous_headline=Figures(**frozen["previous_headline"]) if frozen["previous_headline"] else None,
        words=frozen["words"],
        areas=[AreaVariance(**{**a, "figures": Figures(**a["figures"])}) for a in frozen["areas"]],
        trajectory=series(frozen["trajectory"]),
        accuracy=series(frozen["accuracy"]),
        net_expenditure=[YearNetExpenditure(**year) for year in frozen["net_expenditure"]],
    )


def periods_for_selector(user) -> list[Period]:
    return list(periods_visible_to(user))


def years_with_profiles() -> list[tuple[FinancialYear, BudgetProfile | None]]:
    """Every financial year, newest first, with the profile the lead chose for it (if any)."""
    years = FinancialYear.objects.select_related("budget_profile").order_by("-start_year")
    return [(year, getattr(year, "budget_profile", None)) for year in years]


def published_with_profile(year: FinancialYear) -> str:
    """The published periods whose dashboards show this year's profile (the year's own and
    the two after it): they keep the profile they were published with. 'Period 2, Period 10'
    (another year's periods named with their year)."""
    periods = Period.objects.filter(
        status=Period.Status.PUBLISHED, year__start_year__range=(year.start_year, year.start_year + 2)
    ).select_related("year")
    return ", ".join(
        f"Period {p.number}" if p.year_id == year.id else f"Period {p.number} {p.year.code}"
        for p in periods.order_by("year__start_year", "number")
    )
