"""Downloads: each registered table as Excel or CSV, and the committee appendix pack as a PDF.

The same rules as the pages: anonymous users are sent to sign in (middleware); a period the
user may not see is a 404 (members never learn that a draft exists); finance staff may export
drafts, which carry a "DRAFT - not for publication" mark. Only a finance lead may choose the
pack's contents; everyone else gets the whole pack. A published period's downloads are built
once and kept until its figures change (ascweb.caching.published_download); its whole pack
was built when it was published (ascweb.jobs) and is served from there once built.
"""

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ascweb import jobs, pack, pdf, permissions, xlsx
from ascweb.caching import published_download
from ascweb.exports import csv_rows
from ascweb.pack_forms import PackContentsForm
from ascweb.periods import period_or_404
from ascweb.registry import ExportTable, registry

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _table_or_404(name: str) -> ExportTable:
    table = registry.export_tables.get(name)
    if table is None:
        raise Http404("No such table")
    return table


def _filename(period, stem: str, extension: str) -> str:
    draft = "" if period.is_published else "-DRAFT"
    return f"{stem}-{period.year.code}-P{period.number:02d}{draft}.{extension}"


def _attachment(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def table_csv(request: HttpRequest, year: str, number: int, name: str) -> HttpResponse:
    table = _table_or_404(name)
    period = period_or_404(request, year, number)

    def build() -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(csv_rows(table, table.rows(period)))
        return out.getvalue()

    return _attachment(
        published_download(request, period, build), "text/csv; charset=utf-8", _filename(period, name, "csv")
    )


@require_GET
def table_xlsx(request: HttpRequest, year: str, number: int, name: str) -> HttpResponse:
    table = _table_or_404(name)
    period = period_or_404(request, year, number)
    content = published_download(request, period, lambda: xlsx.table_workbook(table, period, table.rows(period)))
    return _attachment(content, XLSX, _filename(period, name, "xlsx"))


def _contents(request: HttpRequest, period) -> tuple[PackContentsForm | None, list[str] | None]:
    """The lead's form and chosen parts (None: the whole pack); others get the whole pack."""
    if not permissions.is_lead(request.user):
        return None, None
    choices = pack.choices()
    if request.GET.get("contents") != "chosen":  # the form's marker: an empty choice is an error
        return PackContentsForm(parts=choices, initial={"section": [c.name for c in choices]}), None
    form = PackContentsForm(request.GET, parts=choices)
    return form, (form.cleaned_data["section"] if form.is_valid() else [])


@require_GET
def pack_page(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    form, selected = _contents(request, period)
    invalid = form is not None and form.is_bound and not form.is_valid()
    contents = pack.assemble(period, None if invalid else selected, draw_charts=False)
    context = {"period": period, "form": form, "pack": contents, "query": request.GET.urlencode()}
    return render(request, "pack/page.html", context, status=400 if invalid else 200)


@require_GET
def pack_pdf(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    form, selected = _contents(request, period)
    if form is not None and form.is_bound and not form.is_valid():
        return pack_page(request, year, number)
    # the whole pack of a published period was built by the queue when it was published (ascweb.jobs)
    stored = jobs.stored_pack(period) if selected is None else None
    content = stored or published_download(
        request, period, lambda: pdf.pack_pdf(pack.assemble(period, selected)), selected
    )
    return _attachment(content, "application/pdf", _filename(period, "appendix-pack", "pdf"))
