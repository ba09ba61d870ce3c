"""Pure calculations for revenue monitoring: no database, integer pence in and out.

Variance = forecast outturn - budget (positive is an overspend). Every total is the sum of
the leaves below it; printed totals from a paper are only ever *checked* against that sum.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ascweb.money import format_m


def variance(budget: int, forecast: int) -> int:
    return forecast - budget


def variance_pct(variance_pence: int, budget: int) -> Decimal | None:
    """Variance as a ratio of the budget's size, signed as the variance: an overspend is positive
    whatever the budget's sign (Management, Finance & HR: 3.465 on a budget of (9.642) is
    35.94%), and an income line's over-recovery is negative like any underspend (Service User
    Income: (9.864) on (76.870) is (12.83%), where the paper printed 12.83%). None when the
    budget is nil (no meaningful %)."""
    if budget == 0:
        return None
    return Decimal(variance_pence) / Decimal(abs(budget))


def needs_explanation(variance_pence: int, threshold_pence: int) -> bool:
    """A variance of at least the materiality threshold, either way, must be explained."""
    return abs(variance_pence) >= threshold_pence


@dataclass(frozen=True)
class Figures:
    budget: int = 0
    forecast: int = 0

    @property
    def variance(self) -> int:
        return variance(self.budget, self.forecast)

    @property
    def variance_pct(self) -> Decimal | None:
        return variance_pct(self.variance, self.budget)

    def __add__(self, other: "Figures") -> "Figures":
        return Figures(self.budget + other.budget, self.forecast + other.forecast)


@dataclass(frozen=True)
class Outturn:
    """Last year's actual spend and over/underspend at outturn."""

    actual: int = 0
    variance: int = 0

    def __add__(self, other: "Outturn") -> "Outturn":
        return Outturn(self.actual + other.actual, self.variance + other.variance)


@dataclass(frozen=True)
class Node:
    id: int
    parent_id: int | None
    order: int
    code: str = ""


@dataclass
class Tree:
    """Reporting lines as a tree, children in report order."""

    nodes: dict[int, Node]
    children: dict[int | None, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, nodes: Iterable[Node]) -> "Tree":
        by_id = {node.id: node for node in nodes}
        children: dict[int | None, list[int]] = defaultdict(list)
        for node in by_id.values():
            children[node.parent_id].append(node.id)
        for ids in children.values():
            ids.sort(key=lambda i: (by_id[i].order, by_id[i].code))
        return cls(nodes=by_id, children=dict(children))

    def kids(self, node_id: int | None) -> list[int]:
        return self.children.get(node_id, [])

    def is_leaf(self, node_id: int) -> bool:
        return not self.kids(node_id)

    def walk(self, node_id: int | None = None, depth: int = 0) -> Iterable[tuple[int, int]]:
        """(node id, depth) in report order, parents before children."""
        for child in self.kids(node_id):
            yield child, depth
            yield from self.walk(child, depth + 1)

    def ancestors(self, node_id: int) -> set[int]:
        result, parent = set(), self.nodes[node_id].parent_id
        while parent is not None:
            result.add(parent)
            parent = self.nodes[parent].parent_id
        return result

    def leaves_under(self, node_id: int) -> list[int]:
        if self.is_leaf(node_id):
            return [node_id]
        return [leaf for kid in self.kids(node_id) for leaf in self.leaves_under(kid)]


def rollup(tree: Tree, leaf_figures: Mapping[int, Figures]) -> dict[int, Figures]:
    """Figures for every node: a leaf's own, a parent's the sum of its children's."""
    totals: dict[int, Figures] = {}

    def total(node_id: int) -> Figures:
        if tree.is_leaf(node_id):
            result = leaf_figures.get(node_id, Figures())
        else:
            result = sum((total(kid) for kid in tree.kids(node_id)), Figures())
        totals[node_id] = result
        return result

    for root in tree.kids(None):
        total(root)
    return totals


def rollup_recorded(tree: Tree, recorded: Mapping[int, Outturn]) -> dict[int, Outturn | None]:
    """Last year's outturn for every node.

    The papers give last year's figures at different depths (per line for Services to Users,
    only per area for Early Help & Prevention). A figure recorded at a node stands for that
    node; a node without one is the sum of its children, or None when nothing below it is known.
    """
    totals: dict[int, Outturn | None] = {}

    def total(node_id: int) -> Outturn | None:
        kid_totals = [total(kid) for kid in tree.kids(node_id)]
        if node_id in recorded:
            result: Outturn | None = recorded[node_id]
        else:
            known = [t for t in kid_totals if t is not None]
            result = sum(known, Outturn()) if known else None
        totals[node_id] = result
        return result

    for root in tree.kids(None):
        total(root)
    return totals


# --- The member dashboard: profiles, movement, headline words, forecast accuracy ---------

PERIODS_IN_YEAR = 13  # 1 = April ... 12 = March, 13 = year-end adjustments
BASIS_POINTS = 10_000  # an explicit profile's weights sum to this
TWELFTHS = (1,) * 12 + (0,)


def cumulative(values: Iterable[int]) -> list[int]:
    running, out = 0, []
    for value in values:
        running += value
        out.append(running)
    return out


def _divide_rounding_half_away(numerator: int, denominator: int) -> int:
    """numerator / denominator to the nearest integer, halves away from zero, exactly."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, remainder = divmod(abs(numerator), denominator)
    if 2 * remainder >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def profile_budget(budget: int, weights: Sequence[int]) -> list[int]:
    """Spread `budget` (pence) over 13 periods in proportion to `weights`.

    Weights may be basis points, twelfths or last year's actual net expenditure per period
    (which can be negative in a month of large income). Each cumulative amount is rounded to
    the penny, so the periods always add up to the budget exactly.
    """
    if len(weights) != PERIODS_IN_YEAR:
        raise ValueError(f"A profile has {PERIODS_IN_YEAR} periods, not {len(weights)}")
    total = sum(weights)
    if total == 0:
        raise ValueError("A profile's weights cannot sum to nothing")
    running = cumulative(weights)
    cumulative_amounts = [_divide_rounding_half_away(budget * w, total) for w in running]
    return [b - a for a, b in zip([0, *cumulative_amounts[:-1]], cumulative_amounts, strict=True)]


def check_explicit_weights(weights: Sequence[int]) -> list[str]:
    """Problems with an explicit profile (13 whole basis points, none negative, summing to 10,000)."""
    if len(weights) != PERIODS_IN_YEAR or not all(isinstance(w, int) for w in weights):
        return [f"Give a whole number of basis points for each of the {PERIODS_IN_YEAR} periods"]
    problems = [f"Period {n}: a weight cannot be negative" for n, w in enumerate(weights, 1) if w < 0]
    if sum(weights) != BASIS_POINTS:
        problems.append(f"The weights add up to {sum(weights):,} basis points, not {BASIS_POINTS:,}")
    return problems


def movement(variance_now: int, variance_before: int) -> int:
    """How far the variance has moved since the previous report: negative is an improvement."""
    return variance_now - variance_before


def variance_kind(variance_pence: int, *, income: bool = False) -> str:
    """The committee's word for a variance. On spending, more than budget is an overspend. An
    income line (ReportingLine.income, e.g. Service User Income) is budgeted as a negative
    amount, so a forecast more negative than budget is more income than planned: an
    over-recovery of income, never an 'underspend'; less negative, an under-recovery.

    Income is marked on the line, not read from a negative budget: Management, Finance & HR is
    budgeted at (9.642) too, and the Period 10 report calls its variance an overspend."""
    if variance_pence == 0:
        return "on budget"
    if income:
        return "under-recovery of income" if variance_pence > 0 else "over-recovery of income"
    return "overspend" if variance_pence > 0 else "underspend"


def variance_words(variance_pence: int, *, income: bool = False) -> str:
    """'underspend of £0.180m': the word says which way, so the amount carries no brackets
    (brackets are for a signed figure standing alone, as in the tables)."""
    kind = variance_kind(variance_pence, income=income)
    if variance_pence == 0:
        return kind
    return f"{kind} of £{format_m(abs(variance_pence))}m"


def signed_variance(variance_pence: int, *, income: bool = False) -> str:
    """A variance as the tables print it, followed by its word: '(5.586) underspend'."""
    return f"{format_m(variance_pence)} {variance_kind(variance_pence, income=income)}"


def movement_words(variance_now: int, variance_before: int | None, before_label: str | None) -> str:
    """'£2.500m better than at Period 2'; empty when there is no earlier report."""
    if variance_before is None or not before_label:
        return ""
    moved = movement(variance_now, variance_before)
    if moved == 0:
        return f"no change since {before_label}"
    better_or_worse = "better" if moved < 0 else "worse"
    return f"£{format_m(abs(moved))}m {better_or_worse} than at {before_label}"


def headline_words(variance_now: int, variance_before: int | None, before_label: str | None) -> str:
    """'Forecast underspend of £2.500m, £2.500m better than at Period 2' (the department's)."""
    words = "forecast to outturn on budget" if variance_now == 0 else f"forecast {variance_words(variance_now)}"
    moved = movement_words(variance_now, variance_before, before_label)
    text = f"{words}, {moved}" if moved else words
    return text[0].upper() + text[1:]


def forecast_errors(forecasts: Mapping[int, int], outturn: int) -> dict[int, int]:
    """Each period's forecast outturn less the year's outturn: positive forecast too high."""
    return {number: forecast - outturn for number, forecast in sorted(forecasts.items())}
