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

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ascweb.importing import Column, read_cells
from ascweb.imports import ImportJob
from ascweb.reference import save_rows
from ascweb.registry import ImportKind
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

TOTAL, CHANGE, FUNDING, BALANCE = "TOTAL", "CHANGE", "FUNDING", "BALANCE"


@dataclass(frozen=True)
class _Layout:
    """An amounts file: rows of `model`, each for an `item` (its foreign key) named in the
    file's `key` column by the item's `attr`, for a year, and for a plan version if `versioned`."""

    model: Any
    item: str
    attr: str
    key: str
    what: str  # what an item is, for messages
    versioned: bool

    @property
    def columns(self) -> list[Column]:
        version = [Column("version", required=True, max_length=100)] if self.versioned else []
        key = Column(self.key, required=True, max_length=200)  # a printed figure's subject by default
        year = Column("year", required=True, max_length=30)
        return [*version, key, year, Column("amount", "money", required=True), *printed.COLUMNS]

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields that identify a row (attnames)."""
        return (*(("version_id",) if self.versioned else ()), f"{self.item}_id", "start_year")

    @property
    def items(self):
        return self.model._meta.get_field(self.item).related_model


def _template_rows(layout: _Layout) -> list[dict]:
    order = [f"{layout.item}__order", f"{layout.item}__{layout.attr}", "start_year"]
    related = [layout.item]
    if layout.versioned:
        order, related = ["version__date", "version_id", *order], [*related, "version"]
    rows = layout.model.objects.select_related(*related).order_by(*order)
    return [
        {
            **({"version": row.version.name} if layout.versioned else {}),
            layout.key: getattr(getattr(row, layout.item), layout.attr),
            "year": year_code(row.start_year),
            "amount": row.amount,
        }
        for row in rows
    ]


def _read(job: ImportJob, layout: _Layout, names: dict[str, str]):
    """({(version id,) item id, start year: pence}, [printed figures]) from the file, every
    problem reported. `names`: what a printed figure may add up (upper case -> its name)."""
    items = {name.upper(): pk for pk, name in layout.items.objects.values_list("pk", layout.attr)}
    versions = {v.name.upper(): v for v in PlanVersion.objects.all()} if layout.versioned else {}
    reports, columns = printed.periods(), layout.columns
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
        key = (*((version.id,) if version else ()), item, year)
        if key in first_seen:
            job.report.add(number, layout.key, f"{code} {cells['year']} repeats row {first_seen[key]}")
            continue
        first_seen[key] = number
        records[key] = cells["amount"]
    return records, found


def _amounts(
    *, layout: _Layout, names: Callable[[], Iterable[str]], figures: Callable[[Any], Figures], **kind
) -> ImportKind:
    """The import kind for an amounts file: `names()` what its printed figures may add up,
    `figures(version)` what the stored rows add up to (the version is None if not `versioned`)."""

    def load(job: ImportJob) -> None:
        records, found = _read(job, layout, {name.upper(): name for name in names()})
        if not job.report.ok:
            return
        save_rows(job, layout.model, layout.fields, {key: {"amount": pence} for key, pence in records.items()})
        printed.check(job, found, figures)

    return ImportKind(
        columns=layout.columns,
        template_rows=lambda _period: _template_rows(layout),
        load=load,
        per_period=False,
        **kind,
    )


def _codes(model, attr: str = "code") -> list[str]:
    return list(model.objects.values_list(attr, flat=True))


def _grants() -> Figures:
    return figures_by_year(GrantAmount.objects.values_list("stream__code", "start_year", "amount"))


# --- Grants by year --------------------------------------------------------------------------------


def _grant_figures(_version=None) -> Figures:
    grants = _grants()
    total = total_by_year(grants)
    year_before = {year + 1: -figure for year, figure in total.items()}
    return {**grants, TOTAL: total, CHANGE: combine(total, year_before)}


GRANTS = _amounts(
    layout=_Layout(GrantAmount, "stream", "code", "stream", "grant stream", versioned=False),
    names=lambda: [*_codes(GrantStream), TOTAL, CHANGE],
    figures=_grant_figures,
    name="ibcf-grants",
    title="iBCF grants by year",
    order=42,
    description=(
        "One row per grant stream and year: stream (its code), year (like 2017-18), amount in pounds, exact. "
        "A row with printed_in is a figure as a paper prints it, checked and never stored: stream is a "
        "stream's code, codes joined by +, TOTAL (every stream) or CHANGE (the total less the year "
        "before's); see the iBCF plan allocations file for the other printed-figure columns."
    ),
)


# --- Plan allocations ------------------------------------------------------------------------------


def _plan_figures(version: PlanVersion) -> Figures:
    """Appendix C as the rows add it up: each scheme, the plan TOTAL, each grant's 'Funded by'
    line (negative), their total (FUNDING) and the BALANCE (plan total plus funded-by total)."""
    schemes = figures_by_year(
        SchemeAllocation.objects.filter(version=version).values_list("scheme__code", "start_year", "amount")
    )
    funded_by = {code: {year: -figure for year, figure in by_year.items()} for code, by_year in _grants().items()}
    total, funding = total_by_year(schemes), total_by_year(funded_by)
    return {**schemes, **funded_by, TOTAL: total, FUNDING: funding, BALANCE: combine(total, funding)}


PLAN = _amounts(
    layout=_Layout(SchemeAllocation, "scheme", "code", "code", "scheme", versioned=True),
    names=lambda: [*_codes(Scheme), *_codes(GrantStream), TOTAL, FUNDING, BALANCE],
    figures=_plan_figures,
    name="ibcf-plan",
    title="iBCF plan allocations",
    order=45,
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


def _split_figures(version: PlanVersion) -> Figures:
    systems = figures_by_year(
        AcuteSystemAllocation.objects.filter(version=version).values_list("system__name", "start_year", "amount")
    )
    return {**systems, TOTAL: total_by_year(systems)}


SPLIT = _amounts(
    layout=_Layout(AcuteSystemAllocation, "system", "name", "system", "acute system", versioned=True),
    names=lambda: [*_codes(AcuteSystem, "name"), TOTAL],
    figures=_split_figures,
    name="ibcf-acute-split",
    title="iBCF split by acute system",
    order=47,
    description=(
        "One row per plan version, acute system and year: version, system (its name), year (like 2017-18) "
        "and amount in pounds. A row with printed_in is a figure as printed, checked and never stored: "
        "system is a system's name, names joined by + or TOTAL; the other printed-figure columns are as in "
        "the iBCF plan allocations file."
    ),
)

KINDS = [GRANTS, PLAN, SPLIT]
