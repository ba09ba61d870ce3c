"""What a paper prints that is not a figure to keep: its totals and its gaps, for one period.

- printed figures: any figure a table of the paper prints for a line, group, area or the
  department (last year's actual and variance, budget, forecast outturn, variance), each
  checked by the one check (finance.services.check_printed_total) against what the period's
  lines add up to; a figure that is not exact becomes a fidelity note. Never stored.
- gaps in the sources: what a paper refers to but the sources do not hold (a column compared
  with a report that is not among them, a variance left unexplained), as fidelity notes.

Both go into an open period, through the one runner (finance.imports.run_import).
"""

from ascweb.importing import Column, read_cells
from ascweb.imports import ImportJob
from ascweb.models import FidelityNote, Period
from ascweb.money import format_m
from ascweb.registry import ImportKind, registry
from finance.calculations import Outturn
from finance.models import LineAlias

SOURCE_LENGTH = 200  # FidelityNote.source

# file column -> the note's column (the papers' words)
FIGURES = {
    "prior_actual": "prior actual",
    "prior_variance": "prior variance",
    "budget": "budget",
    "forecast_outturn": "forecast",
    "variance": "variance",
}
PRINTED_COLUMNS = [
    Column("source", max_length=SOURCE_LENGTH),
    Column("line_code", required=True, max_length=40),
    Column("line_name", max_length=200),
    *(Column(name, "money") for name in FIGURES),
]


def _default_source(job: ImportJob) -> str:
    return f"Import of {job.upload.filename}"[:SOURCE_LENGTH]


def _computed(figures, node_id: int, column: str) -> int:
    if column.startswith("prior_"):
        outturn = figures.prior[node_id] or Outturn()
        return outturn.actual if column == "prior_actual" else outturn.variance
    totals = figures.totals[node_id]
    return totals.forecast if column == "forecast_outturn" else getattr(totals, column)


def _printed_rows(period: Period) -> list[dict]:
    """What every line, group, area and the department add up to, in report order: the
    figures a paper would print (sources blank)."""
    from finance.selectors.figures import period_figures

    figures = period_figures(period)
    return [
        {
            "line_code": figures.nodes[node_id].code,
            "line_name": figures.nodes[node_id].name,
            **{column: _computed(figures, node_id, column) for column in FIGURES if _known(figures, node_id, column)},
        }
        for node_id, _depth in figures.tree.walk()
    ]


def _known(figures, node_id: int, column: str) -> bool:
    return figures.prior[node_id] is not None if column.startswith("prior_") else node_id in figures.totals


def name_problem(node_id: int, name: str, given: str, code: str) -> str:
    """What is wrong with a row's line_name for its code ('' if blank or the node's name or an
    alias of it)."""
    if not given or given.casefold() == name.casefold():
        return ""
    aliases = {alias.casefold() for alias in LineAlias.objects.filter(line_id=node_id).values_list("name", flat=True)}
    return "" if given.casefold() in aliases else f"{code} is {name}, not {given!r}"


def _load_printed(job: ImportJob) -> None:
    """Each figure given is checked; the notes of the sources the file names are replaced."""
    from ascweb.fidelity import check_printed_total
    from finance.selectors.figures import period_figures

    report, figures = job.report, period_figures(job.period)
    nodes = {node.code.upper(): node_id for node_id, node in figures.nodes.items()}
    checks: list[tuple[int, str, int, dict]] = []
    first_seen: dict[tuple[str, int], int] = {}
    for number, row in job.rows:
        code = row.get("line_code", "")
        values = read_cells(number, row, PRINTED_COLUMNS, report, label=code)
        node_id = nodes.get(code.upper()) if code else None
        if code and node_id is None:
            report.add(number, "line_code", f"Unknown line code {code!r}")
        if values is None or node_id is None:
            continue
        problem = name_problem(node_id, figures.nodes[node_id].name, values["line_name"], code)
        if problem:
            report.add(number, "line_name", problem)
            continue
        printed = {column: values[column] for column in FIGURES if values[column] is not None}
        if not printed:
            report.add(number, "line_code", f"{code}: give at least one printed figure")
            continue
        source = values["source"] or _default_source(job)
        first = first_seen.setdefault((source, node_id), number)
        if first != number:
            report.add(number, "line_code", f"{code} appears twice in {source} (first at row {first})")
            continue
        checks.append((number, source, node_id, printed))
    if not report.ok:
        return
    sources = {source for _number, source, _node_id, _printed in checks}
    notes = FidelityNote.objects.filter(period=job.period, source__in=sources).exclude(kind=FidelityNote.Kind.GAP)
    notes.delete()
    for number, source, node_id, printed in checks:
        leaves = len(figures.tree.leaves_under(node_id))
        for column, value in printed.items():
            check_printed_total(
                period=job.period,
                report=report,
                source=source,
                row=number,
                subject=figures.nodes[node_id].name,
                column=FIGURES[column],
                printed=value,
                computed=_computed(figures, node_id, column),
                terms=leaves * (2 if "variance" in column else 1),  # a variance is two rounded figures
                fmt=format_m,
            )
    report.created = notes.count()
    report.unchanged = sum(len(printed) for *_rest, printed in checks) - report.created


PRINTED_FIGURES = ImportKind(
    name="printed-figures",
    title="printed figures",
    columns=PRINTED_COLUMNS,
    template_rows=_printed_rows,
    load=_load_printed,
    order=15,
    description=(
        "The figures a paper prints, to be checked, never stored: source (where it is printed, e.g. "
        "'Period 10 report, table 2.1'; blank: this file), line_code (a line, group, area or the department), "
        "line_name (optional, checked against the code), then any of prior_actual, prior_variance (last year's "
        "outturn), budget, forecast_outturn, variance in pounds. Each is compared with what the period's lines "
        "add up to; one that is not exact is recorded as a fidelity note."
    ),
)


# --- Gaps in the sources -----------------------------------------------------------------------

GAP_COLUMNS = [
    Column("source", required=True, max_length=SOURCE_LENGTH),
    Column("subject", required=True, max_length=200),
    Column("column", required=True, max_length=100),
    Column("printed", "money"),
    Column("computed", "money"),
    Column("comment"),
]


def _gap_rows(period: Period) -> list[dict]:
    gaps = FidelityNote.objects.filter(period=period, kind=FidelityNote.Kind.GAP).order_by("id")
    return [
        {
            "source": gap.source,
            "subject": gap.subject,
            "column": gap.column,
            "printed": gap.printed,
            "computed": gap.computed,
            "comment": gap.comment,
        }
        for gap in gaps
    ]


def _load_gaps(job: ImportJob) -> None:
    """A row replaces the period's gap note of the same source, subject and column."""
    report = job.report
    gaps: dict[tuple[str, str, str], tuple[int, dict]] = {}
    for number, row in job.rows:
        values = read_cells(number, row, GAP_COLUMNS, report, label=row.get("subject", ""))
        if values is None:
            continue
        key = (values["source"], values["subject"], values["column"])
        if key in gaps:
            report.add(number, "column", f"repeats row {gaps[key][0]} (same source, subject and column)")
            continue
        gaps[key] = (number, values)
    if not report.ok:
        return
    for (source, subject, column), (_number, values) in gaps.items():
        held = FidelityNote.objects.filter(
            period=job.period, kind=FidelityNote.Kind.GAP, source=source, subject=subject, column=column
        )
        fields = {
            "printed": values["printed"] or 0,
            "computed": values["computed"] or 0,
            "comment": values["comment"],
        }
        if held.filter(**fields).exists():
            report.unchanged += 1
            continue
        report.changed += held.count()
        report.created += 0 if held.exists() else 1
        held.delete()
        FidelityNote.objects.create(
            year=job.period.year,
            period=job.period,
            source=source,
            subject=subject,
            column=column,
            tolerance=0,
            kind=FidelityNote.Kind.GAP,
            **fields,
        )


SOURCE_GAPS = ImportKind(
    name="source-gaps",
    title="gaps in the sources",
    columns=GAP_COLUMNS,
    template_rows=_gap_rows,
    load=_load_gaps,
    order=16,
    description=(
        "What a paper refers to that the sources do not hold, one row each: source (where), subject (what), "
        "column (which figure or field), printed (a figure the paper quotes, in pounds, if any), computed (the "
        "figure the app holds for it, if any), comment. Recorded as fidelity notes of the period; a row "
        "replaces the note of the same source, subject and column."
    ),
)


def register() -> None:
    registry.add_import_kind(PRINTED_FIGURES)
    registry.add_import_kind(SOURCE_GAPS)
