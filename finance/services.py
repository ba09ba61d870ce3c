"""Writes. Each is keyword-only, checks permission and the period lock itself (the server
is the truth, whatever a page showed), and runs in one transaction: all or nothing."""

import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ascweb import permissions
from ascweb.money import PENCE_PER_THOUSAND
from finance.calculations import Node, Tree, check_explicit_weights
from finance.models import (
    BudgetProfile,
    FidelityNote,
    FinancialYear,
    LineForecast,
    Period,
    PeriodEvent,
    ReportingLine,
    StructureSnapshot,
)

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


def _locked_period(period: Period) -> Period:
    """Re-read the period under a row lock so a publish cannot interleave with a save."""
    return Period.objects.select_for_update().get(pk=period.pk)


@transaction.atomic
def forecast_update(*, user, period: Period, area: ReportingLine, entries: list[LineEntry]) -> int:
    """Save an area's lines for a period; returns how many lines changed.

    Optimistic locking: if any line's version is not the one the editor saw, nothing is saved
    and StaleForecast lists what changed, by whom and when.
    """
    period = _locked_period(period)
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


@transaction.atomic
def period_create_next(*, user, year: FinancialYear, number: int) -> Period:
    """Open a new period, starting from the latest period's figures (not its explanations:
    each period's variances are explained afresh, with last period's text shown beside)."""
    if not permissions.can_manage_periods(user):
        raise PermissionDenied("Only a finance lead can start a period")
    periods = list(Period.objects.select_for_update().filter(year=year).order_by("number"))
    latest = periods[-1] if periods else None
    if latest and not all(p.is_published for p in periods):
        raise ValidationError("Publish the current period before starting the next one")
    if latest and number <= latest.number:
        raise ValidationError(f"The next period must come after Period {latest.number}")
    if not 1 <= number <= 13:
        raise ValidationError("A period is numbered 1 to 13")
    period = Period.objects.create(year=year, number=number, status=Status.OPEN)
    if latest:
        copies = [
            LineForecast(line_id=f.line_id, period=period, budget=f.budget, forecast=f.forecast, updated_by=user)
            for f in LineForecast.objects.filter(period=latest)
        ]
        bulk_create_with_history(
            copies, LineForecast, default_user=user, default_change_reason="Started from last period"
        )
    PeriodEvent.objects.create(period=period, user=user, action="create", to_status=Status.OPEN)
    return period


# status transitions a lead may make: action -> (from, to, reason required)
TRANSITIONS = {
    "submit": (Status.OPEN, Status.SUBMITTED, False),
    "return": (Status.SUBMITTED, Status.OPEN, False),
    "publish": (Status.SUBMITTED, Status.PUBLISHED, False),
    "reopen": (Status.PUBLISHED, Status.OPEN, True),
}
_DONE = {"submit": "submitted", "return": "returned to officers", "publish": "published", "reopen": "re-opened"}


@transaction.atomic
def period_transition(*, user, period: Period, action: str, reason: str = "") -> Period:
    if not permissions.can_manage_periods(user):
        raise PermissionDenied("Only a finance lead can change a period's status")
    if action not in TRANSITIONS:
        raise ValidationError(f"Unknown action {action!r}")
    from_status, to_status, needs_reason = TRANSITIONS[action]
    period = _locked_period(period)
    if period.status != from_status:
        raise ValidationError(
            f"{period.title} is {period.get_status_display().lower()}, so it cannot be {_DONE[action]}"
        )
    reason = reason.strip()
    if needs_reason and not reason:
        raise ValidationError("Give a reason for re-opening a published period")
    _set_status(period, user=user, action=action, to_status=to_status, reason=reason)
    return period


HISTORY_REASON_LENGTH = 100  # django-simple-history's history_change_reason


def history_reason(text: str) -> str:
    """A reason as the history tables can keep it (a longer one is shortened, marked so)."""
    return text if len(text) <= HISTORY_REASON_LENGTH else text[: HISTORY_REASON_LENGTH - 1] + "…"


def _set_status(period: Period, *, user, action: str, to_status: str, reason: str = "") -> None:
    from_status = period.status
    period.status = to_status
    if to_status == Status.PUBLISHED:
        period.published_at = timezone.now()
    period._history_user = user
    period._change_reason = history_reason(reason or action)  # the whole reason is in the event
    period.save(update_fields=["status", "published_at"])
    if to_status == Status.PUBLISHED:
        structure_snapshot_take(period=period)
    elif from_status == Status.PUBLISHED:
        StructureSnapshot.objects.filter(period=period).delete()  # re-opened: live structure again
    PeriodEvent.objects.create(
        period=period, user=user, action=action, from_status=from_status, to_status=to_status, reason=reason
    )


def structure_snapshot_take(*, period: Period) -> None:
    """Freeze the reporting tree for a published period (publishing runs in one transaction)."""
    from finance.selectors import structure_now

    StructureSnapshot.objects.update_or_create(period=period, defaults={"nodes": structure_now()})


# --- Imports ---------------------------------------------------------------------------------

_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


def financial_year_for(code: str) -> FinancialYear:
    """The financial year '2017-18', created if it is new; ValidationError if the code is not one."""
    match = _YEAR.match(code.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValidationError(f"{code!r} is not a financial year like 2017-18")
    year, _ = FinancialYear.objects.get_or_create(code=code.strip(), defaults={"start_year": int(match.group(1))})
    return year


def check_printed_total(
    *,
    period: Period,
    report,
    source: str,
    row: int,
    subject: str,
    column: str,
    printed: int,
    computed: int,
    terms: int,
    fmt,
    sums: str = "lines",
    unit: int = PENCE_PER_THOUSAND,
) -> None:
    """One printed total from a file against what its rows add up to: a line for the lead in
    the import's report, and a FidelityNote where it is not exact (rounding or an error).
    `unit`: what the paper rounds the figure to, in pence (committee tables: £1,000)."""
    from finance.calculations import check_printed

    check = check_printed(printed, computed, terms, unit)
    verdict = {"exact": "adds up", "rounding": "within rounding", "error": "does not add up"}[check.kind]
    report.notes.append(
        f"Row {row}: {subject} {column}: file says {fmt(printed)}, {sums} sum to {fmt(computed)} ({verdict})"
    )
    if check.kind != "exact":
        FidelityNote.objects.create(
            year=period.year,
            period=period,
            source=source[:200],  # the field's length
            subject=subject,
            column=column,
            printed=check.printed,
            computed=check.computed,
            tolerance=check.tolerance,
            kind=check.kind,
        )


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
