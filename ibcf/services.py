"""Writes for the iBCF: keyword-only, permission and period lock checked on the server, one
transaction each (all or nothing)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ascweb.models import Period
from ascweb.permissions import can_edit_schedules
from ibcf.calculations import records_nothing
from ibcf.models import Scheme, SchemeUpdate
from reserves.services import check_token


@dataclass(frozen=True)
class UpdateValues:
    scheme_id: int
    spend_to_date: int | None
    forecast: int | None
    activity_progress: str


@transaction.atomic
def scheme_update_save(*, user, period: Period, entries: list[UpdateValues], token: str | None = None) -> int:
    """Save every scheme's spend to date, forecast and progress; returns how many changed.
    `token` is the edit_token the form was drawn from (StaleEdit when updates moved since)."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    if not can_edit_schedules(user, period):
        raise PermissionDenied("This period is not open for you to edit")
    ids = {e.scheme_id for e in entries}
    if set(Scheme.objects.filter(id__in=ids).values_list("id", flat=True)) != ids:
        raise PermissionDenied("Unknown scheme")
    existing = {u.scheme_id: u for u in SchemeUpdate.objects.filter(period=period)}
    check_token(existing.values(), token)
    changed = 0
    for entry in entries:
        values = (entry.spend_to_date, entry.forecast, entry.activity_progress)
        current = existing.get(entry.scheme_id)
        if current and (current.spend_to_date, current.forecast, current.activity_progress) == values:
            continue
        if current is None and records_nothing(*values):
            continue  # nothing to record for this scheme
        SchemeUpdate.objects.update_or_create(
            scheme_id=entry.scheme_id,
            period=period,
            defaults={
                "spend_to_date": entry.spend_to_date,
                "forecast": entry.forecast,
                "activity_progress": entry.activity_progress,
                "updated_by": user,
            },
        )
        changed += 1
    return changed
