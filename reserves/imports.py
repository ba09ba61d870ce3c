"""Importing reserves and provisions, and the capital programme: two kinds of the one importer
(ascweb.imports.run_import), registered from reserves.registry.

Each file has one row per reserve (or capital scheme), matched by code; the name column is
there for the reader and ignored. Every amount is required, as on the officers' forms, and
parsed by ascweb.money. Rows are written by ascweb.imports.apply_positions; a reserve or
scheme the file leaves out keeps this period's figures as they are.

A row whose code is TOTAL (for reserves also TOTAL PROVISIONS and TOTAL RESERVES) is a printed
total, as the papers print it: it is checked against the sum of the period's rows after the
import and recorded as a fidelity note where it differs, never stored. Other figures the papers
print about the statements (closing balances, figures quoted in the text) are checked by the
printed figures kinds (reserves.imports_printed).
"""

import dataclasses
from dataclasses import dataclass

from django.db.models import Q

from ascweb.fidelity import check_printed_total
from ascweb.importing import Column, read_cells
from ascweb.imports import ImportJob, apply_positions, rows_by_code
from ascweb.models import FidelityNote, Period
from ascweb.money import format_gbp
from ascweb.registry import ImportKind
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition
from reserves.selectors import (
    CAPITAL_TOTAL,
    GRAND_TOTAL,
    PROVISIONS_TOTAL,
    RESERVES_TOTAL,
    capital_entry_lines,
    capital_table,
    reserve_entry_lines,
    reserves_table,
)

RESERVES_SOURCE = "Reserves and provisions"  # the reserves page counts notes by this prefix
CAPITAL_SOURCE = "Capital programme"


@dataclass(frozen=True)
class PrintedTotal:
    """A total row of a file: which computed total it is checked against (by its label)."""

    label: str


def _split_totals(job: ImportJob, totals: dict[str, PrintedTotal], objects: dict[str, object]):
    """(a job over the item rows only, [(file row, total, its row)]): a row whose code names a
    printed total (and no item) is set aside to be checked, not stored."""
    items, printed = [], []
    known = {code.upper() for code in objects}
    by_code = {code.upper(): total for code, total in totals.items()}
    for number, row in job.rows:
        code = " ".join(row.get("code", "").upper().split())
        if code in by_code and code not in known:
            printed.append((number, by_code[code], row))
        else:
            items.append((number, row))
    table = dataclasses.replace(job.upload.table, rows=items)
    return dataclasses.replace(job, upload=dataclasses.replace(job.upload, table=table)), printed


def _read_totals(job: ImportJob, printed, columns: list[Column]) -> list[tuple[int, PrintedTotal, dict]]:
    """Each total row's figures (blank: not checked); a total given twice is a problem."""
    optional = [Column(c.name, "money") for c in columns if c.kind == "money"]
    seen: dict[PrintedTotal, int] = {}
    read = []
    for number, total, row in printed:
        if total in seen:
            job.report.add(number, "code", f"{row['code']} appears twice (first at row {seen[total]})")
            continue
        seen[total] = number
        values = read_cells(number, row, optional, job.report, label=row["code"])
        if values is not None:
            read.append((number, total, values))
    return read


def _check_totals(job: ImportJob, source: str, totals: dict[str, PrintedTotal], read, computed_rows) -> None:
    """Compare each printed total with the period's rows (now imported); notes for the lead,
    and a FidelityNote where it is not exact, filed under where the paper prints them (the
    job's `printed_in`) or else the file. This statement's earlier notes of its totals from an
    import are replaced: the figures they were about have just been re-imported."""
    period = job.period
    filed = f"{source}, {job.printed_in or f'import of {job.upload.filename}'}"
    earlier = Q(source__startswith=f"{source}, import of ") | Q(source=filed)
    labels = {total.label for total in totals.values()}
    FidelityNote.objects.filter(earlier, period=period, subject__in=labels).delete()
    by_label = {row.label: row for row in computed_rows}
    for number, total, values in read:
        computed_row = by_label.get(total.label)
        for column, printed in values.items():
            if printed is None:
                continue
            check_printed_total(
                period=period,
                report=job.report,
                source=filed,
                row=number,
                subject=total.label,
                column=column.replace("_", " "),
                printed=printed,
                computed=getattr(computed_row, column) if computed_row else 0,
                terms=_terms(computed_rows, total.label),
                fmt=format_gbp,
                sums="rows",
            )


def _terms(rows, label: str) -> int:
    """How many rounded figures a total adds up (its lines)."""
    lines = [row for row in rows if row.kind == "line"]
    if label == PROVISIONS_TOTAL:
        return sum(1 for row in lines if getattr(row, "reserve_kind", "") == Reserve.Kind.PROVISION)
    if label == RESERVES_TOTAL:
        return sum(1 for row in lines if getattr(row, "reserve_kind", "") == Reserve.Kind.RESERVE)
    return len(lines)


# --- Reserves and provisions -----------------------------------------------------------------------

RESERVE_COLUMNS = [
    Column("code", required=True),
    Column("name"),
    Column("balance_1_april", "money", required=True),
    Column("proposed_usage", "money", required=True),
    Column("description"),
]
RESERVE_TOTALS = {
    "TOTAL PROVISIONS": PrintedTotal(PROVISIONS_TOTAL),
    "TOTAL RESERVES": PrintedTotal(RESERVES_TOTAL),
    "TOTAL": PrintedTotal(GRAND_TOTAL),
}


def _reserve_rows(period: Period) -> list[dict]:
    """Every reserve with this period's figures or, where it has none yet, the previous
    period's (as the officers' form offers them); reserves in neither are left out."""
    lines, _previous = reserve_entry_lines(period)
    rows = []
    for entry in lines:
        source = entry.current or entry.previous
        if source is None:
            continue
        rows.append(
            {
                "code": entry.reserve.code,
                "name": entry.reserve.name,
                "balance_1_april": source.balance_1_april,
                "proposed_usage": source.proposed_usage,
                "description": source.description,
            }
        )
    return rows


def _load_reserves(job: ImportJob) -> None:
    reserves = {reserve.code: reserve for reserve in Reserve.objects.all()}
    items, printed = _split_totals(job, RESERVE_TOTALS, reserves)
    found = rows_by_code(items, RESERVE_COLUMNS, reserves, what="reserve or provision")
    totals = _read_totals(job, printed, RESERVE_COLUMNS)
    if not job.report.ok:
        return
    values = {
        reserve.id: {
            "balance_1_april": row["balance_1_april"],
            "proposed_usage": row["proposed_usage"],
            # the period's own wording, kept only where it differs from the standing one
            "description": "" if row["description"] == reserve.description else row["description"],
        }
        for reserve, row in found.items()
    }
    apply_positions(job, ReservePosition, "reserve", values)
    _check_totals(job, RESERVES_SOURCE, RESERVE_TOTALS, totals, reserves_table(job.period) if totals else [])


RESERVES = ImportKind(
    name="reserves",
    title="reserves and provisions",
    columns=RESERVE_COLUMNS,
    template_rows=_reserve_rows,
    load=_load_reserves,
    order=50,
    shown_at="reserves",
    description=(
        "One row per reserve or provision: code, name (for reading; not imported), balance_1_april, "
        "proposed_usage (negative is drawn from the reserve, positive is added to it) and description "
        "(this period's wording; blank for the usual one). A reserve the file leaves out keeps its "
        "figures. A row with code TOTAL, TOTAL PROVISIONS or TOTAL RESERVES is a printed total: it is "
        "checked against the rows, never stored. The period must be open."
    ),
)


# --- The capital programme ------------------------------------------------------------------------

CAPITAL_COLUMNS = [
    Column("code", required=True),
    Column("name"),
    Column("current_budget", "money", required=True),
    Column("forecast_outturn", "money", required=True),
    Column("next_year_draft", "money", required=True),
]
CAPITAL_TOTALS = {"TOTAL": PrintedTotal(CAPITAL_TOTAL)}
_CAPITAL_FIGURES = ("current_budget", "forecast_outturn", "next_year_draft")


def _capital_rows(period: Period) -> list[dict]:
    """Every scheme with this period's figures or, where it has none yet, the previous period's."""
    lines, _previous = capital_entry_lines(period)
    rows = []
    for entry in lines:
        source = entry.current or entry.previous
        if source is not None:
            figures = {name: getattr(source, name) for name in _CAPITAL_FIGURES}
            rows.append({"code": entry.scheme.code, "name": entry.scheme.name, **figures})
    return rows


def _load_capital(job: ImportJob) -> None:
    schemes = {scheme.code: scheme for scheme in CapitalScheme.objects.all()}
    items, printed = _split_totals(job, CAPITAL_TOTALS, schemes)
    found = rows_by_code(items, CAPITAL_COLUMNS, schemes, what="capital scheme")
    totals = _read_totals(job, printed, CAPITAL_COLUMNS)
    if not job.report.ok:
        return
    values = {scheme.id: {name: row[name] for name in _CAPITAL_FIGURES} for scheme, row in found.items()}
    apply_positions(job, CapitalPosition, "scheme", values)
    _check_totals(job, CAPITAL_SOURCE, CAPITAL_TOTALS, totals, capital_table(job.period) if totals else [])


CAPITAL = ImportKind(
    name="capital",
    title="capital programme",
    columns=CAPITAL_COLUMNS,
    template_rows=_capital_rows,
    load=_load_capital,
    order=60,
    shown_at="capital",
    description=(
        "One row per capital scheme: code, name (for reading; not imported), current_budget, "
        "forecast_outturn and next_year_draft (next year's draft capital budget). A scheme the file "
        "leaves out keeps its figures. A row with code TOTAL is the printed total: it is checked "
        "against the schemes, never stored. The period must be open."
    ),
)
