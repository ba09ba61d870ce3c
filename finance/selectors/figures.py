"""The reporting tree and its figures at a period: what every finance table, form and chart
reads first. Totals are computed from the lines (finance.calculations.rollup), never stored."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ascweb.models import Period
from ascweb.periods import previous_period
from finance.calculations import Figures, Node, Outturn, Tree, rollup, rollup_recorded
from finance.models import LineForecast, PrintedVariance, PriorYearOutturn, ReportingLine


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
    previous_variances: dict[int, int] | None  # by node; a node absent: not known at that period
    prior: dict[int, Outturn | None]

    def previous_variance(self, node_id: int) -> int | None:
        if self.previous_variances is None:
            return None
        return self.previous_variances.get(node_id)

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


def frozen_snapshot(period: Period | None) -> tuple[list[dict], dict] | None:
    """A published period's snapshot: the tree as published and what else it froze (see
    finance.services.structure_snapshot_take); None for any other period."""
    if period is None or not period.is_published:
        return None
    from finance.models import StructureSnapshot

    return StructureSnapshot.objects.filter(period_id=period.id).values_list("nodes", "frozen").first()


UNREAD = object()  # a snapshot not looked up yet


def reporting_tree(period: Period | None = None, snapshot=UNREAD) -> tuple[Tree, dict[int, ReportingLine]]:
    """The reporting tree: a published period's as it was published, otherwise the live one
    (`snapshot`: the period's frozen_snapshot, where the caller has read it already)."""
    if snapshot is UNREAD:
        snapshot = frozen_snapshot(period)
    if snapshot is not None:
        nodes = {n["id"]: ReportingLine(**n) for n in snapshot[0]}
    else:
        nodes = {n.id: n for n in ReportingLine.objects.all()}
    tree = Tree.build(Node(n.id, n.parent_id, n.order, n.code) for n in nodes.values())
    return tree, nodes


def leaf_figures(forecasts: Iterable[LineForecast], period_id: int) -> dict[int, Figures]:
    return {f.line_id: Figures(f.budget, f.forecast) for f in forecasts if f.period_id == period_id}


def period_figures(period: Period) -> PeriodFigures:
    """Every node's figures at a period, the variances at the period it is compared with, and
    last year's outturn. A published period reads the comparison and the outturn it froze when
    it was published, so nothing published, back-filled or re-imported since moves them."""
    previous = previous_period(period, published_only=True, printed=True)
    snapshot = frozen_snapshot(period)
    frozen = snapshot[1] if snapshot else {}
    tree, nodes = reporting_tree(period, snapshot)
    live_previous = previous is not None and "previous_variances" not in frozen
    period_ids = [period.id] + ([previous.id] if live_previous else [])
    forecasts = list(
        LineForecast.objects.filter(period_id__in=period_ids).only("line_id", "period_id", "budget", "forecast")
    )
    if "prior" in frozen:
        prior = {int(k): Outturn(*v) if v else None for k, v in frozen["prior"].items()}
    else:
        prior = rollup_recorded(tree, prior_outturns(period))
    if previous is None:
        previous_variances = None
    elif not live_previous:
        previous_variances = {int(k): v for k, v in frozen["previous_variances"].items()}
    elif previous.status == Period.Status.PRINTED:
        previous_variances = dict(PrintedVariance.objects.filter(period=previous).values_list("node_id", "variance"))
    else:
        previous_totals = rollup(tree, leaf_figures(forecasts, previous.id))
        previous_variances = {node_id: figures.variance for node_id, figures in previous_totals.items()}
    return PeriodFigures(
        period=period,
        previous=previous,
        tree=tree,
        nodes=nodes,
        totals=rollup(tree, leaf_figures(forecasts, period.id)),
        previous_variances=previous_variances,
        prior=prior,
    )


def prior_outturns(period: Period) -> dict[int, Outturn]:
    """Last year's outturn as recorded, by node (the depth the papers give it)."""
    return {
        o.node_id: Outturn(o.actual, o.variance)
        for o in PriorYearOutturn.objects.filter(year__start_year=period.year.start_year - 1)
    }


def frozen_figures(period: Period) -> dict:
    """What a period's tables read from other periods and year-level tables, as plain data
    (JSON keys are text): kept when it is published."""
    figures = period_figures(period)
    return {
        "previous_variances": {str(k): v for k, v in (figures.previous_variances or {}).items()},
        "prior": {str(k): [o.actual, o.variance] if o else None for k, o in figures.prior.items()},
    }
