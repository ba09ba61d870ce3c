"""Reads about periods that every app's pages need: which a user may see, the previous one."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from ascweb import permissions
from ascweb.models import FidelityNote, FinancialYear, Period


def periods_visible_to(user) -> QuerySet[Period]:
    """The reports a user may open. A period known only from what a later paper printed is
    never a report of its own: it is what a later report compares with (compared_with)."""
    periods = (
        Period.objects.select_related("year")
        .exclude(status=Period.Status.PRINTED)
        .order_by("-year__start_year", "-number")
    )
    if permissions.is_finance(user):
        return periods
    if permissions.is_member(user):
        return periods.filter(status=Period.Status.PUBLISHED)
    return periods.none()


def period_for(user, year_code: str, number: int) -> Period | None:
    """The period if this user may see it; None (a 404) otherwise, so drafts stay unseen."""
    return periods_visible_to(user).filter(year__code=year_code, number=number).first()


def next_period_year() -> tuple[FinancialYear | None, Period | None]:
    """The year the next period belongs to, and that year's latest period: the year of the
    latest period there is (years also exist for plans and profiles, so not the newest year)."""
    latest = Period.objects.select_related("year").order_by("-year__start_year", "-number").first()
    if latest is None:
        return FinancialYear.objects.order_by("start_year").first(), None
    if latest.number == 13:
        following = FinancialYear.objects.filter(start_year=latest.year.start_year + 1).first()
        return (following, None) if following else (latest.year, latest)
    return latest.year, latest


@dataclass(frozen=True)
class TemplateFor:
    """An import template: it is for Period `number` of `year_code` (`title`) and holds the
    figures of `source` (that period itself, or the latest one for the period after it)."""

    year_code: str
    number: int
    title: str
    source: Period


def next_template() -> TemplateFor | None:
    """The template of the period right after the latest one (not started yet), filled from
    the latest period's figures; None when there are no periods."""
    latest = (
        Period.objects.select_related("year")
        .exclude(status=Period.Status.PRINTED)
        .order_by("-year__start_year", "-number")
        .first()
    )
    if latest is None:
        return None
    start, number = (
        (latest.year.start_year, latest.number + 1) if latest.number < 13 else (latest.year.start_year + 1, 1)
    )
    code = FinancialYear.code_for(start)
    upcoming = Period(year=FinancialYear(code=code, start_year=start), number=number)
    return TemplateFor(code, number, f"{upcoming.title}, from {latest.title}", latest)


def template_for(year_code: str, number: int) -> TemplateFor:
    """The template of Period `number` of `year_code`: a period that exists gives its own
    figures; the period right after the latest one gives the latest's (next_template), ready to
    change and import as that period. ValidationError for any other period."""
    period = Period.objects.select_related("year").filter(year__code=year_code, number=number).first()
    if period is not None:
        return TemplateFor(year_code, number, period.title, period)
    upcoming = next_template()
    if upcoming is None:
        raise ValidationError("There are no periods yet: a template starts from the latest period's figures")
    if (year_code, number) != (upcoming.year_code, upcoming.number):
        raise ValidationError(
            f"No Period {number} of {year_code}: a template is for a period that exists or for the next one, "
            f"Period {upcoming.number} of {upcoming.year_code}"
        )
    return upcoming


def latest_open_period() -> Period | None:
    """The latest period open for officers' figures, if any."""
    return (
        Period.objects.select_related("year")
        .filter(status=Period.Status.OPEN)
        .order_by("-year__start_year", "-number")
        .first()
    )


def previous_period(period: Period, *, published_only: bool, printed: bool = False) -> Period | None:
    """The earlier period a page compares this one with.

    A published period compares with the period fixed when it was published (its
    `compared_with`), whatever was published, back-filled or re-opened since; an open one with
    the period publishing would fix (comparison_for). Without `published_only` (officers'
    forms, which show what they start from): the latest earlier period of any status.
    `printed`: the comparison may be a period known only from what a later paper printed
    (revenue holds its variances). The other apps hold nothing of such a period, so they
    compare with the latest published period before it that was published no later than this
    one (a period back-filled after this one was published never moves its comparison)."""
    if period.is_published:
        compared = period.compared_with
    elif published_only:
        compared = comparison_for(period)
    else:
        return _earlier(period).exclude(status=Period.Status.PRINTED).first()
    if compared is None or printed or compared.status != Period.Status.PRINTED:
        return compared
    before = _earlier(compared).filter(status=Period.Status.PUBLISHED)
    if period.is_published and period.published_at is not None:
        before = before.filter(published_at__lte=period.published_at)
    return before.first()


def comparison_for(period: Period) -> Period | None:
    """What a period's report compares with while it is open, and what publishing fixes as
    its `compared_with`: the latest earlier period that is published or printed."""
    return _earlier(period).filter(status__in=[Period.Status.PUBLISHED, Period.Status.PRINTED]).first()


def _earlier(period: Period) -> QuerySet[Period]:
    return Period.objects.filter(year_id=period.year_id, number__lt=period.number).order_by("-number")


def period_or_404(request, year_code: str, number: int) -> Period:
    """The period for a page: a 404 where it does not exist or this user may not see it."""
    period = period_for(request.user, year_code, number)
    if period is None:
        raise Http404("No such period")
    return period


def fidelity_notes(year: FinancialYear | None = None, period: Period | None = None) -> QuerySet:
    notes = FidelityNote.objects.select_related("year", "period")
    if period is not None:
        notes = notes.filter(Q(period=period) | Q(period__isnull=True, year_id=period.year_id))
    elif year is not None:
        notes = notes.filter(year=year)
    return notes.order_by("kind", "period__number", "source", "id")
