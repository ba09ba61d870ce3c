"""The revenue import: the reporting tree as the importer matches rows to it, and the
period's template (one row per line, and per group explained as a whole)."""

from dataclasses import dataclass

from ascweb.models import Period
from finance.models import GroupExplanation, LineForecast, ReportingLine
from finance.selectors.figures import reporting_tree


def import_structure():
    """The reporting tree as the period importer needs it, in three queries."""
    from finance.importers import Structure
    from finance.models import LineAlias

    tree, nodes = reporting_tree()
    aliases: dict[int, list[str]] = {}
    for line_id, name in LineAlias.objects.values_list("line_id", "name"):
        aliases.setdefault(line_id, []).append(name)
    areas: dict[str, int] = {}
    lines_in_area: dict[int, dict[str, int]] = {}
    for node in nodes.values():
        if node.kind != ReportingLine.Kind.AREA:
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
    tree, nodes = reporting_tree(period)
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
