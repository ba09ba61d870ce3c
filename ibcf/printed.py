"""Figures as the papers print them, in the iBCF's import files.

A row of an amounts file (grants by year, plan allocations, the split by acute system) whose
`printed_in` is filled is a figure as a paper prints it, never stored. It names what it adds up
in the file's code column: one code, several joined by "+" ("iBCF1+iBCF2"), or one of the
file's totals ("TOTAL", ...); and the year, or the years it covers ("2017-18 to 2019-20").
After the file's own rows are written it is checked against what the stored rows add up to by
the one check (finance.services.check_printed_total), which keeps a fidelity note where they
differ, filed under the report (year and period) the file names.

`rounded_to` is the unit the paper prints the figure to, in pounds: 1000 for £m to three
decimals (the default), 100000 for '20.4', 1000000 for '£18m'.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ascweb.fidelity import check_printed_total
from ascweb.importing import Column, Report
from ascweb.imports import ImportJob
from ascweb.models import FidelityNote, Period
from ascweb.money import PENCE_PER_THOUSAND, format_m
from ibcf.calculations import Figures, add_up, years_in

SOURCE = "iBCF"  # every iBCF note's source starts so
SOURCE_MAX = 200 - len(SOURCE) - 2  # the note's field, less "iBCF, "

COLUMNS = [
    Column("printed_in", max_length=SOURCE_MAX),
    Column("subject", max_length=200),
    Column("rounded_to", "money"),
    Column("report_year"),
    Column("report_period", "number", bounds=(1, 13)),
]


@dataclass(frozen=True)
class Printed:
    """A printed figure read from a row: what it adds up (`names` in `years`, looked up in
    the figures of `scope`, e.g. a plan version) and where its note goes."""

    row: int
    scope: Any
    names: tuple[str, ...]
    years: tuple[int, ...]
    column: str
    amount: int
    source: str
    subject: str
    unit: int
    period: Period


def periods() -> dict[tuple[str, int], Period]:
    """Every period by (year code, number): the reports a printed figure may be filed under."""
    return {(p.year.code, p.number): p for p in Period.objects.select_related("year")}


def read(
    report: Report,
    number: int,
    cells: dict,
    *,
    key: str,
    names: dict[str, str],
    scope: Any,
    reports: dict[tuple[str, int], Period],
) -> Printed | None:
    """The printed figure a row gives, or None with each of its problems reported. `key` is
    the column naming what it adds up; `names` the names it may use (upper case -> name)."""
    code = cells[key]
    parts = [names.get(part.strip().upper()) for part in code.split("+")]
    ok = True
    if None in parts:
        report.add(number, key, f"{code!r} names nothing this file adds up")
        ok = False
    years = years_in(cells["year"])
    if years is None:
        report.add(number, "year", f"{cells['year']!r} is not a financial year like 2017-18 (or 2017-18 to 2019-20)")
        ok = False
    period = _report_period(report, number, cells, reports)
    unit = cells["rounded_to"] or PENCE_PER_THOUSAND
    if unit <= 0:
        report.add(number, "rounded_to", "give the unit the paper rounds to, like 1000 or 100000")
        ok = False
    if not ok or period is None:
        return None
    return Printed(
        row=number,
        scope=scope,
        names=tuple(parts),
        years=tuple(years),
        column=cells["year"],
        amount=cells["amount"],
        source=f"{SOURCE}, {cells['printed_in']}",
        subject=cells["subject"] or code,
        unit=unit,
        period=period,
    )


def _report_period(report: Report, number: int, cells: dict, reports: dict[tuple[str, int], Period]) -> Period | None:
    year, period_number = cells["report_year"], cells["report_period"]
    if not year or period_number is None:
        report.add(number, "report_period", "give the report (report_year and report_period) the figure is printed for")
        return None
    period = reports.get((year, period_number))
    if period is None:
        report.add(number, "report_period", f"There is no Period {period_number} of {year}")
    return period


def check(job: ImportJob, printed: list[Printed], figures: Callable[[Any], Figures]) -> None:
    """After the file's rows are written: each printed figure against what the stored rows add
    up to (`figures(scope)`). The notes of an earlier import of the same figures are replaced."""
    for figure in printed:
        FidelityNote.objects.filter(
            period=figure.period, source=figure.source, subject=figure.subject, column=figure.column
        ).delete()
    by_scope: dict[Any, Figures] = {}
    for figure in printed:
        if figure.scope not in by_scope:
            by_scope[figure.scope] = figures(figure.scope)
        computed = add_up(by_scope[figure.scope], figure.names, figure.years)
        check_printed_total(
            period=figure.period,
            report=job.report,
            source=figure.source,
            row=figure.row,
            subject=figure.subject,
            column=figure.column,
            printed=figure.amount,
            computed=computed.pence,
            terms=computed.terms,
            fmt=format_m,
            sums="rows",
            unit_pence=figure.unit,
        )
