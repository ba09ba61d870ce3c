"""Budget planning's sums, pure (no database): every total is computed from its lines.

Signs: a bridge movement is positive where it widens the gap (a cost pressure) and negative
where it closes it (a council tax increase). The revised gap is the sum of a year's lines;
the new savings to find are the revised gap where it is positive (a surplus needs none).
Savings are negative, as in the savings programme: a department's share of the new savings is
minus its part of them.
"""

from collections.abc import Mapping
from decimal import Decimal

REVISED_GAP = "Revised gap"
TO_FIND = "New savings to find"


def revised_gap(amounts: list[int]) -> int:
    """A year's gap after every movement: the sum of its bridge lines."""
    return sum(amounts)


def savings_to_find(gap: int) -> int:
    """The new savings still to find for a year whose revised gap is `gap` (positive)."""
    return max(gap, 0)


def shares(total: int, weights: Mapping[object, int]) -> dict[object, int]:
    """`total` pence split in proportion to `weights` (net budgets), to the penny, by largest
    remainder so the shares add up to `total` exactly; no weight (or none positive): all nil."""
    positive = {key: weight for key, weight in weights.items() if weight > 0}
    whole = sum(positive.values())
    if not whole or not total:
        return dict.fromkeys(weights, 0)
    sign, size = (-1 if total < 0 else 1), abs(total)
    exact = {key: divmod(size * weight, whole) for key, weight in positive.items()}
    result = {key: quotient for key, (quotient, _rest) in exact.items()}
    left = size - sum(result.values())
    by_remainder = sorted(positive, key=lambda key: (-exact[key][1], list(weights).index(key)))
    for key in by_remainder[:left]:
        result[key] += 1
    return {key: sign * result.get(key, 0) for key in weights}


def share_of_budget(amount: int, net_budget: int) -> Decimal | None:
    """`amount` as a ratio of the net budget (None where there is no budget)."""
    if not net_budget:
        return None
    return Decimal(amount) / Decimal(net_budget)


def percent_ratio(percent: Decimal | None) -> Decimal | None:
    """A percentage as typed (1.99) as the ratio the tables print (0.0199)."""
    return None if percent is None else percent / 100
