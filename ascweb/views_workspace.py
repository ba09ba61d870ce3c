"""The officer's month in one place: the workspace (every app's items with their state, the
days left, and for the lead who has finished) and the lead's timetable of a period."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from ascweb import permissions, timetable, workspace
from ascweb.forms import TimetableForm
from ascweb.periods import period_or_404


def workspace_page(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    if not permissions.is_finance(request.user):
        raise PermissionDenied("The workspace is for finance staff")
    sections = workspace.sections(period, request.user)
    is_lead = permissions.is_lead(request.user)
    items = [item for section in sections for item in section.items]
    context = {
        "period": period,
        "sections": sections,
        "counts": workspace.counts(items),
        "total": len(items),
        "progress": workspace.progress(items) if is_lead else None,
        "due": timetable.deadline_text(period, timezone.localdate()),
        "is_lead": is_lead,
    }
    return render(request, "periods/workspace.html", context)


def timetable_page(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    if not permissions.can_manage_periods(request.user):
        raise PermissionDenied("Only a finance lead sets a period's timetable")
    initial = {"submission_deadline": period.submission_deadline, "committee_meeting": period.committee_meeting}
    form = TimetableForm(request.POST or None, initial=initial, period=period)
    if request.method == "POST" and form.is_valid():
        try:
            timetable.timetable_update(user=request.user, period=period, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, f"{period.title}: timetable saved.")
            return redirect("workspace", year, number)
    status = 400 if form.errors else 200
    return render(request, "periods/timetable.html", {"period": period, "form": form}, status=status)
