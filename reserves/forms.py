"""The entry forms for reserves and provisions and the capital programme: each a schedule of
the one edit stack (ascweb.schedules), a row per reserve or scheme, amounts in pounds."""

from ascweb.schedules import Column, Schedule
from reserves.models import CapitalPosition, ReservePosition, ScheduleAssignment

RESERVES = Schedule(
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
    assignments=ScheduleAssignment.objects.filter(schedule=ScheduleAssignment.Schedule.RESERVES),
)

CAPITAL = Schedule(
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
    assignments=ScheduleAssignment.objects.filter(schedule=ScheduleAssignment.Schedule.CAPITAL),
)
