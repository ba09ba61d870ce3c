"""Writes for the iBCF: keyword-only, permission and period lock checked on the server, one
transaction each (all or nothing), a form opened before someone else's save refused
(ascweb.statements.statement_save, ascweb.versioning)."""

from ascweb.models import Period
from ascweb.statements import statement_save
from ascweb.versioning import Edit
from ibcf.calculations import records_nothing
from ibcf.forms import UPDATES
from ibcf.models import SchemeUpdate, UpdatesAssignment


def _nothing_to_record(values: dict) -> bool:
    return records_nothing(values["spend_to_date"], values["forecast"], values["activity_progress"])


def scheme_update_save(*, user, period: Period, entries: list[Edit]) -> int:
    """Save every scheme's spend to date, forecast and progress; returns how many changed.
    A scheme with no update yet and nothing typed is left without one."""
    return statement_save(
        user=user,
        period=period,
        model=SchemeUpdate,
        key="scheme",
        edits=entries,
        assignments=UPDATES.assignments,
        skip_new=_nothing_to_record,
    )


def assign_updates(user, code: str) -> None:
    """Assign the iBCF scheme updates to the user (the demo's users.toml: "ibcf")."""
    if code:
        raise LookupError("the iBCF updates are one statement: name it without a code")
    UpdatesAssignment.objects.get_or_create(user=user)
