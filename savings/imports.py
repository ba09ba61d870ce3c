"""Savings forecasts from a file: one row per saving for the period, checked by the same rules
as the officers' form (savings.calculations.forecast_problems) and run by the one importer
(ascweb.imports.run_import: lead only, open period, all or nothing, recorded, audited)."""

from ascweb.forms import EXPLANATION_MAX
from ascweb.importing import Column
from ascweb.imports import ImportJob, apply_positions, rows_by_code
from ascweb.registry import ImportKind
from savings import selectors
from savings.calculations import forecast_problems
from savings.models import Saving, SavingForecast

Status = SavingForecast.Status

COLUMNS = [
    Column("code", required=True),
    Column("description"),
    Column("target", "money"),
    Column("forecast", "money", required=True),
    Column("status", "choice", required=True, choices=tuple(Status.choices)),
    Column("rag", "choice", choices=tuple(SavingForecast.Rag.choices)),
    Column("explanation", max_length=EXPLANATION_MAX),
    Column("recovery_action", max_length=EXPLANATION_MAX),
]
VALUES = [c for c in COLUMNS if c.name not in ("code", "description", "target")]  # what a row sets


def template_rows(period) -> list[dict]:
    """Every saving the period reports, as the officers' form starts it: this period's forecast
    or, not yet updated, the last published period's forecast, status and text."""
    return [
        {
            "code": row.code,
            "description": row.description,
            "target": row.target,
            "forecast": row.forecast if row.reported else row.previous_forecast,
            "status": row.status,
            "rag": row.rag,
            "explanation": row.explanation if row.reported else row.previous_explanation,
            "recovery_action": row.recovery_action if row.reported else row.previous_recovery_action,
        }
        for row in selectors.period_savings(period).rows
    ]


def load(job: ImportJob) -> None:
    reported = {row.id: row for row in selectors.period_savings(job.period).rows}
    codes = dict(Saving.objects.values_list("code", "id"))
    found = rows_by_code(job, VALUES, codes, what="saving")
    numbers = _row_numbers(job, codes)
    values = {}
    for saving_id, cells in found.items():
        number, code = numbers[saving_id]
        row = reported.get(saving_id)
        if row is None:
            job.report.add(number, "code", f"{code} has no target in {job.period.year.code}: it is not reported")
            continue
        problems = forecast_problems(
            row.target,
            cells["forecast"],
            off_target=cells["status"] == Status.OFF_TARGET,
            explanation=cells["explanation"],
            recovery_action=cells["recovery_action"],
        )
        for column, message in problems:
            job.report.add(number, column, f"{row.code}: {message}")
        if not problems:
            values[saving_id] = cells
    if job.report.ok:
        apply_positions(job, SavingForecast, "saving", values)


def _row_numbers(job: ImportJob, codes: dict[str, int]) -> dict[int, tuple[int, str]]:
    """Each saving's first row in the file (the one rows_by_code read) and its code as printed."""
    by_code = {code.upper(): (saving_id, code) for code, saving_id in codes.items()}
    numbers: dict[int, tuple[int, str]] = {}
    for number, row in job.rows:
        saving_id, code = by_code.get(row.get("code", "").upper(), (None, ""))
        if saving_id is not None:
            numbers.setdefault(saving_id, (number, code))
    return numbers


KIND = ImportKind(
    name="savings",
    title="savings forecasts",
    columns=COLUMNS,
    template_rows=template_rows,
    load=load,
    order=30,
    shown_at="savings",
    description=(
        "One row per saving: code (the saving's reference, like ASC006), forecast saving in pounds "
        "(negative: a reduction in spend), status (On target or Off target), rag (Green, Amber, Red or "
        "blank), explanation and recovery_action (both needed when off target). description and target "
        "are for reference and are not imported. A forecast short of its target must be off target. "
        "Savings not in the file are left as they are."
    ),
)
