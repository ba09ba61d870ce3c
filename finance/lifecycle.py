"""Revenue monitoring's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from simple_history.utils import bulk_create_with_history

from ascweb.models import Period
from ascweb.registry import Lifecycle, registry
from finance.models import LineForecast, StructureSnapshot
from finance.services import structure_snapshot_take


def carry_forward(*, period: Period, previous: Period, user) -> None:
    """Every line starts from the previous period's budget and forecast outturn."""
    copies = [
        LineForecast(line_id=f.line_id, period=period, budget=f.budget, forecast=f.forecast, updated_by=user)
        for f in LineForecast.objects.filter(period=previous)
    ]
    bulk_create_with_history(copies, LineForecast, default_user=user, default_change_reason="Started from last period")


def freeze(*, period: Period) -> None:
    structure_snapshot_take(period=period)


def thaw(*, period: Period) -> None:
    StructureSnapshot.objects.filter(period=period).delete()  # re-opened: the live structure again


def register() -> None:
    registry.add_lifecycle(Lifecycle("revenue", order=10, started=carry_forward, published=freeze, reopened=thaw))
