"""Writes to planning rounds: only a finance lead, only into a draft round (a published round
is locked), each in one transaction under the round's row lock."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ascweb import permissions
from ascweb.lifecycle import history_reason
from planning import selectors
from planning.models import Allocation, PlanningRound


def locked_draft(round_id: int, user) -> PlanningRound:
    """The round under its row lock, if `user` may change it and it is still a draft."""
    if user is not None and not permissions.can_manage_periods(user):
        raise PermissionDenied("Only a finance lead can change a planning round")
    round_ = PlanningRound.objects.select_for_update().get(pk=round_id)
    if round_.is_published:
        raise ValidationError(f"{round_.name} is published: it cannot be changed; start a new round")
    return round_


@transaction.atomic
def round_publish(*, user, round_id: int) -> PlanningRound:
    """Publish a draft round for members: the agreed savings read from the savings programme
    are frozen into it, so the published round never changes."""
    round_ = locked_draft(round_id, user)
    reason = history_reason(f"Published {round_.name}")
    for allocation_id, amount in selectors.frozen_agreed(round_).items():
        allocation = Allocation.objects.get(pk=allocation_id)
        allocation.agreed = amount
        allocation._history_user, allocation._change_reason = user, reason
        allocation.save(update_fields=["agreed"])
    round_.status, round_.published_at = PlanningRound.Status.PUBLISHED, timezone.now()
    round_._history_user, round_._change_reason = user, reason
    round_.save(update_fields=["status", "published_at"])
    return round_


@transaction.atomic
def round_save(*, user, round_id: int | None, values: dict, model=PlanningRound) -> PlanningRound:
    """Create a draft round or change a draft's own fields (name, first year, rule, note)."""
    if round_id is None:
        if user is not None and not permissions.can_manage_periods(user):
            raise PermissionDenied("Only a finance lead can start a planning round")
        round_ = model(**values)
    else:
        round_ = locked_draft(round_id, user)
        for name, value in values.items():
            setattr(round_, name, value)
    round_._history_user = user
    round_.save()
    return round_


def upsert(model, key: dict, values: dict, *, user, reason: str) -> str:
    """Create the row `key` names or update its `values`: "created", "changed" or "unchanged"
    (an unchanged row is not written). The caller holds the draft round's lock."""
    current = model.objects.filter(**key).first()
    if current is None:
        current, outcome = model(**key, **values), "created"
    elif all(getattr(current, name) == value for name, value in values.items()):
        return "unchanged"
    else:
        for name, value in values.items():
            setattr(current, name, value)
        outcome = "changed"
    current._history_user, current._change_reason = user, history_reason(reason)
    current.save()
    return outcome


@transaction.atomic
def round_figures_update(*, user, round_id: int, model, rows: list[tuple[dict, dict]]) -> int:
    """Save a form's rows of one kind of a draft round's figures: (key, values) each, the key
    without the round. Returns how many rows changed."""
    round_ = locked_draft(round_id, user)
    outcomes = [
        upsert(model, {"round": round_, **key}, values, user=user, reason="Entered in a form") for key, values in rows
    ]
    return sum(1 for outcome in outcomes if outcome != "unchanged")
