"""Display of the dashboard's figures (formatting only: performance.calculations.format_figure)."""

from django import template

from performance.calculations import format_figure

register = template.Library()


@register.filter
def figure(value, unit: str = "count") -> str:
    return format_figure(value, unit) or "–"


@register.filter
def rate(value) -> str:
    return format_figure(value, "count", 1) or "–"
