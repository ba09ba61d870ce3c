"""Imports: the template of any kind of figure out, the filled-in file in (ascweb.registry.ImportKind,
run by ascweb.imports.run_import). A page for each kind, the same for all of them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ascweb import permissions
from ascweb.forms import ImportForm
from ascweb.importing import FileProblem, Report, read_file, template_csv, template_xlsx
from ascweb.imports import run_import
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
        try:
            read = read_file(upload.read(), upload.name, required=import_kind.required)
        except FileProblem as problem:
            report = Report()
            report.add(None, "", str(problem))
        else:
            report = run_import(
                import_kind,
                user=request.user,
                via="upload",
                upload=read,
                year_code=form.cleaned_data.get("year", ""),
                number=form.cleaned_data.get("number"),
                publish=form.cleaned_data.get("publish", False),
                acknowledge_all=form.cleaned_data.get("acknowledge_all", False),
            )
        if report.ok:
            messages.success(
                request,
                f"Imported {upload.name}: {report.changed} changed, {report.created} added, "
                f"{report.unchanged} unchanged.",
            )
            for note in report.notes:
                messages.info(request, note)
            if import_kind.per_period:
                return redirect(import_kind.shown_at, form.cleaned_data["year"], form.cleaned_data["number"])
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
