"""Revenue monitoring's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from ascweb.carry import carry_rows
from ascweb.models import Period
from ascweb.registry import Lifecycle, registry
from finance.models import GroupExplanation, LineForecast, StructureSnapshot
from finance.services import structure_snapshot_take


def carry_forward(*, period: Period, previous: Period, user) -> None:
    """Every line starts from the previous period's budget, forecast outturn and explanation,
    and every group explanation is carried too, each marked carried until an officer confirms it."""
    carry_rows(LineForecast, period=period, previous=previous, user=user)
    carry_rows(GroupExplanation, period=period, previous=previous, user=user)


def freeze(*, period: Period) -> None:
    structure_snapshot_take(period=period)


def thaw(*, period: Period) -> None:
    StructureSnapshot.objects.filter(period=period).delete()  # re-opened: the live structure again


def register() -> None:
    registry.add_lifecycle(Lifecycle("revenue", order=10, started=carry_forward, published=freeze, reopened=thaw))
