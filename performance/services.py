"""Writes of an officer's entry forms: one transaction each, under the period's row lock, the
permission checked on the locked period, through the one optimistic lock (ascweb.versioning)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from ascweb.lifecycle import locked_period
from ascweb.permissions import can_edit_assigned
from ascweb.versioning import Edit, save_edits
from performance.models import Commentary, Indicator, SeriesValues


def _editable(user, indicator: Indicator, period):
    period = locked_period(period)
    officers = set(indicator.officers.values_list("id", flat=True))
    if not can_edit_assigned(user, period, officers):
        raise PermissionDenied("This indicator is not open for you to edit")
    return period


@transaction.atomic
def indicator_figures_update(*, user, period, indicator: Indicator, edits: list[Edit]) -> int:
    period = _editable(user, indicator, period)
    return save_edits(
        model=SeriesValues,
        key="series",
        period=period,
        user=user,
        edits=edits,
        skip_new=lambda values: all(value is None for value in values.values()),
    )


@transaction.atomic
def indicator_commentary_update(*, user, period, indicator: Indicator, edits: list[Edit]) -> int:
    period = _editable(user, indicator, period)
    return save_edits(
        model=Commentary, key="indicator", period=period, user=user, edits=edits, skip_new=lambda v: not v["text"]
    )
