from django import template
from django.utils import timezone

from ascweb.timetable import deadline_text

register = template.Library()


@register.simple_tag
def days_left(period) -> str:
    """'Due in 3 days', 'Overdue by 2 days' (ascweb.timetable.deadline_text), as of today."""
    return deadline_text(period, timezone.localdate())
