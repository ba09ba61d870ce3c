"""Pure calculations for the iBCF plan (integer pence, no database).

The plan total for a year is the sum of its schemes' allocations; the funding is the sum of
the grant streams for that year. The "Funded by" lines are shown negative, as the papers do,
and the Balance line is plan total + funded-by total: zero when the plan spends exactly the
funding, negative when money is left unallocated.
"""

import re
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


# --- Figures the papers print, against the stored rows ------------------------------------------


@dataclass(frozen=True)
class Sum:
    """What stored figures add up to, and how many they are (each may carry the rounding of
    the paper it was typed from, so a printed figure may differ by that much more)."""

    pence: int = 0
    terms: int = 0

    def __add__(self, other: "Sum") -> "Sum":
        return Sum(self.pence + other.pence, self.terms + other.terms)

    def __neg__(self) -> "Sum":
        return Sum(-self.pence, self.terms)


Figures = dict[str, dict[int, Sum]]  # a name (scheme, stream, "TOTAL", ...) -> start year -> sum


def figures_by_year(amounts: Iterable[tuple[str, int, int]]) -> Figures:
    """(name, start year, pence) rows as Figures: one term each."""
    figures: Figures = {}
    for name, year, pence in amounts:
        figures.setdefault(name, {})[year] = Sum(pence, 1)
    return figures


def total_by_year(figures: Figures) -> dict[int, Sum]:
    """Every name's figures added up, year by year."""
    totals: dict[int, Sum] = {}
    for by_year in figures.values():
        for year, figure in by_year.items():
            totals[year] = totals.get(year, Sum()) + figure
    return totals


def combine(first: dict[int, Sum], second: dict[int, Sum]) -> dict[int, Sum]:
    """Two rows of figures added year by year (negate one to take it from the other)."""
    return {year: first.get(year, Sum()) + second.get(year, Sum()) for year in first.keys() | second.keys()}


def add_up(figures: Figures, names: Iterable[str], years: Iterable[int]) -> Sum:
    """The figures of `names` in `years` added together; a year a name has no figure for adds nothing."""
    years = list(years)
    return sum((figures[name].get(year, Sum()) for name in names for year in years), Sum())


_YEAR = re.compile(r"([0-9]{4})-([0-9]{2})")  # ASCII digits only


def start_year(text: str) -> int | None:
    """2017 for '2017-18'; None if the text is not a financial year."""
    match = _YEAR.fullmatch(text.strip())
    if match is None or (int(match[1]) + 1) % 100 != int(match[2]):
        return None
    return int(match[1])


def years_in(text: str) -> list[int] | None:
    """The years a figure covers: [2017] for '2017-18', [2017, 2018, 2019] for '2017-18 to
    2019-20' (a figure printed for several years together); None if the text is neither."""
    first, _to, last = (part.strip() for part in text.partition(" to "))
    start = start_year(first)
    end = start_year(last) if _to else start
    if start is None or end is None or end < start:
        return None
    return list(range(start, end + 1))
