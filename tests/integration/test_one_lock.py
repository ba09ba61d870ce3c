"""One optimistic lock for every entry form (ascweb.versioning): a lead and an officer open the
same form; whoever saves second is refused with a 409 that says what the other changed, and
nothing of theirs is saved; saving the form again from that page is a deliberate replacement.
The same through every app's form: revenue lines, savings, reserves, capital and iBCF."""

from dataclasses import dataclass

import pytest

from ascweb.money import format_gbp
from finance.models import LineForecast, ReportingLine
from ibcf.models import Scheme, SchemeUpdate
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition
from savings.models import Saving, SavingForecast

P11 = "/periods/2017-18/11"
TEXTS = ("explanation_", "recovery_", "progress_")


@dataclass(frozen=True)
class Case:
    url: str
    model: type  # the figures' rows
    key: str  # the rows' foreign key to the item
    item_model: type
    code: str  # the item both edit
    field: str  # the form field's prefix
    figure: str  # the model field it sets
    label: str  # the figure's name on the conflict page


CASES = {
    "revenue line": Case(
        f"{P11}/areas/STU/edit/",
        LineForecast,
        "line",
        ReportingLine,
        "STU-OP",
        "forecast",
        "forecast",
        "forecast outturn",
    ),
    "savings forecast": Case(
        f"{P11}/savings/workstreams/COM/edit/",
        SavingForecast,
        "saving",
        Saving,
        "ASC020",
        "forecast",
        "forecast",
        "forecast saving",
    ),
    "reserve": Case(
        f"{P11}/reserves/edit/",
        ReservePosition,
        "reserve",
        Reserve,
        "RES-RR",
        "proposed_usage",
        "proposed_usage",
        "proposed usage",
    ),
    "capital scheme": Case(
        f"{P11}/capital/edit/",
        CapitalPosition,
        "scheme",
        CapitalScheme,
        "CAP-ELM",
        "forecast_outturn",
        "forecast_outturn",
        "forecast outturn",
    ),
    "iBCF scheme": Case(
        f"{P11}/ibcf/edit/", SchemeUpdate, "scheme", Scheme, "iBCF1", "spend", "spend_to_date", "spend to date"
    ),
}
# what each saves, in pounds: savings are negative and ASC020's target is -125,000
TYPED = {"savings forecast": ("-130,000", "-140,000")}
DEFAULT_TYPED = ("1,300,000", "1,400,000")


def _as_drawn(response, case: Case, item_id: int, value: str) -> dict[str, str]:
    """The form as the page drew it, with text the papers left blank filled in (a material
    variance or an off-target saving needs it), every carried explanation ticked "still
    applies" (a figure moved that far needs its text reviewed) and the item's figure typed."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value_now = form[name].value()
        data[name] = "" if value_now is None else str(value_now)
        if name.startswith(TEXTS) and not data[name].strip():
            data[name] = "Reviewed this period."
        if name.startswith("confirm_"):
            data[name] = "on"
    return data | {f"{case.field}_{item_id}": value}


def _rows(case: Case) -> list[tuple]:
    return sorted(case.model.objects.filter(period__number=11).values_list())


def _row(case: Case, item_id: int):
    return case.model.objects.get(period__number=11, **{f"{case.key}_id": item_id})


@pytest.mark.parametrize("first", ["lead", "officer"])
@pytest.mark.parametrize("name", list(CASES))
def test_the_second_of_two_saves_is_refused_and_nothing_is_saved(lead_client, officer_client, open_period, name, first):
    case = CASES[name]
    clients = {"lead": lead_client, "officer": officer_client}
    second = "officer" if first == "lead" else "lead"
    item = case.item_model.objects.get(code=case.code)
    ours, theirs = TYPED.get(name, DEFAULT_TYPED)
    # the item has figures for Period 11 already: saved once, as the form starts
    start = lead_client.get(case.url)
    assert lead_client.post(case.url, _as_drawn(start, case, item.id, ours)).status_code == 302
    before = getattr(_row(case, item.id), case.figure)

    # both open the form; the first saves
    drawn = {who: clients[who].get(case.url) for who in (first, second)}
    first_typed = _as_drawn(drawn[first], case, item.id, theirs)
    assert clients[first].post(case.url, first_typed).status_code == 302
    saved = _row(case, item.id)
    assert getattr(saved, case.figure) != before
    assert saved.updated_by.username == first
    rows = _rows(case)

    # the second is refused: a 409 saying what the first changed, and nothing saved
    second_typed = _as_drawn(drawn[second], case, item.id, ours)
    refused = clients[second].post(case.url, second_typed)
    assert refused.status_code == 409
    assert _rows(case) == rows
    [conflict] = refused.context["conflicts"]
    assert (conflict.item, conflict.by) == (str(item), first)
    assert [(c.what, c.seen, c.now) for c in conflict.changes] == [(case.label, before, getattr(saved, case.figure))]
    page = refused.content.decode()
    assert "Someone else changed these figures while you were editing: nothing has been saved" in page
    assert f"changed by {first}" in page
    assert f"{case.label} from {format_gbp(before)} to {format_gbp(getattr(saved, case.figure))}" in page

    # their typed values are kept on the page, now at the saved versions: saving again replaces
    form = refused.context["form"]
    assert form[f"{case.field}_{item.id}"].value() == ours
    again = clients[second].post(case.url, {k: str(v) for k, v in form.data.items()})
    assert again.status_code == 302
    replaced = _row(case, item.id)
    assert getattr(replaced, case.figure) == before
    assert (replaced.version, replaced.updated_by.username) == (saved.version + 1, second)
