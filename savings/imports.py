"""A period's savings figures from files, run by the one importer (ascweb.imports.run_import:
lead only, open period, all or nothing, recorded, audited): the forecasts, one row per saving,
checked by the same rules as the officers' form (savings.calculations.forecast_problems); and
the mitigations, savings outside the programme that offset its shortfall."""

from ascweb.fields import TEXT_MAX
from ascweb.importing import Column, join_list, split_list
from ascweb.imports import ImportJob, apply_positions, first_rows, rows_by_code
from ascweb.registry import ImportKind
from savings import selectors
from savings.calculations import forecast_problems
from savings.importing import next_order, upsert
from savings.models import Mitigation, Saving, SavingForecast, SavingTarget

Status = SavingForecast.Status

COLUMNS = [
    Column("code", required=True),
    Column("description"),
    Column("target", "money"),
    Column("forecast", "money", required=True),
    Column("status", "choice", required=True, choices=tuple(Status.choices)),
    Column("rag", "choice", choices=tuple(SavingForecast.Rag.choices)),
    Column("explanation", max_length=TEXT_MAX),
    Column("recovery_action", max_length=TEXT_MAX),
]
VALUES = [c for c in COLUMNS if c.name not in ("code", "description", "target")]  # what a row sets
LEFT_OUT = ("explanation", "recovery_action")  # text a file may leave out: accepted, shown as missing


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
    codes = dict(Saving.objects.values_list("code", "id"))
    found = rows_by_code(job, VALUES, codes, what="saving")
    numbers = _row_numbers(job, codes)
    targets = _targets(job.period)
    values = {}
    for saving_id, cells in found.items():
        number, code = numbers[saving_id]
        target = targets.get(saving_id)
        if target is None:
            job.report.add(number, "code", f"{code} has no target in {job.period.year.code}: it is not reported")
            continue
        problems = forecast_problems(
            target,
            cells["forecast"],
            off_target=cells["status"] == Status.OFF_TARGET,
            explanation=cells["explanation"],
            recovery_action=cells["recovery_action"],
        )
        refused = [(column, message) for column, message in problems if column not in LEFT_OUT]
        for column, message in problems:
            if (column, message) in refused:
                job.report.add(number, column, f"{code}: {message}")
            else:
                job.report.notes.append(f"Row {number}: {code}: {message} (not given: shown as missing)")
        if not refused:
            values[saving_id] = cells
    if job.report.ok:
        apply_positions(job, SavingForecast, "saving", values)


def _targets(period) -> dict[int, int]:
    """The savings a period may report, with their target for its year: those it lists and
    those with a target for the year, a nil one included (a paper prints it as 0.000)."""
    nil = SavingTarget.objects.filter(year=period.year).values_list("saving_id", "amount")
    return dict(nil) | {row.id: row.target for row in selectors.period_savings(period).rows}


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


# --- Mitigations ------------------------------------------------------------------------------

ONE_OFF = (("yes", "Yes"), ("no", "No"))
MITIGATION_COLUMNS = [
    Column("name", required=True, max_length=200),
    Column("target", "money"),
    Column("forecast", "money", required=True),
    Column("one_off", "choice", choices=ONE_OFF),
    Column("related_savings"),
    Column("explanation", max_length=TEXT_MAX),
]


def _mitigation_rows(period) -> list[dict]:
    return [
        {
            "name": m.name,
            "target": m.target,
            "forecast": m.forecast,
            "one_off": "yes" if m.one_off else "no",
            "related_savings": join_list(s.code for s in m.related_savings.all()),
            "explanation": m.explanation,
        }
        for m in Mitigation.objects.filter(period=period).prefetch_related("related_savings")
    ]


def _load_mitigations(job: ImportJob) -> None:
    savings = {code.upper(): pk for code, pk in Saving.objects.values_list("code", "id")}
    rows = list(first_rows(job, MITIGATION_COLUMNS, lambda v: v["name"].casefold(), "name"))
    related = {}
    for number, name, v in rows:
        for column in ("target", "forecast"):
            if (v[column] or 0) < 0:
                job.report.add(number, column, f"{v['name']}: money saved is a positive amount, like 250,000")
        codes = split_list(v["related_savings"])
        for code in codes:
            if code.upper() not in savings:
                job.report.add(number, "related_savings", f"{v['name']}: unknown saving {code!r}")
        related[name] = {savings.get(code.upper()) for code in codes}
    if not job.report.ok:
        return
    in_period = Mitigation.objects.filter(period=job.period)
    held = {m.name.casefold(): m for m in in_period.prefetch_related("related_savings")}
    order = next_order(in_period)
    wanted = {}
    for _number, name, v in rows:
        wanted[name] = {
            "period_id": job.period.id,
            "name": v["name"],
            "target": v["target"],
            "forecast": v["forecast"],
            "one_off": v["one_off"] == "yes",
            "explanation": v["explanation"],
        }
        if name not in held:
            wanted[name]["order"], order = order, order + 1
    touched = {name for name, m in held.items() if name in related and related[name] != _ids(m)}
    mitigations = upsert(job, Mitigation, held, wanted, key=lambda m: m.name.casefold(), touched=frozenset(touched))
    for name, mitigation in mitigations.items():
        if name not in held or name in touched:
            mitigation.related_savings.set(related[name])


def _ids(mitigation: Mitigation) -> set[int]:
    return {saving.id for saving in mitigation.related_savings.all()}


MITIGATIONS = ImportKind(
    name="savings-mitigations",
    title="savings mitigations",
    columns=MITIGATION_COLUMNS,
    template_rows=_mitigation_rows,
    load=_load_mitigations,
    order=34,
    shown_at="savings",
    description=(
        "One row per mitigation, a saving outside the programme that offsets its shortfall (shown beside the "
        "programme, never added into it): name, target and forecast in pounds saved (positive; target blank "
        "where none is set), one_off (Yes or No), related_savings (the codes of the savings it makes up for, "
        "separated by semicolons) and explanation. A mitigation already held for the period under the same "
        "name is replaced; others are left as they are."
    ),
)
