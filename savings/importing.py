"""Reading and writing the rows of the savings programme's import files: the parts the kinds
share (savings.imports, savings.imports_programme). The runner, the per-period writer and
`first_rows` they go through live in ascweb.imports.

A list in a cell (a saving's aliases, the savings a row names) is separated by semicolons
(ascweb.importing.split_list).
"""

from collections.abc import Callable, Hashable

from django.db.models import Max, QuerySet
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ascweb.imports import ImportJob


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
