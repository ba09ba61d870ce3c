"""Budget planning's part in a period's lifecycle (ascweb.registry.Lifecycle): before a period
is published, the planning round its pack shows is checked against the savings programme (a
department's agreed savings in the round must equal the programme's targets); publishing fixes
which round the period shows, re-opening lets go of it."""

from django.urls import reverse

from ascweb.money import format_gbp
from ascweb.registry import Check, Lifecycle, registry
from planning import selectors
from planning.models import PeriodRound


def checks(*, period) -> list[Check]:
    round_ = selectors.round_for_period(period)
    if round_ is None:
        return []
    url = reverse("planning-round", args=[round_.pk])
    return [
        Check(
            f"planning:savings-link:{round_.pk}:{link.department}:{year}",
            "Budget planning",
            f"{round_.name}: {link.department}'s agreed savings for {year} are {format_gbp(in_round)}, "
            f"the savings programme's targets {format_gbp(in_programme)}",
            url,
        )
        for link in selectors.savings_links(round_)
        for year, in_round, in_programme in link.years
        if in_round != in_programme
    ]


def published(*, period) -> None:
    """Fix the round the period shows: the latest published round now."""
    latest = selectors.latest_published()
    if latest is not None:
        PeriodRound.objects.update_or_create(period=period, defaults={"round": latest})


def reopened(*, period) -> None:
    PeriodRound.objects.filter(period=period).delete()


def register() -> None:
    registry.add_lifecycle(Lifecycle("planning", order=80, checks=checks, published=published, reopened=reopened))
