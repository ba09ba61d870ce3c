"""A period's timetable: the submission deadline and the committee meeting the lead sets, and
the days left to the deadline that officers and the lead see."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ascweb import permissions
from ascweb.lifecycle import locked_period
from ascweb.models import Period


def deadline_text(period: Period, today: datetime.date) -> str:
    """'Due today', 'Due in 3 days', 'Overdue by 2 days' while the period is open and has a
    deadline; blank otherwise."""
    if period.submission_deadline is None or not period.is_open:
        return ""
    days = (period.submission_deadline - today).days
    if days == 0:
        return "Due today"
    plural = "" if abs(days) == 1 else "s"
    return f"Due in {days} day{plural}" if days > 0 else f"Overdue by {-days} day{plural}"


@transaction.atomic
def timetable_update(
    *, user, period: Period, submission_deadline: datetime.date | None, committee_meeting: datetime.date | None
) -> Period:
    """Set the period's dates (checked by ascweb.forms.TimetableForm), kept in its history."""
    if not permissions.can_manage_periods(user):
        raise PermissionDenied("Only a finance lead sets a period's timetable")
    period = locked_period(period)
    if period.is_published:
        raise ValidationError(f"{period.title} is published: re-open it to change its timetable")
    period.submission_deadline, period.committee_meeting = submission_deadline, committee_meeting
    period._history_user = user
    period._change_reason = "Timetable set"
    period.save(update_fields=["submission_deadline", "committee_meeting"])
    return period
