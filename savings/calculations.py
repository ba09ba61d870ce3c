"""Pure calculations for the savings programme: no database, integer pence in and out.

Savings are reductions, so targets and forecasts are negative. Variance = forecast - target:
a positive variance is a shortfall (that much of the saving is at risk of non-delivery), a
negative one over-delivery. Totals are sums of the savings below them; printed totals from
the papers are only ever checked (ascweb.fidelity.check_printed_total).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from ascweb.money import format_gbp, format_pounds


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


def movement(current: int, previous: int | None) -> int | None:
    """Change since the previous published period; None when there is nothing to compare."""
    if previous is None:
        return None
    return current - previous


def needs_off_target(target: int, forecast: int) -> bool:
    """A forecast short of its target must be reported off target."""
    return variance(target, forecast) > 0


def forecast_problems(
    target: int, forecast: int | None, *, off_target: bool | None, explanation: str, recovery_action: str
) -> list[tuple[str, str]]:
    """What is wrong with a saving's forecast as reported for a period, by the officers' form
    and by an import alike: (field, message) pairs, field one of "forecast", "status",
    "explanation", "recovery_action"; each message is for the caller to prefix with the
    saving's name. `forecast` None: not given (already reported as such); `off_target` None:
    no valid status given.

    A saving is a reduction, so the forecast is negative; an off-target saving says why and
    what will recover it; a forecast short of its target is off target."""
    if forecast is not None and forecast > 0:
        return [("forecast", "enter the saving as a negative amount (a reduction in spend), like -250,000")]
    problems = []
    if off_target:
        for name, what in (("explanation", "why it is off target"), ("recovery_action", "the recovery action")):
            if not (explanation if name == "explanation" else recovery_action).strip():
                problems.append((name, f"it is off target, so give {what}"))
    elif off_target is False and forecast is not None and needs_off_target(target, forecast):
        problems.append(
            (
                "status",
                f"the forecast is £{format_pounds(forecast - target)} short of the target of {format_gbp(target)}, "
                "so mark it off target",
            )
        )
    return problems
