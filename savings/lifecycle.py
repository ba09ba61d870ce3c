"""The savings programme's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from ascweb.carry import carry_rows
from ascweb.models import Period
from ascweb.registry import Lifecycle, registry
from savings.models import Mitigation, SavingForecast


def carry_forward(*, period: Period, previous: Period, user) -> None:
    """Every saving starts from the previous period's forecast, status, RAG grade, explanation
    and recovery action; the mitigations beside the programme are carried with their savings."""
    carry_rows(SavingForecast, period=period, previous=previous, user=user)
    links = Mitigation.related_savings.through
    pairs = carry_rows(Mitigation, period=period, previous=previous, user=user)
    saving_ids = {}
    for link in links.objects.filter(mitigation__period=previous):
        saving_ids.setdefault(link.mitigation_id, []).append(link.saving_id)
    links.objects.bulk_create(
        links(mitigation_id=copy.id, saving_id=saving_id)
        for original, copy in pairs
        for saving_id in saving_ids.get(original.id, [])
    )


def register() -> None:
    registry.add_lifecycle(Lifecycle("savings", order=30, started=carry_forward))
