"""Thin views for the reserves and provisions statement and the capital programme."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ascweb import periods, permissions
from ascweb.models import Period
from ascweb.periods import period_or_404
from ascweb.permissions import can_edit_schedules, can_see_schedule_forms
from reserves import selectors, services
from reserves.forms import CapitalForecastForm, ReserveUsageForm
from reserves.tables import CapitalTable, ReservesTable


def _editable_period(request: HttpRequest, year: str, number: int) -> Period:
    period = period_or_404(request, year, number)
    if not can_see_schedule_forms(request.user):
        raise PermissionDenied("Only finance staff enter these figures")
    if not can_edit_schedules(request.user, period):
        raise PermissionDenied(f"{period.title} is {period.get_status_display().lower()}: its figures are locked")
    return period


def _year_label(period: Period) -> str:
    """'2017/18, Period 10 (January)': the papers' year, then the period, named once."""
    start = period.year.start_year
    return f"{start}/{str(start + 1)[2:]}, Period {period.number} ({period.month})"


def _fidelity_count(user, period: Period, source: str) -> int:
    """For leads: how many of the paper's figures behind this table do not add up or are gaps."""
    if not permissions.is_lead(user):
        return 0
    notes = periods.fidelity_notes(period=period).filter(source__startswith=source)
    return notes.exclude(kind="rounding").count()


def reserves(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    table = ReservesTable(
        selectors.reserves_table(period),
        start_year=period.year.start_year,
        caption=f"Adult Social Services Reserves and Provisions {_year_label(period)}",
    )
    context = {
        "period": period,
        "table": table,
        "can_edit": can_edit_schedules(request.user, period),
        "fidelity_count": _fidelity_count(request.user, period, "Reserves and provisions"),
        "can_import": permissions.can_manage_periods(request.user) and period.is_open,
    }
    return render(request, "reserves/reserves.html", context)


def capital(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    table = CapitalTable(
        selectors.capital_table(period),
        start_year=period.year.start_year,
        caption=f"Adult Social Services Capital Programme {_year_label(period)}",
    )
    context = {
        "period": period,
        "table": table,
        "can_edit": can_edit_schedules(request.user, period),
        "fidelity_count": _fidelity_count(request.user, period, "Capital programme"),
        "can_import": permissions.can_manage_periods(request.user) and period.is_open,
    }
    return render(request, "reserves/capital.html", context)


def save_schedule_form(request: HttpRequest, form, save) -> tuple[int | None, str]:
    """Validate and save through `save(entries, token)`; returns (rows changed or None, the token
    the page should carry: the one the form was drawn from, or the current one after a clash)."""
    posted = request.POST.get("token") if request.method == "POST" else None
    if request.method != "POST" or not form.is_valid():
        return None, posted or form.current_token
    try:
        return save(form.entries(), posted or None), posted or form.current_token
    except services.StaleEdit as clash:
        form.add_error(None, clash.messages[0])
        return None, form.current_token


def form_status(form) -> int:
    """409 when the figures changed under the form, 400 for bad input, else 200."""
    if form.non_field_errors():
        return 409
    return 400 if form.errors else 200


def reserves_edit(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = _editable_period(request, year, number)
    lines, previous = selectors.reserve_entry_lines(period)
    form = ReserveUsageForm(request.POST if request.method == "POST" else None, lines=lines)
    changed, token = save_schedule_form(
        request,
        form,
        lambda entries, token: services.reserve_usage_update(
            user=request.user, period=period, entries=entries, token=token
        ),
    )
    if changed is not None:
        messages.success(
            request, f"Reserves and provisions: saved, {changed} row{'s' if changed != 1 else ''} changed."
        )
        return redirect("reserves", period.year.code, period.number)
    context = {"period": period, "form": form, "previous": previous, "token": token}
    return render(request, "reserves/reserves_edit.html", context, status=form_status(form))


def capital_edit(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = _editable_period(request, year, number)
    lines, previous = selectors.capital_entry_lines(period)
    form = CapitalForecastForm(request.POST if request.method == "POST" else None, lines=lines)
    changed, token = save_schedule_form(
        request,
        form,
        lambda entries, token: services.capital_forecast_update(
            user=request.user, period=period, entries=entries, token=token
        ),
    )
    if changed is not None:
        messages.success(request, f"Capital programme: saved, {changed} scheme{'s' if changed != 1 else ''} changed.")
        return redirect("capital", period.year.code, period.number)
    context = {"period": period, "form": form, "previous": previous, "token": token}
    return render(request, "reserves/capital_edit.html", context, status=form_status(form))
