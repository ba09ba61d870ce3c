"""The savings programme's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from ascweb.carry import carried_checks, carry_rows, page_url
from ascweb.models import Period
from ascweb.money import format_m
from ascweb.registry import Check, Lifecycle, registry
from savings.calculations import variance
from savings.models import Mitigation, SavingForecast, SavingTarget

SECTION = "Savings"


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


def checks(*, period: Period) -> list[Check]:
    """Off-target savings without an explanation or a recovery action; forecasts carried
    forward and not confirmed this period."""
    forecasts = SavingForecast.objects.filter(period=period).select_related("saving__workstream")
    targets = dict(SavingTarget.objects.filter(year_id=period.year_id).values_list("saving_id", "amount"))
    found = []
    for row in sorted(forecasts, key=lambda row: (row.saving.workstream.order, row.saving.order, row.saving.code)):
        if row.status != SavingForecast.Status.OFF_TARGET:
            continue
        saving = row.saving
        shortfall = format_m(variance(targets.get(saving.id, 0), row.forecast))
        url = _url(period, row)
        for field, what in (("explanation", "explanation"), ("recovery_action", "recovery action")):
            if not getattr(row, field).strip():
                message = f"{saving.code} {saving.description}: off target by £{shortfall}m with no {what}"
                found.append(Check(f"savings:no-{field.replace('_', '-')}:{saving.code}", SECTION, message, url))
    return found + carried_checks(
        SavingForecast,
        period=period,
        key="saving",
        slug="savings",
        section=SECTION,
        url=lambda row: _url(period, row),
        describe=lambda row: f"{row.saving.code} {row.saving.description}: forecast £{format_m(row.forecast)}m",
    )


def _url(period: Period, row: SavingForecast) -> str:
    return page_url(period, "savings-edit", row.saving.workstream.code)


def register() -> None:
    registry.add_lifecycle(Lifecycle("savings", order=30, started=carry_forward, checks=checks))
