"""Reads for pages, tables and exports. Each returns plain rows with totals computed from
the lines, in a fixed number of queries whatever the size of the tree."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum

from ascweb import permissions
from ascweb.models import FinancialYear, Period
from ascweb.periods import periods_visible_to, previous_period
from finance import calculations
from finance.calculations import Figures, Node, Outturn, Tree, rollup, rollup_recorded
from finance.models import (
    BudgetProfile,
    GroupExplanation,
    LineForecast,
    NetExpenditure,
    PriorYearOutturn,
    ReportingLine,
)

Kind = ReportingLine.Kind


# --- The tree and its figures ---------------------------------------------------------------


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


def _tree(period: Period | None = None) -> tuple[Tree, dict[int, ReportingLine]]:
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


def _leaf_figures(forecasts: Iterable[LineForecast], period_id: int) -> dict[int, Figures]:
    return {f.line_id: Figures(f.budget, f.forecast) for f in forecasts if f.period_id == period_id}


def period_figures(period: Period, *, published_only: bool = True) -> PeriodFigures:
    """Every node's figures at a period, the previous period's, and last year's outturn."""
    previous = previous_period(period, published_only=published_only)
    tree, nodes = _tree(period)
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
        totals=rollup(tree, _leaf_figures(forecasts, period.id)),
        previous_totals=rollup(tree, _leaf_figures(forecasts, previous.id)) if previous else None,
        prior=rollup_recorded(tree, recorded),
    )


# --- Table 2.1: summary by expenditure area --------------------------------------------------


def summary_table(figures: PeriodFigures) -> list[Row]:
    rows = [figures.row("line", area_id, 0) for area_id in figures.areas()]
    department = figures.nodes[figures.department_id]
    rows.append(figures.row("grand_total", department.id, 0, department.total_name))
    return rows


# --- Appendix A: budget monitoring by group and line ------------------------------------------


def appendix_a(figures: PeriodFigures) -> list[Row]:
    rows: list[Row] = []
    for area_id in figures.areas():
        rows.extend(_node_rows(figures, area_id, depth=0))
    department = figures.nodes[figures.department_id]
    rows.append(figures.row("grand_total", department.id, 0, department.total_name))
    return rows


def area_rows(figures: PeriodFigures, area_id: int) -> list[Row]:
    return _node_rows(figures, area_id, depth=0)


def _node_rows(figures: PeriodFigures, node_id: int, depth: int) -> list[Row]:
    tree, node = figures.tree, figures.nodes[node_id]
    kids = tree.kids(node_id)
    if not kids:
        return [figures.row("line", node_id, depth)]
    if len(kids) == 1 and tree.is_leaf(kids[0]):
        # An area reported as a single line (Business Development): one row, no subtotal.
        return [figures.row("line", node_id, depth)]
    rows = []
    child_depth = depth
    if node.print_heading:
        rows.append(Row(kind="heading", depth=depth, code=node.code, label=node.name))
        child_depth = depth + 1
    for kid in kids:
        rows.extend(_node_rows(figures, kid, child_depth))
    rows.append(figures.row("total", node_id, depth, node.total_name))
    return rows


# --- Entry forms -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryLine:
    line: ReportingLine
    group: str  # the group path above the line, for context ("Purchase of Care")
    current: LineForecast | None
    previous: Figures | None
    previous_explanation: str = ""
    group_explained: bool = False  # a group above the line is explained as a whole


def areas() -> list[ReportingLine]:
    return list(ReportingLine.objects.filter(kind=Kind.AREA).order_by("order", "code"))


def area_entry_lines(period: Period, area: ReportingLine) -> tuple[list[EntryLine], Period | None]:
    """The lines of one area with this period's figures and the previous period's beside them."""
    previous = previous_period(period, published_only=False)
    tree, nodes = _tree()
    period_ids = [period.id] + ([previous.id] if previous else [])
    forecasts = list(LineForecast.objects.filter(period_id__in=period_ids, line_id__in=tree.leaves_under(area.id)))
    current = {f.line_id: f for f in forecasts if f.period_id == period.id}
    before = _leaf_figures(forecasts, previous.id) if previous else {}
    before_text = {f.line_id: f.explanation for f in forecasts if previous and f.period_id == previous.id}
    explained = set(GroupExplanation.objects.filter(period=period).values_list("node_id", flat=True))
    lines = []
    for node_id, _depth in tree.walk(area.id):
        if tree.is_leaf(node_id):
            lines.append(
                EntryLine(
                    line=nodes[node_id],
                    group=_group_path(nodes, node_id, area.id),
                    current=current.get(node_id),
                    previous=before.get(node_id),
                    previous_explanation=before_text.get(node_id, ""),
                    group_explained=bool(tree.ancestors(node_id) & explained),
                )
            )
    return lines, previous


def _group_path(nodes: dict[int, ReportingLine], node_id: int, stop_id: int) -> str:
    names = []
    parent_id = nodes[node_id].parent_id
    while parent_id is not None and parent_id != stop_id:
        names.append(nodes[parent_id].name)
        parent_id = nodes[parent_id].parent_id
    return " › ".join(reversed(names))


@dataclass(frozen=True)
class AreaProgress:
    area: ReportingLine
    lines: int
    entered: int
    missing_explanations: int
    editable: bool


def workspace(user, period: Period, threshold: int) -> list[AreaProgress]:
    """For the officer workspace: each area the user may edit, with what is still missing."""
    tree, nodes = _tree()
    current = {
        f.line_id: f
        for f in LineForecast.objects.filter(period=period).only("line_id", "budget", "forecast", "explanation")
    }
    visible = [a for a in nodes.values() if a.kind == Kind.AREA and permissions.can_see_area_form(user, a)]
    result = []
    for area in sorted(visible, key=lambda a: (a.order, a.code)):
        leaves = tree.leaves_under(area.id)
        entered = [current[leaf] for leaf in leaves if leaf in current]
        missing = sum(1 for f in entered if abs(f.forecast - f.budget) >= threshold and not f.explanation.strip())
        result.append(
            AreaProgress(
                area=area,
                lines=len(leaves),
                entered=len(entered),
                missing_explanations=missing,
                editable=permissions.can_edit_area(user, area, period),
            )
        )
    return result


# --- Explanations (Appendix B) and fidelity notes ------------------------------------------------


@dataclass(frozen=True)
class Explanation:
    code: str
    label: str
    variance: int
    text: str
    income: bool = False  # an income line's variance is an over- or under-recovery


def area_explanations(figures: PeriodFigures, area_id: int) -> list[Explanation]:
    """Explanations written for lines and groups under an area, in report order."""
    tree, nodes = figures.tree, figures.nodes
    under = [area_id] + [node_id for node_id, _ in tree.walk(area_id)]
    texts = {
        f.line_id: f.explanation
        for f in LineForecast.objects.filter(period=figures.period, line_id__in=under)
        .exclude(explanation="")
        .only("line_id", "explanation")
    }
    texts.update(
        GroupExplanation.objects.filter(period=figures.period, node_id__in=under).values_list("node_id", "text")
    )
    return [
        Explanation(nodes[n].code, nodes[n].name, figures.totals[n].variance, texts[n], nodes[n].income)
        for n in under
        if n in texts
    ]


# --- Imports and templates -------------------------------------------------------------------


def import_structure():
    """The reporting tree as the period importer needs it, in three queries."""
    from finance.importers import Structure
    from finance.models import LineAlias

    tree, nodes = _tree()
    aliases: dict[int, list[str]] = {}
    for line_id, name in LineAlias.objects.values_list("line_id", "name"):
        aliases.setdefault(line_id, []).append(name)
    areas: dict[str, int] = {}
    lines_in_area: dict[int, dict[str, int]] = {}
    for node in nodes.values():
        if node.kind != Kind.AREA:
            continue
        for name in [node.code, node.name, *aliases.get(node.id, [])]:
            areas[name.lower()] = node.id
        lines_in_area[node.id] = {
            name.lower(): leaf
            for leaf in tree.leaves_under(node.id)
            for name in [nodes[leaf].name, *aliases.get(leaf, [])]
        }
    return Structure(
        tree=tree,
        names={n.id: n.name for n in nodes.values()},
        codes={n.code.upper(): n.id for n in nodes.values()},
        kinds={n.id: n.kind for n in nodes.values()},
        areas=areas,
        lines_in_area=lines_in_area,
    )


@dataclass(frozen=True)
class TemplateRow:
    line_code: str
    line_name: str
    area: str
    budget: int | None
    forecast: int | None
    explanation: str


def template_rows(period: Period) -> list[TemplateRow]:
    """One row per reporting line in report order, with the period's figures; a group that
    is explained as a whole gets a row of its own carrying the explanation (no amounts)."""
    tree, nodes = _tree(period)
    figures = {f.line_id: f for f in LineForecast.objects.filter(period=period)}
    group_texts = dict(GroupExplanation.objects.filter(period=period).values_list("node_id", "text"))
    rows = []
    for area_id in tree.kids(tree.kids(None)[0]) if tree.kids(None) else []:
        for node_id, _depth in tree.walk(area_id):
            if node_id in group_texts:
                rows.append(
                    TemplateRow(
                        nodes[node_id].code, nodes[node_id].name, nodes[area_id].name, None, None, group_texts[node_id]
                    )
                )
        for leaf in tree.leaves_under(area_id):
            current = figures.get(leaf)
            rows.append(
                TemplateRow(
                    line_code=nodes[leaf].code,
                    line_name=nodes[leaf].name,
                    area=nodes[area_id].name,
                    budget=current.budget if current else None,
                    forecast=current.forecast if current else None,
                    explanation=current.explanation if current else "",
                )
            )
    return rows


# --- Audit ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditEntry:
    at: object
    who: str
    subject: str
    changes: list[tuple[str, object, object]]  # (what, old, new); amounts in pence
    reason: str = ""


_AUDITED = (("budget", "budget"), ("forecast", "forecast outturn"), ("explanation", "explanation"))


def _figure_changes(before, after) -> list[tuple[str, object, object]]:
    if before is None:  # created: what it was set to (an empty explanation is not news)
        return [(label, None, getattr(after, field)) for field, label in _AUDITED if getattr(after, field) != ""]
    return [
        (label, getattr(before, field), getattr(after, field))
        for field, label in _AUDITED
        if getattr(before, field) != getattr(after, field)
    ]


def _line_entries(records) -> list[AuditEntry]:
    """History records of line figures (ordered by line, then time) as changes."""
    entries, previous = [], {}
    for record in records:
        key = (record.line_id, record.period_id)
        changes = _figure_changes(previous.get(key), record)
        previous[key] = record
        if changes:
            entries.append(
                AuditEntry(
                    at=record.history_date,
                    who=record.history_user.get_username() if record.history_user else "system",
                    subject=f"{record.line.name}, {record.period.title}",
                    changes=changes,
                    reason=record.history_change_reason or "",
                )
            )
    return entries


def period_audit(period: Period) -> list[AuditEntry]:
    """Everything that happened to a period: status changes with reasons, and every figure change."""
    from ascweb.models import PeriodEvent

    records = (
        LineForecast.history.filter(period_id=period.id)
        .select_related("history_user", "line", "period__year")
        .order_by("line_id", "history_date", "history_id")
    )
    entries = _line_entries(records) + _other_period_changes(period)
    for event in PeriodEvent.objects.filter(period=period).select_related("user"):
        entries.append(
            AuditEntry(
                at=event.at,
                who=event.user.get_username() if event.user else "system",
                subject=f"{period.title}: {event.action}",
                changes=[("status", event.from_status or None, event.to_status)],
                reason=event.reason,
            )
        )
    return sorted(entries, key=lambda e: e.at, reverse=True)


_NOT_AUDIT_NEWS = {"id", "period", "updated_at", "updated_by", "version"}


def _other_period_changes(period: Period) -> list[AuditEntry]:
    """Changes to every other audited record of the period (savings forecasts, iBCF updates,
    reserves, capital): each model's history read once, whichever apps are installed."""
    from django.apps import apps

    entries = []
    for model in apps.get_models():
        history = getattr(model, "history", None)
        period_field = next((f for f in model._meta.concrete_fields if f.name == "period"), None)
        if model is LineForecast or history is None or period_field is None or period_field.related_model is not Period:
            continue
        related = [f.name for f in model._meta.concrete_fields if f.is_relation and f.name not in _NOT_AUDIT_NEWS]
        fields = [f.name for f in model._meta.concrete_fields if not f.is_relation and f.name not in _NOT_AUDIT_NEWS]
        records = history.filter(period_id=period.id).select_related("history_user", *related)
        previous: dict[int, object] = {}
        for record in records.order_by("id", "history_date", "history_id"):
            before, previous[record.id] = previous.get(record.id), record
            changes = [
                (name.replace("_", " "), getattr(before, name) if before else None, getattr(record, name))
                for name in fields
                if (before is None and getattr(record, name) not in (None, ""))
                or (before is not None and getattr(before, name) != getattr(record, name))
            ]
            if changes:
                subject = ", ".join(str(getattr(record, name)) for name in related) or model._meta.verbose_name
                entries.append(
                    AuditEntry(
                        at=record.history_date,
                        who=record.history_user.get_username() if record.history_user else "system",
                        subject=f"{subject}, {period.title}",
                        changes=changes,
                        reason=record.history_change_reason or "",
                    )
                )
    return entries


def line_history(line: ReportingLine) -> list[AuditEntry]:
    """A line's figures through every period, newest first."""
    records = (
        LineForecast.history.filter(line_id=line.id)
        .select_related("history_user", "line", "period__year")
        .order_by("line_id", "period_id", "history_date", "history_id")
    )
    return sorted(_line_entries(records), key=lambda e: e.at, reverse=True)


# --- The member dashboard ----------------------------------------------------------------------


@dataclass(frozen=True)
class AreaVariance:
    code: str
    name: str
    figures: Figures
    previous_variance: int | None


@dataclass(frozen=True)
class Series:
    """One line of a chart: a value (pence) per period, None where there is none."""

    code: str
    name: str
    values: list[int | None]


@dataclass(frozen=True)
class PeriodSeries:
    """Values by period: `periods` are the x axis (period numbers), `series` the lines."""

    periods: list[int]
    series: list[Series]


@dataclass(frozen=True)
class YearNetExpenditure:
    """One year's net expenditure by period (1..13) against its profiled budget."""

    code: str
    monthly: list[int | None]  # None: no figure (or not yet reported at the period shown)
    profile: list[int] | None  # the budget spread over the periods; None when it cannot be
    method: str
    budget: int | None
    budget_source: str
    note: str
    current: bool

    @property
    def cumulative(self) -> list[int | None]:
        known = [v for v in self.monthly if v is not None]
        running = calculations.cumulative(known)
        return running + [None] * (len(self.monthly) - len(running))

    @property
    def cumulative_profile(self) -> list[int] | None:
        return calculations.cumulative(self.profile) if self.profile is not None else None

    @property
    def total(self) -> int | None:
        known = [v for v in self.monthly if v is not None]
        return sum(known) if known else None


@dataclass(frozen=True)
class ProfileCell:
    monthly: int | None
    actual: int | None  # cumulative
    profile: int | None  # cumulative

    @property
    def gap(self) -> int | None:
        if self.actual is None or self.profile is None:
            return None
        return self.actual - self.profile


@dataclass(frozen=True)
class ProfileRow:
    number: int
    cells: list[ProfileCell]


@dataclass
class Dashboard:
    period: Period
    previous: Period | None
    headline: Figures
    previous_headline: Figures | None
    words: str
    areas: list[AreaVariance]
    trajectory: PeriodSeries
    outturn_period: Period | None
    accuracy: PeriodSeries | None
    net_expenditure: list[YearNetExpenditure]

    @property
    def profile_rows(self) -> list[ProfileRow]:
        """Net expenditure against profile by period: a cell per year, for the tables."""
        columns = [(y.monthly, y.cumulative, y.cumulative_profile) for y in self.net_expenditure]
        return [
            ProfileRow(
                number=n,
                cells=[
                    ProfileCell(monthly[n - 1], cumul[n - 1], profile[n - 1] if profile else None)
                    for monthly, cumul, profile in columns
                ],
            )
            for n in range(1, calculations.PERIODS_IN_YEAR + 1)
        ]

    @property
    def movement(self) -> int | None:
        if self.previous_headline is None:
            return None
        return calculations.movement(self.headline.variance, self.previous_headline.variance)


def dashboard(period: Period) -> Dashboard:
    """Everything the dashboard shows for a period, in a fixed number of queries.

    Only the period itself and published periods are read, so a member (who can only open a
    published period) never meets a draft figure. The year's own net expenditure stops at the
    period shown: later months are not yet reported at that period.
    """
    start = period.year.start_year
    periods = list(
        Period.objects.filter(year__start_year__range=(start - 2, start)).select_related("year").order_by("number")
    )
    this_year = [p for p in periods if p.year_id == period.year_id]
    shown = [p for p in this_year if p.number <= period.number and (p.is_published or p.id == period.id)]
    previous = next((p for p in reversed(shown) if p.number < period.number and p.is_published), None)
    outturn = next((p for p in this_year if p.number == 13 and p.is_published), None)
    forecasts_at = [p for p in this_year if p.is_published and p.number < 13] if outturn else []
    latest_before = {}
    for p in periods:
        if p.year_id != period.year_id and p.is_published:
            latest_before[p.year.start_year] = p  # ordered by number: the last one wins
    wanted = {p.id for p in [*shown, *forecasts_at, *latest_before.values()] + ([outturn] if outturn else [])}
    tree, nodes = _tree()
    leaf_rows = LineForecast.objects.filter(period_id__in=wanted).values_list(
        "period_id", "line_id", "budget", "forecast"
    )
    by_period: dict[int, dict[int, Figures]] = defaultdict(dict)
    for period_id, line_id, budget, forecast in leaf_rows:
        by_period[period_id][line_id] = Figures(budget, forecast)
    totals = {period_id: rollup(tree, by_period.get(period_id, {})) for period_id in wanted}
    department_id = tree.kids(None)[0]
    area_ids = tree.kids(department_id)

    now = totals[period.id]
    before = totals[previous.id] if previous else None
    headline, previous_headline = now[department_id], before[department_id] if before else None
    areas = sorted(
        (AreaVariance(nodes[a].code, nodes[a].name, now[a], before[a].variance if before else None) for a in area_ids),
        key=lambda row: -row.figures.variance,
    )
    series_ids = [*area_ids, department_id]
    trajectory = PeriodSeries(
        periods=[p.number for p in shown],
        series=[Series(nodes[n].code, nodes[n].name, [totals[p.id][n].variance for p in shown]) for n in series_ids],
    )
    accuracy = None
    if outturn:
        final = totals[outturn.id]
        accuracy = PeriodSeries(
            periods=[p.number for p in forecasts_at],
            series=[
                Series(
                    nodes[n].code,
                    nodes[n].name,
                    [totals[p.id][n].forecast - final[n].forecast for p in forecasts_at],
                )
                for n in series_ids
            ],
        )
    budgets = {start: (headline.budget, f"the department's budget at Period {period.number}")}
    for year_start, p in latest_before.items():
        source = f"the department's budget at Period {p.number} {p.year.code}"
        budgets[year_start] = (totals[p.id][department_id].budget, source)
    return Dashboard(
        period=period,
        previous=previous,
        headline=headline,
        previous_headline=previous_headline,
        words=calculations.headline_words(
            headline.variance,
            previous_headline.variance if previous_headline else None,
            f"Period {previous.number}" if previous else None,
        ),
        areas=areas,
        trajectory=trajectory,
        outturn_period=outturn,
        accuracy=accuracy,
        net_expenditure=_net_expenditure(period, tree, department_id, budgets),
    )


def _net_expenditure(period: Period, tree: Tree, department_id: int, budgets: dict) -> list[YearNetExpenditure]:
    start = period.year.start_year
    profiles = {
        p.year.start_year: p
        for p in BudgetProfile.objects.filter(year__start_year__range=(start - 2, start)).select_related("year")
    }
    monthly: dict[int, dict[int, int]] = defaultdict(dict)
    # the department's own rows: its areas', and those for the department as a whole (no area)
    sums = (
        NetExpenditure.objects.filter(year__start_year__range=(start - 3, start))
        .filter(Q(area__isnull=True) | Q(area_id__in=tree.kids(department_id)))
        .values("year__start_year", "period")
        .annotate(total=Sum("amount"))
    )
    for row in sums:
        if row["year__start_year"] < start or row["period"] <= period.number:
            monthly[row["year__start_year"]][row["period"]] = row["total"]
    outturns = _department_outturns(tree, department_id, start)
    result = []
    for year_start in (start - 2, start - 1, start):
        profile = profiles.get(year_start)
        values = [monthly[year_start].get(n) for n in range(1, calculations.PERIODS_IN_YEAR + 1)]
        if year_start != start and profile is None and all(v is None for v in values):
            continue  # nothing known about that year
        budget, source = _profile_budget(year_start, profile, budgets, outturns)
        last_year = [monthly[year_start - 1].get(n, 0) for n in range(1, calculations.PERIODS_IN_YEAR + 1)]
        weights, method = _profile_weights(profile, last_year)
        result.append(
            YearNetExpenditure(
                code=FinancialYear.code_for(year_start),
                monthly=values,
                profile=calculations.profile_budget(budget, weights) if budget is not None and weights else None,
                method=method,
                budget=budget,
                budget_source=source,
                note=profile.note if profile else "",
                current=year_start == start,
            )
        )
    return result


def _department_outturns(tree: Tree, department_id: int, start: int) -> dict[int, Outturn]:
    recorded: dict[int, dict[int, Outturn]] = defaultdict(dict)
    rows = PriorYearOutturn.objects.filter(year__start_year__range=(start - 2, start - 1)).values_list(
        "year__start_year", "node_id", "actual", "variance"
    )
    for year_start, node_id, actual, variance in rows:
        recorded[year_start][node_id] = Outturn(actual, variance)
    result = {}
    for year_start, by_node in recorded.items():
        department = rollup_recorded(tree, by_node).get(department_id)
        if department is not None:
            result[year_start] = department
    return result


def _profile_budget(year_start: int, profile, budgets: dict, outturns: dict[int, Outturn]) -> tuple[int | None, str]:
    """The budget to profile: as the lead gave it, else computed from this system's figures."""
    if profile is not None and profile.budget is not None:
        return profile.budget, profile.budget_source or "as set by the finance lead"
    if year_start in budgets:
        return budgets[year_start]
    if year_start in outturns:
        o = outturns[year_start]
        code = FinancialYear.code_for(year_start)
        return o.actual - o.variance, f"{code} outturn less its over/underspend at outturn"
    return None, "no budget is known for this year"


def _profile_weights(profile, last_year: list[int]) -> tuple[list[int] | None, str]:
    Method = BudgetProfile.Method
    method = profile.method if profile else Method.TWELFTHS
    label = Method(method).label
    if method == Method.EXPLICIT:
        weights = list(profile.weights or [])
        if calculations.check_explicit_weights(weights):
            return None, f"{label} (not usable: its weights do not add up)"
        return weights, label
    if method == Method.LAST_YEAR:
        if sum(last_year) == 0:
            return None, f"{label} (not usable: no net expenditure for last year)"
        return last_year, label
    return list(calculations.TWELFTHS), label


def area_line_variances(figures: PeriodFigures, area_id: int) -> list[tuple[str, int, bool]]:
    """The lines of an area as (name, variance, is income), largest overspend first (for its
    chart)."""
    leaves = figures.tree.leaves_under(area_id)
    rows = [(figures.nodes[leaf].name, figures.totals[leaf].variance, figures.nodes[leaf].income) for leaf in leaves]
    return sorted(rows, key=lambda row: -row[1])


def periods_for_selector(user) -> list[Period]:
    return list(periods_visible_to(user))


def years_with_profiles() -> list[tuple[FinancialYear, BudgetProfile | None]]:
    """Every financial year, newest first, with the profile the lead chose for it (if any)."""
    years = FinancialYear.objects.select_related("budget_profile").order_by("-start_year")
    return [(year, getattr(year, "budget_profile", None)) for year in years]
