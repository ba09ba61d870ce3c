"""Thin views: parse, call one selector or service, render."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ascweb import fidelity, permissions
from ascweb.periods import period_or_404
from ascweb.views_edit import saved, submit
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
        "footnotes": fidelity.page_footnotes(period, "savings-summary"),
        # the workstreams this user may update now (none once the period is locked)
        "editable": services.editable_workstream_ids(request.user) if period.is_open else set(),
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
    context = {
        "period": period,
        "data": data,
        "table": table,
        "footnotes": fidelity.page_footnotes(period, "savings-projects"),
    }
    return render(request, "savings/projects.html", context)


def workstream_edit(request: HttpRequest, year: str, number: int, code: str) -> HttpResponse:
    period = period_or_404(request, year, number)
    workstream = get_object_or_404(Workstream, code=code)
    if not permissions.can_see_assigned_form(request.user, services.workstream_assignments(workstream)):
        raise PermissionDenied("Only a finance lead or an officer assigned this workstream updates its forecasts")
    if not period.is_open:  # theirs, but locked (the save checks both again, under the period's lock)
        raise PermissionDenied(f"{period.title} is {period.get_status_display().lower()}: its figures are locked")
    submission = submit(
        request,
        # read again after a clash: the page shows which savings are now updated this period
        lambda data: WorkstreamSavingsForm(data, rows=selectors.entry_rows(period, workstream)),
        lambda form: services.savings_forecast_update(
            user=request.user, period=period, workstream=workstream, entries=form.entries()
        ),
    )
    if submission.changed is not None:
        return saved(request, period, what=workstream.name, changed=submission.changed, noun="saving", page="savings")
    context = {
        "period": period,
        "workstream": workstream,
        "form": submission.form,
        "conflicts": submission.conflicts,
    }
    return render(request, "savings/workstream_edit.html", context, status=submission.status)
