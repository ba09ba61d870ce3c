"""Dashboard display helpers: period names and registered panels (variance words are in
the variance library)."""

from django import template
from django.template.loader import get_template

from finance import charts

register = template.Library()


@register.filter
def period_name(number: int) -> str:
    return charts.period_name(number)


@register.filter
def period_short(number: int) -> str:
    return charts.period_short(number)


@register.filter
def period_label(number: int) -> str:
    return charts.period_label(number)


@register.filter
def at(values, index: int):
    """values[index] for tables that walk periods by position."""
    return values[index]


@register.simple_tag(takes_context=True)
def dashboard_panel(context, panel_template: str, panel_context: dict) -> str:
    """Render another app's registered dashboard panel with its own context."""
    return get_template(panel_template).render({**context.flatten(), **panel_context}, context.get("request"))
