"""iBCF's part of the officer workspace (ascweb.workspace): each scheme's progress."""

from django.urls import reverse

from ascweb.permissions import can_see_assigned_form
from ascweb.registry import WorkspaceSection, registry
from ascweb.workspace import statement_items
from ibcf.forms import UPDATES
from ibcf.models import SchemeUpdate


def items(period, user) -> list:
    if not can_see_assigned_form(user, UPDATES.assignments):
        return []
    return statement_items(
        period,
        user,
        SchemeUpdate,
        "scheme",
        ("spend_to_date", "forecast", "activity_progress"),
        url=lambda _scheme: reverse("ibcf-edit", args=[period.year.code, period.number]),
        label=lambda scheme: f"{scheme.code}: {scheme.description}",
    )


def register() -> None:
    registry.add_workspace_section(WorkspaceSection("ibcf", "Improved Better Care Fund schemes", items, order=40))
