"""Reserves' and the capital programme's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from ascweb.carry import carry_rows
from ascweb.models import Period
from ascweb.registry import Lifecycle, registry
from reserves.models import CapitalPosition, ReservePosition


def carry_forward(*, period: Period, previous: Period, user) -> None:
    """Every reserve, provision and capital scheme starts from the previous period's position."""
    carry_rows(ReservePosition, period=period, previous=previous, user=user)
    carry_rows(CapitalPosition, period=period, previous=previous, user=user)


def register() -> None:
    registry.add_lifecycle(Lifecycle("reserves", order=50, started=carry_forward))
