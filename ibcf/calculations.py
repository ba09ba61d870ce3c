"""Pure calculations for the iBCF plan (integer pence, no database).

The plan total for a year is the sum of its schemes' allocations; the funding is the sum of
the grant streams for that year. The "Funded by" lines are shown negative, as the papers do,
and the Balance line is plan total + funded-by total: zero when the plan spends exactly the
funding, negative when money is left unallocated.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


def year_totals(amounts: Iterable[tuple[int, int]]) -> dict[int, int]:
    """(start year, pence) pairs summed per year."""
    totals: dict[int, int] = {}
    for year, pence in amounts:
        totals[year] = totals.get(year, 0) + pence
    return totals


def balance(plan_total: int, funding: int) -> int:
    """Plan total less funding (the paper's Balance: total plus the negative funded-by lines)."""
    return plan_total - funding


@dataclass(frozen=True)
class Change:
    """One figure that differs between two plan versions."""

    key: str  # scheme code or system name
    start_year: int
    before: int | None
    after: int | None

    @property
    def difference(self) -> int:
        return (self.after or 0) - (self.before or 0)


def plan_changes(
    before: Mapping[tuple[str, int], int], after: Mapping[tuple[str, int], int], order: Mapping[str, int]
) -> list[Change]:
    """Every (scheme, year) whose amount differs, was added or was removed, in scheme order."""
    keys = sorted(set(before) | set(after), key=lambda k: (order.get(k[0], 0), k[0], k[1]))
    return [
        Change(key, year, before.get((key, year)), after.get((key, year)))
        for key, year in keys
        if before.get((key, year)) != after.get((key, year))
    ]


@dataclass(frozen=True)
class PlanAgainstSpend:
    """A scheme's plan for the year beside what is reported spent and forecast (None: not reported)."""

    plan: int
    spend_to_date: int | None
    forecast: int | None

    @property
    def variance(self) -> int | None:
        return None if self.forecast is None else self.forecast - self.plan


def records_nothing(spend_to_date: int | None, forecast: int | None, activity_progress: str) -> bool:
    """A scheme update with no figure and no text: nothing to record for a scheme not yet
    updated at the period (the papers print narrative only, so figures are optional)."""
    return spend_to_date is None and forecast is None and not activity_progress.strip()
