"""Reads for the iBCF pages, tables, exports and dashboard panel: plain rows, totals computed,
a fixed number of queries whatever the number of schemes, versions or streams."""

from dataclasses import dataclass, field
from typing import Any

from ascweb.missing import NO_PROGRESS, given
from ascweb.models import Period
from ascweb.registry import RESERVE_ROWS, registry
from ascweb.statements import StatementLine, statement_lines
from ibcf import calculations
from ibcf.models import (
    AcuteSystemAllocation,
    GrantAmount,
    GrantStream,
    PlanVersion,
    Scheme,
    SchemeAllocation,
    SchemeUpdate,
    year_code,
)

PLAN_YEARS = 3  # the plan runs three years from the monitoring year


def plan_years(period: Period) -> list[int]:
    return [period.year.start_year + offset for offset in range(PLAN_YEARS)]


def version_for(period: Period) -> PlanVersion | None:
    """The plan as it stood when the period was reported: the latest version dated on or
    before the committee meeting (the latest of all when the meeting is not set)."""
    versions = PlanVersion.objects.order_by("-date", "-id")
    if period.committee_meeting:
        dated = versions.filter(date__lte=period.committee_meeting).first()
        if dated:
            return dated
    return versions.first()


@dataclass(frozen=True)
class PlanRow:
    """A row of Appendix C. amounts: start year -> pence (missing years are None)."""

    kind: str  # "line", "total", "funding", "funding_total" or "balance"
    code: str
    label: str
    years: tuple[int, ...]
    amounts: dict[int, int] = field(default_factory=dict)
    priority: str = ""
    condition: str = ""
    impact: str = ""
    activity_progress: str = ""
    spend_to_date: int | None = None
    forecast: int | None = None

    def amount(self, offset: int) -> int | None:
        return self.amounts.get(self.years[offset]) if offset < len(self.years) else None

    @property
    def year_1(self) -> int | None:
        return self.amount(0)

    @property
    def year_2(self) -> int | None:
        return self.amount(1)

    @property
    def year_3(self) -> int | None:
        return self.amount(2)


def _streams() -> list[tuple[GrantStream, dict[int, int]]]:
    streams = list(GrantStream.objects.order_by("order", "code"))
    amounts: dict[int, dict[int, int]] = {s.id: {} for s in streams}
    for grant in GrantAmount.objects.all():
        amounts.setdefault(grant.stream_id, {})[grant.start_year] = grant.amount
    return [(s, amounts[s.id]) for s in streams]


def appendix_c(period: Period, version: PlanVersion | None = None) -> list[PlanRow]:
    """Appendix C: schemes, plan total, the funded-by lines (negative), their total, and the
    Balance (plan total + funded-by total; zero when the plan spends exactly the funding).
    `version` defaults to the plan as it stood for the period (pass it when already read)."""
    version = version or version_for(period)
    if version is None:
        return []
    years = tuple(plan_years(period))
    allocations: dict[int, dict[int, int]] = {}
    for allocation in SchemeAllocation.objects.filter(version=version, start_year__in=years):
        allocations.setdefault(allocation.scheme_id, {})[allocation.start_year] = allocation.amount
    updates = {u.scheme_id: u for u in SchemeUpdate.objects.filter(period=period)}
    rows = []
    for scheme in Scheme.objects.filter(id__in=allocations).order_by("order", "code"):
        update = updates.get(scheme.id)
        rows.append(
            PlanRow(
                kind="line",
                code=scheme.code,
                label=f"{scheme.code} {scheme.description}",
                years=years,
                amounts=allocations[scheme.id],
                priority=scheme.priority,
                condition=scheme.condition_text or scheme.condition,
                impact=scheme.impact,
                activity_progress=given(update.activity_progress if update else "", period, NO_PROGRESS),
                spend_to_date=update.spend_to_date if update else None,
                forecast=update.forecast if update else None,
            )
        )
    plan_total = calculations.year_totals((y, a) for amounts in allocations.values() for y, a in amounts.items())
    rows.append(PlanRow("total", "total", "Total", years, {y: plan_total.get(y, 0) for y in years}))
    funding: dict[int, int] = dict.fromkeys(years, 0)
    for stream, amounts in _streams():
        funded = {y: -amounts[y] for y in years if y in amounts}
        for y, pence in funded.items():
            funding[y] += -pence
        rows.append(PlanRow("funding", stream.code, f"Funded by: {stream.label}", years, funded))
    rows.append(PlanRow("funding_total", "funding", "Funded by: Total", years, {y: -funding[y] for y in years}))
    rows.append(
        PlanRow(
            "balance",
            "balance",
            "Balance",
            years,
            {y: calculations.balance(plan_total.get(y, 0), funding[y]) for y in years},
        )
    )
    return rows


# --- Plan versions and what changed -------------------------------------------------------------


@dataclass(frozen=True)
class VersionChanges:
    version: PlanVersion
    previous: PlanVersion | None
    changes: list[calculations.Change]

    def rows(self) -> list["ChangeRow"]:
        return [ChangeRow(c.key, year_code(c.start_year), c.before, c.after, c.difference) for c in self.changes]


@dataclass(frozen=True)
class ChangeRow:
    scheme: str
    year: str
    before: int | None
    after: int | None
    difference: int


def plan_history() -> list[VersionChanges]:
    """Every plan version, newest first, with what changed from the version before it."""
    versions = list(PlanVersion.objects.order_by("date", "id"))
    amounts: dict[int, dict[tuple[str, int], int]] = {v.id: {} for v in versions}
    for allocation in SchemeAllocation.objects.select_related("scheme"):
        amounts[allocation.version_id][(allocation.scheme.code, allocation.start_year)] = allocation.amount
    order = dict(Scheme.objects.values_list("code", "order"))
    history = []
    for index, version in enumerate(versions):
        previous = versions[index - 1] if index else None
        changes = calculations.plan_changes(amounts[previous.id], amounts[version.id], order) if previous else []
        history.append(VersionChanges(version, previous, changes))
    return list(reversed(history))


# --- Split by acute system ------------------------------------------------------------------------


@dataclass(frozen=True)
class SystemRow:
    kind: str  # "line" or "total"
    label: str
    years: tuple[int, ...]
    amounts: dict[int, int]

    @property
    def year_1(self) -> int | None:
        return self.amounts.get(self.years[0])

    @property
    def year_2(self) -> int | None:
        return self.amounts.get(self.years[1])

    @property
    def year_3(self) -> int | None:
        return self.amounts.get(self.years[2])


def acute_split(period: Period) -> tuple[PlanVersion | None, list[SystemRow]]:
    """The latest split by acute system published on or before the period's meeting."""
    allocations = list(AcuteSystemAllocation.objects.select_related("system", "version"))
    if period.committee_meeting:
        allocations = [a for a in allocations if a.version.date <= period.committee_meeting] or allocations
    if not allocations:
        return None, []
    version = max((a.version for a in allocations), key=lambda v: (v.date, v.id))
    years = tuple(plan_years(period))
    systems: dict[int, tuple] = {}
    for a in allocations:
        if a.version_id == version.id and a.start_year in years:
            systems.setdefault(a.system_id, (a.system, {}))[1][a.start_year] = a.amount
    ordered = sorted(systems.values(), key=lambda s: (s[0].order, s[0].name))
    rows = [SystemRow("line", system.label, years, amounts) for system, amounts in ordered]
    totals = calculations.year_totals((y, p) for _system, amounts in ordered for y, p in amounts.items())
    rows.append(SystemRow("total", "Total", years, {y: totals.get(y, 0) for y in years}))
    return version, rows


# --- Carry-forward to the reserve -----------------------------------------------------------------


@dataclass(frozen=True)
class CarryForward:
    stream: GrantStream
    reserve: Any  # the reserve's row in the period's statement (RESERVE_ROWS), or None


def carry_forward(period: Period) -> list[CarryForward]:
    """Each grant stream linked to a reserve, with that reserve's row in the period's statement
    (read through the registry: the reserves app offers it)."""
    streams = list(GrantStream.objects.filter(reserve__isnull=False).order_by("order", "code"))
    rows = registry.read(RESERVE_ROWS, period, [stream.reserve_id for stream in streams], default={})
    return [CarryForward(stream, rows.get(stream.reserve_id)) for stream in streams]


# --- Plan against spend (dashboard panel) ---------------------------------------------------------


@dataclass(frozen=True)
class SpendRow:
    code: str
    label: str
    figures: calculations.PlanAgainstSpend

    @property
    def plan(self) -> int:
        return self.figures.plan

    @property
    def spend_to_date(self) -> int | None:
        return self.figures.spend_to_date

    @property
    def forecast(self) -> int | None:
        return self.figures.forecast


def plan_against_spend(period: Period) -> list[SpendRow]:
    """Each scheme's plan for the period's year beside its reported spend and forecast."""
    year = period.year.start_year
    return [
        SpendRow(
            row.code,
            row.label,
            calculations.PlanAgainstSpend(row.amounts.get(year, 0), row.spend_to_date, row.forecast),
        )
        for row in appendix_c(period)
        if row.kind == "line"
    ]


# --- Update form -----------------------------------------------------------------------------------


class UpdateEntry(StatementLine):
    @property
    def scheme(self) -> Scheme:
        return self.item


def update_entry_lines(period: Period) -> tuple[list[UpdateEntry], Period | None]:
    """Every scheme with this period's update and the previous period's beside it."""
    return statement_lines(period, SchemeUpdate, "scheme", UpdateEntry)
