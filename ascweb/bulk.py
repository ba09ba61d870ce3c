"""Writing many rows of a model that keeps history (django-simple-history), fast.

On PostgreSQL new rows go in by COPY under ids reserved from the table's sequence in one
statement (the table locked against other writers), and their history rows are copied from
them by the server. Changed rows are copied into a temporary table and updated in one
statement, which also writes their history from the rows as updated. Elsewhere
(SQLite) the same happens through Django's bulk operations. Either way the history is what
simple_history itself would have written: one "+" row per insert and one "~" row per update,
with the user and the reason.

Callers run inside a transaction; nothing here sends model signals (none of ours listen).
"""

from collections.abc import Iterable, Sequence
from operator import itemgetter

from django.db import connection
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

BATCH = 5000
HISTORY_COLUMNS = ["history_date", "history_change_reason", "history_type", "history_user_id"]


class BulkHistoricalRecords(HistoricalRecords):
    """History for a table that imports fill 100,000 rows at a time, keeping up only what it
    is read by: the row (id) and the history row (history_id). No index on its date or user
    (simple_history indexes both; each costs a write per row), no database constraint on its
    user (a check per row at commit; deleting a user still empties it, through Django). Name
    the model's own foreign keys in `no_db_index` too."""

    def __init__(self, **options):
        super().__init__(user_db_constraint=False, **options)

    @property
    def _date_indexing(self):  # simple_history's one setting for every model: not for this one
        return False

    def _get_history_user_fields(self):
        fields = super()._get_history_user_fields()
        fields["history_user"].db_index = False
        return fields


def _columns(model) -> list[str]:
    """The model's columns but its id; records are keyed by these (attname = column here)."""
    fields = [f for f in model._meta.concrete_fields if f.attname != "id"]
    if any(f.attname != f.column for f in fields):
        raise ValueError(f"{model.__name__} renames a column")
    return [f.column for f in fields]


def _getter(columns: list[str]):
    """record -> a tuple of its values in these columns' order."""
    get = itemgetter(*columns)
    return get if len(columns) > 1 else lambda record: (get(record),)


def copy_rows(cursor, table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    """COPY `rows` (tuples in `columns` order) into `table`; psycopg formats each value."""
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def insert_with_history(model, records: Sequence[dict], *, user, reason: str) -> None:
    """Insert `records` (dicts by field attname, without id) with their "+" history rows."""
    if not records:
        return
    if connection.vendor != "postgresql":
        objects = [model(**record) for record in records]
        bulk_create_with_history(objects, model, batch_size=BATCH, default_user=user, default_change_reason=reason)
        return
    columns, table = _columns(model), model._meta.db_table
    ids = _reserve_ids(model, len(records))
    rows = ((pk, *values) for pk, values in zip(ids, map(_getter(columns), records), strict=True))
    with connection.cursor() as cursor:
        copy_rows(cursor, table, ["id", *columns], rows)
        # the reserved ids are this transaction's alone: the history is of exactly these rows
        history = _history_sql(model, columns, f"{table} WHERE id BETWEEN %s AND %s")
        cursor.execute(history, [*_history_values("+", user, reason), ids[0], ids[-1]])


def lock_for_writing(model) -> None:
    """Keep other writers of the model's table waiting until this transaction ends (readers
    carry on). Take it before reading what a bulk write will replace, so that two imports of
    the same figures queue instead of colliding. (SQLite has one writer at a time anyway.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {model._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")


def _reserve_ids(model, count: int) -> range:
    """`count` consecutive ids from the table's sequence: with the table locked against other
    writers, no other insert can draw from it in between."""
    lock_for_writing(model)
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), nextval(pg_get_serial_sequence(%s, 'id')) + %s)",
            [table, table, count - 1],
        )
        last = cursor.fetchone()[0]
    return range(last - count + 1, last + 1)


def update_with_history(model, changes: dict[int, dict], *, user, reason: str) -> None:
    """Update rows by id: `changes` maps id -> the full row (dict by attname, without id), the
    changed values included; each gets a "~" history row."""
    if not changes:
        return
    columns = _columns(model)
    if connection.vendor != "postgresql":
        objects = [model(id=pk, **record) for pk, record in changes.items()]
        bulk_update_with_history(
            objects, model, columns, batch_size=BATCH, default_user=user, default_change_reason=reason
        )
        return
    table, names, get = model._meta.db_table, ", ".join(["id", *columns]), _getter(columns)
    assignments = ", ".join(f"{c} = new.{c}" for c in columns)
    returning = ", ".join(f"{table}.{c}" for c in ["id", *columns])
    update = f"UPDATE {table} SET {assignments} FROM bulk_changes new WHERE {table}.id = new.id RETURNING {returning}"  # noqa: S608 - the model's own names
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE bulk_changes ON COMMIT DROP AS SELECT {names} FROM {table} LIMIT 0")  # noqa: S608 - as above
        copy_rows(cursor, "bulk_changes", ["id", *columns], ((pk, *get(record)) for pk, record in changes.items()))
        # one statement updates the rows and writes their history from the rows as updated
        cursor.execute(
            f"WITH updated AS ({update}) {_history_sql(model, columns, 'updated')}", _history_values("~", user, reason)
        )
        cursor.execute("DROP TABLE bulk_changes")


def _history_sql(model, columns: list[str], source: str) -> str:
    """INSERT of history rows copied from `source` (a table or query naming id and `columns`),
    taking _history_values as its first four parameters."""
    history, names = model.history.model._meta.db_table, ", ".join(["id", *columns])
    extra = ", ".join(HISTORY_COLUMNS)
    return f"INSERT INTO {history} ({names}, {extra}) SELECT {names}, %s, %s, %s, %s FROM {source}"  # noqa: S608 - the model's own names


def _history_values(kind: str, user, reason: str) -> list:
    return [timezone.now(), reason, kind, getattr(user, "pk", None)]
