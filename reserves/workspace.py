"""Reserves' and capital's parts of the officer workspace (ascweb.workspace): each reserve's
or provision's position, each capital scheme's."""

from django.urls import reverse

from ascweb.permissions import can_see_assigned_form
from ascweb.registry import WorkspaceSection, registry
from ascweb.workspace import statement_items
from reserves.forms import CAPITAL, RESERVES
from reserves.models import CapitalPosition, ReservePosition


def reserve_items(period, user) -> list:
    if not can_see_assigned_form(user, RESERVES.assignments):
        return []
    return statement_items(
        period,
        user,
        ReservePosition,
        "reserve",
        ("balance_1_april", "proposed_usage", "description"),
        url=lambda _reserve: reverse("reserves-edit", args=[period.year.code, period.number]),
        label=lambda reserve: reserve.name,
    )


def capital_items(period, user) -> list:
    if not can_see_assigned_form(user, CAPITAL.assignments):
        return []
    return statement_items(
        period,
        user,
        CapitalPosition,
        "scheme",
        ("current_budget", "forecast_outturn", "next_year_draft"),
        url=lambda _scheme: reverse("capital-edit", args=[period.year.code, period.number]),
        label=lambda scheme: scheme.name,
    )


def register() -> None:
    registry.add_workspace_section(WorkspaceSection("reserves", "Reserves and provisions", reserve_items, order=50))
    registry.add_workspace_section(WorkspaceSection("capital", "Capital programme", capital_items, order=60))
