"""Imports: the template of any kind of figure out, the filled-in file in (ascweb.registry.ImportKind,
run by ascweb.imports.run_import). A page for each kind, the same for all of them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from ascweb import import_jobs, permissions
from ascweb.forms import ImportForm
from ascweb.importing import Report, template_csv, template_xlsx
from ascweb.imports import import_file
from ascweb.models import BackgroundImport
from ascweb.periods import next_template, period_for, periods_visible_to, template_for
from ascweb.registry import ImportKind, registry

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _kind_or_404(name: str) -> ImportKind:
    kind = registry.import_kinds.get(name)
    if kind is None:
        raise Http404("No such kind of import")
    return kind


def import_index(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_periods(request.user):
        raise PermissionDenied("Only a finance lead can import figures")
    return render(request, "imports/index.html", {"kinds": registry.imports()})


def import_template(request: HttpRequest, year: str, number: int, kind: str, fmt: str) -> HttpResponse:
    """A period's figures of one kind as a file to fill in, for finance staff (it holds drafts);
    for the period after the latest, not yet started, the latest period's figures."""
    import_kind = _kind_or_404(kind)
    if fmt not in ("csv", "xlsx"):
        raise Http404("Templates come as .csv or .xlsx")
    if period_for(request.user, year, number) is None and not permissions.is_finance(request.user):
        raise Http404("No such period")
    if not permissions.is_finance(request.user):
        raise PermissionDenied("Templates are for finance staff")
    try:
        template = template_for(year, number)
    except ValidationError as error:
        raise Http404(error.messages[0]) from None
    rows = import_kind.template_rows(template.source)
    if fmt == "xlsx":
        body = template_xlsx(import_kind.columns, rows, title=f"{template.title}: {import_kind.title}")
        response = HttpResponse(body, content_type=XLSX)
    else:
        response = HttpResponse(template_csv(import_kind.columns, rows), content_type="text/csv; charset=utf-8")
    name = f"ascweb-{year}-P{number:02d}" + ("" if kind == "period" else f"-{kind}")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


def import_upload(
    request: HttpRequest, kind: str, *, template: str = "imports/upload.html", context: dict | None = None
) -> HttpResponse:
    """A lead loads figures from a file: every problem listed by row and column, nothing
    half-loaded; after a clean import, back to where the figures are shown."""
    import_kind = _kind_or_404(kind)
    if not permissions.can_manage_periods(request.user):
        raise PermissionDenied("Only a finance lead can import figures")
    form = ImportForm(request.POST or None, request.FILES or None, kind=import_kind)
    report: Report | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        asked = {
            "year_code": form.cleaned_data.get("year", ""),
            "number": form.cleaned_data.get("number"),
            "publish": form.cleaned_data.get("publish", False),
            "acknowledge_all": form.cleaned_data.get("acknowledge_all", False),
        }
        if import_jobs.runs_in_background(upload.size):
            job = import_jobs.queue_import(import_kind, upload, user=request.user, **asked)
            return redirect("import-job", job.pk)
        report = import_file(import_kind, upload.read(), upload.name, user=request.user, **asked)
        if report.ok:
            _imported(request, upload.name, report)
            if import_kind.per_period:
                return redirect(import_kind.shown_at, asked["year_code"], asked["number"])
            return redirect(request.path)
    status = 400 if form.errors or (report and not report.ok) else 200
    periods = list(periods_visible_to(request.user)[:4]) if import_kind.per_period else []
    upcoming = next_template() if import_kind.per_period else None
    page = {
        "form": form,
        "report": report,
        "kind": import_kind,
        "periods": periods,
        "upcoming": upcoming,
        **(context or {}),
    }
    return render(request, template, page, status=status)


def _imported(request: HttpRequest, filename: str, report: Report) -> None:
    messages.success(
        request, f"Imported {filename}: {report.changed} changed, {report.created} added, {report.unchanged} unchanged."
    )
    for note in report.notes:
        messages.info(request, note)


REFRESH_SECONDS = 3


def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """A large import's progress (ascweb.import_jobs): waiting, running, then its result, every
    problem by row and column, or what changed. The page reloads itself while the import runs
    (an HTML refresh, no script) and says where it is in a status region."""
    if not permissions.can_manage_periods(request.user):
        raise PermissionDenied("Only a finance lead can import figures")
    job = get_object_or_404(BackgroundImport.objects.defer("content"), pk=pk)
    kind = _kind_or_404(job.kind)
    done = job.state == BackgroundImport.State.DONE
    report = import_jobs.report_from(job.report) if done else None
    shown_at = None
    if report is not None and report.ok and kind.per_period:
        shown_at = reverse(kind.shown_at, args=[job.year_code, job.number])
    context = {
        "job": job,
        "kind": kind,
        "report": report,
        "shown_at": shown_at,
        "refresh": None if done else REFRESH_SECONDS,
    }
    return render(request, "imports/job.html", context)
