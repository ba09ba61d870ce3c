"""Revenue monitoring's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from django.conf import settings

from ascweb.carry import carry_rows, page_url
from ascweb.models import Period
from ascweb.money import format_m
from ascweb.registry import Check, Lifecycle, registry
from finance.calculations import needs_explanation
from finance.models import GroupExplanation, LineForecast, ReportingLine, StructureSnapshot
from finance.services import structure_snapshot_take

SECTION = "Revenue"


def carry_forward(*, period: Period, previous: Period, user) -> None:
    """Every line starts from the previous period's budget, forecast outturn and explanation,
    and every group explanation is carried too, each marked carried until an officer confirms it."""
    carry_rows(LineForecast, period=period, previous=previous, user=user)
    carry_rows(GroupExplanation, period=period, previous=previous, user=user)


def checks(*, period: Period) -> list[Check]:
    """Material variances nobody explains (neither the line nor a group above it), and
    explanations carried forward that no officer has confirmed this period."""
    from finance.selectors.figures import reporting_tree

    tree, nodes = reporting_tree(period)
    groups = {g.node_id: g for g in GroupExplanation.objects.filter(period=period).select_related("carried_from")}
    rows = {f.line_id: f for f in LineForecast.objects.filter(period=period).select_related("carried_from")}
    threshold = settings.ASCWEB_MATERIALITY_PENCE
    found = []
    unreviewed: dict[ReportingLine, list[str]] = {}  # area -> lines whose figures nobody has reviewed
    for node_id, _depth in tree.walk():
        node = nodes[node_id]
        area = _area(tree, nodes, node_id)
        url = page_url(period, "area-edit", area.code) if area else page_url(period, "period")
        group = groups.get(node_id)
        if group is not None and group.carried_from is not None:
            number = group.carried_from.number
            message = f"{node.name}: group explanation carried forward from Period {number}, not yet confirmed"
            found.append(Check(f"revenue:carried:{node.code}", SECTION, message, url))
        row = rows.get(node_id)
        if row is None:
            continue
        variance, named = row.forecast - row.budget, f"{node.name}: variance £{format_m(row.forecast - row.budget)}m"
        if (
            needs_explanation(variance, threshold)
            and not row.explanation.strip()
            and not tree.ancestors(node_id) & set(groups)
        ):
            found.append(Check(f"revenue:unexplained:{node.code}", SECTION, f"{named} is not explained", url))
        elif row.carried_from is not None and row.explanation.strip():
            message = f"{named}, explanation carried forward from Period {row.carried_from.number}, not yet confirmed"
            found.append(Check(f"revenue:carried:{node.code}", SECTION, message, url))
        elif row.carried_from is not None and area is not None:
            unreviewed.setdefault(area, []).append(node.name)
    for area, names in unreviewed.items():
        message = (
            f"{area.name}: figures of {len(names)} line{'s' if len(names) != 1 else ''} carried forward, "
            f"not yet reviewed this period ({', '.join(names)})"
        )
        found.append(
            Check(f"revenue:not-reviewed:{area.code}", SECTION, message, page_url(period, "area-edit", area.code))
        )
    return found


def _area(tree, nodes: dict[int, ReportingLine], node_id: int) -> ReportingLine | None:
    """The expenditure area a node is in (whose edit page puts it right), if any."""
    areas = [n for n in (tree.ancestors(node_id) | {node_id}) if nodes[n].kind == ReportingLine.Kind.AREA]
    return nodes[areas[0]] if areas else None


def freeze(*, period: Period) -> None:
    structure_snapshot_take(period=period)


def thaw(*, period: Period) -> None:
    StructureSnapshot.objects.filter(period=period).delete()  # re-opened: the live structure again


def register() -> None:
    registry.add_lifecycle(
        Lifecycle("revenue", order=10, started=carry_forward, checks=checks, published=freeze, reopened=thaw)
    )
