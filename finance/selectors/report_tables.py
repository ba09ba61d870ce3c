"""The committee tables: Table 2.1 (summary by expenditure area), Appendix A (budget
monitoring by group and line), an area's own rows and Appendix B (explanations of variances)."""

from dataclasses import dataclass

from django.conf import settings

from ascweb.missing import NO_EXPLANATION
from finance.calculations import needs_explanation
from finance.models import GroupExplanation, LineForecast
from finance.selectors.figures import PeriodFigures, Row

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


# --- Appendix B: explanations of variances ---------------------------------------------------


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
    if figures.period.is_published:  # a material variance nobody explained says so, never a blank
        threshold = settings.ASCWEB_MATERIALITY_PENCE
        for n in under:
            unexplained = not (set(texts) & (tree.ancestors(n) | {n}))
            if tree.is_leaf(n) and unexplained and needs_explanation(figures.totals[n].variance, threshold):
                texts[n] = NO_EXPLANATION
    return [
        Explanation(nodes[n].code, nodes[n].name, figures.totals[n].variance, texts[n], nodes[n].income)
        for n in under
        if n in texts
    ]


# --- The area page's chart ------------------------------------------------------------------


def area_line_variances(figures: PeriodFigures, area_id: int) -> list[tuple[str, int, bool]]:
    """The lines of an area as (name, variance, is income), largest overspend first (for its
    chart)."""
    leaves = figures.tree.leaves_under(area_id)
    rows = [(figures.nodes[leaf].name, figures.totals[leaf].variance, figures.nodes[leaf].income) for leaf in leaves]
    return sorted(rows, key=lambda row: -row[1])
