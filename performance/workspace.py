"""The performance dashboard's part of the officer workspace (ascweb.workspace): each
indicator an officer is assigned, its figures' state this period."""

from collections import defaultdict

from django.urls import reverse

from ascweb import permissions
from ascweb.registry import WorkItem, WorkspaceSection, registry
from ascweb.workspace import MISSING, STATES, figure_state, period_rows
from performance.models import MONTH_FIELDS, Indicator, SeriesValues


def indicator_items(period, user) -> list[WorkItem]:
    """One item per indicator with figures at the period or the one before, for its officers
    (a lead: every one): its state the most urgent of its series'. One query, and one for the
    officers when there are any figures."""
    if not permissions.is_finance(user):
        return []
    current, before = period_rows(SeriesValues, "series", period, ("series__indicator",))
    if not current and not before:
        return []
    officers: dict[int, set[int]] = defaultdict(set)
    for indicator_id, user_id in Indicator.officers.through.objects.values_list("indicator_id", "user_id"):
        officers[indicator_id].add(user_id)
    series: dict[Indicator, list[int]] = defaultdict(list)
    for series_id, row in {**before, **current}.items():
        series[row.series.indicator].append(series_id)
    items = []
    for indicator in sorted(series, key=lambda i: (i.order, i.code)):
        if not permissions.is_lead(user) and user.id not in officers[indicator.id]:
            continue
        ids = series[indicator]
        states = [figure_state(current.get(sid), before.get(sid), MONTH_FIELDS) for sid in ids]
        items.append(
            WorkItem(
                label=indicator.name,
                state=min(states, key=STATES.index) if states else MISSING,
                url=reverse("performance-edit", args=[period.year.code, period.number, indicator.code]),
                officers=frozenset(officers[indicator.id]),
            )
        )
    return items


def register() -> None:
    registry.add_workspace_section(
        WorkspaceSection("performance", "Performance indicators", indicator_items, order=70, action="Enter figures")
    )
