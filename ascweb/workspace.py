"""The officer's month in one place: every figure an officer looks after in a period, from
every app (ascweb.registry.WorkspaceSection), each with its state; and who has finished.

A figure's state, the same for every app (figure_state):
- missing: what it needs is not there (a material variance without an explanation, an
  off-target saving without its explanation or recovery action), or it is not entered at all;
- carried forward: copied from the previous period when this one started and not yet
  confirmed or changed by an officer (`carried_from` set);
- changed: it differs from the previous period (or is new this period);
- confirmed: an officer confirmed it (`carried_from` cleared) and it is as it was.
An officer has finished when none of theirs is missing or carried forward.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User

from ascweb import permissions
from ascweb.models import Period
from ascweb.periods import previous_period
from ascweb.registry import WorkItem, registry

MISSING = "missing"
CARRIED = "carried forward"
CHANGED = "changed"
CONFIRMED = "confirmed"
STATES = (MISSING, CARRIED, CHANGED, CONFIRMED)  # most urgent first
OUTSTANDING = (MISSING, CARRIED)


def figure_state(row, previous, fields: Iterable[str], *, missing: bool = False) -> str:
    """The state of a period's figure `row` (None: not entered), given the previous period's
    row of the same thing (None: there was none) and the fields that say whether it changed;
    `missing`: the app finds something it needs absent."""
    if row is None or missing:
        return MISSING
    if row.carried_from_id is not None:
        return CARRIED
    if previous is None or any(getattr(row, name) != getattr(previous, name) for name in fields):
        return CHANGED
    return CONFIRMED


def _previous(period: Period) -> Period | None:
    """The period before `period` (whatever its status), read once per period object: every
    section of a workspace compares with it."""
    if not hasattr(period, "_workspace_previous"):
        period._workspace_previous = previous_period(period, published_only=False)
    return period._workspace_previous


def period_rows(model, key: str, period: Period, related: tuple[str, ...] = ()) -> tuple[dict, dict]:
    """`model`'s rows (one per `key` object) at `period` and at the period before it, by the
    key object's id, with the key object (and `related`) read alongside, in one query."""
    previous = _previous(period)
    rows = model.objects.select_related(key, *related).filter(period__in=[p for p in (period, previous) if p])
    current, before = {}, {}
    for row in rows:
        (current if row.period_id == period.id else before)[getattr(row, f"{key}_id")] = row
    return current, before


def statement_items(
    period: Period,
    user,
    model,
    key: str,
    fields: Iterable[str],
    *,
    url: Callable[[object], str],
    label: Callable[[object], str] = str,
    group: Callable[[object], str] = lambda _obj: "",
    missing: Callable[[object], bool] = lambda _row: False,
    order: Callable[[object], tuple] = lambda obj: (obj.order, obj.code),
    related: tuple[str, ...] = (),
    may_edit: Callable[[object], bool] = lambda _obj: True,
) -> list[WorkItem]:
    """The items of figures assigned to officers (a statement: savings, iBCF, reserves,
    capital): one per `key` object that the period or the one before it holds and the user
    `may_edit` (a lead: all; an officer: what is assigned to them), in the key objects' order;
    none for anyone else."""
    if not permissions.is_finance(user):
        return []
    current, before = period_rows(model, key, period, related)
    objects = {obj_id: getattr(row, key) for rows in (before, current) for obj_id, row in rows.items()}
    fields = tuple(fields)
    items = []
    for obj_id, obj in sorted(objects.items(), key=lambda pair: order(pair[1])):
        if not may_edit(obj):
            continue
        row = current.get(obj_id)
        state = figure_state(row, before.get(obj_id), fields, missing=row is not None and missing(row))
        items.append(WorkItem(label=label(obj), state=state, url=url(obj), group=group(obj)))
    return items


@dataclass(frozen=True)
class Section:
    title: str
    action: str
    items: list[WorkItem]


def sections(period: Period, user) -> list[Section]:
    """Every app's part of `user`'s workspace for the period, in the apps' order."""
    return [Section(section.title, section.action, section.items(period, user)) for section in registry.workspace()]


def counts(items: Iterable[WorkItem]) -> dict[str, int]:
    """How many items are in each state, every state named (most urgent first)."""
    found = Counter(item.state for item in items)
    return {state: found[state] for state in STATES}


@dataclass(frozen=True)
class OfficerProgress:
    officer: User
    counts: dict[str, int]

    @property
    def finished(self) -> bool:
        return not any(self.counts[state] for state in OUTSTANDING)

    @property
    def outstanding(self) -> int:
        return sum(self.counts[state] for state in OUTSTANDING)


def officers() -> list[User]:
    return list(User.objects.filter(groups__name=permissions.OFFICER, is_active=True).distinct().order_by("username"))


def items_for(officer: User, everything: Iterable[WorkItem]) -> list[WorkItem]:
    """Of every item (as a lead sees them), those `officer` is responsible for."""
    return [item for item in everything if item.officers is None or officer.id in item.officers]


def progress(everything: list[WorkItem]) -> list[OfficerProgress]:
    """Each finance officer's counts by state, and whether they have finished, from every item
    of a period (as a lead sees them) split by who is responsible."""
    return [OfficerProgress(officer, counts(items_for(officer, everything))) for officer in officers()]
