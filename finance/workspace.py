"""Revenue's part of the officer workspace (ascweb.workspace): every line of the expenditure
areas the user looks after, with its state; a material variance without an explanation (of
the line, or of a group above it) is missing."""

from django.conf import settings
from django.urls import reverse

from ascweb import permissions
from ascweb.models import Period
from ascweb.registry import WorkItem, WorkspaceSection, registry
from ascweb.workspace import figure_state, period_rows
from finance.calculations import needs_explanation
from finance.models import AreaAssignment, GroupExplanation, LineForecast, ReportingLine
from finance.selectors.figures import reporting_tree

FIELDS = ("budget", "forecast", "explanation")


def items(period: Period, user) -> list[WorkItem]:
    tree, nodes = reporting_tree(period)
    areas = sorted(
        (n for n in nodes.values() if n.kind == ReportingLine.Kind.AREA and permissions.can_see_area_form(user, n)),
        key=lambda a: (a.order, a.code),
    )
    if not areas:
        return []
    current, before = period_rows(LineForecast, "line", period)
    explained = set(GroupExplanation.objects.filter(period=period).values_list("node_id", flat=True))
    responsible: dict[int, set[int]] = {}
    for user_id, area_id in AreaAssignment.objects.values_list("user_id", "area_id"):
        responsible.setdefault(area_id, set()).add(user_id)
    threshold = settings.ASCWEB_MATERIALITY_PENCE
    found = []
    for area in areas:
        url = reverse("area-edit", args=[period.year.code, period.number, area.code])
        officers = frozenset(responsible.get(area.id, ()))
        for line_id in tree.leaves_under(area.id):
            row = current.get(line_id)
            unexplained = (
                row is not None
                and needs_explanation(row.forecast - row.budget, threshold)
                and not row.explanation.strip()
                and not tree.ancestors(line_id) & explained
            )
            state = figure_state(row, before.get(line_id), FIELDS, missing=unexplained)
            found.append(WorkItem(nodes[line_id].name, state, url, group=area.name, officers=officers))
    return found


def register() -> None:
    registry.add_workspace_section(
        WorkspaceSection("revenue", "Revenue budget monitoring", items, order=10, action="Enter forecasts")
    )
