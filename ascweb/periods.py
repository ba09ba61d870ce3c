"""Reads about periods that every app's pages need: which a user may see, the previous one."""

from django.db.models import Q, QuerySet
from django.http import Http404

from ascweb import permissions
from ascweb.models import FidelityNote, FinancialYear, Period


def periods_visible_to(user) -> QuerySet[Period]:
    periods = Period.objects.select_related("year").order_by("-year__start_year", "-number")
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


def previous_period(period: Period, *, published_only: bool) -> Period | None:
    earlier = Period.objects.filter(year_id=period.year_id, number__lt=period.number)
    if published_only:
        earlier = earlier.filter(status=Period.Status.PUBLISHED)
    return earlier.order_by("-number").first()


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
