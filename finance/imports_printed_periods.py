"""A period known only from what a later paper printed: the Period 10 paper's "Variance @ Pd 7"
column is all there is of Period 7. The `printed-variances` kind records such a period (status
"printed": never a report of its own, only what a later report compares with) and its
variances as printed, at the paper's rows (lines, groups, areas).

Printed totals are kept as the paper prints them (there is nothing else of that period to
add up), and each is checked against the printed rows below it: one that does not add up, or
adds up only within rounding, becomes a fidelity note of the printed period.
"""

from collections import defaultdict

from ascweb.fidelity import check_printed_total
from ascweb.importing import Column, read_cells
from ascweb.imports import ImportJob
from ascweb.lifecycle import financial_year_for, year_code
from ascweb.models import FidelityNote, Period, PeriodEvent
from ascweb.money import format_m
from ascweb.registry import ImportKind, registry
from finance.imports_printed import name_problem
from finance.models import PrintedVariance

Status = Period.Status
SOURCE_LENGTH = 200  # PrintedVariance.source, FidelityNote.source

COLUMNS = [
    Column("year", required=True),
    Column("period", "number", required=True, bounds=(1, 13)),
    Column("line_code", required=True, max_length=40),
    Column("line_name", max_length=200),
    Column("variance", "money", required=True),
    Column("source", max_length=SOURCE_LENGTH),
]


def _template_rows(period: Period) -> list[dict]:
    """The variances held for the year's printed periods."""
    held = PrintedVariance.objects.filter(period__year=period.year).select_related("period__year", "node")
    return [
        {
            "year": v.period.year.code,
            "period": v.period.number,
            "line_code": v.node.code,
            "line_name": v.node.name,
            "variance": v.variance,
            "source": v.source,
        }
        for v in held.order_by("period__number", "node__order", "node__code")
    ]


def _load(job: ImportJob) -> None:
    from finance.selectors.figures import reporting_tree

    report = job.report
    tree, nodes = reporting_tree()
    by_code = {node.code.upper(): node_id for node_id, node in nodes.items()}
    rows: dict[tuple[str, int], dict[int, tuple[int, int, str]]] = defaultdict(dict)  # -> node -> row
    for number, row in job.rows:
        code = row.get("line_code", "")
        values = read_cells(number, row, COLUMNS, report, label=code)
        year = year_code(row.get("year", ""))
        if row.get("year") and year is None:
            report.add(number, "year", f"{row['year']!r} is not a financial year like 2017-18")
        node_id = by_code.get(code.upper()) if code else None
        if code and node_id is None:
            report.add(number, "line_code", f"Unknown line code {code!r}")
        if values is None or year is None or node_id is None:
            continue
        problem = name_problem(node_id, nodes[node_id].name, values["line_name"], code)
        if problem:
            report.add(number, "line_name", problem)
            continue
        held = rows[(year, values["period"])]
        if node_id in held:
            report.add(number, "line_code", f"{code} appears twice for that period (first at row {held[node_id][0]})")
            continue
        source = values["source"] or f"Import of {job.upload.filename}"[:SOURCE_LENGTH]
        held[node_id] = (number, values["variance"], source)
    periods = {key: _printed_period(key, found, job) for key, found in rows.items()}
    if not report.ok:
        return
    for key, found in rows.items():
        _store(job, periods[key], found)
        _check_totals(job, periods[key], found, tree, nodes)


def _printed_period(key: tuple[str, int], found: dict, job: ImportJob) -> Period | None:
    """The printed period, created when it is new; a period that is a report is refused."""
    code, number = key
    period = Period.objects.select_for_update().filter(year__code=code, number=number).first()
    if period is not None and period.status != Status.PRINTED:
        first = min(row for row, _variance, _source in found.values())
        job.report.add(
            first,
            "period",
            f"{period.title} is {period.get_status_display().lower()}: printed variances are only for a period "
            "known from a later paper",
        )
        return None
    if period is None and job.report.ok:
        period = Period.objects.create(year=financial_year_for(code), number=number, status=Status.PRINTED)
        PeriodEvent.objects.create(
            period=period,
            user=job.user,
            action="printed",
            to_status=Status.PRINTED,
            reason=f"Imported from {job.upload.filename}",
        )
    return period


def _store(job: ImportJob, period: Period, found: dict[int, tuple[int, int, str]]) -> None:
    held = {v.node_id: v for v in PrintedVariance.objects.filter(period=period)}
    for node_id, (_row, variance, source) in found.items():
        current = held.get(node_id)
        if current is not None and (current.variance, current.source) == (variance, source):
            job.report.unchanged += 1
            continue
        if current is None:
            current = PrintedVariance(period=period, node_id=node_id)
            job.report.created += 1
        else:
            job.report.changed += 1
        current.variance, current.source = variance, source
        current._history_user, current._change_reason = job.user, job.reason
        current.save()


def _check_totals(job: ImportJob, period: Period, found: dict[int, tuple[int, int, str]], tree, nodes) -> None:
    """Each printed total in the file against the printed rows it is made of (the lines below
    it, as held for the period); one whose lines are not all printed is recorded as a gap."""
    printed = dict(PrintedVariance.objects.filter(period=period).values_list("node_id", "variance"))
    totals = [(row, node_id, source) for node_id, (row, _v, source) in found.items() if not tree.is_leaf(node_id)]
    FidelityNote.objects.filter(period=period, source__in={source for *_rest, source in totals}).delete()
    for row, node_id, source in sorted(totals):
        leaves = tree.leaves_under(node_id)
        check_printed_total(
            period=period,
            report=job.report,
            source=source,
            row=row,
            subject=nodes[node_id].name,
            column=f"variance @ Pd {period.number}",
            printed=printed[node_id],
            computed=sum(printed[leaf] for leaf in leaves) if all(leaf in printed for leaf in leaves) else None,
            terms=len(leaves),
            fmt=format_m,
        )


PRINTED_VARIANCES = ImportKind(
    name="printed-variances",
    title="printed variances",
    columns=COLUMNS,
    template_rows=_template_rows,
    load=_load,
    order=17,
    per_period=False,
    description=(
        'A period known only from what a later paper printed (the Period 10 paper\'s "Variance @ Pd 7"): '
        "year like 2017-18, period 1 to 13, line_code (a line, group, area or the department), line_name "
        "(optional, checked against the code), variance as printed in pounds, source (where it is printed). "
        "The period is recorded as printed (never a report of its own; a period that is a report is refused) "
        "and its report is compared with these variances. Printed totals are checked against the printed rows."
    ),
)


def register() -> None:
    registry.add_import_kind(PRINTED_VARIANCES)
