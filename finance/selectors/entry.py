"""The officers' entry form: one expenditure area's lines with this period's figures and the
previous period's beside them, and the groups under the area an officer may explain as a whole."""

from dataclasses import dataclass

from django.conf import settings

from ascweb.models import Period
from ascweb.periods import previous_period
from finance.calculations import Figures, needs_explanation, rollup
from finance.models import GroupExplanation, LineForecast, ReportingLine
from finance.selectors.figures import leaf_figures, reporting_tree


@dataclass(frozen=True)
class EntryLine:
    line: ReportingLine
    group: str  # the group path above the line, for context ("Purchase of Care")
    current: LineForecast | None
    previous: Figures | None
    previous_explanation: str = ""
    group_explained: bool = False  # a group above the line is explained as a whole
    ancestors: frozenset[int] = frozenset()  # every node above the line
    explained_outside: bool = False  # by a group explanation not in the form (above the area)
    carried_variance: int | None = None  # its variance at the period its explanation was carried from

    @property
    def carried(self) -> bool:
        """Its explanation is carried forward, not yet confirmed or rewritten this period."""
        return self.current is not None and self.current.carried_from_id is not None and bool(self.current.explanation)


@dataclass(frozen=True)
class EntryGroup:
    """A group under the area whose variance is material (or already explained): its
    explanation, if any, explains every line under it (Appendix B prints it for the group)."""

    node: ReportingLine
    variance: int  # as saved this period
    current: GroupExplanation | None
    leaves: tuple[int, ...]
    carried_variance: int | None = None

    @property
    def carried(self) -> bool:
        return self.current is not None and self.current.carried_from_id is not None


@dataclass(frozen=True)
class AreaEntry:
    lines: list[EntryLine]
    groups: list[EntryGroup]
    previous: Period | None


def area_entry(period: Period, area: ReportingLine) -> AreaEntry:
    """The lines of one area with this period's figures and the previous period's beside them,
    and the groups under it with a material variance or an explanation of their own."""
    previous = previous_period(period, published_only=False)
    tree, nodes = reporting_tree()
    leaves = tree.leaves_under(area.id)
    current = {
        f.line_id: f
        for f in LineForecast.objects.filter(period=period, line_id__in=leaves).select_related("carried_from")
    }
    explanations = {g.node_id: g for g in GroupExplanation.objects.filter(period=period).select_related("carried_from")}
    carried = [*current.values(), *explanations.values()]
    sources = {row.carried_from_id for row in carried if row.carried_from_id} | ({previous.id} if previous else set())
    others = list(LineForecast.objects.filter(period_id__in=sources, line_id__in=leaves))
    before = leaf_figures(others, previous.id) if previous else {}
    before_text = {f.line_id: f.explanation for f in others if previous and f.period_id == previous.id}
    variances = {(f.period_id, f.line_id): f.forecast - f.budget for f in others}
    groups = _groups(tree, nodes, area, current, explanations, variances)
    in_form = {g.node.id for g in groups}
    explained_elsewhere = set(explanations) - in_form
    lines = []
    for node_id, _depth in tree.walk(area.id):
        if tree.is_leaf(node_id):
            row, ancestors = current.get(node_id), frozenset(tree.ancestors(node_id))
            lines.append(
                EntryLine(
                    line=nodes[node_id],
                    group=_group_path(nodes, node_id, area.id),
                    current=row,
                    previous=before.get(node_id),
                    previous_explanation=before_text.get(node_id, ""),
                    group_explained=bool(ancestors & set(explanations)),
                    ancestors=ancestors,
                    explained_outside=bool(ancestors & explained_elsewhere),
                    carried_variance=variances.get((row.carried_from_id, node_id)) if row else None,
                )
            )
    return AreaEntry(lines, groups, previous)


def _groups(tree, nodes, area, current, explanations, variances) -> list[EntryGroup]:
    totals = rollup(tree, {line_id: Figures(f.budget, f.forecast) for line_id, f in current.items()})
    threshold = settings.ASCWEB_MATERIALITY_PENCE
    found = []
    for node_id, _depth in tree.walk(area.id):
        if tree.is_leaf(node_id):
            continue
        explained = explanations.get(node_id)
        if explained is None and not needs_explanation(totals[node_id].variance, threshold):
            continue
        leaves = tuple(tree.leaves_under(node_id))
        carried = None
        if explained is not None and explained.carried_from_id:
            carried = sum(variances.get((explained.carried_from_id, leaf), 0) for leaf in leaves)
        found.append(EntryGroup(nodes[node_id], totals[node_id].variance, explained, leaves, carried))
    return found


def _group_path(nodes: dict[int, ReportingLine], node_id: int, stop_id: int) -> str:
    names = []
    parent_id = nodes[node_id].parent_id
    while parent_id is not None and parent_id != stop_id:
        names.append(nodes[parent_id].name)
        parent_id = nodes[parent_id].parent_id
    return " › ".join(reversed(names))
