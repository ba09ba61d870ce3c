"""Writes for the savings programme. Each is keyword-only, checks permission and the period
lock itself (the server is the truth, whatever a page showed), and runs in one transaction."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ascweb import permissions
from ascweb.lifecycle import locked_period
from ascweb.models import Period
from ascweb.versioning import Edit, save_edits
from savings.calculations import needs_off_target
from savings.models import SavingForecast, SavingTarget, Workstream, WorkstreamAssignment

Status = SavingForecast.Status
FIGURES = ("forecast", "status", "rag", "explanation", "recovery_action")  # what a form sets


def workstream_assignments(workstream: Workstream):
    """Who updates the workstream's savings forecasts (with every finance lead)."""
    return WorkstreamAssignment.objects.filter(workstream=workstream)


def can_edit_workstream(user, period: Period, workstream: Workstream) -> bool:
    """A workstream's forecasts are updated by a finance lead or an officer assigned the
    workstream, only while the period is open: submitted and published periods are locked."""
    return permissions.can_edit_assigned(user, period, workstream_assignments(workstream))


def editable_workstream_ids(user) -> set[int]:
    """The workstreams whose forms are open to this user (`permissions.can_see_assigned_form`
    of each, in one query): every one for a lead, the assigned ones for an officer."""
    workstreams = Workstream.objects.all()
    if not permissions.is_lead(user):
        workstreams = (
            workstreams.filter(assignments__user_id=user.pk) if permissions.is_officer(user) else workstreams.none()
        )
    return set(workstreams.values_list("id", flat=True))


@dataclass(frozen=True)
class SavingEntry:
    saving_id: int
    forecast: int
    status: str
    rag: str
    explanation: str
    recovery_action: str
    version: int | None = None  # the version the editor saw (0 or None: no forecast yet)

    def values(self) -> tuple[int, str, str, str, str]:  # FIGURES' values
        return (self.forecast, self.status, self.rag, self.explanation, self.recovery_action)


@transaction.atomic
def savings_forecast_update(*, user, period: Period, workstream: Workstream, entries: list[SavingEntry]) -> int:
    """Save a workstream's savings forecasts for a period; returns how many changed.

    The rules hold here as well as in the form: an off-target saving has an explanation and a
    recovery action, and a forecast short of its target is off target. Optimistic locking: if
    any saving's version is not the one the editor saw, nothing is saved (ascweb.versioning.StaleEdit)."""
    period = locked_period(period)
    if not can_edit_workstream(user, period, workstream):
        raise PermissionDenied(f"{period.title}: {workstream.name} is not open for you to edit")
    allowed = set(workstream.savings.values_list("id", flat=True))
    if not {e.saving_id for e in entries} <= allowed:
        raise PermissionDenied("A saving does not belong to this workstream")
    targets = dict(
        SavingTarget.objects.filter(saving_id__in=allowed, year_id=period.year_id).values_list("saving_id", "amount")
    )
    for entry in entries:
        _check(entry, targets.get(entry.saving_id, 0))
    edits = [Edit(e.saving_id, dict(zip(FIGURES, e.values(), strict=True)), e.version or 0) for e in entries]
    return save_edits(model=SavingForecast, key="saving", period=period, user=user, edits=edits)


def _check(entry: SavingEntry, target: int) -> None:
    if entry.status not in Status.values:
        raise ValidationError(f"Unknown status {entry.status!r}")
    if entry.status == Status.OFF_TARGET and not (entry.explanation.strip() and entry.recovery_action.strip()):
        raise ValidationError("An off-target saving needs an explanation and a recovery action")
    if entry.status == Status.ON_TARGET and needs_off_target(target, entry.forecast):
        raise ValidationError("A forecast short of its target is off target")


def assign_workstream(user, code: str) -> None:
    """Assign the workstream `code` to the user (the demo's users.toml: "workstream:COM")."""
    workstream = Workstream.objects.filter(code=code).first()
    if workstream is None:
        raise LookupError(f"no savings workstream {code!r}")
    WorkstreamAssignment.objects.get_or_create(user=user, workstream=workstream)
