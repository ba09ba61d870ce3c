"""Reads for the planning pages, tables and pack: plain rows, every total computed from its
lines (planning.calculations). Members see published rounds only; finance staff see drafts."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404

from ascweb import permissions
from ascweb.models import Period
from ascweb.money import format_m, format_pct
from ascweb.registry import SAVINGS_TARGETS, registry
from planning import calculations
from planning.models import (
    PLANNING_YEARS,
    Allocation,
    Assumption,
    BridgeLine,
    Department,
    PeriodRound,
    PlanningRound,
)

Category = BridgeLine.Category
REVISED_GAP, TO_FIND = calculations.REVISED_GAP, calculations.TO_FIND


def year_codes(round_: PlanningRound) -> list[str]:
    start = round_.first_year.start_year
    return [f"{year}-{(year + 1) % 100:02d}" for year in range(start, start + PLANNING_YEARS)]


def rounds_visible_to(user) -> QuerySet[PlanningRound]:
    rounds = PlanningRound.objects.select_related("first_year").order_by("-created_at", "-id")
    if permissions.is_finance(user):
        return rounds
    if permissions.is_member(user):
        return rounds.filter(status=PlanningRound.Status.PUBLISHED)
    return rounds.none()


def round_or_404(user, pk: int) -> PlanningRound:
    """The round if this user may see it; a 404 otherwise, so drafts stay unseen."""
    found = rounds_visible_to(user).filter(pk=pk).first()
    if found is None:
        raise Http404("No such planning round")
    return found


def previous_round(round_: PlanningRound) -> PlanningRound | None:
    """The published round before this one: what its changes are shown against."""
    earlier = PlanningRound.objects.filter(status=PlanningRound.Status.PUBLISHED, created_at__lt=round_.created_at)
    return earlier.select_related("first_year").order_by("-created_at", "-id").first()


def latest_published() -> PlanningRound | None:
    rounds = PlanningRound.objects.filter(status=PlanningRound.Status.PUBLISHED).select_related("first_year")
    return rounds.order_by("-published_at", "-id").first()


def round_for_period(period: Period) -> PlanningRound | None:
    """The round a period's page, tables and pack show: for a published period the round fixed
    when it was published (planning.lifecycle), otherwise the latest published round."""
    if period.is_published:
        fixed = PeriodRound.objects.filter(period=period).select_related("round__first_year").first()
        return fixed.round if fixed else None
    return latest_published()


# --- The figures of a round ----------------------------------------------------------------------


@dataclass
class Row:
    """A long-format row (one year's figure of one line), as the tables and CSV print it."""

    round: str
    year: str
    label: str
    kind: str = "line"  # "line" or "total"
    amount: int | None = None


@dataclass
class BridgeYear:
    year: str
    lines: dict[str, int]  # category -> pence

    @property
    def revised_gap(self) -> int:
        return calculations.revised_gap(list(self.lines.values()))

    @property
    def to_find(self) -> int:
        return calculations.savings_to_find(self.revised_gap)


def bridge(round_: PlanningRound) -> list[BridgeYear]:
    lines = BridgeLine.objects.filter(round=round_).values_list("year__code", "category", "amount")
    by_year: dict[str, dict[str, int]] = {code: {} for code in year_codes(round_)}
    for code, category, amount in lines:
        by_year.setdefault(code, {})[category] = amount
    return [BridgeYear(code, found) for code, found in by_year.items()]


def bridge_rows(round_: PlanningRound) -> list[Row]:
    rows = []
    for year in bridge(round_):
        rows += [
            Row(round_.name, year.year, label, amount=year.lines.get(value, 0)) for value, label in Category.choices
        ]
        rows.append(Row(round_.name, year.year, REVISED_GAP, "total", year.revised_gap))
        rows.append(Row(round_.name, year.year, TO_FIND, "total", year.to_find))
    return rows


@dataclass
class AssumptionRow:
    round: str
    year: str
    tax_yield: int
    tax_increase: Decimal | None
    precept: Decimal | None
    base_growth: Decimal | None


def assumption_rows(round_: PlanningRound) -> list[AssumptionRow]:
    ratio = calculations.percent_ratio
    return [
        AssumptionRow(
            round_.name, a.year.code, a.tax_yield, ratio(a.tax_increase), ratio(a.precept), ratio(a.base_growth)
        )
        for a in Assumption.objects.filter(round=round_).select_related("year").order_by("year__start_year")
    ]


@dataclass
class AllocationRow:
    round: str
    year: str
    name: str
    committee: str
    net_budget: int = 0
    agreed: int = 0
    new_share: int = 0
    changes: int = 0
    kind: str = "line"

    @property
    def total(self) -> int:
        return self.agreed + self.new_share + self.changes

    @property
    def share_of_budget(self) -> Decimal | None:
        return calculations.share_of_budget(self.total, self.net_budget)


def savings_targets(round_: PlanningRound) -> dict[str, dict[str, int]]:
    """The savings programme's agreed savings by department and year, through the registry."""
    return registry.read(SAVINGS_TARGETS, year_codes(round_), default={}) or {}


def allocation_rows(round_: PlanningRound) -> list[AllocationRow]:
    """Each department's targets by year: the new savings to find shared by the round's rule
    (in proportion to net budget) unless entered; agreed savings of a department the savings
    programme speaks for read from it while the round is a draft (frozen when published)."""
    to_find = {year.year: year.to_find for year in bridge(round_)}
    targets = savings_targets(round_)
    allocations = list(
        Allocation.objects.filter(round=round_)
        .select_related("department__committee", "year")
        .order_by("year__start_year", "department__order", "department__code")
    )
    rows: list[AllocationRow] = []
    for code in year_codes(round_):
        of_year = [a for a in allocations if a.year.code == code]
        by_rule = calculations.shares(-to_find.get(code, 0), {a.department_id: a.net_budget for a in of_year})
        entered = round_.share_rule == PlanningRound.ShareRule.ENTERED  # else the entered shares are unused
        for a in of_year:
            linked = a.agreed is None
            agreed = targets.get(a.department.code, {}).get(code, 0) if linked else a.agreed
            share = (a.new_share or 0) if entered else by_rule[a.department_id]
            rows.append(
                AllocationRow(
                    round_.name, code, a.department.name, a.department.committee.name,
                    a.net_budget, agreed, share, a.changes,
                )
            )  # fmt: skip
    return rows


def committee_rows(round_: PlanningRound) -> list[AllocationRow]:
    """The departments' targets added up by committee, year by year."""
    found: dict[tuple[str, str], AllocationRow] = {}
    for row in allocation_rows(round_):
        total = found.setdefault((row.year, row.committee), AllocationRow(row.round, row.year, row.committee, ""))
        total.net_budget += row.net_budget
        total.agreed += row.agreed
        total.new_share += row.new_share
        total.changes += row.changes
    return list(found.values())


@dataclass
class SavingsLink:
    """A department whose agreed savings are the savings programme's targets, year by year:
    (year, in the round, in the savings programme now)."""

    department: str
    years: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return all(in_round == in_programme for _year, in_round, in_programme in self.years)


def savings_links(round_: PlanningRound) -> list[SavingsLink]:
    targets = savings_targets(round_)
    departments = {d.code: d.name for d in Department.objects.filter(code__in=list(targets))}
    links = {code: SavingsLink(name) for code, name in departments.items()}
    names = {name: code for code, name in departments.items()}
    for row in allocation_rows(round_):
        code = names.get(row.name)
        if code is not None:
            links[code].years.append((row.year, row.agreed, targets[code].get(row.year, 0)))
    return [link for link in links.values() if link.years]


def own_committee(round_: PlanningRound) -> str:
    """The committee of the department the savings programme speaks for (the members' own):
    its name, or blank where no department of the round is so linked."""
    departments = Department.objects.filter(code__in=list(savings_targets(round_))).select_related("committee")
    return next((d.committee.name for d in departments), "")


def frozen_agreed(round_: PlanningRound) -> dict[int, int]:
    """What publishing stores for each allocation whose agreed savings are read from the
    savings programme: {allocation id: pence}."""
    targets = savings_targets(round_)
    linked = Allocation.objects.filter(round=round_, agreed__isnull=True).select_related("department", "year")
    return {a.id: targets.get(a.department.code, {}).get(a.year.code, 0) for a in linked}


def _shown(value) -> str:
    """A figure of the changes page: £m, a percentage, or a dash where a round has none."""
    if isinstance(value, Decimal):
        return format_pct(value)
    return format_m(value)


# --- What changed since the previous round ---------------------------------------------------------


@dataclass
class Change:
    table: str
    year: str
    label: str
    before: str
    after: str


def changes(round_: PlanningRound, previous: PlanningRound) -> list[Change]:
    """Every figure that differs between the two rounds (a figure only one has shows as None)."""
    found: list[Change] = []

    def compare(table: str, now: dict, then: dict) -> None:
        for key in sorted(set(now) | set(then), key=str):
            if now.get(key) != then.get(key):
                found.append(Change(table, key[0], key[1], _shown(then.get(key)), _shown(now.get(key))))

    def bridge_map(r):
        return {(row.year, row.label): row.amount for row in bridge_rows(r)}

    def allocation_map(r):
        return {(row.year, row.name): row.total for row in allocation_rows(r)}

    def assumption_map(r):
        out = {}
        for row in assumption_rows(r):
            out[(row.year, "Council tax yield")] = row.tax_yield
            out[(row.year, "Council tax increase")] = row.tax_increase
            out[(row.year, "Adult social care precept")] = row.precept
            out[(row.year, "Council tax base growth")] = row.base_growth
        return out

    compare("Gap bridge", bridge_map(round_), bridge_map(previous))
    compare("Assumptions", assumption_map(round_), assumption_map(previous))
    compare("Savings to deliver", allocation_map(round_), allocation_map(previous))
    return found
