"""One optimistic lock for every figure officers edit (ascweb.models.Versioned).

A form carries, for each row, the version its editor saw (0: nothing was saved yet). A save
compares them with the versions saved now; where any differs, nothing is saved and StaleEdit
lists what changed since (by whom, when, from what to what). Every change raises its row's
version: a form's save here, an import's in ascweb.imports.apply_positions. Two officers
editing the same figures therefore never silently overwrite each other.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q

from ascweb.models import PENCE, Period, Versioned

MONEY, TEXT, CHOICE = "money", "text", "choice"


@dataclass(frozen=True)
class Edit:
    """One row as the editor typed it: the object it is for (a line, saving, reserve or
    scheme, by id), the figures it sets by field name, and the version the editor saw."""

    key_id: int
    values: dict[str, Any]
    seen: int = 0  # 0: no figures were saved when the form was drawn
    confirm: bool = True  # False: a row carried forward is left carried unless its figures change


@dataclass(frozen=True)
class Change:
    """One figure someone else changed: as the editor saw it, and as it is saved now."""

    what: str  # the field's name in the committee's words (its verbose name)
    seen: Any  # None: the editor saw no figure
    now: Any
    kind: str  # MONEY (pence), TEXT (said to have changed, not quoted) or CHOICE (its label)


@dataclass(frozen=True)
class Conflict:
    """A row someone else saved after the editor's form was drawn."""

    item: str  # the line, saving, reserve or scheme
    by: str
    at: datetime | None
    changes: tuple[Change, ...]


class StaleEdit(Exception):  # noqa: N818 - a domain event, named for what happened
    def __init__(self, conflicts: list[Conflict], versions: dict[int, int]):
        super().__init__(f"{len(conflicts)} row(s) changed by someone else")
        self.conflicts = conflicts
        self.versions = versions  # every edited row's version now (0: none), by its object's id


def save_edits(
    *,
    model: type[Versioned],
    key: str,
    period: Period,
    user,
    edits: list[Edit],
    skip_new: Callable[[dict[str, Any]], bool] | None = None,
) -> int:
    """Save `edits` as `model`'s rows at `period` (one per `key` object, e.g. "reserve"), all
    or nothing; returns how many rows changed. StaleEdit if any row's version is not the one
    its editor saw. Changed rows get the user, the time and the next version (new rows start
    at 1); unchanged rows are left alone, and so are new rows `skip_new` says hold nothing.
    A row carried forward (`carried_from`) is confirmed by its save even when unchanged (unless
    its edit says not to `confirm` it): it is no longer marked carried, and counts as changed.

    The caller runs this in its transaction, holding the period's row lock
    (ascweb.lifecycle.locked_period), having checked that the user may edit these rows."""
    rows = {
        getattr(row, f"{key}_id"): row
        # lock the figures' rows only: PostgreSQL cannot lock the nullable side of a join
        for row in model.objects.select_for_update(of=("self",))
        .select_related(key, "updated_by")
        .filter(period=period, **{f"{key}_id__in": [edit.key_id for edit in edits]})
    }
    _refuse_stale(model, key, edits, rows)
    changed = 0
    for edit in edits:
        row = rows.get(edit.key_id)
        if row is None and skip_new is not None and skip_new(edit.values):
            continue
        unchanged = row is not None and all(getattr(row, name) == value for name, value in edit.values.items())
        if unchanged and (row.carried_from_id is None or not edit.confirm):
            continue
        if row is None:
            row = model(period=period, version=0, **{f"{key}_id": edit.key_id})
        for name, value in edit.values.items():
            setattr(row, name, value)
        row.carried_from = None  # saved by an officer: confirmed, or changed
        row.updated_by, row.version = user, row.version + 1
        row._history_user = user  # recorded even without a web request (commands, tests)
        row.save()
        changed += 1
    return changed


def _refuse_stale(model: type[Versioned], key: str, edits: list[Edit], rows: dict[int, Versioned]) -> None:
    versions = {edit.key_id: rows[edit.key_id].version if edit.key_id in rows else 0 for edit in edits}
    stale = [edit for edit in edits if edit.seen != versions[edit.key_id]]
    if not stale:
        return
    seen = _as_seen(model, [(rows[e.key_id].pk, e.seen) for e in stale if e.key_id in rows and e.seen])
    missing = [e.key_id for e in stale if e.key_id not in rows]  # saved once, since removed
    names = model._meta.get_field(key).related_model.objects.in_bulk(missing) if missing else {}
    conflicts = []
    for edit in stale:
        row = rows.get(edit.key_id)
        before = seen.get((row.pk, edit.seen)) if row is not None else None
        conflicts.append(
            Conflict(
                item=str(getattr(row, key) if row is not None else names.get(edit.key_id, edit.key_id)),
                by=row.updated_by.get_username() if row is not None and row.updated_by else "an import",
                at=row.updated_at if row is not None else None,
                changes=tuple(_changes(model, edit.values, before, row)),
            )
        )
    raise StaleEdit(conflicts, versions)


def _as_seen(model: type[Versioned], wanted: list[tuple[int, int]]) -> dict[tuple[int, int], Any]:
    """The rows as their editors saw them: each (id, version)'s last history record."""
    if not wanted:
        return {}
    match = reduce(or_, (Q(id=pk, version=version) for pk, version in wanted))
    records = model.history.filter(match).order_by("history_date", "history_id")
    return {(record.id, record.version): record for record in records}  # the latest wins


def _changes(model: type[Versioned], names: Iterable[str], before, row) -> list[Change]:
    changes = []
    for name in names:
        seen = getattr(before, name) if before is not None else None
        now = getattr(row, name) if row is not None else None
        if seen == now or (before is None and now in (None, "")):
            continue
        field = model._meta.get_field(name)
        if field.choices:
            labels = dict(field.flatchoices)
            kind, seen, now = CHOICE, labels.get(seen, seen) if before is not None else None, labels.get(now, now)
        else:
            kind = MONEY if field.db_comment == PENCE else TEXT
        changes.append(Change(str(field.verbose_name), seen, now, kind))
    return changes
