"""Reading and writing the rows of the savings programme's import files: the parts the kinds
share (savings.imports, savings.imports_programme, savings.imports_printed). The runner and the
per-period writer they go through live in finance.imports.

A list in a cell (a saving's aliases, the savings a row names) is separated by semicolons.
"""

from collections.abc import Callable, Hashable, Iterable

from django.db.models import Max, QuerySet
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ascweb.importing import Column, read_cells
from ascweb.imports import ImportJob

SEPARATOR = ";"


def split_list(text: str) -> list[str]:
    """A list cell's items, trimmed, blanks dropped, in order."""
    return [item.strip() for item in text.split(SEPARATOR) if item.strip()]


def join_list(items: Iterable[str]) -> str:
    return f"{SEPARATOR} ".join(items)


def upsert(
    job: ImportJob, model, held: dict, wanted: dict[Hashable, dict], key: Callable, touched: frozenset = frozenset()
) -> dict:
    """Create the `wanted` objects (key -> field values) not `held` (key -> object), update the
    held ones that differ, leave the rest; history carries the file's name, the report counts
    (a held object whose key is `touched` counts as changed: something kept beside it did).
    Returns every wanted object by key."""
    new, changed, fields = [], [], set()
    for name, values in wanted.items():
        current = held.get(name)
        if current is None:
            new.append(model(**values))
            continue
        differ = {field for field, value in values.items() if getattr(current, field) != value}
        for field in differ:
            setattr(current, field, values[field])
        fields |= differ
        if differ:
            changed.append(current)
        job.report.changed += bool(differ) or name in touched
        job.report.unchanged += not differ and name not in touched
    made = bulk_create_with_history(new, model, default_user=job.user, default_change_reason=job.reason)
    if changed:
        bulk_update_with_history(
            changed, model, sorted(fields), default_user=job.user, default_change_reason=job.reason
        )
    job.report.created += len(made)
    return {name: obj for name, obj in {**held, **{key(obj): obj for obj in made}}.items() if name in wanted}


def next_order(held: QuerySet) -> int:
    """New rows go after those held, in file order."""
    return (held.aggregate(last=Max("order"))["last"] or 0) + 1


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
