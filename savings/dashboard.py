"""The member dashboard's savings panel: savings delivered and at risk by workstream, and the
movement since the previous published period."""

from ascweb import permissions
from ascweb.models import Period
from savings import charts, selectors


def panel_context(period: Period, user) -> dict | None:
    """The panel's context, or None when the user may not see the period or it has no savings."""
    if not permissions.can_view_period(user, period):
        return None
    data = selectors.period_savings(period)
    if not data.rows:
        return None
    delivery = selectors.delivery(data)
    return {
        "period": period,
        "delivery": delivery,
        "chart": {"figure": charts.delivery_figure(delivery), "summary": charts.delivery_summary(delivery)},
        "movement": charts.movement_text(delivery),
    }
