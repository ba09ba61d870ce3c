"""Writing many rows of a model that keeps history (django-simple-history), fast.

On PostgreSQL rows and their history rows go in by COPY: ids are drawn from the table's
sequence first, so each history row names its row, and changed rows are updated from a
temporary table in one statement. Elsewhere (SQLite) the same happens through Django's bulk
operations. Either way the history is what simple_history itself would have written: one
"+" row per insert and one "~" row per update, with the user and the reason.

Callers run inside a transaction; nothing here sends model signals (none of ours listen).
"""

from collections.abc import Sequence

from django.db import connection
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

BATCH = 5000


def _columns(model) -> list[str]:
    """The model's columns but its id; records are keyed by these (attname = column here)."""
    fields = [f for f in model._meta.concrete_fields if f.attname != "id"]
    if any(f.attname != f.column for f in fields):
        raise ValueError(f"{model.__name__} renames a column")
    return [f.column for f in fields]


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(rows) -> str:
    """Rows in COPY's text format (None as \\N): one write instead of one call per row."""
    return "".join("\t".join("\\N" if v is None else str(v).translate(_ESCAPES) for v in row) + "\n" for row in rows)


def insert_with_history(model, records: Sequence[dict], *, user, reason: str) -> None:
    """Insert `records` (dicts by field attname, without id) with their "+" history rows."""
    if not records:
        return
    if connection.vendor != "postgresql":
        objects = [model(**record) for record in records]
        bulk_create_with_history(objects, model, batch_size=BATCH, default_user=user, default_change_reason=reason)
        return
    columns = _columns(model)
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, len(records)]
        )
        ids = [row[0] for row in cursor.fetchall()]
        with cursor.copy(f"COPY {table} (id, {', '.join(columns)}) FROM STDIN") as copy:
            copy.write(copy_text((pk, *(record[c] for c in columns)) for pk, record in zip(ids, records, strict=True)))
        _copy_history(cursor, model, columns, zip(ids, records, strict=True), "+", user, reason)


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
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE bulk_changes (LIKE {table}) ON COMMIT DROP")
        with cursor.copy(f"COPY bulk_changes (id, {', '.join(columns)}) FROM STDIN") as copy:
            copy.write(copy_text((pk, *(record[c] for c in columns)) for pk, record in changes.items()))
        assignments = ", ".join(f"{c} = bulk_changes.{c}" for c in columns)
        sql = f"UPDATE {table} SET {assignments} FROM bulk_changes WHERE {table}.id = bulk_changes.id"  # noqa: S608 - the model's own names
        cursor.execute(sql)
        cursor.execute("DROP TABLE bulk_changes")
        _copy_history(cursor, model, columns, changes.items(), "~", user, reason)


def _copy_history(cursor, model, columns: list[str], rows, kind: str, user, reason: str) -> None:
    history = model.history.model._meta.db_table
    now, user_id = timezone.now().isoformat(), getattr(user, "pk", None)
    names = ", ".join(["id", *columns, "history_date", "history_change_reason", "history_type", "history_user_id"])
    with cursor.copy(f"COPY {history} ({names}) FROM STDIN") as copy:
        copy.write(copy_text((pk, *(record[c] for c in columns), now, reason, kind, user_id) for pk, record in rows))
