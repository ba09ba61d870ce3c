from django import template
from django.urls import reverse

from ascweb import permissions
from ascweb.registry import registry

register = template.Library()


@register.simple_tag(takes_context=True)
def period_pages(context, period) -> list[dict]:
    """The registered pages of a period this user may open, with their URLs."""
    user = context["request"].user
    finance = permissions.is_finance(user)
    return [
        {
            "label": page.label,
            "url": reverse(page.url_name, args=[period.year.code, period.number]),
            "name": page.url_name,
        }
        for page in registry.period_pages
        if finance or not page.finance_only
    ]
