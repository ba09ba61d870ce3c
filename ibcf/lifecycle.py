"""The iBCF's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from ascweb.carry import carried_checks, carry_rows, page_url
from ascweb.models import Period
from ascweb.money import format_m
from ascweb.registry import Check, Lifecycle, registry
from ibcf.models import SchemeUpdate


def carry_forward(*, period: Period, previous: Period, user) -> None:
    """Every scheme starts from the previous period's spend, forecast and activity and progress."""
    carry_rows(SchemeUpdate, period=period, previous=previous, user=user)


def checks(*, period: Period) -> list[Check]:
    """Schemes whose progress is carried forward, not updated or confirmed this period."""
    return carried_checks(
        SchemeUpdate,
        period=period,
        key="scheme",
        slug="ibcf",
        section="iBCF",
        url=page_url(period, "ibcf-edit"),
        describe=_describe,
    )


def _describe(row) -> str:
    figure = "" if row.forecast is None else f" (forecast £{format_m(row.forecast)}m)"
    return f"{row.scheme.code} progress{figure}"


def register() -> None:
    registry.add_lifecycle(Lifecycle("ibcf", order=40, started=carry_forward, checks=checks))
