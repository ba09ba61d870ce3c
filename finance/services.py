"""Writes. Each is keyword-only, checks permission and the period lock itself (the server
is the truth, whatever a page showed), and runs in one transaction: all or nothing."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ascweb import permissions
from ascweb.fidelity import check_printed_total
from ascweb.lifecycle import locked_period
from ascweb.models import FidelityNote, FinancialYear, Period
from ascweb.versioning import Edit, save_edits
from finance.calculations import Node, Tree, check_explicit_weights
from finance.models import BudgetProfile, GroupExplanation, LineForecast, ReportingLine, StructureSnapshot

Status = Period.Status


@dataclass(frozen=True)
class LineEntry:
    line_id: int
    budget: int
    forecast: int
    explanation: str
    version: int | None = None  # the version the editor saw (0 or None: no figures yet)
    confirm: bool = True  # False: a line carried forward stays carried unless it changes


@dataclass(frozen=True)
class GroupEntry:
    """A group's explanation as a whole (finance.models.GroupExplanation); blank removes it."""

    node_id: int
    text: str
    version: int | None = None
    confirm: bool = True


@transaction.atomic
def forecast_update(
    *, user, period: Period, area: ReportingLine, entries: list[LineEntry], groups: list[GroupEntry] = ()
) -> int:
    """Save an area's lines and its groups' explanations for a period; returns how many changed.

    Optimistic locking (ascweb.versioning): if any line's or group's version is not the one the
    editor saw, nothing is saved and StaleEdit lists what changed, by whom and when. A line or
    group carried forward and not changed stays carried unless its entry confirms it.
    """
    period = locked_period(period)
    if not permissions.can_edit_area(user, area, period):
        raise PermissionDenied("This period is not open for you to edit")
    tree = _tree()
    if not {e.line_id for e in entries} <= set(tree.leaves_under(area.id)):
        raise PermissionDenied("A line does not belong to this expenditure area")
    if not {g.node_id for g in groups} <= {n for n, _depth in tree.walk(area.id) if not tree.is_leaf(n)}:
        raise PermissionDenied("A group does not belong to this expenditure area")
    edits = [
        Edit(
            e.line_id,
            {"budget": e.budget, "forecast": e.forecast, "explanation": e.explanation},
            e.version or 0,
            e.confirm,
        )
        for e in entries
    ]
    changed = save_edits(model=LineForecast, key="line", period=period, user=user, edits=edits)
    texts = [Edit(g.node_id, {"text": g.text}, g.version or 0, g.confirm) for g in groups]
    changed += save_edits(
        model=GroupExplanation, key="node", period=period, user=user, edits=texts, skip_new=lambda v: not v["text"]
    )
    for blank in GroupExplanation.objects.filter(period=period, node_id__in=[g.node_id for g in groups], text=""):
        blank._history_user = user
        blank.delete()  # a group explained no more: its lines explain themselves
    return changed


def _tree() -> Tree:
    return Tree.build(
        Node(node_id, parent_id, 0) for node_id, parent_id in ReportingLine.objects.values_list("id", "parent_id")
    )


def structure_snapshot_take(*, period: Period) -> None:
    """Freeze what a published period shows (publishing runs in one transaction): the
    reporting tree, and what its pages would otherwise read from other periods and year-level
    tables: the variances of the period it is compared with, last year's outturn, and the
    whole dashboard (trajectory, net expenditure against the profiled budget, accuracy)."""
    from finance.selectors.dashboard import frozen_dashboard
    from finance.selectors.figures import frozen_figures, structure_now

    nodes = structure_now()
    snapshot, _ = StructureSnapshot.objects.update_or_create(period=period, defaults={"nodes": nodes, "frozen": {}})
    snapshot.frozen = {**frozen_figures(period), "dashboard": frozen_dashboard(period) if nodes else None}
    snapshot.save(update_fields=["frozen"])


def check_printed_totals(period: Period, structure, totals, source: str, report) -> None:
    """Printed total rows are never stored: each is checked against the sum of the lines."""
    from ascweb.money import format_m
    from finance.calculations import Figures, rollup

    FidelityNote.objects.filter(period=period, source=source).delete()
    if not totals:
        return
    leaves = {f.line_id: Figures(f.budget, f.forecast) for f in LineForecast.objects.filter(period=period)}
    sums = rollup(structure.tree, leaves)
    for total in totals:
        check_printed_total(
            period=period,
            report=report,
            source=source,
            row=total.row,
            subject=structure.names[total.node_id],
            column=total.column,
            printed=total.printed,
            computed=getattr(sums[total.node_id], total.column),
            terms=len(structure.tree.leaves_under(total.node_id)),
            fmt=format_m,
        )


@transaction.atomic
def budget_profile_update(*, user, year: FinancialYear, method: str, weights: list[int]) -> BudgetProfile:
    """The lead's choice of how a year's budget is spread over its periods."""
    if not permissions.can_manage_periods(user):
        raise PermissionDenied("Only a finance lead can choose a year's profile")
    if method == BudgetProfile.Method.EXPLICIT:
        problems = check_explicit_weights(weights)
        if problems:
            raise ValidationError(problems)
    else:
        weights = []
    profile, _ = BudgetProfile.objects.update_or_create(year=year, defaults={"method": method, "weights": weights})
    return profile
