"""The core's pages about periods: the list, starting the next one, changing a period's
status (publishing with checks left needs each acknowledged: refused, the checks are shown
again with an error summary), and the fidelity notes of the papers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ascweb import lifecycle, periods, permissions
from ascweb.forms import NextPeriodForm, ReopenForm


def period_list(request: HttpRequest) -> HttpResponse:
    visible = list(periods.periods_visible_to(request.user))
    return render(request, "periods/period_list.html", {"periods": visible})


@require_POST
def period_action(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = periods.period_or_404(request, year, number)
    if not permissions.can_manage_periods(request.user):
        raise PermissionDenied("Only a finance lead can change a period's status")
    action = request.POST.get("action", "")
    reason_form = ReopenForm(request.POST) if action == "reopen" else None
    if reason_form is not None and not reason_form.is_valid():
        messages.error(request, reason_form.errors["reason"][0])
        return redirect("period", year, number)
    reason = reason_form.cleaned_data["reason"] if reason_form else ""
    acknowledged = request.POST.getlist("acknowledge")
    try:
        period = lifecycle.period_transition(
            user=request.user, period=period, action=action, reason=reason, acknowledged=acknowledged
        )
    except lifecycle.ChecksLeft as left:
        return _checks_left(request, period, left, acknowledged)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"{period.title} is now {period.get_status_display().lower()}.")
    return redirect("period", year, number)


SHOWN_IN_SUMMARY = 5  # the error summary names the first few; every check is in the list below it


def _checks_left(request: HttpRequest, period, left: lifecycle.ChecksLeft, acknowledged: list[str]) -> HttpResponse:
    """Publishing refused: the checks again, the first few not acknowledged in the error summary."""
    context = {
        "period": period,
        "checks": lifecycle.period_checks(period),
        "checks_left": left.messages[0],
        "acknowledged": set(acknowledged),
        "unacknowledged": left.checks[:SHOWN_IN_SUMMARY],
        "more": max(len(left.checks) - SHOWN_IN_SUMMARY, 0),
    }
    return render(request, "periods/period_publish.html", context, status=400)


def period_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_periods(request.user):
        raise PermissionDenied("Only a finance lead can start a period")
    year, latest = periods.next_period_year()
    if year is None:
        raise Http404("No financial year has been set up")
    form = NextPeriodForm(request.POST or None, after=latest.number if latest else 0)
    if request.method == "POST" and form.is_valid():
        try:
            period = lifecycle.period_create_next(user=request.user, year=year, number=form.cleaned_data["number"])
        except ValidationError as error:
            form.add_error("number", error.messages[0])
        else:
            messages.success(request, f"{period.title} is open for officers.")
            return redirect("workspace", year.code, period.number)
    return render(request, "periods/period_create.html", {"form": form, "year": year, "latest": latest})


def fidelity(request: HttpRequest) -> HttpResponse:
    if not permissions.is_lead(request.user):
        raise PermissionDenied("Fidelity notes are for finance leads")
    return render(request, "periods/fidelity.html", {"notes": periods.fidelity_notes()})
