"""Thin views for the iBCF: Appendix C with the carry-forward, the split by acute system and
the plan's history; and the scheme update form."""

from django.http import HttpRequest, HttpResponse

from ascweb import fidelity, pack
from ascweb.caching import member_page, render_page
from ascweb.models import Period
from ascweb.periods import period_or_404
from ascweb.permissions import can_edit_assigned
from ascweb.statements import statement_edit
from ibcf import selectors, services
from ibcf.forms import UPDATES
from ibcf.tables import AcuteSplitTable, AppendixCTable, ChangesTable


def _appendix_c_content(period: Period) -> dict:
    years = selectors.plan_years(period)
    version = selectors.version_for(period)
    split_version, split_rows = selectors.acute_split(period)
    rows = selectors.appendix_c(period, version)
    return {
        "version": version,
        "schemes": [row for row in rows if row.kind == "line"],
        "table": AppendixCTable(
            rows,
            years=years,
            caption=f"{pack.label_for('ibcf')}: improved Better Care Fund (iBCF) summary and update, {period.title}",
        ),
        "carry_forward": selectors.carry_forward(period),
        "footnotes": fidelity.page_footnotes(period, "ibcf"),
        "split_version": split_version,
        "split_table": AcuteSplitTable(
            split_rows,
            years=years,
            caption=f"Split by acute system{f', {split_version.name}' if split_version else ''}",
        ),
        "history": [
            (entry, ChangesTable(entry.rows(), caption=f"What changed: {entry.previous} to {entry.version}"))
            for entry in selectors.plan_history()
        ],
    }


@member_page
def appendix_c(request: HttpRequest, year: str, number: int) -> HttpResponse:
    period = period_or_404(request, year, number)
    context = {
        "period": period,
        **_appendix_c_content(period),
        "can_edit": can_edit_assigned(request.user, period, UPDATES.assignments),
    }
    return render_page(request, "ibcf/appendix_c.html", context, period)


def updates_edit(request: HttpRequest, year: str, number: int) -> HttpResponse:
    return statement_edit(
        request,
        year,
        number,
        statement=UPDATES,
        lines=selectors.update_entry_lines,
        save=services.scheme_update_save,
    )
