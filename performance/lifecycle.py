"""The performance dashboard's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from ascweb.carry import carried_checks, carry_rows, empty_check, page_url
from ascweb.models import Period
from ascweb.registry import Check, Lifecycle, registry
from performance.models import Commentary, SeriesValues, Target

SECTION = "Performance"


def carry_forward(*, period: Period, previous: Period, user) -> None:
    """Every series' months, targets and commentary start from the previous period's."""
    for model in (SeriesValues, Target, Commentary):
        carry_rows(model, period=period, previous=previous, user=user)


def checks(*, period: Period) -> list[Check]:
    """Figures and commentary carried forward and not reviewed; a dashboard left empty."""
    url = page_url(period, "performance")
    found = carried_checks(
        SeriesValues,
        period=period,
        key="series",
        slug="performance",
        section=SECTION,
        url=lambda row: page_url(period, "performance-edit", row.series.indicator.code),
        describe=lambda row: f"{row.series.indicator.name}: {row.series.name}",
    )
    found += carried_checks(
        Commentary,
        period=period,
        key="indicator",
        slug="performance-commentary",
        section=SECTION,
        url=lambda row: page_url(period, "performance-edit", row.indicator.code),
        describe=lambda row: f"{row.indicator.name}: commentary",
    )
    return found + empty_check(SeriesValues, period=period, slug="performance", section=SECTION, url=url)


def register() -> None:
    registry.add_lifecycle(Lifecycle("performance", order=70, started=carry_forward, checks=checks))
