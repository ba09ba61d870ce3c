"""Pure calculations for revenue monitoring: no database, integer pence in and out.

Variance = forecast outturn - budget (positive is an overspend). Every total is the sum of
the leaves below it; printed totals from a paper are only ever *checked* against that sum.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ascweb.money import PENCE_PER_THOUSAND


def variance(budget: int, forecast: int) -> int:
    return forecast - budget


def variance_pct(variance_pence: int, budget: int) -> Decimal | None:
    """Variance as a ratio of budget; None when the budget is nil (no meaningful %)."""
    if budget == 0:
        return None
    return Decimal(variance_pence) / Decimal(budget)


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


# --- Checking a paper's arithmetic -------------------------------------------------------

ROUNDING = "rounding"
ERROR = "error"
EXACT = "exact"


@dataclass(frozen=True)
class PrintedCheck:
    printed: int
    computed: int
    tolerance: int

    @property
    def difference(self) -> int:
        return self.printed - self.computed

    @property
    def kind(self) -> str:
        if self.difference == 0:
            return EXACT
        return ROUNDING if abs(self.difference) <= self.tolerance else ERROR


def rounding_tolerance(rounded_terms: int, unit_pence: int = PENCE_PER_THOUSAND) -> int:
    """The most that rounding can explain: half the printed unit for each rounded figure.

    A total of n lines each printed to the nearest £1,000 can differ from the true total by
    up to n x £500, and the printed total itself by another £500.
    """
    return (rounded_terms + 1) * unit_pence // 2


def check_printed(printed: int, computed: int, rounded_terms: int) -> PrintedCheck:
    return PrintedCheck(printed, computed, rounding_tolerance(rounded_terms))
