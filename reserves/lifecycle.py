"""Reserves' and the capital programme's part in a period's lifecycle (see ascweb.registry.Lifecycle)."""

from ascweb.carry import carried_checks, carry_rows, empty_check, page_url
from ascweb.models import Period
from ascweb.money import format_m
from ascweb.registry import Check, Lifecycle, registry
from reserves.models import CapitalPosition, ReservePosition

RESERVES, CAPITAL = "Reserves and provisions", "Capital programme"


def carry_forward(*, period: Period, previous: Period, user) -> None:
    """Every reserve, provision and capital scheme starts from the previous period's position."""
    carry_rows(ReservePosition, period=period, previous=previous, user=user)
    carry_rows(CapitalPosition, period=period, previous=previous, user=user)


def checks(*, period: Period) -> list[Check]:
    """Positions carried forward and not reviewed this period; a statement left empty."""
    reserves_url, capital_url = page_url(period, "reserves-edit"), page_url(period, "capital-edit")
    found = carried_checks(
        ReservePosition,
        period=period,
        key="reserve",
        slug="reserves",
        section=RESERVES,
        url=reserves_url,
        describe=lambda row: (
            f"{row.reserve.name}: balance at 31 March £{format_m(row.balance_1_april + row.proposed_usage)}m"
        ),
    )
    found += empty_check(ReservePosition, period=period, slug="reserves", section=RESERVES, url=reserves_url)
    found += carried_checks(
        CapitalPosition,
        period=period,
        key="scheme",
        slug="capital",
        section=CAPITAL,
        url=capital_url,
        describe=lambda row: f"{row.scheme.name}: forecast outturn £{format_m(row.forecast_outturn)}m",
    )
    return found + empty_check(CapitalPosition, period=period, slug="capital", section=CAPITAL, url=capital_url)


def register() -> None:
    registry.add_lifecycle(Lifecycle("reserves", order=50, started=carry_forward, checks=checks))
