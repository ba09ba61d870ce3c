"""Thin views: parse, call one selector or service, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ascweb import permissions
from ascweb.models import Period
from ascweb.periods import period_or_404
from savings import selectors, services
from savings.forms import WorkstreamSavingsForm
from savings.models import Workstream
from savings.tables import ProgrammeTable, ProjectsTable, SavingsSummaryTable


def summary(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    data = selectors.period_savings(period)
    table = SavingsSummaryTable(
        selectors.summary_table(data), data=data, caption=f"Savings forecast summary, {period.title}"
    )
    context = {
        "period": period,
        "data": data,
        "table": table,
        "totals": data.total(),
        "key_variances": selectors.key_variances(data),
        "can_edit": services.can_edit_savings(request.user, period),
    }
    return render(request, "savings/summary.html", context)


def programme(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    data = selectors.period_savings(period)
    table = ProgrammeTable(
        selectors.programme_table(data),
        data=data,
        caption=f"{data.years_label} savings programme: summary by programme and workstream",
    )
    return render(request, "savings/programme.html", {"period": period, "data": data, "table": table})


def projects(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    data = selectors.period_savings(period)
    table = ProjectsTable(
        selectors.projects_table(data),
        data=data,
        caption=f"Savings by workstream and project, {period.title}",
    )
    return render(request, "savings/projects.html", {"period": period, "data": data, "table": table})


def workstream_edit(request: HttpRequest, year: str, number: int, code: str) -> HttpResponse:
    period = period_or_404(request, year, number)
    workstream = get_object_or_404(Workstream, code=code)
    if not permissions.is_finance(request.user):
        raise PermissionDenied("Only finance staff update savings forecasts")
    if not services.can_edit_savings(request.user, period):
        raise PermissionDenied(f"{period.title} is {period.get_status_display().lower()}: its figures are locked")
    data = request.POST if request.method == "POST" else None  # an empty POST is still a submission
    form = WorkstreamSavingsForm(data, rows=selectors.entry_rows(period, workstream))
    conflicts = []
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.savings_forecast_update(
                user=request.user, period=period, workstream=workstream, entries=form.entries()
            )
        except services.StaleSavings as stale:
            conflicts = stale.conflicts
            form = _rebased_form(request, period, workstream)
        else:
            messages.success(
                request, f"{workstream.name}: saved, {changed} saving{'s' if changed != 1 else ''} changed."
            )
            return redirect("savings", period.year.code, period.number)
    context = {"period": period, "workstream": workstream, "form": form, "conflicts": conflicts}
    status = 409 if conflicts else 400 if form.errors else 200
    return render(request, "savings/workstream_edit.html", context, status=status)


def _rebased_form(request: HttpRequest, period: Period, workstream: Workstream) -> WorkstreamSavingsForm:
    """The editor's typed values, now based on the latest versions: saving again is deliberate."""
    rows = selectors.entry_rows(period, workstream)
    data = request.POST.copy()
    for row in rows:
        data[f"version_{row.id}"] = str(row.version)
    form = WorkstreamSavingsForm(data, rows=rows)
    form.is_valid()
    return form
