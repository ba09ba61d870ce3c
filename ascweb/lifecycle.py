"""A period's lifecycle: started (open), submitted, published, re-opened. The core owns it;
every app plugs in through the registry's lifecycle hooks (ascweb.registry.Lifecycle):

- started: the app carries its figures forward from the latest period into the new one;
- published: the app freezes what its report shows (a published period never changes); then
  the core queues the build of the period's appendix pack (ascweb.jobs);
- reopened: the app lets go of what it froze.

Each write is keyword-only, checks permission and the period lock itself, and runs in one
transaction: all or nothing.
"""

import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ascweb import jobs, permissions
from ascweb.models import FinancialYear, Period, PeriodEvent
from ascweb.periods import comparison_for
from ascweb.registry import Check, registry

Status = Period.Status


def locked_period(period: Period) -> Period:
    """Re-read the period under a row lock so a publish cannot interleave with a save."""
    return Period.objects.select_for_update().get(pk=period.pk)


@transaction.atomic
def period_create_next(*, user, year: FinancialYear, number: int) -> Period:
    """Open a new period; every app carries its figures forward from the latest period."""
    if not permissions.can_manage_periods(user):
        raise PermissionDenied("Only a finance lead can start a period")
    periods = list(Period.objects.select_for_update().filter(year=year).order_by("number"))
    latest = periods[-1] if periods else None
    # a period known only from a later paper (printed) is done: it is never published
    if latest and not all(p.is_published or p.status == Status.PRINTED for p in periods):
        raise ValidationError("Publish the current period before starting the next one")
    if latest and number <= latest.number:
        raise ValidationError(f"The next period must come after Period {latest.number}")
    if not 1 <= number <= 13:
        raise ValidationError("A period is numbered 1 to 13")
    period = Period.objects.create(year=year, number=number, status=Status.OPEN)
    carry_forward_into(period, user=user)
    PeriodEvent.objects.create(period=period, user=user, action="create", to_status=Status.OPEN)
    return period


def carry_forward_into(period: Period, *, user) -> Period | None:
    """Every app carries its figures into a new period from the latest earlier period that holds
    figures (not a printed one): the period it starts from, or None for a year's first."""
    previous = (
        Period.objects.filter(year_id=period.year_id, number__lt=period.number)
        .exclude(status=Status.PRINTED)
        .order_by("-number")
        .first()
    )
    if previous is not None:
        for hooks in registry.lifecycle():
            if hooks.started:
                hooks.started(period=period, previous=previous, user=user)
    return previous


class ChecksLeft(ValidationError):
    """Publishing with checks left that the lead has not acknowledged: `checks` lists them."""

    def __init__(self, checks: list[Check]):
        self.checks = checks
        super().__init__(
            f"{len(checks)} check{'s' if len(checks) != 1 else ''} left: acknowledge each to publish anyway"
        )


def period_checks(period: Period) -> list[Check]:
    """What every app finds still wrong or undone in the period, in the apps' order."""
    found: list[Check] = []
    for hooks in registry.lifecycle():
        if hooks.checks:
            found.extend(hooks.checks(period=period))
    return found


# status transitions a lead may make: action -> (from, to, reason required)
TRANSITIONS = {
    "submit": (Status.OPEN, Status.SUBMITTED, False),
    "return": (Status.SUBMITTED, Status.OPEN, False),
    "publish": (Status.SUBMITTED, Status.PUBLISHED, False),
    "reopen": (Status.PUBLISHED, Status.OPEN, True),
}
_DONE = {"submit": "submitted", "return": "returned to officers", "publish": "published", "reopen": "re-opened"}


@transaction.atomic
def period_transition(
    *, user, period: Period, action: str, reason: str = "", acknowledged: Iterable[str] = ()
) -> Period:
    """Submit, return, publish or re-open. Publishing runs every app's checks: each one still
    failing must be in `acknowledged` (its key), or nothing changes and ChecksLeft lists them;
    the acknowledged checks are recorded with the event."""
    if not permissions.can_manage_periods(user):
        raise PermissionDenied("Only a finance lead can change a period's status")
    if action not in TRANSITIONS:
        raise ValidationError(f"Unknown action {action!r}")
    from_status, to_status, needs_reason = TRANSITIONS[action]
    period = locked_period(period)
    if period.status != from_status:
        raise ValidationError(
            f"{period.title} is {period.get_status_display().lower()}, so it cannot be {_DONE[action]}"
        )
    reason = reason.strip()
    if needs_reason and not reason:
        raise ValidationError("Give a reason for re-opening a published period")
    acknowledgements: list[dict] = []
    if action == "publish":
        checks = period_checks(period)
        unacknowledged = [c for c in checks if c.key not in set(acknowledged)]
        if unacknowledged:
            raise ChecksLeft(unacknowledged)
        acknowledgements = noted(checks)
    set_status(period, user=user, action=action, to_status=to_status, reason=reason, acknowledged=acknowledgements)
    return period


def noted(checks: list[Check]) -> list[dict]:
    """Acknowledged checks as a PeriodEvent keeps them."""
    return [{"key": c.key, "section": c.section, "message": c.message} for c in checks]


HISTORY_REASON_LENGTH = 100  # django-simple-history's history_change_reason


def history_reason(text: str) -> str:
    """A reason as the history tables can keep it (a longer one is shortened, marked so)."""
    return text if len(text) <= HISTORY_REASON_LENGTH else text[: HISTORY_REASON_LENGTH - 1] + "…"


def set_status(
    period: Period, *, user, action: str, to_status: str, reason: str = "", acknowledged: list | None = None
) -> None:
    """Change a period's status (the caller holds its row lock) and tell every app."""
    from_status = period.status
    period.status = to_status
    if to_status == Status.PUBLISHED:
        period.published_at = timezone.now()
        period.compared_with = comparison_for(period)  # fixed until it is re-opened
    elif from_status == Status.PUBLISHED:
        period.compared_with = None  # open again: compared with what publishing would fix now
    period._history_user = user
    period._change_reason = history_reason(reason or action)  # the whole reason is in the event
    period.save(update_fields=["status", "published_at", "compared_with"])
    for hooks in registry.lifecycle():
        if to_status == Status.PUBLISHED and hooks.published:
            hooks.published(period=period)
        elif from_status == Status.PUBLISHED and hooks.reopened:
            hooks.reopened(period=period)
    event = PeriodEvent.objects.create(
        period=period,
        user=user,
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        acknowledged=acknowledged or [],
    )
    if to_status == Status.PUBLISHED:  # queued with the publication: built once it is committed
        jobs.build_published_pack.enqueue(event.pk)


_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


def year_code(text: str) -> str | None:
    """'2017-18' if `text` is a financial year written so (the years follow each other), else None."""
    match = _YEAR.match(text.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        return None
    return text.strip()


def financial_year_for(code: str) -> FinancialYear:
    """The financial year '2017-18', created if it is new; ValidationError if the code is not one."""
    valid = year_code(code)
    if valid is None:
        raise ValidationError(f"{code!r} is not a financial year like 2017-18")
    year, _ = FinancialYear.objects.get_or_create(code=valid, defaults={"start_year": int(valid[:4])})
    return year
