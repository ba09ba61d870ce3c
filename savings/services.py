"""Writes for the savings programme. Each is keyword-only, checks permission and the period
lock itself (the server is the truth, whatever a page showed), and runs in one transaction."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ascweb import permissions
from ascweb.models import Period
from savings.calculations import needs_off_target
from savings.models import SavingForecast, SavingTarget, Workstream

Status = SavingForecast.Status


def can_edit_savings(user, period: Period) -> bool:
    """Savings forecasts are updated by finance officers and finance leads, for every
    workstream (savings are not assigned to officers as expenditure areas are), and only
    while the period is open: submitted and published periods are locked."""
    return period.is_open and permissions.is_finance(user)


@dataclass(frozen=True)
class SavingEntry:
    saving_id: int
    forecast: int
    status: str
    rag: str
    explanation: str
    recovery_action: str
    version: int | None = None  # the version the editor saw (0: no forecast yet); None: don't check

    def values(self) -> tuple[int, str, str, str, str]:
        return (self.forecast, self.status, self.rag, self.explanation, self.recovery_action)


@dataclass(frozen=True)
class Conflict:
    """A saving someone else changed after the form was opened."""

    saving: str
    by: str
    at: object


class StaleSavings(Exception):  # noqa: N818 - a domain event, named for what happened
    def __init__(self, conflicts: list[Conflict]):
        super().__init__(f"{len(conflicts)} saving(s) changed by someone else")
        self.conflicts = conflicts


def _values(forecast: SavingForecast) -> tuple[int, str, str, str, str]:
    return (forecast.forecast, forecast.status, forecast.rag, forecast.explanation, forecast.recovery_action)


@transaction.atomic
def savings_forecast_update(*, user, period: Period, workstream: Workstream, entries: list[SavingEntry]) -> int:
    """Save a workstream's savings forecasts for a period; returns how many changed.

    The rules hold here as well as in the form: an off-target saving has an explanation and a
    recovery action, and a forecast short of its target is off target. Optimistic locking: if
    any saving's version is not the one the editor saw, nothing is saved (StaleSavings)."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    if not can_edit_savings(user, period):
        raise PermissionDenied(f"{period.title} is not open for you to edit")
    allowed = set(workstream.savings.values_list("id", flat=True))
    if not {e.saving_id for e in entries} <= allowed:
        raise PermissionDenied("A saving does not belong to this workstream")
    targets = dict(
        SavingTarget.objects.filter(saving_id__in=allowed, year_id=period.year_id).values_list("saving_id", "amount")
    )
    for entry in entries:
        _check(entry, targets.get(entry.saving_id, 0))
    existing = {
        f.saving_id: f
        for f in SavingForecast.objects.select_for_update(of=("self",))
        .select_related("saving", "updated_by")
        .filter(period=period, saving_id__in=allowed)
    }
    conflicts = _conflicts(entries, existing)
    if conflicts:
        raise StaleSavings(conflicts)
    changed = 0
    for entry in entries:
        current = existing.get(entry.saving_id)
        if current and _values(current) == entry.values():
            continue
        if current is None:
            current = SavingForecast(saving_id=entry.saving_id, period=period, version=0)
        (current.forecast, current.status, current.rag, current.explanation, current.recovery_action) = entry.values()
        current.updated_by, current.version = user, current.version + 1
        current._history_user = user
        current.save()
        changed += 1
    return changed


def _conflicts(entries: list[SavingEntry], existing: dict[int, SavingForecast]) -> list[Conflict]:
    conflicts = []
    for entry in entries:
        current = existing.get(entry.saving_id)
        if entry.version is None or entry.version == (current.version if current else 0):
            continue
        conflicts.append(
            Conflict(
                saving=str(current.saving) if current else str(entry.saving_id),
                by=current.updated_by.get_username() if current and current.updated_by else "an import",
                at=current.updated_at if current else None,
            )
        )
    return conflicts


def _check(entry: SavingEntry, target: int) -> None:
    if entry.status not in Status.values:
        raise ValidationError(f"Unknown status {entry.status!r}")
    if entry.status == Status.OFF_TARGET and not (entry.explanation.strip() and entry.recovery_action.strip()):
        raise ValidationError("An off-target saving needs an explanation and a recovery action")
    if entry.status == Status.ON_TARGET and needs_off_target(target, entry.forecast):
        raise ValidationError("A forecast short of its target is off target")
