"""Thin views: the KPI dashboard, and the officers' forms for an indicator's figures and commentary."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ascweb import permissions
from ascweb.periods import period_or_404
from ascweb.views_edit import saved, submit
from performance import charts, selectors, services
from performance.forms import CommentaryForm, FiguresForm
from performance.models import Commentary, Indicator, SeriesValues
from performance.tables import SeriesTable


def _panel(view, period) -> dict:
    latest = view.latest_month
    tables = [
        SeriesTable(rows, latest=latest, caption=f"{view.indicator.name}, by {group}, {period.title}")
        for group, rows in view.breakdowns.items()
    ]
    total = SeriesTable([view.total], latest=latest, caption=f"{view.indicator.name}, Norfolk total, {period.title}")
    chart = charts.trend(
        name=view.indicator.name,
        unit=view.indicator.unit,
        months=view.total.months,
        targets=view.total.month_targets,
        latest=latest or 12,
    )
    return {"view": view, "tables": [total, *tables], "chart": chart, "rate": view.total.rate(view.total.ytd)}


def performance(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    views = selectors.dashboard(period)
    context = {
        "period": period,
        "panels": [_panel(view, period) for view in views],
        "can_import": permissions.can_manage_periods(request.user) and period.is_open,
        "editable": {
            view.indicator.code
            for view in views
            if permissions.can_edit_assigned(request.user, period, {o.id for o in view.indicator.officers.all()})
        },
    }
    return render(request, "performance/performance.html", context)


def _indicator(request: HttpRequest, year: str, number: int, code: str):
    """The period and indicator an officer edits: 404 unless assigned (or a lead), 403 when locked."""
    period = period_or_404(request, year, number)
    indicator = Indicator.objects.filter(code=code).prefetch_related("officers").first()
    officers = {o.id for o in indicator.officers.all()} if indicator else set()
    if indicator is None or not permissions.can_see_assigned_form(request.user, officers):
        raise Http404("No such indicator")
    if not permissions.can_edit_assigned(request.user, period, officers):
        raise PermissionDenied(f"{period.title} is {period.get_status_display().lower()}: its figures are locked")
    return period, indicator


def figures_edit(request: HttpRequest, year: str, number: int, code: str) -> HttpResponse:
    period, indicator = _indicator(request, year, number, code)
    current = {row.series_id: row for row in SeriesValues.objects.filter(period=period, series__indicator=indicator)}
    rows = [(series, current.get(series.id)) for series in selectors.entry_series(indicator)]
    submission = submit(
        request,
        lambda data: FiguresForm(data, rows=rows),
        lambda form: services.indicator_figures_update(
            user=request.user, period=period, indicator=indicator, edits=form.edits()
        ),
    )
    if submission.changed is not None:
        return saved(request, period, what=indicator.name, changed=submission.changed, noun="row", page="performance")
    context = {"period": period, "indicator": indicator, "form": submission.form, "conflicts": submission.conflicts}
    return render(request, "performance/figures_edit.html", context, status=submission.status)


def commentary_edit(request: HttpRequest, year: str, number: int, code: str) -> HttpResponse:
    period, indicator = _indicator(request, year, number, code)
    current = Commentary.objects.filter(period=period, indicator=indicator).first()
    submission = submit(
        request,
        lambda data: CommentaryForm(data, indicator=indicator, current=current),
        lambda form: services.indicator_commentary_update(
            user=request.user, period=period, indicator=indicator, edits=form.edits()
        ),
    )
    if submission.changed is not None:
        what = f"{indicator.name}: commentary"
        return saved(request, period, what=what, changed=submission.changed, noun="commentary", page="performance")
    context = {"period": period, "indicator": indicator, "form": submission.form, "conflicts": submission.conflicts}
    return render(request, "performance/commentary_edit.html", context, status=submission.status)
