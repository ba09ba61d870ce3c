"""Writes for reserves and provisions and the capital programme: keyword-only, permission and
period lock checked here on the server, each in one transaction (all or nothing)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ascweb.models import Period
from ascweb.permissions import can_edit_schedules
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition
from reserves.selectors import edit_token

STALE = (
    "Someone else has saved these figures since you opened this form, so nothing has been saved. "
    "Open the form again to see their figures, or save again to replace them with yours."
)


class StaleEdit(ValidationError):
    """The figures changed after the form was drawn: saving would silently overwrite them."""


def check_token(existing, token: str | None) -> None:
    if token is not None and token != edit_token(existing):
        raise StaleEdit(STALE)


@dataclass(frozen=True)
class ReserveEntryValues:
    reserve_id: int
    balance_1_april: int
    proposed_usage: int


@dataclass(frozen=True)
class CapitalEntryValues:
    scheme_id: int
    current_budget: int
    forecast_outturn: int
    next_year_draft: int


def _locked_open_period(user, period: Period) -> Period:
    """Re-read the period under a row lock so a publish cannot interleave with a save."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    if not can_edit_schedules(user, period):
        raise PermissionDenied("This period is not open for you to edit")
    return period


@transaction.atomic
def reserve_usage_update(*, user, period: Period, entries: list[ReserveEntryValues], token: str | None = None) -> int:
    """Save every reserve's balance at 1 April and proposed usage; returns how many changed.
    `token` is the edit_token the form was drawn from (StaleEdit when the figures moved since)."""
    period = _locked_open_period(user, period)
    known = set(Reserve.objects.filter(id__in=[e.reserve_id for e in entries]).values_list("id", flat=True))
    if known != {e.reserve_id for e in entries}:
        raise PermissionDenied("Unknown reserve")
    existing = {p.reserve_id: p for p in ReservePosition.objects.filter(period=period)}
    check_token(existing.values(), token)
    changed = 0
    for entry in entries:
        current = existing.get(entry.reserve_id)
        if current and (current.balance_1_april, current.proposed_usage) == (
            entry.balance_1_april,
            entry.proposed_usage,
        ):
            continue
        ReservePosition.objects.update_or_create(
            reserve_id=entry.reserve_id,
            period=period,
            defaults={
                "balance_1_april": entry.balance_1_april,
                "proposed_usage": entry.proposed_usage,
                "updated_by": user,
            },
        )
        changed += 1
    return changed


@transaction.atomic
def capital_forecast_update(
    *, user, period: Period, entries: list[CapitalEntryValues], token: str | None = None
) -> int:
    """Save every capital scheme's budget, forecast outturn and next year's draft (StaleEdit as above)."""
    period = _locked_open_period(user, period)
    known = set(CapitalScheme.objects.filter(id__in=[e.scheme_id for e in entries]).values_list("id", flat=True))
    if known != {e.scheme_id for e in entries}:
        raise PermissionDenied("Unknown capital scheme")
    existing = {p.scheme_id: p for p in CapitalPosition.objects.filter(period=period)}
    check_token(existing.values(), token)
    changed = 0
    for entry in entries:
        current = existing.get(entry.scheme_id)
        values = (entry.current_budget, entry.forecast_outturn, entry.next_year_draft)
        if current and (current.current_budget, current.forecast_outturn, current.next_year_draft) == values:
            continue
        CapitalPosition.objects.update_or_create(
            scheme_id=entry.scheme_id,
            period=period,
            defaults={
                "current_budget": entry.current_budget,
                "forecast_outturn": entry.forecast_outturn,
                "next_year_draft": entry.next_year_draft,
                "updated_by": user,
            },
        )
        changed += 1
    return changed
