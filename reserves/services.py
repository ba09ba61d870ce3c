"""Writes for reserves and provisions and the capital programme: keyword-only, permission and
period lock checked on the server, each in one transaction (all or nothing), a form opened
before someone else's save refused (ascweb.statements.statement_save, ascweb.versioning)."""

from ascweb.models import Period
from ascweb.statements import statement_save
from ascweb.versioning import Edit
from reserves.forms import CAPITAL, RESERVES
from reserves.models import CapitalPosition, ReservePosition, StatementAssignment


def reserve_usage_update(*, user, period: Period, entries: list[Edit]) -> int:
    """Save every reserve's balance at 1 April and proposed usage; returns how many changed."""
    return statement_save(
        user=user, period=period, model=ReservePosition, key="reserve", edits=entries, assignments=RESERVES.assignments
    )


def capital_forecast_update(*, user, period: Period, entries: list[Edit]) -> int:
    """Save every capital scheme's budget, forecast outturn and next year's draft."""
    return statement_save(
        user=user, period=period, model=CapitalPosition, key="scheme", edits=entries, assignments=CAPITAL.assignments
    )


def assign_statement(statement: str):
    """An assigner of the statement `statement` ("reserves", "capital"; ascweb.registry.Assignable)."""

    def assign(user, code: str) -> None:
        if code:
            raise LookupError(f"the {statement} statement is one statement: name it without a code")
        StatementAssignment.objects.get_or_create(user=user, statement=statement)

    return assign
