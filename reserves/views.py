"""Thin views for the reserves and provisions statement and the capital programme."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ascweb import fidelity, periods, permissions
from ascweb.models import Period
from ascweb.periods import period_or_404
from ascweb.permissions import can_edit_assigned
from ascweb.statements import statement_edit
from reserves import selectors, services
from reserves.forms import CAPITAL, RESERVES
from reserves.tables import CapitalTable, ReservesTable


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
        "can_edit": can_edit_assigned(request.user, period, RESERVES.assignments),
        "fidelity_count": _fidelity_count(request.user, period, "Reserves and provisions"),
        "footnotes": fidelity.page_footnotes(period, "reserves"),
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
        "can_edit": can_edit_assigned(request.user, period, CAPITAL.assignments),
        "fidelity_count": _fidelity_count(request.user, period, "Capital programme"),
        "footnotes": fidelity.page_footnotes(period, "capital"),
        "can_import": permissions.can_manage_periods(request.user) and period.is_open,
    }
    return render(request, "reserves/capital.html", context)


def reserves_edit(request: HttpRequest, year: str, number: int) -> HttpResponse:
    return statement_edit(
        request,
        year,
        number,
        statement=RESERVES,
        lines=selectors.reserve_entry_lines,
        save=services.reserve_usage_update,
    )


def capital_edit(request: HttpRequest, year: str, number: int) -> HttpResponse:
    return statement_edit(
        request,
        year,
        number,
        statement=CAPITAL,
        lines=selectors.capital_entry_lines,
        save=services.capital_forecast_update,
    )
