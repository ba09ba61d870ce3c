"""Loading figures from files: one runner for every kind of figure.

A kind (ascweb.registry.ImportKind) says what its file's columns are, how to write its
template and how to apply its rows. The runner does the rest the same way for all of them:
only a finance lead imports; the whole file is checked and every problem reported by row and
column; nothing is written unless there are none, all in one transaction; a period's figures
go only into an open period; every import is recorded (who, when, file name, SHA-256) and
its changes carry the file's name into the audit trail.

This module holds the runner and the shared writers for per-period figures.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ascweb import permissions
from ascweb.importing import Column, FileProblem, Report, Upload, many_objects, read_cells, read_file
from ascweb.lifecycle import (
    carry_forward_into,
    financial_year_for,
    history_reason,
    noted,
    period_checks,
    set_status,
)
from ascweb.models import ImportRecord, Period, PeriodEvent
from ascweb.registry import ImportKind

Status = Period.Status


@dataclass
class ImportJob:
    """What a kind's `load` works with; it adds problems and counts to `report`."""

    kind: ImportKind
    user: Any
    upload: Upload
    report: Report
    period: Period | None
    threshold: int  # materiality (pence): a variance this large wants an explanation
    printed_in: str = ""  # where that paper prints the file's figures ("Period 10 report, Appendix E")

    @property
    def rows(self):
        return self.upload.table.rows

    @property
    def reason(self) -> str:
        return history_reason(f"Imported from {self.upload.filename}")


@many_objects()
@transaction.atomic
def run_import(
    kind: ImportKind,
    *,
    user,
    via: str,
    upload: Upload,
    year_code: str = "",
    number: int | None = None,
    publish: bool = False,
    printed_in: str = "",
    acknowledge_all: bool = False,
) -> Report:
    """Load an upload (ascweb.importing.read_file) as `kind`: every problem reported, nothing
    written unless there are none. `user` is the lead uploading, or None from a command.
    Text a form would ask for but a file may leave out (the explanation of a material variance,
    an off-target saving's recovery action: a paper's past period often lacks it) is accepted,
    noted in the report and then shown as missing, never invented; malformed values are refused.
    `printed_in`: where the paper prints the file's figures (the demo's manifest says): a kind
    files the notes of the printed totals in the file under it, not under the file's name.
    `publish`: publish the period after a clean import, through its checks (ascweb.lifecycle):
    with any left nothing is saved and each is reported, unless `acknowledge_all`."""
    if user is not None and not permissions.can_manage_periods(user):
        raise PermissionDenied("Only a finance lead can import figures")
    report = Report()
    for row in upload.table.overfull:  # not `number`: that is the period
        report.add(row, "", "has more cells than there are columns")
    period = _period(kind, user, year_code, number, upload.filename, report) if kind.per_period else None
    if kind.per_period and period is None:
        return report
    kind.load(ImportJob(kind, user, upload, report, period, settings.ASCWEB_MATERIALITY_PENCE, printed_in))
    report.problems.sort(key=lambda problem: problem.row or 0)  # stable: columns stay in file order
    if not report.ok:
        transaction.set_rollback(True)  # a year or period created above is not kept either
        return report
    ImportRecord.objects.create(
        user=user,
        via=via,
        kind=kind.title,
        period=period,
        filename=upload.filename[:255],
        checksum=upload.checksum,
        rows=len(upload.table.rows),
        changed=report.changed,
        created=report.created,
    )
    if publish and kind.can_publish:
        _publish(period, user, upload.filename, report, acknowledge_all)
    return report


def import_file(kind: ImportKind, content: bytes, filename: str, *, user, **asked) -> Report:
    """Read a file as uploaded and run it (run_import, with what the lead asked: year_code,
    number, publish, acknowledge_all): a file that cannot be read is one whole-file problem.
    The upload page runs it while the lead waits; the queue worker runs a large file's
    (ascweb.import_jobs)."""
    try:
        upload = read_file(content, filename, required=kind.required)
    except FileProblem as problem:
        report = Report()
        report.add(None, "", str(problem))
        return report
    return run_import(kind, user=user, via="upload", upload=upload, **asked)


def _publish(period: Period, user, filename: str, report: Report, acknowledge_all: bool) -> None:
    """Publish after a clean import through the period's checks: with any left, nothing is
    saved and each is reported, unless the lead acknowledged them all (recorded on the event)."""
    checks = period_checks(period)
    if checks and not acknowledge_all:
        for check in checks:
            report.add(None, "publish", f"Check left: {check.section}: {check.message} [{check.key}]")
        report.add(None, "publish", "Not published: put the checks right, or acknowledge every check left")
        transaction.set_rollback(True)
        return
    reason = f"Published on import of {filename}"
    if checks:
        reason += f", {len(checks)} check{'s' if len(checks) != 1 else ''} acknowledged"
    set_status(
        period, user=user, action="publish", to_status=Status.PUBLISHED, reason=reason, acknowledged=noted(checks)
    )


def _period(kind: ImportKind, user, year_code: str, number: int | None, filename: str, report: Report):
    """The open period the file is for (created open if the kind may create it), or None with
    the problem reported. A locked period is returned with its problem reported, so that the
    file's own problems are listed too."""
    if number is None or not 1 <= number <= 13:
        report.add(None, "period", "A period is numbered 1 to 13")
        return None
    try:
        year = financial_year_for(year_code)
    except ValidationError as error:
        report.add(None, "year", error.messages[0])
        return None
    period = Period.objects.select_for_update().filter(year=year, number=number).first()
    if period is None and kind.creates_period:
        period = Period.objects.create(year=year, number=number, status=Status.OPEN)
        carry_forward_into(period, user=user)  # as when started: the file then sets its own figures
        PeriodEvent.objects.create(
            period=period, user=user, action="create", to_status=Status.OPEN, reason=f"Imported from {filename}"
        )
    elif period is None:
        report.add(None, "period", f"There is no Period {number} of {year.code} yet: start it first")
    elif not period.is_open:
        report.add(None, "period", f"{period.title} is {period.get_status_display().lower()}; re-open it first")
    return period


def apply_positions(job: ImportJob, model, key: str, values: dict[int, dict]) -> None:
    """Write a period's rows of `model` (one per `key` object, e.g. "line"): new rows are
    created, changed rows updated (their version raised where the model keeps one, so an open
    form on the old figures is refused), rows carried forward confirmed (no longer marked
    carried, even where the file repeats their figures), unchanged rows left alone; history records the
    file's name as the reason. Counts go to the job's report."""
    existing = {getattr(row, f"{key}_id"): row for row in model.objects.filter(period=job.period)}
    fields = sorted({name for row in values.values() for name in row})
    versioned = any(f.name == "version" for f in model._meta.fields)
    now = timezone.now()
    to_create, to_update = [], []
    for key_id, new in values.items():
        current = existing.get(key_id)
        if current is None:
            to_create.append(model(**{f"{key}_id": key_id}, period=job.period, updated_by=job.user, **new))
        elif any(getattr(current, name) != value for name, value in new.items()) or (
            versioned and current.carried_from_id is not None
        ):
            for name, value in new.items():
                setattr(current, name, value)
            current.updated_by, current.updated_at = job.user, now
            if versioned:  # set by the file: confirmed, no longer carried forward
                current.version, current.carried_from = current.version + 1, None
            to_update.append(current)
        else:
            job.report.unchanged += 1
    bulk_create_with_history(to_create, model, default_user=job.user, default_change_reason=job.reason)
    changed = [*fields, "updated_by", "updated_at", *(["version", "carried_from"] if versioned else [])]
    bulk_update_with_history(to_update, model, changed, default_user=job.user, default_change_reason=job.reason)
    job.report.created += len(to_create)
    job.report.changed += len(to_update)


def rows_by_code(job: ImportJob, columns: list[Column], objects: dict[str, Any], *, what: str):
    """The common shape of a per-period file: a `code` column naming one of `objects` (by
    code, case-insensitively) and value columns. Returns {object: values} for the good rows,
    reporting unknown codes, repeats and bad cells."""
    by_code = {code.upper(): obj for code, obj in objects.items()}
    found: dict[Any, dict] = {}
    first_seen: dict[Any, int] = {}
    for number, row in job.rows:
        code = row.get("code", "")
        target = by_code.get(code.upper()) if code else None
        if target is None:
            job.report.add(number, "code", f"Unknown {what} {code!r}" if code else f"Give the {what}'s code")
            continue
        if target in first_seen:
            job.report.add(number, "code", f"{code} appears twice (first at row {first_seen[target]})")
            continue
        first_seen[target] = number
        values = read_cells(number, row, columns, job.report, label=code)
        if values is not None:
            found[target] = values
    return found


def first_rows(
    job: ImportJob, columns: list[Column], key: Callable[[dict], Hashable], column: str, shown: tuple[str, ...] = ()
):
    """(row number, key, values) of each row whose cells are good and whose key (what the row is
    about, from its cells as written) was not seen in a row before; bad cells and repeats are
    reported, a repeat on `column` (named by the `shown` columns' cells, `column`'s by default)."""
    seen: dict[Hashable, int] = {}
    for number, row in job.rows:
        name = key(row)
        if not any(name if isinstance(name, tuple) else (name,)):  # no key: read_cells says what is missing
            name = ("row", number)
        if name in seen:
            named = " ".join(row[c] for c in shown or (column,))
            job.report.add(number, column, f"{named} appears twice (first at row {seen[name]})")
            continue
        seen[name] = number
        values = read_cells(number, row, columns, job.report, label=row.get("code") or row.get("name", ""))
        if values is not None:
            yield number, name, values
