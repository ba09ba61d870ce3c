"""Writes. Each is keyword-only, checks permission and the period lock itself (the server
is the truth, whatever a page showed), and runs in one transaction: all or nothing."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ascweb import permissions
from finance.calculations import Node, Tree
from finance.models import FinancialYear, LineForecast, Period, PeriodEvent, ReportingLine

Status = Period.Status


@dataclass(frozen=True)
class LineEntry:
    line_id: int
    budget: int
    forecast: int
    explanation: str


def _locked_period(period: Period) -> Period:
    """Re-read the period under a row lock so a publish cannot interleave with a save."""
    return Period.objects.select_for_update().get(pk=period.pk)


@transaction.atomic
def forecast_update(*, user, period: Period, area: ReportingLine, entries: list[LineEntry]) -> int:
    """Save an area's lines for a period; returns how many lines changed."""
    period = _locked_period(period)
    if not permissions.can_edit_area(user, area, period):
        raise PermissionDenied("This period is not open for you to edit")
    allowed = set(_leaf_ids_under(area))
    if not {e.line_id for e in entries} <= allowed:
        raise PermissionDenied("A line does not belong to this expenditure area")
    existing = {f.line_id: f for f in LineForecast.objects.filter(period=period, line_id__in=allowed)}
    changed = 0
    for entry in entries:
        current = existing.get(entry.line_id)
        values = (entry.budget, entry.forecast, entry.explanation)
        if current and (current.budget, current.forecast, current.explanation) == values:
            continue
        LineForecast.objects.update_or_create(
            line_id=entry.line_id,
            period=period,
            defaults={
                "budget": entry.budget,
                "forecast": entry.forecast,
                "explanation": entry.explanation,
                "updated_by": user,
            },
        )
        changed += 1
    return changed


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
        LineForecast.objects.bulk_create(
            LineForecast(
                line_id=f.line_id,
                period=period,
                budget=f.budget,
                forecast=f.forecast,
                updated_by=user,
            )
            for f in LineForecast.objects.filter(period=latest)
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
    period.status = to_status
    if to_status == Status.PUBLISHED:
        period.published_at = timezone.now()
    period.save(update_fields=["status", "published_at"])
    PeriodEvent.objects.create(
        period=period,
        user=user,
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )
    return period
