"""The officers' entry form: one expenditure area's lines with this period's figures and the
previous period's beside them."""

from dataclasses import dataclass

from ascweb.models import Period
from ascweb.periods import previous_period
from finance.calculations import Figures
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


def area_entry_lines(period: Period, area: ReportingLine) -> tuple[list[EntryLine], Period | None]:
    """The lines of one area with this period's figures and the previous period's beside them."""
    previous = previous_period(period, published_only=False)
    tree, nodes = reporting_tree()
    period_ids = [period.id] + ([previous.id] if previous else [])
    forecasts = list(LineForecast.objects.filter(period_id__in=period_ids, line_id__in=tree.leaves_under(area.id)))
    current = {f.line_id: f for f in forecasts if f.period_id == period.id}
    before = leaf_figures(forecasts, previous.id) if previous else {}
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
