"""A committee member's page or download of a published period is read from one consistent
snapshot of the database, and only while the period is still published.

Without it a pack (dozens of queries) could read some figures before a lead re-opens the
period and an officer saves, and the rest after: a draft figure in a member's hands. So the
whole view runs in one transaction that, on PostgreSQL, is REPEATABLE READ READ ONLY (every
query sees the database as it was at the first one; nothing can be written), and the first
thing it reads is whether the period is published: if not, the member gets the 404 a draft
always gives them. On SQLite a read transaction is a snapshot already (WAL); it is begun
DEFERRED, not IMMEDIATE as saves are (ascweb/settings), so a member's pack never holds the
write lock, and `query_only` makes it read-only.

The database cache works on its own connection (the `cache` alias, `CacheRouter`), so the
pages kept for members are read and written outside the read-only snapshot.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.http import Http404, HttpRequest

from ascweb import permissions
from ascweb.models import Period

READ = ("GET", "HEAD")


@contextmanager
def snapshot() -> Iterator[None]:
    """One read-only transaction whose queries all see the same committed data. Inside an
    open transaction (a test's), it is a savepoint of that one, which is a snapshot already
    on PostgreSQL only if that one is."""
    outermost = not connection.in_atomic_block
    if connection.vendor == "sqlite" and outermost:
        with _sqlite_read_transaction():
            yield
        return
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


@contextmanager
def _sqlite_read_transaction() -> Iterator[None]:
    mode = connection.transaction_mode
    connection.ensure_connection()
    connection.transaction_mode = "DEFERRED"  # read: take no write lock
    try:
        with transaction.atomic():
            connection.transaction_mode = mode
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = ON")
            try:
                yield
            finally:
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA query_only = OFF")
    finally:
        connection.transaction_mode = mode


def still_published(year: str, number: int) -> None:
    """Inside the snapshot: a period that is not published (re-opened since the member's
    last page) does not exist for a member."""
    if not Period.objects.filter(year__code=year, number=number, status=Period.Status.PUBLISHED).exists():
        raise Http404("No such period")


class MemberSnapshot:
    """Runs a member's view of a period (a URL with `year` and `number`) inside `snapshot()`,
    after checking there that the period is still published. Last in MIDDLEWARE: every other
    middleware's view step has run, and the response is whole when the snapshot ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs):
        if not _applies(request, kwargs):
            return None
        with snapshot():
            still_published(kwargs["year"], kwargs["number"])
            return view(request, *args, **kwargs)


def _applies(request: HttpRequest, kwargs: dict) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method in READ
        and "year" in kwargs
        and "number" in kwargs
        and user is not None
        and permissions.is_member(user)
        and not permissions.is_finance(user)
    )


class CacheRouter:
    """The database cache's table is read and written through the `cache` alias (the same
    database, its own connection) when settings have one, so a member's snapshot, read-only,
    never holds the cache's writes."""

    def db_for_read(self, model, **_hints):
        return self._alias(model)

    def db_for_write(self, model, **_hints):
        return self._alias(model)

    @staticmethod
    def _alias(model) -> str | None:
        if model._meta.app_label == "django_cache" and "cache" in settings.DATABASES:
            return "cache"
        return None
