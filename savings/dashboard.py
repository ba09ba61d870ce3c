"""The member dashboard's savings panel: savings delivered and at risk by workstream, and the
movement since the previous published period. Its chart is printed in the pack too."""

from ascweb import permissions
from ascweb.models import Period
from ascweb.money import format_m
from ascweb.registry import Glance
from savings import charts, selectors


def _delivery(period: Period) -> selectors.Delivery | None:
    data = selectors.period_savings(period)
    return selectors.delivery(data) if data.rows else None


def _chart(delivery: selectors.Delivery) -> dict:
    return {"figure": charts.delivery_figure(delivery), "summary": charts.delivery_summary(delivery)}


def figures(period: Period) -> dict[str, dict]:
    """The panel's chart by key, for the pack (none when the period has no savings)."""
    delivery = _delivery(period)
    return {"delivery": _chart(delivery)} if delivery else {}


def panel_context(period: Period, user) -> dict | None:
    """The panel's context, or None when the user may not see the period or it has no savings."""
    if not permissions.can_view_period(user, period):
        return None
    delivery = _delivery(period)
    if delivery is None:
        return None
    return {
        "period": period,
        "delivery": delivery,
        "chart": _chart(delivery),
        "movement": charts.movement_text(delivery),
    }


def glance(context: dict) -> Glance:
    """The dashboard's answer to "are the savings being delivered?", from the panel's context."""
    total = context["delivery"].total
    answer = (
        f"£{format_m(total.delivered)}m of the £{format_m(-total.target)}m savings target is forecast "
        f"to be delivered; £{format_m(total.at_risk)}m is at risk."
    )
    return Glance("Are the savings being delivered?", answer, context["movement"], ANCHOR, order=30)


ANCHOR = "savings"
