"""The entry forms for reserves and provisions and the capital programme: each a statement of
the one edit stack (ascweb.statements), a row per reserve or scheme, amounts in pounds."""

from ascweb.statements import Column, Statement
from reserves.models import CapitalPosition, ReservePosition, StatementAssignment

RESERVES = Statement(
    model=ReservePosition,
    key="reserve",
    columns=(Column("balance_1_april"), Column("proposed_usage")),
    title="Enter reserves and provisions",
    caption="Reserves and provisions",
    item_header="Reserve or provision",
    button="Save reserves and provisions",
    page="reserves",
    what="Reserves and provisions",
    noun="row",
    template="reserves/reserves_edit.html",
    assignments=StatementAssignment.objects.filter(statement=StatementAssignment.Statement.RESERVES),
)

CAPITAL = Statement(
    model=CapitalPosition,
    key="scheme",
    columns=(Column("current_budget"), Column("forecast_outturn"), Column("next_year_draft")),
    title="Enter the capital programme",
    caption="Capital schemes",
    item_header="Scheme",
    button="Save the capital programme",
    page="capital",
    what="Capital programme",
    noun="scheme",
    template="reserves/capital_edit.html",
    assignments=StatementAssignment.objects.filter(statement=StatementAssignment.Statement.CAPITAL),
)
