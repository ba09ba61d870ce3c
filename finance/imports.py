"""Revenue monitoring's import kinds, run by the core's one runner (ascweb.imports): the
period's revenue figures (the template a lead fills in each month: budget, forecast outturn
and explanation by line) and the year's net expenditure by area and period (the dashboard's
spend against the profiled budget).
"""

from collections import defaultdict
from functools import cache

from ascweb.bulk import insert_with_history, lock_for_writing, update_with_history
from ascweb.importing import Column, Report, read_cells
from ascweb.imports import ImportJob, apply_positions
from ascweb.lifecycle import year_code
from ascweb.models import FinancialYear, Period
from ascweb.registry import ImportKind, registry
from finance.models import GroupExplanation, NetExpenditure, ReportingLine

Status = Period.Status


# --- Revenue figures: the period template -------------------------------------------------------

REVENUE_COLUMNS = [
    Column("line_code"),
    Column("line_name"),
    Column("area"),
    Column("budget", "money", required=True),
    Column("forecast_outturn", "money", required=True),
    Column("explanation"),
]


def _revenue_rows(period: Period) -> list[dict]:
    from finance.selectors.template import template_rows

    return [
        {
            "line_code": row.line_code,
            "line_name": row.line_name,
            "area": row.area,
            "budget": row.budget,
            "forecast_outturn": row.forecast,
            "explanation": row.explanation,
        }
        for row in template_rows(period)
    ]


def _load_revenue(job: ImportJob) -> None:
    from finance.importers import parse_period
    from finance.models import LineForecast
    from finance.selectors.template import import_structure
    from finance.services import check_printed_totals

    structure = import_structure()
    explained = set(GroupExplanation.objects.filter(period=job.period).values_list("node_id", flat=True))
    parsed = parse_period(job.upload.table, structure, threshold=job.threshold, report=job.report, explained=explained)
    if not job.report.ok:
        return
    values = {
        entry.line_id: {"budget": entry.budget, "forecast": entry.forecast, "explanation": entry.explanation}
        for entry in parsed.entries.values()
    }
    apply_positions(job, LineForecast, "line", values)
    for node_id, text in parsed.group_explanations.items():
        GroupExplanation.objects.update_or_create(
            node_id=node_id, period=job.period, defaults={"text": text, "carried_from": None, "updated_by": job.user}
        )
    source = f"Import of {job.upload.filename}"[:200]  # the note's field length
    check_printed_totals(job.period, structure, parsed.totals, source, job.report)


REVENUE = ImportKind(
    name="period",
    title="period figures",
    columns=REVENUE_COLUMNS,
    template_rows=_revenue_rows,
    load=_load_revenue,
    order=10,
    creates_period=True,
    can_publish=True,
    description=(
        "One row per reporting line: line_code, line_name, area, budget, forecast_outturn, explanation. "
        "Lines are matched by code, or by name within their area. Rows whose code is an area or group "
        "are printed totals: they are checked against the lines, never stored. If the period does not "
        "exist yet it is created open."
    ),
)


# --- Net expenditure by period: the file names its own years and periods --------------------------

NET_EXPENDITURE_COLUMNS = [
    Column("year", required=True),
    Column("period", "number", required=True, bounds=(1, 13)),
    Column("area"),
    Column("amount", "money", required=True),
]


def _net_expenditure_rows(period: Period) -> list[dict]:
    rows = NetExpenditure.objects.filter(year=period.year).select_related("year", "area")
    return [
        {"year": r.year.code, "period": r.period, "area": r.area.code if r.area else "", "amount": r.amount}
        for r in rows
    ]


def _area_names() -> dict[str, int]:
    """Expenditure areas by code, name and alias, case-insensitively."""
    from finance.models import LineAlias

    names: dict[str, int] = {}
    areas = ReportingLine.objects.filter(kind=ReportingLine.Kind.AREA)
    for area_id, code, name in areas.values_list("id", "code", "name"):
        names.setdefault(code.casefold(), area_id)
        names.setdefault(name.casefold(), area_id)
    for line_id, alias in LineAlias.objects.filter(line__in=areas).values_list("line_id", "name"):
        names.setdefault(alias.casefold(), line_id)
    return names


@cache
def _year_code(text: str) -> str | None:
    return year_code(text)  # kept per distinct text: a 100,000-row file names a few years


def _load_net_expenditure(job: ImportJob) -> None:
    """Rows replace what is held for their year, period and area; a period's figures are
    split by area or given for the whole department (area blank), never both."""
    report, areas = job.report, _area_names()
    rows: dict[tuple[str, int, int | None], tuple[int, int]] = {}  # key -> (file row, pence)
    for number, row in job.rows:
        values = read_cells(number, row, NET_EXPENDITURE_COLUMNS, report)
        year_text, area_text = row["year"], row.get("area")
        year = _year_code(year_text)
        if year is None and year_text:
            report.add(number, "year", f"{year_text!r} is not a financial year like 2017-18")
        area_id = None
        if area_text:
            area_id = areas.get(area_text.casefold())
            if area_id is None:
                report.add(number, "area", f"{area_text!r} is not an expenditure area")
                continue
        if values is None or year is None:
            continue
        key = (year, values["period"], area_id)
        if key in rows:
            report.add(number, "area", f"repeats row {rows[key][0]} (same year, period and area)")
            continue
        rows[key] = (number, values["amount"])
    if not report.ok:
        return
    _refuse_published(rows, report)
    if not report.ok:
        return
    years = {}
    for code in sorted({key[0] for key in rows}):
        years[code], _ = FinancialYear.objects.get_or_create(code=code, defaults={"start_year": int(code[:4])})
    lock_for_writing(NetExpenditure)  # before reading what is held: concurrent imports queue
    held, held_amounts = {}, {}
    for pk, year_id, period, area_id, amount in NetExpenditure.objects.filter(year__in=years.values()).values_list(
        "pk", "year_id", "period", "area_id", "amount"
    ):
        held[(year_id, period, area_id)], held_amounts[pk] = pk, amount
    _refuse_mixed(rows, years, held, report)
    if not report.ok:
        return
    new, changed = [], {}
    for (code, period, area_id), (_row, amount) in rows.items():
        record = {"year_id": years[code].id, "period": period, "area_id": area_id, "amount": amount}
        pk = held.get((record["year_id"], period, area_id))
        if pk is None:
            new.append(record)
        elif held_amounts[pk] != amount:
            changed[pk] = record
        else:
            report.unchanged += 1
    insert_with_history(NetExpenditure, new, user=job.user, reason=job.reason)
    update_with_history(NetExpenditure, changed, user=job.user, reason=job.reason)
    report.changed, report.created = len(changed), len(new)


def _refuse_published(rows, report: Report) -> None:
    """A published period's net expenditure is what it was published with: a row for it is
    refused (re-open the period first), and nothing in the file is written."""
    wanted = {(code, period) for code, period, _area_id in rows}
    candidates = Period.objects.filter(status=Status.PUBLISHED, year__code__in={code for code, _p in wanted})
    published = {(p.year.code, p.number): p for p in candidates.select_related("year")}
    for (code, period, _area_id), (number, _amount) in rows.items():
        if (code, period) in published:
            title = published[(code, period)].title
            report.add(number, "period", f"{title} is published: its net expenditure cannot change; re-open it first")


def _refuse_mixed(rows, years, held, report: Report) -> None:
    """A period's net expenditure is either split by area or given for the whole department."""
    if all(area_id is not None for _y, _p, area_id in held) and all(area_id is not None for _c, _p, area_id in rows):
        return  # nothing is given for the whole department, so nothing can be mixed
    areas_of: dict[tuple[int, int], set[int | None]] = defaultdict(set)
    for year_id, period, area_id in held:
        areas_of[(year_id, period)].add(area_id)
    for code, period, area_id in rows:
        areas_of[(years[code].id, period)].add(area_id)
    for (code, period, _area_id), (number, _amount) in rows.items():
        area_ids = areas_of[(years[code].id, period)]
        if None in area_ids and len(area_ids) > 1:
            report.add(
                number,
                "area",
                f"{code} period {period} would have figures both by area and for the whole department; "
                "give one or the other",
            )


NET_EXPENDITURE = ImportKind(
    name="net-expenditure",
    title="net expenditure",
    columns=NET_EXPENDITURE_COLUMNS,
    template_rows=_net_expenditure_rows,
    load=_load_net_expenditure,
    order=20,
    per_period=False,
    description=(
        "One row per period (and per expenditure area where known): year like 2017-18, period 1 to 13 "
        "(13 for year-end adjustments), area an expenditure area's code or name or blank for the whole "
        "department, amount in pounds. A row for a year, period and area already held replaces it."
    ),
)


def register() -> None:
    registry.add_import_kind(REVENUE)
    registry.add_import_kind(NET_EXPENDITURE)
