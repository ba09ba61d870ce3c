"""Thin views: parse, call one selector or service, render."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from ascweb import fidelity, lifecycle, periods, permissions
from ascweb.caching import member_page, render_page
from ascweb.forms import ReopenForm
from ascweb.models import FinancialYear, Period
from ascweb.periods import period_or_404
from ascweb.registry import registry
from ascweb.views_edit import saved, submit
from finance import charts, glance, services
from finance.forms import AreaForecastForm, BudgetProfileForm
from finance.models import BudgetProfile, ReportingLine
from finance.selectors import audit, report_tables
from finance.selectors import dashboard as dashboard_selectors
from finance.selectors.entry import area_entry
from finance.selectors.figures import PeriodFigures, period_figures
from finance.tables import AppendixATable, SummaryTable


def _area_link(period: Period, figures: PeriodFigures):
    """Rows naming an expenditure area link to the area's page."""
    area_codes = {figures.nodes[area_id].code for area_id in figures.areas()}

    def link(code: str) -> str | None:
        if code not in area_codes:
            return None
        return reverse("area", args=[period.year.code, period.number, code])

    return link


def home(request: HttpRequest) -> HttpResponse:
    """Members land on the latest dashboard; finance staff on their workspace while a period is
    open (the latest open one), otherwise on the latest period's summary."""
    latest = periods.periods_visible_to(request.user).first()
    if latest is None:
        return render(request, "finance/no_periods.html")
    open_period = periods.latest_open_period() if permissions.is_finance(request.user) else None
    if open_period is not None:
        return redirect("workspace", open_period.year.code, open_period.number)
    page = "period" if permissions.is_finance(request.user) else "dashboard"
    return redirect(page, latest.year.code, latest.number)


def dashboard_latest(request: HttpRequest) -> HttpResponse:
    """/dashboard/: the period picked in the selector (?period=2017-18/2), else the latest."""
    visible = periods.periods_visible_to(request.user)
    year, _, number = request.GET.get("period", "").partition("/")
    chosen = visible.filter(year__code=year, number=int(number)).first() if number.isdigit() else None
    if request.GET.get("period") and chosen is None:
        raise Http404("No such period")
    chosen = chosen or visible.first()
    if chosen is None:
        return render(request, "finance/no_periods.html")
    return redirect("dashboard", chosen.year.code, chosen.number)


@member_page
def dashboard(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    data = dashboard_selectors.dashboard(period)
    urls = {a.code: reverse("area", args=[year, number, a.code]) for a in data.areas}
    shown = ((panel, panel.context(period, request.user)) for panel in registry.dashboard_panels)
    panels = [(panel, panel_context) for panel, panel_context in shown if panel_context is not None]
    context = {
        "period": period,
        "data": data,
        "charts": charts.dashboard_figures(data, urls),
        "periods": dashboard_selectors.periods_for_selector(request.user),
        "panels": panels,
        "glance": glance.lines(data, panels),
    }
    return render_page(request, "finance/dashboard.html", context, period)


@member_page
def period_detail(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    figures = period_figures(period)
    table = SummaryTable(
        report_tables.summary_table(figures),
        period=period,
        link=_area_link(period, figures),
        caption=f"Table 2.1: forecast outturn by expenditure area, {period.title}",
        sequence=SummaryTable.WEB_SEQUENCE,
    )
    context = {
        "period": period,
        "table": table,
        "headline": figures.totals[figures.department_id],
        "footnotes": fidelity.page_footnotes(period, "summary"),
    }
    if permissions.can_manage_periods(request.user):
        context["reopen_form"] = ReopenForm()
        context["fidelity_count"] = periods.fidelity_notes(period=period).exclude(kind="rounding").count()
        context["checks"] = [] if period.is_published else lifecycle.period_checks(period)
    return render_page(request, "finance/period_detail.html", context, period)


@member_page
def appendix_a(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    figures = period_figures(period)
    table = AppendixATable(
        report_tables.appendix_a(figures),
        previous=figures.previous,
        link=_area_link(period, figures),
        caption=f"Appendix A: budget monitoring, {period.title}",
    )
    context = {"period": period, "table": table, "footnotes": fidelity.page_footnotes(period, "appendix-a")}
    return render_page(request, "finance/appendix_a.html", context, period)


def area_detail(request: HttpRequest, year: str, number: int, code: str) -> HttpResponse:
    period = period_or_404(request, year, number)
    area = get_object_or_404(ReportingLine, code=code, kind=ReportingLine.Kind.AREA)
    figures = period_figures(period)
    area = figures.nodes.get(area.id, area)  # as published, for a published period
    table = AppendixATable(
        report_tables.area_rows(figures, area.id),
        previous=figures.previous,
        caption=f"{area.name}: budget monitoring, {period.title}",
    )
    context = {
        "period": period,
        "area": area,
        "table": table,
        "explanations": report_tables.area_explanations(figures, area.id),
        "lines_chart": _area_chart(area, figures, period),
        "can_edit": permissions.can_edit_area(request.user, area, period),
        "line_links": [
            (figures.nodes[leaf].code, figures.nodes[leaf].name) for leaf in figures.tree.leaves_under(area.id)
        ],
    }
    return render(request, "finance/area_detail.html", context)


def _area_chart(area: ReportingLine, figures: PeriodFigures, period: Period) -> dict:
    rows = report_tables.area_line_variances(figures, area.id)
    income = [is_income for _name, _variance, is_income in rows]
    return {
        "figure": charts.variance_bar_figure(
            [(name, v, None) for name, v, _i in rows],
            title=f"{area.name}: variance by line at P{period.number}, £m",
            income=income,
        ),
        "summary": charts.variance_summary([(name, v) for name, v, _i in rows], what="lines", income=income),
        "rows": rows,
        "caption": _LINES_CAPTION_INCOME if any(income) else _LINES_CAPTION,
    }


_LINES_CAPTION = "Variance by line: overspends to the right, underspends to the left, largest overspend first"
_LINES_CAPTION_INCOME = (
    "Variance by line: overspends and under-recovery of income to the right, underspends and "
    "over-recovery of income to the left, largest first"
)


def net_expenditure_upload(request: HttpRequest) -> HttpResponse:
    """The net expenditure import, with the budget profiles the graph sets it against."""
    from ascweb.views_imports import import_upload

    context = {}
    if permissions.can_manage_periods(request.user):
        context["years"] = dashboard_selectors.years_with_profiles()
    return import_upload(request, "net-expenditure", template="finance/net_expenditure_upload.html", context=context)


def budget_profile(request: HttpRequest, year: str) -> HttpResponse:
    if not permissions.can_manage_periods(request.user):
        raise PermissionDenied("Only a finance lead can choose a year's profile")
    financial_year = get_object_or_404(FinancialYear, code=year)
    profile = BudgetProfile.objects.filter(year=financial_year).first()
    form = BudgetProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        services.budget_profile_update(
            user=request.user,
            year=financial_year,
            method=form.cleaned_data["method"],
            weights=form.cleaned_data["weights"],
        )
        messages.success(request, f"{financial_year}: budget profile saved.")
        return redirect("net-expenditure-upload")
    context = {"form": form, "year": financial_year, "kept": dashboard_selectors.published_with_profile(financial_year)}
    return render(request, "finance/budget_profile.html", context, status=400 if form.errors else 200)


def area_edit(request: HttpRequest, year: str, number: int, code: str) -> HttpResponse:
    period = period_or_404(request, year, number)
    area = get_object_or_404(ReportingLine, code=code, kind=ReportingLine.Kind.AREA)
    if not permissions.is_finance(request.user):
        raise PermissionDenied("Only finance staff enter forecasts")
    if not permissions.can_see_area_form(request.user, area):
        raise Http404("No such expenditure area for you")
    if not permissions.can_edit_area(request.user, area, period):
        raise PermissionDenied(f"{period.title} is {period.get_status_display().lower()}: its figures are locked")
    entry = area_entry(period, area)
    threshold = settings.ASCWEB_MATERIALITY_PENCE
    submission = submit(
        request,
        lambda data: AreaForecastForm(data, lines=entry.lines, groups=entry.groups, threshold=threshold),
        lambda form: services.forecast_update(
            user=request.user, period=period, area=area, entries=form.entries(), groups=form.group_entries()
        ),
    )
    if submission.changed is not None:
        return saved(request, period, what=area.name, changed=submission.changed, noun="line", page="workspace")
    context = {
        "period": period,
        "area": area,
        "form": submission.form,
        "previous": entry.previous,
        "threshold": threshold,
        "conflicts": submission.conflicts,
    }
    return render(request, "finance/area_edit.html", context, status=submission.status)


def period_audit(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    if not permissions.is_lead(request.user):
        raise PermissionDenied("The audit log is for finance leads")
    entries = audit.period_audit(period)
    return render(request, "finance/audit.html", {"period": period, "entries": entries, "title": "Audit log"})


def line_history(request: HttpRequest, code: str) -> HttpResponse:
    if not permissions.is_lead(request.user):
        raise PermissionDenied("Line histories are for finance leads")
    line = get_object_or_404(ReportingLine, code=code, kind=ReportingLine.Kind.LINE)
    entries = audit.line_history(line)
    return render(request, "finance/audit.html", {"line": line, "entries": entries, "title": f"History of {line.name}"})
