"""Long work off the request, on the queue kept in the app's own database (django-tasks with
its database backend; `python manage.py db_worker` runs it, compose's `worker` service).

- A published period's appendix pack is built once, when it is published (the lifecycle's
  published step enqueues it, in the same transaction as the publication, so the worker sees
  the job only once the period is published) and kept for that publication (PublishedPack).
  Downloads of the whole pack serve it; until it is built, they build it as before.
- Large imports (ascweb.import_jobs).
"""

import logging

from django.db import transaction
from django.db.models import Subquery
from django_tasks import task

from ascweb import pack, pdf
from ascweb.models import Period, PeriodEvent, PublishedPack

log = logging.getLogger(__name__)


def _publications(period_id: int):
    return PeriodEvent.objects.filter(period_id=period_id, to_status=Period.Status.PUBLISHED).order_by("-id")


def _is_current(event: PeriodEvent, period: Period) -> bool:
    """Whether `event` published the period as it stands (published, and not re-published since)."""
    return period.is_published and _publications(period.pk).values_list("id", flat=True).first() == event.pk


@task()
def build_published_pack(event_id: int) -> str:
    """Build the whole pack of the period `event_id` published and keep it, unless the period
    was re-opened (or published again) meanwhile: checked again under the period's row lock
    after the build, so a pack read while a re-open was under way is never kept."""
    event = PeriodEvent.objects.select_related("period__year").filter(pk=event_id).first()
    if event is None or not _is_current(event, event.period):
        return "not built: the period is no longer published by this event"
    content = pdf.pack_pdf(pack.assemble(event.period))
    with transaction.atomic():
        period = Period.objects.select_for_update().get(pk=event.period_id)
        if not _is_current(event, period):
            return "not kept: the period was re-opened while its pack was built"
        PublishedPack.objects.filter(period=period).delete()  # an earlier publication's pack
        PublishedPack.objects.create(period=period, event=event, content=content)
    log.info("Built the appendix pack of %s: %d bytes", period, len(content))
    return f"built {len(content)} bytes"


def stored_pack(period: Period) -> bytes | None:
    """The whole pack kept for the period's current publication, if it has been built (one query)."""
    if not period.is_published:
        return None
    latest = _publications(period.pk).values("id")[:1]
    content = (
        PublishedPack.objects.filter(period=period, event_id=Subquery(latest)).values_list("content", flat=True).first()
    )
    return None if content is None else bytes(content)
