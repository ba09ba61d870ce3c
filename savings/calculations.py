"""Pure calculations for the savings programme: no database, integer pence in and out.

Savings are reductions, so targets and forecasts are negative. Variance = forecast - target:
a positive variance is a shortfall (that much of the saving is at risk of non-delivery), a
negative one over-delivery. Totals are sums of the savings below them; printed totals from
the papers are only ever checked (finance.calculations.check_printed).
"""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from finance.calculations import PrintedCheck, check_printed, rounding_tolerance

__all__ = ["PrintedCheck", "check_printed", "rounding_tolerance"]

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def variance(target: int, forecast: int) -> int:
    return forecast - target


def at_risk(variance_pence: int) -> int:
    """The part of a saving not forecast to be delivered (never negative)."""
    return max(variance_pence, 0)


def delivered(forecast: int) -> int:
    """A forecast saving as a positive amount of money saved."""
    return -forecast


@dataclass(frozen=True)
class SavingFigures:
    target: int = 0
    forecast: int = 0

    @property
    def variance(self) -> int:
        return variance(self.target, self.forecast)

    @property
    def at_risk(self) -> int:
        """Shortfall; summed per saving (see `Totals`) so one project's over-delivery does
        not hide another's shortfall."""
        return at_risk(self.variance)

    @property
    def delivered(self) -> int:
        return delivered(self.forecast)

    def __add__(self, other: "SavingFigures") -> "SavingFigures":
        return SavingFigures(self.target + other.target, self.forecast + other.forecast)


@dataclass(frozen=True)
class Totals:
    """Sum of several savings: target, forecast, variance, and the shortfall at risk summed
    saving by saving."""

    target: int = 0
    forecast: int = 0
    at_risk: int = 0
    count: int = 0

    @property
    def variance(self) -> int:
        return variance(self.target, self.forecast)

    @property
    def delivered(self) -> int:
        return delivered(self.forecast)

    def add(self, figures: SavingFigures) -> "Totals":
        return Totals(
            self.target + figures.target,
            self.forecast + figures.forecast,
            self.at_risk + figures.at_risk,
            self.count + 1,
        )


def total(figures: Iterable[SavingFigures]) -> Totals:
    result = Totals()
    for item in figures:
        result = result.add(item)
    return result


def totals_by(items: Iterable[T], key: Callable[[T], K], figures: Callable[[T], SavingFigures]) -> dict[K, Totals]:
    """Totals per key (workstream, programme, status), in first-seen order."""
    result: dict[K, Totals] = {}
    for item in items:
        k = key(item)
        result[k] = result.get(k, Totals()).add(figures(item))
    return result


def movement(current: int, previous: int | None) -> int | None:
    """Change since the previous published period; None when there is nothing to compare."""
    if previous is None:
        return None
    return current - previous


def needs_off_target(target: int, forecast: int) -> bool:
    """A forecast short of its target must be reported off target."""
    return variance(target, forecast) > 0


def printed_value(printed: int, computed: int, *, magnitude: bool) -> int:
    """What to compare a printed figure with: prose prints amounts unsigned ('£3.874m')."""
    return abs(computed) if magnitude else computed


def check_rounded(printed: int, computed: int, *, terms: int, unit_pence: int) -> PrintedCheck:
    """Check a printed total to the unit the paper printed it in (£1,000 in tables, £1m or
    £0.1m in prose such as 'the required £47m')."""
    return PrintedCheck(printed, computed, rounding_tolerance(terms, unit_pence))
