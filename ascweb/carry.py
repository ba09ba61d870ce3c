"""Carrying a period's figures forward into the next one: one copier for every app.

When a period starts (ascweb.lifecycle.period_create_next), each app's `started` hook copies
its rows at the previous period into the new one through `carry_rows`: field by field, with
a history record each ("Carried forward from Period 10"). A Versioned row is marked
`carried_from` the previous period, its version starting again at 1, until an officer
confirms or changes it (a form's save, ascweb.versioning; an import, ascweb.imports).

The checks before submit and publish (ascweb.registry.Check) that every app shares are here
too: rows still carried, unconfirmed (`carried_checks`), and a section left empty though the
period before had rows (`empty_check`).
"""

from collections.abc import Callable

from django.db import models
from django.urls import reverse
from simple_history.utils import bulk_create_with_history

from ascweb.models import Period
from ascweb.periods import previous_period
from ascweb.registry import Check

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
    copies = [model(period=period, **{name: getattr(row, name) for name in names}, **marks) for row in originals]
    made = bulk_create_with_history(copies, model, default_user=user, default_change_reason=carry_reason(previous))
    return list(zip(originals, made, strict=True))


def page_url(period: Period, name: str, *args) -> str:
    """The URL of a period's page (a check's "put it right here")."""
    return reverse(name, args=(period.year.code, period.number, *args))


def carried_checks(
    model: type[models.Model],
    *,
    period: Period,
    key: str,
    slug: str,
    section: str,
    url: str | Callable,
    describe: Callable,
) -> list[Check]:
    """A check per row of `model` at `period` still carried forward, unconfirmed: keyed
    `<slug>:carried:<item's code>`, its message `describe(row)` and what is undone; `url` is
    the page that puts it right, or gives it for the row."""
    link = url if callable(url) else lambda _row: url
    rows = model.objects.filter(period=period, carried_from__isnull=False).select_related(key, "carried_from")
    return [
        Check(
            f"{slug}:carried:{getattr(row, key).code}",
            section,
            f"{describe(row)}: carried forward from Period {row.carried_from.number}, not yet confirmed or updated",
            link(row),
        )
        for row in sorted(rows, key=lambda row: _order(getattr(row, key)))
    ]


def empty_check(model: type[models.Model], *, period: Period, slug: str, section: str, url: str) -> list[Check]:
    """A check when `model` has no rows at `period` though the period before had some."""
    if model.objects.filter(period=period).exists():
        return []
    previous = previous_period(period, published_only=False)
    count = model.objects.filter(period=previous).count() if previous else 0
    if not count:
        return []
    message = f"Nothing is entered this period; {previous.title} had {count} row{'s' if count != 1 else ''}"
    return [Check(f"{slug}:empty", section, message, url)]


def _order(item) -> tuple:
    return (getattr(item, "order", 0), getattr(item, "code", ""), item.pk)
