"""Reads for pages, tables and exports. Each returns plain rows with totals computed from
the lines, in a fixed number of queries whatever the size of the tree."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from ascweb import permissions
from finance.calculations import Figures, Node, Outturn, Tree, rollup, rollup_recorded
from finance.models import (
    FidelityNote,
    FinancialYear,
    GroupExplanation,
    LineForecast,
    Period,
    PriorYearOutturn,
    ReportingLine,
)

Kind = ReportingLine.Kind


# --- Periods -------------------------------------------------------------------------------


def periods_visible_to(user) -> QuerySet[Period]:
    periods = Period.objects.select_related("year").order_by("-year__start_year", "-number")
    if permissions.is_finance(user):
        return periods
    if permissions.is_member(user):
        return periods.filter(status=Period.Status.PUBLISHED)
    return periods.none()


def period_for(user, year_code: str, number: int) -> Period | None:
    """The period if this user may see it; None (a 404) otherwise, so drafts stay unseen."""
    return periods_visible_to(user).filter(year__code=year_code, number=number).first()


def previous_period(period: Period, *, published_only: bool) -> Period | None:
    earlier = Period.objects.filter(year_id=period.year_id, number__lt=period.number)
    if published_only:
        earlier = earlier.filter(status=Period.Status.PUBLISHED)
    return earlier.order_by("-number").first()


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


SNAPSHOT_FIELDS = ("id", "code", "name", "kind", "parent_id", "order", "total_label", "print_heading")


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
        Explanation(nodes[n].code, nodes[n].name, figures.totals[n].variance, texts[n]) for n in under if n in texts
    ]


def fidelity_notes(year: FinancialYear | None = None, period: Period | None = None) -> QuerySet:
    notes = FidelityNote.objects.select_related("year", "period")
    if period is not None:
        notes = notes.filter(Q(period=period) | Q(period__isnull=True, year_id=period.year_id))
    elif year is not None:
        notes = notes.filter(year=year)
    return notes.order_by("kind", "period__number", "source", "id")


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
    if before is None:
        return [(label, None, getattr(after, field)) for field, label in _AUDITED]
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
    from finance.models import PeriodEvent

    records = (
        LineForecast.history.filter(period_id=period.id)
        .select_related("history_user", "line", "period__year")
        .order_by("line_id", "history_date", "history_id")
    )
    entries = _line_entries(records)
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


def line_history(line: ReportingLine) -> list[AuditEntry]:
    """A line's figures through every period, newest first."""
    records = (
        LineForecast.history.filter(line_id=line.id)
        .select_related("history_user", "line", "period__year")
        .order_by("line_id", "period_id", "history_date", "history_id")
    )
    return sorted(_line_entries(records), key=lambda e: e.at, reverse=True)
