"""What every part of the synthetic council shares: the council built so far, handed from one
part to the next, and money rounded as officers enter it."""

import datetime
import random
from dataclasses import dataclass, field

from ascweb.models import FinancialYear, Period
from finance.models import ReportingLine
from reserves.models import Reserve


@dataclass
class ScaleCouncil:
    """What make_scale_data has built so far, handed to each part in turn (bench.scale.build): the years,
    periods (with committee meeting dates) and reporting tree, each line's budget, the reserves
    (the iBCF links its carry-forward to SYN-R-IBCF), and the seeded random generator (draw
    from it in a fixed order so the data is the same for a seed)."""

    rng: random.Random
    years: list[FinancialYear] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    departments: list[ReportingLine] = field(default_factory=list)
    areas: list[ReportingLine] = field(default_factory=list)
    lines: list[ReportingLine] = field(default_factory=list)
    budgets: dict[int, int] = field(default_factory=dict)  # line id -> budget, pence (every period)
    reserves: list[Reserve] = field(default_factory=list)

    def periods_of(self, year: FinancialYear) -> list[Period]:
        return [p for p in self.periods if p.year_id == year.id]

    def area_of(self, line: ReportingLine) -> ReportingLine:
        return line.parent.parent  # line > group > area


# Money in synthetic data is rounded to £1,000, as officers enter it.
THOUSAND = 1_000 * 100


def round_thousands(pence: int) -> int:
    """To the nearest £1,000 towards zero (integer arithmetic: no floats for money)."""
    sign = -1 if pence < 0 else 1
    return sign * (abs(pence) // THOUSAND * THOUSAND)


def scaled(pence: int, percent: int) -> int:
    """`percent` per cent of an amount, to the £1,000."""
    return round_thousands(pence * percent // 100)


def committee_meeting(start_year: int, number: int) -> datetime.date:
    """When a synthetic period is reported: the 25th of the month after it (Period 1, April,
    in late May); year-end adjustments (Period 13) in mid May of the next year."""
    if number == 13:
        return datetime.date(start_year + 1, 5, 15)
    month = 4 + number  # the month after the period's: May for Period 1
    return datetime.date(start_year + (month - 1) // 12, (month - 1) % 12 + 1, 25)
