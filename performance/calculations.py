"""The dashboard's arithmetic, pure: quarters and the year to date from the months, targets
spread over their months, rates per 100,000 and the three-way rating. Exact decimals only.

Months are numbered as the periods are: 1 = April ... 12 = March.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

QUARTERS = {1: (1, 2, 3), 2: (4, 5, 6), 3: (7, 8, 9), 4: (10, 11, 12)}
SUM, LAST = "sum", "last"
LOWER = "lower"  # else higher is better
TOLERANCE = Decimal("0.05")  # "Within 5% of target"

MEETING = "meeting"
WITHIN = "within"
OFF = "off"


@dataclass(frozen=True)
class Rating:
    key: str  # MEETING, WITHIN or OFF
    words: str  # the paper's words
    mark: str  # a shape, so the rating never rests on colour alone


def rating(value: Decimal | None, target: Decimal | None, direction: str) -> Rating | None:
    """The paper's three-way rating of `value` against `target` (None: nothing to rate).
    Meeting target: at or better than the target. Within 5% of target: worse, but by no more
    than 5% of the target; exactly 5% worse is still within (the paper's third band is
    "> 5% over target", strictly more). Otherwise more than 5% worse. Direction-aware: for a
    higher-is-better indicator, worse is below."""
    if value is None or target is None:
        return None
    worse_by = value - target if direction == LOWER else target - value
    if worse_by <= 0:
        return Rating(MEETING, "Meeting target", "✓")
    if worse_by <= abs(target) * TOLERANCE:
        return Rating(WITHIN, "Within 5% of target", "△")
    return Rating(OFF, "> 5% over target" if direction == LOWER else "> 5% under target", "✗")


def combine(values: list[Decimal | None], aggregation: str) -> Decimal | None:
    """Several months as one figure: their sum, or for a proportion the latest month's (the
    paper prints a quarter's reablement figure as its last month's). None: no month known."""
    known = [value for value in values if value is not None]
    if not known:
        return None
    return sum(known, Decimal(0)) if aggregation == SUM else known[-1]


def quarter(months: list[Decimal | None], number: int, aggregation: str) -> Decimal | None:
    """Quarter `number` (1 = April to June) of twelve months' figures."""
    return combine([months[m - 1] for m in QUARTERS[number]], aggregation)


def latest_month(months: list[Decimal | None]) -> int | None:
    """The last month (1-12) with a figure."""
    known = [m for m, value in enumerate(months, start=1) if value is not None]
    return known[-1] if known else None


@dataclass(frozen=True)
class Span:
    """A target over months first to last (inclusive), 1 = April."""

    first: int
    last: int
    target: Decimal

    @property
    def months(self) -> range:
        return range(self.first, self.last + 1)


def month_target(spans: list[Span], month: int, aggregation: str) -> Decimal | None:
    """A month's target: its share of the span covering it (spread equally), or for a
    proportion the span's target itself. None: no target covers the month."""
    return target_over(spans, [month], aggregation)


def target_over(spans: list[Span], months: list[int], aggregation: str) -> Decimal | None:
    """The target of several months taken together: the covered share of each span (a span
    wholly inside adds its whole target, exactly), or for a proportion the latest covered
    month's span target. None: no month is covered."""
    covered = [(span, [m for m in months if m in span.months]) for span in spans]
    covered = [(span, inside) for span, inside in covered if inside]
    if not covered:
        return None
    if aggregation == LAST:
        return max(covered, key=lambda pair: max(pair[1]))[0].target
    return sum((span.target * len(inside) / len(span.months) for span, inside in covered), Decimal(0))


def targeted_months(spans: list[Span]) -> set[int]:
    return {m for span in spans for m in span.months}


def ytd_months(months: list[Decimal | None], spans: list[Span]) -> list[int]:
    """The months the year to date adds up: April to the latest month with a figure, only
    those with a target where any month has one, so it is compared like with like (the paper's
    delayed transfers had no target for Q1, and its year to date starts in July)."""
    last = latest_month(months)
    if last is None:
        return []
    targeted = targeted_months(spans)
    return [m for m in range(1, last + 1) if not targeted or m in targeted]


def rate(count: Decimal | None, population: int | None, per: int | None) -> Decimal | None:
    """A count per `per` people (per 100,000), exact; None when any part is unknown."""
    if count is None or not population or not per:
        return None
    return count * per / population


def rounded(value: Decimal | None, places: int = 1) -> Decimal | None:
    """Half up to `places` decimals, as the paper prints rates (10,712.9) and percentages."""
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def parse_figure(text: str) -> Decimal:
    """A figure as typed or printed: '1,110', '96%', '342.6'; ValueError when not a number."""
    cleaned = text.strip().replace(",", "").removesuffix("%").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not value.is_finite() or abs(value) >= Decimal(10) ** 11:
        raise ValueError(f"{text!r} is not a number within range")
    if value.as_tuple().exponent < -3:
        raise ValueError(f"{text!r} has more than three decimal places")
    return value


def format_figure(value: Decimal | None, unit: str = "count", places: int | None = None) -> str:
    """A figure as the dashboard prints it: counts with thousands separators (2,489), rates
    and percentages to one place (10,712.9, 96.0%); blank when unknown."""
    if value is None:
        return ""
    if places is None:
        places = 1 if unit == "percent" or value != value.to_integral_value() else 0
    text = f"{rounded(value, places):,.{places}f}"
    return f"{text}%" if unit == "percent" else text
