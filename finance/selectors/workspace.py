"""The officer workspace: each area an officer looks after, with what is still to enter."""

from dataclasses import dataclass

from ascweb import permissions
from ascweb.models import Period
from finance.models import LineForecast, ReportingLine
from finance.selectors.figures import reporting_tree


@dataclass(frozen=True)
class AreaProgress:
    area: ReportingLine
    lines: int
    entered: int
    missing_explanations: int
    editable: bool


def workspace(user, period: Period, threshold: int) -> list[AreaProgress]:
    """For the officer workspace: each area the user may edit, with what is still missing."""
    tree, nodes = reporting_tree()
    current = {
        f.line_id: f
        for f in LineForecast.objects.filter(period=period).only("line_id", "budget", "forecast", "explanation")
    }
    areas = [node for node in nodes.values() if node.kind == ReportingLine.Kind.AREA]
    visible = [area for area in areas if permissions.can_see_area_form(user, area)]
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
