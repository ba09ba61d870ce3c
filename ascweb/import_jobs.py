"""Large imports off the request: the upload page stores a file over
ASCWEB_IMPORT_BACKGROUND_BYTES (a BackgroundImport) and queues it (ascweb.jobs' queue); the
worker checks and imports it exactly as the page would (ascweb.imports.import_file) and keeps
the report, which the lead's progress page shows: every problem by row and column, or what
changed. A file at or under the size is imported while the lead waits, as before."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ascweb.importing import Report
from ascweb.imports import import_file
from ascweb.models import BackgroundImport
from ascweb.registry import ImportKind, registry

log = logging.getLogger(__name__)
State = BackgroundImport.State
STOPPED = "The import stopped on an unexpected error, so nothing has been saved. Try again, or ask for help."


def runs_in_background(size: int) -> bool:
    """Whether a file of `size` bytes is imported by the queue worker rather than while the lead waits."""
    return size > settings.ASCWEB_IMPORT_BACKGROUND_BYTES


@transaction.atomic
def queue_import(kind: ImportKind, upload, *, user, **asked) -> BackgroundImport:
    """Keep the uploaded file and what the lead asked, and queue it (both or neither)."""
    job = BackgroundImport.objects.create(
        user=user, kind=kind.name, filename=upload.name[:255], content=b"".join(upload.chunks()), **asked
    )
    run_background_import.enqueue(job.pk)
    return job


@task()
def run_background_import(job_id: int) -> str:
    """Run a queued import once (a job another worker has started is left alone); the file is
    let go when it has run, the report kept."""
    if not BackgroundImport.objects.filter(pk=job_id, state=State.QUEUED).update(
        state=State.RUNNING, started_at=timezone.now()
    ):
        return "already run"
    job = BackgroundImport.objects.select_related("user").get(pk=job_id)
    asked = {"year_code": job.year_code, "number": job.number, "publish": job.publish}
    try:
        report = import_file(
            registry.import_kinds[job.kind],
            bytes(job.content),
            job.filename,
            user=job.user,
            acknowledge_all=job.acknowledge_all,
            **asked,
        )
    except Exception:
        log.exception("Background import %s of %s failed", job_id, job.filename)
        report = Report()
        report.add(None, "", STOPPED)
        _finish(job, report)
        raise
    _finish(job, report)
    return "imported" if report.ok else f"{len(report.problems)} problems"


def _finish(job: BackgroundImport, report: Report) -> None:
    job.report = report_data(report)
    job.state, job.finished_at, job.content = State.DONE, timezone.now(), b""
    job.save(update_fields=["report", "state", "finished_at", "content"])


def report_data(report: Report) -> dict:
    """A report as the job keeps it (JSON)."""
    return {
        "problems": [[p.row, p.column, p.message] for p in report.problems],
        "changed": report.changed,
        "created": report.created,
        "unchanged": report.unchanged,
        "notes": report.notes,
    }


def report_from(data: dict) -> Report:
    report = Report(
        changed=data.get("changed", 0),
        created=data.get("created", 0),
        unchanged=data.get("unchanged", 0),
        notes=list(data.get("notes", [])),
    )
    for row, column, message in data.get("problems", []):
        report.add(row, column, message)
    return report
