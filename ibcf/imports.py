"""iBCF scheme updates from a file: one row per scheme for the period, with the officers'
form's rules (spend and forecast optional but exact amounts in pounds; progress up to
PROGRESS_MAX characters), run by the one importer (ascweb.imports.run_import)."""

from ascweb.importing import Column
from ascweb.imports import ImportJob, apply_positions, rows_by_code
from ascweb.registry import ImportKind
from ibcf.calculations import records_nothing
from ibcf.forms import PROGRESS_MAX
from ibcf.models import Scheme, SchemeUpdate
from ibcf.selectors import update_entry_lines

COLUMNS = [
    Column("code", required=True),
    Column("description"),
    Column("spend_to_date", "money"),
    Column("forecast", "money"),
    Column("activity_progress", max_length=PROGRESS_MAX),
]
VALUES = [c for c in COLUMNS if c.name not in ("code", "description")]  # what a row sets


def template_rows(period) -> list[dict]:
    """Every scheme, as the officers' form starts it: this period's figures, and its progress
    or, not yet updated, the previous period's."""
    lines, _previous = update_entry_lines(period)
    rows = []
    for entry in lines:
        current, text_from = entry.current, entry.current or entry.previous
        rows.append(
            {
                "code": entry.scheme.code,
                "description": entry.scheme.description,
                "spend_to_date": current.spend_to_date if current else None,
                "forecast": current.forecast if current else None,
                "activity_progress": text_from.activity_progress if text_from else "",
            }
        )
    return rows


def load(job: ImportJob) -> None:
    codes = dict(Scheme.objects.values_list("code", "id"))
    found = rows_by_code(job, VALUES, codes, what="scheme")
    if not job.report.ok:
        return
    held = set(SchemeUpdate.objects.filter(period=job.period).values_list("scheme_id", flat=True))
    values = {
        scheme_id: cells
        for scheme_id, cells in found.items()
        if scheme_id in held
        or not records_nothing(cells["spend_to_date"], cells["forecast"], cells["activity_progress"])
    }
    job.report.unchanged += len(found) - len(values)  # blank rows for schemes with nothing recorded
    apply_positions(job, SchemeUpdate, "scheme", values)


KIND = ImportKind(
    name="ibcf",
    title="iBCF scheme updates",
    columns=COLUMNS,
    template_rows=template_rows,
    load=load,
    order=40,
    shown_at="ibcf",
    description=(
        "One row per scheme: code (iBCF1, iBCF2, ...), spend_to_date and forecast for the year in pounds "
        "(either may be left blank), activity_progress. description is for reference and is not imported. "
        "Schemes not in the file are left as they are."
    ),
)
