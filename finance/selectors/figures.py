"""The reporting tree and its figures at a period: what every finance table, form and chart
reads first. Totals are computed from the lines (finance.calculations.rollup), never stored."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ascweb.models import Period
from ascweb.periods import previous_period
from finance.calculations import Figures, Node, Outturn, Tree, rollup, rollup_recorded
from finance.models import LineForecast, PriorYearOutturn, ReportingLine


@dataclass(frozen=True)
class Row:
    """One row of a committee table."""

    kind: str  # "heading", "line", "total" or "grand_total"
    depth: int
    code: str
    label: str
    figures: Figures | None = None
    previous_variance: int | None = None
    prior: Outturn | None = None

    @property
    def budget(self) -> int | None:
        return self.figures.budget if self.figures else None

    @property
    def forecast(self) -> int | None:
        return self.figures.forecast if self.figures else None

    @property
    def variance(self) -> int | None:
        return self.figures.variance if self.figures else None

    @property
    def variance_pct(self) -> Decimal | None:
        return self.figures.variance_pct if self.figures else None

    @property
    def prior_actual(self) -> int | None:
        return self.prior.actual if self.prior else None

    @property
    def prior_variance(self) -> int | None:
        return self.prior.variance if self.prior else None


@dataclass
class PeriodFigures:
    period: Period
    previous: Period | None
    tree: Tree
    nodes: dict[int, ReportingLine]
    totals: dict[int, Figures]
    previous_totals: dict[int, Figures] | None
    prior: dict[int, Outturn | None]

    def previous_variance(self, node_id: int) -> int | None:
        if self.previous_totals is None:
            return None
        return self.previous_totals[node_id].variance

    def row(self, kind: str, node_id: int, depth: int, label: str | None = None) -> Row:
        node = self.nodes[node_id]
        return Row(
            kind=kind,
            depth=depth,
            code=node.code,
            label=label or node.name,
            figures=self.totals[node_id],
            previous_variance=self.previous_variance(node_id),
            prior=self.prior.get(node_id),
        )

    @property
    def department_id(self) -> int:
        return self.tree.kids(None)[0]

    def areas(self) -> list[int]:
        return self.tree.kids(self.department_id)


SNAPSHOT_FIELDS = ("id", "code", "name", "kind", "parent_id", "order", "total_label", "print_heading", "income")


def structure_now() -> list[dict]:
    """The live reporting tree as plain data (what a published period's snapshot keeps)."""
    return list(ReportingLine.objects.order_by("id").values(*SNAPSHOT_FIELDS))


def reporting_tree(period: Period | None = None) -> tuple[Tree, dict[int, ReportingLine]]:
    """The reporting tree: a published period's as it was published, otherwise the live one."""
    frozen = None
    if period is not None and period.is_published:
        from finance.models import StructureSnapshot

        frozen = StructureSnapshot.objects.filter(period_id=period.id).values_list("nodes", flat=True).first()
    if frozen is not None:
        nodes = {n["id"]: ReportingLine(**n) for n in frozen}
    else:
        nodes = {n.id: n for n in ReportingLine.objects.all()}
    tree = Tree.build(Node(n.id, n.parent_id, n.order, n.code) for n in nodes.values())
    return tree, nodes


def leaf_figures(forecasts: Iterable[LineForecast], period_id: int) -> dict[int, Figures]:
    return {f.line_id: Figures(f.budget, f.forecast) for f in forecasts if f.period_id == period_id}


def period_figures(period: Period, *, published_only: bool = True) -> PeriodFigures:
    """Every node's figures at a period, the previous period's, and last year's outturn."""
    previous = previous_period(period, published_only=published_only)
    tree, nodes = reporting_tree(period)
    period_ids = [period.id] + ([previous.id] if previous else [])
    forecasts = list(
        LineForecast.objects.filter(period_id__in=period_ids).only("line_id", "period_id", "budget", "forecast")
    )
    recorded = {
        o.node_id: Outturn(o.actual, o.variance)
        for o in PriorYearOutturn.objects.filter(year__start_year=period.year.start_year - 1)
    }
    return PeriodFigures(
        period=period,
        previous=previous,
        tree=tree,
        nodes=nodes,
        totals=rollup(tree, leaf_figures(forecasts, period.id)),
        previous_totals=rollup(tree, leaf_figures(forecasts, previous.id)) if previous else None,
        prior=rollup_recorded(tree, recorded),
    )
