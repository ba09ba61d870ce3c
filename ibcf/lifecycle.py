"""The iBCF's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from ascweb.carry import carry_rows
from ascweb.models import Period
from ascweb.registry import Lifecycle, registry
from ibcf.models import SchemeUpdate


def carry_forward(*, period: Period, previous: Period, user) -> None:
    """Every scheme starts from the previous period's spend, forecast and activity and progress."""
    carry_rows(SchemeUpdate, period=period, previous=previous, user=user)


def register() -> None:
    registry.add_lifecycle(Lifecycle("ibcf", order=40, started=carry_forward))
