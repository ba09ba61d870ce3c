"""The iBCF's amounts by year from files: the grants, each plan version's allocations to the
schemes, and a plan version's split by acute system. Three import kinds of the one runner
(finance.imports.run_import), not for a period: years are budget years like 2017-18, amounts
in pounds, one row per (version,) code and year; a figure the file leaves out is kept.

Rows with `printed_in` filled are figures as a paper prints them (ibcf.printed): checked
against the stored rows after the import, never stored. Each file has totals of its own to
check them against: the grants' TOTAL and CHANGE (from the year before), the plan's TOTAL,
FUNDING (the 'Funded by' total, negative), BALANCE and each grant's 'Funded by' line (its
code, negative), the split's TOTAL.
"""

from dataclasses import dataclass

from ascweb.importing import Column, read_cells
from ascweb.registry import ImportKind
from finance.imports import ImportJob
from ibcf import printed
from ibcf.calculations import Figures, combine, figures_by_year, start_year, total_by_year
from ibcf.models import (
    AcuteSystem,
    AcuteSystemAllocation,
    GrantAmount,
    GrantStream,
    PlanVersion,
    Scheme,
    SchemeAllocation,
    year_code,
)
from ibcf.reference import save_rows

TOTAL, CHANGE, FUNDING, BALANCE = "TOTAL", "CHANGE", "FUNDING", "BALANCE"
_YEAR, _AMOUNT = Column("year", required=True, max_length=30), Column("amount", "money", required=True)


@dataclass(frozen=True)
class _Layout:
    key: str  # the column naming what a row is for
    what: str  # what that is, for messages
    versioned: bool  # rows are for a plan version (a `version` column)


def _read(job: ImportJob, columns: list[Column], layout: _Layout, items: dict[str, int], names: dict[str, str]):
    """({(version id or None, item id, start year): pence}, [printed figures]) from the file,
    every problem reported. `items`: what a row may store (upper-case code -> id); `names`:
    what a printed figure may add up (upper-case -> name in the figures)."""
    versions = {v.name.upper(): v for v in PlanVersion.objects.all()} if layout.versioned else {}
    reports = printed.periods()
    records: dict[tuple, int] = {}
    first_seen: dict[tuple, int] = {}
    found: list[printed.Printed] = []
    for number, row in job.rows:
        cells = read_cells(number, row, columns, job.report, label=row.get(layout.key, ""))
        if cells is None:
            continue
        version = versions.get(cells["version"].upper()) if layout.versioned else None
        if layout.versioned and version is None:
            job.report.add(number, "version", f"Unknown plan version {cells['version']!r}")
            continue
        if cells["printed_in"]:
            figure = printed.read(
                job.report, number, cells, key=layout.key, names=names, scope=version, reports=reports
            )
            if figure is not None:
                found.append(figure)
            continue
        code, year = cells[layout.key], start_year(cells["year"])
        item = items.get(code.upper())
        if item is None:
            printed_only = code.upper() in names  # a total, or (in the plan) a grant's 'Funded by' line
            unknown = f"Unknown {layout.what} {code!r}"
            job.report.add(
                number,
                layout.key,
                f"{code} is printed, never stored: say where (printed_in)" if printed_only else unknown,
            )
            continue
        if year is None:
            job.report.add(number, "year", f"{code}: {cells['year']!r} is not a financial year like 2017-18")
            continue
        key = (version.id if version else None, item, year)
        if key in first_seen:
            job.report.add(number, layout.key, f"{code} {cells['year']} repeats row {first_seen[key]}")
            continue
        first_seen[key] = number
        records[key] = cells["amount"]
    return records, found


def _names(codes, *totals: str) -> dict[str, str]:
    return {name.upper(): name for name in [*codes, *totals]}


def _by_code(model, key: str = "code") -> dict[str, int]:
    return {code.upper(): pk for pk, code in model.objects.values_list("pk", key)}


# --- Grants by year --------------------------------------------------------------------------------

GRANT_LAYOUT = _Layout("stream", "grant stream", versioned=False)
GRANT_COLUMNS = [Column("stream", required=True), _YEAR, _AMOUNT, *printed.COLUMNS]


def _grant_rows(_period) -> list[dict]:
    rows = GrantAmount.objects.select_related("stream").order_by("stream__order", "stream__code", "start_year")
    return [{"stream": g.stream.code, "year": year_code(g.start_year), "amount": g.amount} for g in rows]


def _grant_figures(_scope=None) -> Figures:
    grants = figures_by_year(GrantAmount.objects.values_list("stream__code", "start_year", "amount"))
    total = total_by_year(grants)
    year_before = {year + 1: -figure for year, figure in total.items()}
    return {**grants, TOTAL: total, CHANGE: combine(total, year_before)}


def _load_grants(job: ImportJob) -> None:
    codes = GrantStream.objects.values_list("code", flat=True)
    names = _names(codes, TOTAL, CHANGE)
    records, found = _read(job, GRANT_COLUMNS, GRANT_LAYOUT, _by_code(GrantStream), names)
    if not job.report.ok:
        return
    amounts = {(stream, year): {"amount": pence} for (_v, stream, year), pence in records.items()}
    save_rows(job, GrantAmount, ("stream_id", "start_year"), amounts)
    printed.check(job, found, _grant_figures)


GRANTS = ImportKind(
    name="ibcf-grants",
    title="iBCF grants by year",
    columns=GRANT_COLUMNS,
    template_rows=_grant_rows,
    load=_load_grants,
    order=42,
    per_period=False,
    description=(
        "One row per grant stream and year: stream (its code), year (like 2017-18), amount in pounds, exact. "
        "A row with printed_in is a figure as a paper prints it, checked and never stored: stream is a "
        "stream's code, codes joined by +, TOTAL (every stream) or CHANGE (the total less the year "
        "before's); see the iBCF plan allocations file for the other printed-figure columns."
    ),
)


# --- Plan allocations ------------------------------------------------------------------------------

PLAN_LAYOUT = _Layout("code", "scheme", versioned=True)
PLAN_COLUMNS = [Column("version", required=True), Column("code", required=True), _YEAR, _AMOUNT, *printed.COLUMNS]


def _plan_rows(_period) -> list[dict]:
    rows = SchemeAllocation.objects.select_related("version", "scheme").order_by(
        "version__date", "version_id", "scheme__order", "scheme__code", "start_year"
    )
    return [
        {"version": a.version.name, "code": a.scheme.code, "year": year_code(a.start_year), "amount": a.amount}
        for a in rows
    ]


def _plan_figures(version: PlanVersion) -> Figures:
    """Appendix C as the rows add it up: each scheme, the plan TOTAL, each grant's 'Funded by'
    line (negative), their total (FUNDING) and the BALANCE (plan total plus funded-by total)."""
    schemes = figures_by_year(
        SchemeAllocation.objects.filter(version=version).values_list("scheme__code", "start_year", "amount")
    )
    grants = figures_by_year(GrantAmount.objects.values_list("stream__code", "start_year", "amount"))
    funded_by = {code: {year: -figure for year, figure in by_year.items()} for code, by_year in grants.items()}
    total, funding = total_by_year(schemes), total_by_year(funded_by)
    return {**schemes, **funded_by, TOTAL: total, FUNDING: funding, BALANCE: combine(total, funding)}


def _load_plan(job: ImportJob) -> None:
    codes = [*Scheme.objects.values_list("code", flat=True), *GrantStream.objects.values_list("code", flat=True)]
    names = _names(codes, TOTAL, FUNDING, BALANCE)
    records, found = _read(job, PLAN_COLUMNS, PLAN_LAYOUT, _by_code(Scheme), names)
    if not job.report.ok:
        return
    allocations = {key: {"amount": pence} for key, pence in records.items()}
    save_rows(job, SchemeAllocation, ("version_id", "scheme_id", "start_year"), allocations)
    printed.check(job, found, _plan_figures)


PLAN = ImportKind(
    name="ibcf-plan",
    title="iBCF plan allocations",
    columns=PLAN_COLUMNS,
    template_rows=_plan_rows,
    load=_load_plan,
    order=45,
    per_period=False,
    description=(
        "One row per plan version, scheme and year: version (its name), code (the scheme's), year (like "
        "2017-18) and amount in pounds. A row with printed_in (where the paper prints it) is a figure as "
        "printed, checked against the version's rows and never stored: code is a scheme's or a grant's code "
        "(its 'Funded by' line, negative), codes joined by +, TOTAL, FUNDING (the 'Funded by' total) or "
        "BALANCE; year may be a span (2017-18 to 2019-20); subject is what the paper calls it, rounded_to "
        "the unit it is printed to in pounds (blank: 1000), report_year and report_period the report whose "
        "fidelity notes show it."
    ),
)


# --- Split by acute system -------------------------------------------------------------------------

SPLIT_LAYOUT = _Layout("system", "acute system", versioned=True)
SPLIT_COLUMNS = [Column("version", required=True), Column("system", required=True), _YEAR, _AMOUNT, *printed.COLUMNS]


def _split_rows(_period) -> list[dict]:
    rows = AcuteSystemAllocation.objects.select_related("version", "system").order_by(
        "version__date", "version_id", "system__order", "system__name", "start_year"
    )
    return [
        {"version": a.version.name, "system": a.system.name, "year": year_code(a.start_year), "amount": a.amount}
        for a in rows
    ]


def _split_figures(version: PlanVersion) -> Figures:
    systems = figures_by_year(
        AcuteSystemAllocation.objects.filter(version=version).values_list("system__name", "start_year", "amount")
    )
    return {**systems, TOTAL: total_by_year(systems)}


def _load_split(job: ImportJob) -> None:
    names = _names(AcuteSystem.objects.values_list("name", flat=True), TOTAL)
    records, found = _read(job, SPLIT_COLUMNS, SPLIT_LAYOUT, _by_code(AcuteSystem, "name"), names)
    if not job.report.ok:
        return
    allocations = {key: {"amount": pence} for key, pence in records.items()}
    save_rows(job, AcuteSystemAllocation, ("version_id", "system_id", "start_year"), allocations)
    printed.check(job, found, _split_figures)


SPLIT = ImportKind(
    name="ibcf-acute-split",
    title="iBCF split by acute system",
    columns=SPLIT_COLUMNS,
    template_rows=_split_rows,
    load=_load_split,
    order=47,
    per_period=False,
    description=(
        "One row per plan version, acute system and year: version, system (its name), year (like 2017-18) "
        "and amount in pounds. A row with printed_in is a figure as printed, checked and never stored: "
        "system is a system's name, names joined by + or TOTAL; the other printed-figure columns are as in "
        "the iBCF plan allocations file."
    ),
)

KINDS = [GRANTS, PLAN, SPLIT]
