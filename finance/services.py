"""Writes. Each is keyword-only, checks permission and the period lock itself (the server
is the truth, whatever a page showed), and runs in one transaction: all or nothing."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ascweb import permissions
from ascweb.fidelity import check_printed_total
from ascweb.lifecycle import locked_period
from ascweb.models import FidelityNote, FinancialYear, Period
from finance.calculations import Node, Tree, check_explicit_weights
from finance.models import BudgetProfile, LineForecast, ReportingLine, StructureSnapshot

Status = Period.Status


@dataclass(frozen=True)
class LineEntry:
    line_id: int
    budget: int
    forecast: int
    explanation: str
    version: int | None = None  # the version the editor saw (0: no figures yet); None: don't check


@dataclass(frozen=True)
class Conflict:
    """A line someone else changed after the form was opened."""

    line: str
    seen: tuple[int, int, str] | None  # (budget, forecast, explanation) as the editor saw them
    now: tuple[int, int, str]
    by: str
    at: object

    def changes(self) -> list[tuple[str, object, object]]:
        """(what, as seen, as now) for each figure that differs; amounts in pence."""
        labels = ("budget", "forecast outturn", "explanation")
        if self.seen is None:
            return [(label, None, now) for label, now in zip(labels, self.now, strict=True)]
        return [(label, seen, now) for label, seen, now in zip(labels, self.seen, self.now, strict=True) if seen != now]


class StaleForecast(Exception):  # noqa: N818 - a domain event, named for what happened
    def __init__(self, conflicts: list[Conflict]):
        super().__init__(f"{len(conflicts)} line(s) changed by someone else")
        self.conflicts = conflicts


@transaction.atomic
def forecast_update(*, user, period: Period, area: ReportingLine, entries: list[LineEntry]) -> int:
    """Save an area's lines for a period; returns how many lines changed.

    Optimistic locking: if any line's version is not the one the editor saw, nothing is saved
    and StaleForecast lists what changed, by whom and when.
    """
    period = locked_period(period)
    if not permissions.can_edit_area(user, area, period):
        raise PermissionDenied("This period is not open for you to edit")
    allowed = set(_leaf_ids_under(area))
    if not {e.line_id for e in entries} <= allowed:
        raise PermissionDenied("A line does not belong to this expenditure area")
    existing = {
        f.line_id: f
        # lock only the figures' rows: PostgreSQL cannot lock the nullable side of the join
        for f in LineForecast.objects.select_for_update(of=("self",))
        .select_related("line", "updated_by")
        .filter(period=period, line_id__in=allowed)
    }
    conflicts = _conflicts(entries, existing)
    if conflicts:
        raise StaleForecast(conflicts)
    changed = 0
    for entry in entries:
        current = existing.get(entry.line_id)
        values = (entry.budget, entry.forecast, entry.explanation)
        if current and (current.budget, current.forecast, current.explanation) == values:
            continue
        if current is None:
            current = LineForecast(line_id=entry.line_id, period=period, version=0)
        current.budget, current.forecast, current.explanation = values
        current.updated_by, current.version = user, current.version + 1
        current._history_user = user  # recorded even without a web request (commands, tests)
        current.save()
        changed += 1
    return changed


def _conflicts(entries: list[LineEntry], existing: dict[int, LineForecast]) -> list[Conflict]:
    conflicts = []
    for entry in entries:
        current = existing.get(entry.line_id)
        now_version = current.version if current else 0
        if entry.version is None or entry.version == now_version:
            continue
        seen = None
        if current is not None and entry.version:
            record = current.history.filter(version=entry.version).order_by("-history_date").first()
            seen = (record.budget, record.forecast, record.explanation) if record else None
        conflicts.append(
            Conflict(
                line=current.line.name if current else str(entry.line_id),
                seen=seen,
                now=(current.budget, current.forecast, current.explanation) if current else (0, 0, ""),
                by=(current.updated_by.get_username() if current and current.updated_by else "an import"),
                at=current.updated_at if current else None,
            )
        )
    return conflicts


def _leaf_ids_under(node: ReportingLine) -> list[int]:
    tree = Tree.build(
        Node(node_id, parent_id, 0) for node_id, parent_id in ReportingLine.objects.values_list("id", "parent_id")
    )
    return tree.leaves_under(node.id)


def structure_snapshot_take(*, period: Period) -> None:
    """Freeze the reporting tree for a published period (publishing runs in one transaction)."""
    from finance.selectors.figures import structure_now

    StructureSnapshot.objects.update_or_create(period=period, defaults={"nodes": structure_now()})


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
