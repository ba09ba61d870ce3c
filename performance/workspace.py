"""The performance dashboard's part of the officer workspace (ascweb.workspace): each
indicator an officer is assigned, its figures' state this period."""

from django.urls import reverse

from ascweb import permissions
from ascweb.registry import WorkItem, WorkspaceSection, registry
from ascweb.workspace import MISSING, STATES, figure_state, period_rows
from performance.models import MONTH_FIELDS, Indicator, SeriesValues


def indicator_items(period, user) -> list[WorkItem]:
    if not permissions.is_finance(user):
        return []
    current, before = period_rows(SeriesValues, "series", period, ("series__indicator",))
    indicators = Indicator.objects.prefetch_related("officers")
    if not permissions.is_lead(user):
        indicators = indicators.filter(officers=user)
    items = []
    for indicator in indicators:
        ids = [sid for sid, row in {**before, **current}.items() if row.series.indicator_id == indicator.id]
        states = [figure_state(current.get(sid), before.get(sid), MONTH_FIELDS) for sid in ids]
        state = min(states, key=STATES.index) if states else MISSING
        items.append(
            WorkItem(
                label=indicator.name,
                state=state,
                url=reverse("performance-edit", args=[period.year.code, period.number, indicator.code]),
                officers=frozenset(officer.id for officer in indicator.officers.all()),
            )
        )
    return items


def register() -> None:
    registry.add_workspace_section(
        WorkspaceSection("performance", "Performance indicators", indicator_items, order=70, action="Enter figures")
    )
