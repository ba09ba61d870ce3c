"""Carrying a period's figures forward into the next one: one copier for every app.

When a period starts (ascweb.lifecycle.period_create_next), each app's `started` hook copies
its rows at the previous period into the new one through `carry_rows`: field by field, with
a history record each ("Carried forward from Period 10"). A Versioned row is marked
`carried_from` the previous period, its version starting again at 1, until an officer
confirms or changes it (a form's save, ascweb.versioning; an import, ascweb.imports).
"""

from django.db import models
from simple_history.utils import bulk_create_with_history

from ascweb.models import Period

# never copied: the row's identity, its period and who last saved it
_OWN = {"id", "period", "updated_by", "updated_at", "version", "carried_from"}


def carry_reason(previous: Period) -> str:
    return f"Carried forward from Period {previous.number}"


def carry_rows(model: type[models.Model], *, period: Period, previous: Period, user) -> list[tuple]:
    """Copy every row of `model` at `previous` into `period` (which has none yet); returns
    (original, copy) pairs, so a caller can copy what hangs off a row (its many-to-many)."""
    names = [f.attname for f in model._meta.concrete_fields if f.name not in _OWN]
    own = {f.name for f in model._meta.concrete_fields}
    marks = {"updated_by": user, "carried_from": previous} if "carried_from" in own else {}
    originals = list(model.objects.filter(period=previous).order_by("pk"))
    copies = [
        model(period=period, **{name: getattr(row, name) for name in names}, **marks) for row in originals
    ]
    made = bulk_create_with_history(copies, model, default_user=user, default_change_reason=carry_reason(previous))
    return list(zip(originals, made, strict=True))
