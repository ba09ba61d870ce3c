"""Reads for the savings pages, tables, exports and dashboard panel. Each returns plain rows
with totals computed from the savings, in a fixed number of queries whatever the size of the
programme. Callers pass a period the user may see (ascweb.periods.period_for); the previous
period compared with is always a published one, so nothing here leaks a draft figure."""

from dataclasses import dataclass, field

from django.db.models import Sum

from ascweb.models import FinancialYear, Period
from ascweb.periods import previous_period
from savings import calculations
from savings.calculations import SavingFigures, Totals
from savings.models import Mitigation, Saving, SavingForecast, SavingTarget, Workstream

PROGRAMME_YEARS = 3  # the programme tables show the period's year and the two after it


@dataclass(frozen=True)
class SavingRow:
    """One saving at a period: its target for the period's year and the forecast reported."""

    id: int
    code: str
    description: str
    workstream_id: int
    target: int
    forecast: int | None  # None: not yet updated this period (last period's figures stand)
    status: str
    rag: str
    explanation: str
    recovery_action: str
    version: int
    previous_forecast: int | None
    previous_explanation: str = ""
    previous_recovery_action: str = ""
    carried: bool = False  # carried forward from an earlier period, not yet confirmed or changed

    @property
    def reported(self) -> bool:
        """Updated (or confirmed) this period: not missing, not merely carried forward."""
        return self.forecast is not None and not self.carried

    @property
    def figures(self) -> SavingFigures:
        """A saving not yet updated this period stands at the last published period's forecast
        (a new period starts from the last one's figures), or at its target if it had none."""
        if self.forecast is not None:
            return SavingFigures(self.target, self.forecast)
        if self.previous_forecast is not None:
            return SavingFigures(self.target, self.previous_forecast)
        return SavingFigures(self.target, self.target)

    @property
    def variance(self) -> int:
        return self.figures.variance

    @property
    def off_target(self) -> bool:
        return self.status == SavingForecast.Status.OFF_TARGET

    @property
    def previous_figures(self) -> SavingFigures | None:
        if self.previous_forecast is None:
            return None
        return SavingFigures(self.target, self.previous_forecast)


@dataclass
class PeriodSavings:
    period: Period
    previous: Period | None
    workstreams: list[Workstream]
    rows: list[SavingRow]
    years: list[FinancialYear]
    targets: dict[tuple[int, int], int]  # (saving id, year id) -> target, every saving
    savings_by_workstream: dict[int, list[int]] = field(default_factory=dict)  # every saving
    mitigations: list[Mitigation] = field(default_factory=list)

    @property
    def not_updated(self) -> int:
        return sum(1 for row in self.rows if not row.reported)

    def rows_of(self, workstream_id: int) -> list[SavingRow]:
        return [row for row in self.rows if row.workstream_id == workstream_id]

    def total(self, rows: list[SavingRow] | None = None) -> Totals:
        return calculations.total(row.figures for row in (self.rows if rows is None else rows))

    def previous_total(self, rows: list[SavingRow]) -> Totals | None:
        """At the previous published period; a saving not reported then counts as on target."""
        if self.previous is None:
            return None
        return calculations.total(row.previous_figures or SavingFigures(row.target, row.target) for row in rows)

    def programme_target(self, workstream_id: int, year_id: int | None = None) -> int:
        """A workstream's targets over the programme years (or one year), every saving."""
        year_ids = [year.id for year in self.years] if year_id is None else [year_id]
        return sum(
            self.targets.get((saving_id, y), 0)
            for saving_id in self.savings_by_workstream.get(workstream_id, [])
            for y in year_ids
        )

    @property
    def years_label(self) -> str:
        if not self.years:
            return ""
        return f"{self.years[0].start_year}-{str(self.years[-1].start_year + 1)[2:]}"


def period_savings(period: Period) -> PeriodSavings:
    """Every saving reported at a period. A saving is listed when it has a target for the
    period's year other than nil, or a forecast at the period. Six queries."""
    previous = previous_period(period, published_only=True)
    workstreams = list(Workstream.objects.select_related("programme").order_by("programme__order", "order", "code"))
    savings = list(Saving.objects.order_by("order", "code").values("id", "code", "description", "workstream_id"))
    start = period.year.start_year
    target_rows = list(
        SavingTarget.objects.filter(year__start_year__gte=start, year__start_year__lt=start + PROGRAMME_YEARS)
        .select_related("year")
        .only("saving_id", "amount", "year__id", "year__code", "year__start_year")
    )
    period_ids = [period.id] + ([previous.id] if previous else [])
    forecasts = {
        (f.saving_id, f.period_id): f
        for f in SavingForecast.objects.filter(period_id__in=period_ids).only(
            "saving_id",
            "period_id",
            "forecast",
            "status",
            "rag",
            "explanation",
            "recovery_action",
            "version",
            "carried_from_id",
        )
    }
    years = sorted({t.year for t in target_rows}, key=lambda y: y.start_year)
    targets = {(t.saving_id, t.year_id): t.amount for t in target_rows}
    by_workstream: dict[int, list[int]] = {}
    for saving in savings:
        by_workstream.setdefault(saving["workstream_id"], []).append(saving["id"])
    order = {w.id: i for i, w in enumerate(workstreams)}
    rows = []
    for saving in sorted(savings, key=lambda s: order.get(s["workstream_id"], 0)):
        row = _row(saving, targets.get((saving["id"], period.year_id)), forecasts, period, previous)
        if row is not None:
            rows.append(row)
    return PeriodSavings(
        period=period,
        previous=previous,
        workstreams=workstreams,
        rows=rows,
        years=years,
        targets=targets,
        savings_by_workstream=by_workstream,
        mitigations=list(Mitigation.objects.filter(period=period)),
    )


def _row(
    saving: dict, target: int | None, forecasts: dict, period: Period, previous: Period | None
) -> SavingRow | None:
    current = forecasts.get((saving["id"], period.id))
    if current is None and not target:
        return None
    before = forecasts.get((saving["id"], previous.id)) if previous else None
    return SavingRow(
        id=saving["id"],
        code=saving["code"],
        description=saving["description"],
        workstream_id=saving["workstream_id"],
        target=target or 0,
        forecast=current.forecast if current else None,
        status=current.status if current else (before.status if before else SavingForecast.Status.ON_TARGET),
        rag=current.rag if current else "",
        explanation=current.explanation if current else "",
        recovery_action=current.recovery_action if current else "",
        version=current.version if current else 0,
        previous_forecast=before.forecast if before else None,
        previous_explanation=before.explanation if before else "",
        previous_recovery_action=before.recovery_action if before else "",
        carried=bool(current and current.carried_from_id),
    )


# --- Committee tables ------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryRow:
    """2.8.3: savings off target, on target, and the total, with the previously reported variance."""

    kind: str  # "line" or "grand_total"
    label: str
    target: int
    forecast: int
    variance: int
    previous_variance: int | None
    at_risk: int


def summary_table(data: PeriodSavings) -> list[SummaryRow]:
    off = [row for row in data.rows if row.off_target]
    on = [row for row in data.rows if not row.off_target]
    result = []
    for kind, label, rows in (
        ("line", "Savings off target", off),
        ("line", "Savings on target", on),
        ("grand_total", "Total savings", data.rows),
    ):
        totals, before = data.total(rows), data.previous_total(rows)
        result.append(
            SummaryRow(
                kind=kind,
                label=label,
                target=totals.target,
                forecast=totals.forecast,
                variance=totals.variance,
                previous_variance=before.variance if before else None,
                at_risk=totals.at_risk,
            )
        )
    return result


@dataclass(frozen=True)
class ProgrammeRow:
    """The programme summary: targets by programme and workstream for each programme year."""

    kind: str  # "heading", "line", "total" or "grand_total"
    depth: int
    label: str
    targets: tuple[int, ...]

    @property
    def programme_total(self) -> int | None:
        return sum(self.targets) if self.kind != "heading" else None

    def year(self, index: int) -> int | None:
        return self.targets[index] if index < len(self.targets) else None


def programme_table(data: PeriodSavings) -> list[ProgrammeRow]:
    rows: list[ProgrammeRow] = []
    grand = [0] * len(data.years)
    programmes: dict[int, list[Workstream]] = {}
    for workstream in data.workstreams:
        programmes.setdefault(workstream.programme_id, []).append(workstream)
    for workstreams in programmes.values():
        programme = workstreams[0].programme
        rows.append(ProgrammeRow("heading", 0, programme.name, ()))
        subtotal = [0] * len(data.years)
        for workstream in workstreams:
            targets = tuple(data.programme_target(workstream.id, year.id) for year in data.years)
            rows.append(ProgrammeRow("line", 1, workstream.name, targets))
            subtotal = [a + b for a, b in zip(subtotal, targets, strict=True)]
        rows.append(ProgrammeRow("total", 0, f"Total {programme.name}", tuple(subtotal)))
        grand = [a + b for a, b in zip(grand, subtotal, strict=True)]
    rows.append(ProgrammeRow("grand_total", 0, "Total savings", tuple(grand)))
    return rows


@dataclass(frozen=True)
class ProjectRow:
    """Appendix D: each workstream (with its savings over the programme years) and its projects
    with this year's target, the period's forecast and the variance."""

    kind: str  # "workstream", "line" or "grand_total"
    depth: int
    code: str
    label: str
    workstream_savings: int | None = None
    target: int | None = None
    forecast: int | None = None
    variance: int | None = None
    status: str = ""
    reported: bool = True


def projects_table(data: PeriodSavings) -> list[ProjectRow]:
    rows: list[ProjectRow] = []
    for workstream in data.workstreams:
        projects = data.rows_of(workstream.id)
        if not projects:
            continue
        rows.append(ProjectRow("workstream", 0, workstream.code, workstream.name, data.programme_target(workstream.id)))
        for project in projects:
            figures = project.figures
            rows.append(
                ProjectRow(
                    kind="line",
                    depth=1,
                    code=project.code,
                    label=project.description,
                    target=figures.target,
                    forecast=figures.forecast,
                    variance=figures.variance,
                    status="Off target" if project.off_target else "On target",
                    reported=project.reported,
                )
            )
    totals = data.total()
    rows.append(
        ProjectRow(
            "grand_total",
            0,
            "",
            "Total",
            sum(data.programme_target(w.id) for w in data.workstreams),
            totals.target,
            totals.forecast,
            totals.variance,
        )
    )
    return rows


@dataclass(frozen=True)
class KeyVariance:
    code: str
    description: str
    target: int
    forecast: int
    variance: int
    explanation: str
    recovery_action: str


def key_variances(data: PeriodSavings) -> list[KeyVariance]:
    """The savings off target, with the explanation and recovery action reported."""
    return [
        KeyVariance(
            row.code,
            row.description,
            row.target,
            row.figures.forecast,
            row.variance,
            row.explanation,
            row.recovery_action,
        )
        for row in data.rows
        if row.off_target
    ]


# --- Dashboard panel ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkstreamDelivery:
    name: str
    target: int
    delivered: int
    at_risk: int
    previous_at_risk: int | None


@dataclass(frozen=True)
class Delivery:
    period: Period
    previous: Period | None
    workstreams: list[WorkstreamDelivery]
    total: Totals
    previous_total: Totals | None

    @property
    def at_risk_movement(self) -> int | None:
        return calculations.movement(self.total.at_risk, self.previous_total.at_risk if self.previous_total else None)


def delivery(data: PeriodSavings) -> Delivery:
    workstreams = []
    for workstream in data.workstreams:
        rows = data.rows_of(workstream.id)
        if not rows:
            continue
        totals, before = data.total(rows), data.previous_total(rows)
        workstreams.append(
            WorkstreamDelivery(
                name=workstream.name,
                target=totals.target,
                delivered=totals.delivered,
                at_risk=totals.at_risk,
                previous_at_risk=before.at_risk if before else None,
            )
        )
    return Delivery(data.period, data.previous, workstreams, data.total(), data.previous_total(data.rows))


# --- Entry -----------------------------------------------------------------------------------------


def entry_rows(period: Period, workstream: Workstream) -> list[SavingRow]:
    """The workstream's savings for the entry form (the same six queries as the tables)."""
    return period_savings(period).rows_of(workstream.id)


DEPARTMENT = "ASC"  # the department whose programme this is (Adult Social Services), for planning


def targets_by_year(year_codes) -> dict[str, dict[str, int]]:
    """The programme's targets (every saving, negative) by year, as the department's agreed
    savings: {DEPARTMENT: {year code: pence}}; a year without targets is left out."""
    rows = (
        SavingTarget.objects.filter(year__code__in=list(year_codes))
        .values("year__code")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {DEPARTMENT: {row["year__code"]: row["total"] for row in rows}}
