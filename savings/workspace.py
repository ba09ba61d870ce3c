"""The savings programme's part of the officer workspace (ascweb.workspace): every saving the
period or the one before it reports, by workstream; an off-target saving without its
explanation or recovery action is missing."""

from django.urls import reverse

from ascweb.registry import WorkspaceSection, registry
from ascweb.workspace import statement_items
from savings.models import SavingForecast
from savings.services import editable_workstream_ids


def _missing(row: SavingForecast) -> bool:
    off = row.status == SavingForecast.Status.OFF_TARGET
    return off and not (row.explanation.strip() and row.recovery_action.strip())


def items(period, user) -> list:
    editable = editable_workstream_ids(user)
    if not editable:
        return []
    return statement_items(
        period,
        user,
        SavingForecast,
        "saving",
        ("forecast", "status", "rag", "explanation", "recovery_action"),
        url=lambda s: reverse("savings-edit", args=[period.year.code, period.number, s.workstream.code]),
        label=lambda s: f"{s.code}: {s.description}",
        group=lambda s: s.workstream.name,
        missing=_missing,
        order=lambda s: (s.workstream.order, s.workstream.code, s.order, s.code),
        related=("saving__workstream",),
        may_edit=lambda s: s.workstream_id in editable,
    )


def register() -> None:
    registry.add_workspace_section(WorkspaceSection("savings", "Savings programme", items, order=30))
