"""The iBCF: Appendix C as published, plan versions and what changed, the split by acute system,
the carry-forward linked to the reserves statement, fidelity notes, panels and the update form."""

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.management import call_command
from django.template.loader import render_to_string

from ascweb.lifecycle import period_transition
from ascweb.models import FidelityNote, Period
from ascweb.registry import registry
from ibcf import selectors
from ibcf.exports import spend_panel
from ibcf.models import Scheme, SchemeUpdate
from reserves.registry import reserves_panel
from tests.forms import as_drawn

P11 = "/periods/2017-18/11"


def _export(period: int) -> dict[str, dict[str, str]]:
    out = io.StringIO()
    call_command("export_table", year="2017-18", period=period, table="ibcf", stdout=out)
    return {
        row["line"].split(" ")[0] if row["code"] else row["line"]: row
        for row in csv.DictReader(io.StringIO(out.getvalue()))
    }


def _years(row: dict[str, str]) -> tuple[str, str, str]:
    return row["year_1"], row["year_2"], row["year_3"]


def test_p10_appendix_c_matches_the_paper(demo):
    rows = _export(10)
    assert _years(rows["iBCF1"]) == ("1.900", "11.900", "22.200")
    assert _years(rows["iBCF2"]) == ("9.100", "10.800", "10.800")
    assert _years(rows["iBCF11"]) == ("0.400", "0.400", "0.400")
    assert rows["iBCF2"]["planning_priority"] == "Sustain"
    assert rows["iBCF4"]["grant_condition"] == "Reduce pressure on the NHS and meet social care need"
    assert rows["iBCF4"]["activity_and_progress"].startswith("As part of enhancing our capacity")
    # the paper prints 20.4 / 27.7 / 34.3: the schemes add up to 27.6 in 2018-19
    assert _years(rows["Total"]) == ("20.400", "27.600", "34.300")
    # funded by the exact grants (the paper rounds them to -18.6 / -1.9 ...)
    assert _years(rows["Funded by: iBCF as per 2017 Spring Budget"]) == ("-18.561", "-11.901", "-5.903")
    assert _years(rows["Funded by: iBCF as per 2015 Spending Review"]) == ("-1.885", "-15.828", "-28.372")
    assert _years(rows["Funded by: Total"]) == ("-20.446", "-27.729", "-34.275")
    assert _years(rows["Balance"]) == ("-0.046", "-0.129", "0.025")
    assert list(rows)[:11] == [f"iBCF{n}" for n in range(1, 12)]


def test_p2_appendix_c_shows_the_july_2017_plan(demo):
    rows = _export(2)
    assert _years(rows["iBCF2"]) == ("9.300", "11.000", "11.000")
    assert _years(rows["iBCF6"]) == ("0.100", "0.000", "-0.100")
    assert _years(rows["Total"]) == ("20.400", "27.500", "34.200")
    assert _years(rows["Balance"]) == ("-0.046", "-0.229", "-0.075")  # printed 0.0 / -0.2 / -0.1
    # no progress was reported at Period 2: a published period says so, never a blank (issue 15)
    assert rows["iBCF1"]["activity_and_progress"] == "No progress reported"
    assert rows["Total"]["activity_and_progress"] == ""  # a total has no progress of its own


def test_what_changed_between_the_plan_versions(demo):
    latest, first = selectors.plan_history()
    assert (latest.version.name, latest.previous.name, first.previous) == ("Period 10 plan", "July 2017 plan", None)
    changes = {(c.scheme, c.year): (c.before, c.after, c.difference) for c in latest.rows()}
    assert changes[("iBCF2", "2017-18")] == (930_000_000, 910_000_000, -20_000_000)
    assert changes[("iBCF11", "2019-20")] == (20_000_000, 40_000_000, 20_000_000)
    assert changes[("iBCF6", "2019-20")] == (-10_000_000, 0, 10_000_000)
    assert len(changes) == 8  # iBCF2 x3, iBCF6 x2, iBCF11 x3; iBCF3's "0.0" -> "0" is no change


def test_split_by_acute_system_is_seed_001_table_2(demo):
    version, rows = selectors.acute_split(Period.objects.get(number=10))
    assert version.name == "July 2017 plan"
    amounts = {row.label.split(" ")[0]: (row.year_1, row.year_2, row.year_3) for row in rows}
    assert amounts["Eastern"] == (230_000_000, 310_000_000, 380_000_000)
    assert amounts["Central"] == (1_410_000_000, 1_900_000_000, 2_370_000_000)
    assert amounts["Total"] == (2_040_000_000, 2_750_000_000, 3_420_000_000)


def test_carry_forward_is_the_ibcf_reserve_row_of_the_statement(demo):
    (item,) = selectors.carry_forward(Period.objects.get(number=10))
    assert item.stream.code == "SB2017"
    assert (item.reserve.label, item.reserve.proposed_usage, item.reserve.balance_31_march) == (
        "Improved Better Care Fund",
        1_097_100_000,
        1_097_100_000,
    )
    (at_p2,) = selectors.carry_forward(Period.objects.get(number=2))
    assert at_p2.reserve is None  # the reserve did not exist at Period 2


def test_the_papers_give_no_spend_so_none_is_invented(demo):
    updates = SchemeUpdate.objects.filter(period__number=10)
    assert updates.count() == 11
    assert not updates.exclude(spend_to_date=None).exists()
    assert not updates.exclude(forecast=None).exists()


def test_ibcf_fidelity_notes(demo):
    total = FidelityNote.objects.get(
        source__startswith="iBCF, Period 10 plan", subject__startswith="Total (plan", column="2018-19"
    )
    assert (total.printed, total.computed, total.kind) == (2_770_000_000, 2_760_000_000, "rounding")
    funded = FidelityNote.objects.filter(source__startswith="iBCF", subject="Spring Budget 2017 additional grant")
    assert funded.count() == 6 and all(n.kind == "rounding" for n in funded)
    # the carry-forward in the iBCF data agrees exactly with the reserves statement: no note
    assert not FidelityNote.objects.filter(subject="iBCF carry-forward").exists()


def test_loading_twice_does_not_duplicate(demo):
    counts = (Scheme.objects.count(), SchemeUpdate.objects.count(), FidelityNote.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Scheme.objects.count(), SchemeUpdate.objects.count(), FidelityNote.objects.count()) == counts


def test_registered_pages_tables_loaders_and_panels(demo):
    pages = {page.label: (page.url_name, page.order) for page in registry.period_pages}
    assert pages["iBCF"] == ("ibcf", 40)
    assert pages["Reserves and provisions"] == ("reserves", 50)
    assert pages["Capital programme"] == ("capital", 60)
    assert {"ibcf", "reserves", "capital"} <= set(registry.export_tables)
    assert {"iBCF plan against spend", "Reserves movement"} <= {p.name for p in registry.dashboard_panels}


# --- Dashboard panels -----------------------------------------------------------------------------


def test_spend_panel_context_and_template(demo):
    period = Period.objects.get(number=10)
    context = spend_panel(period, User.objects.get(username="member"))
    assert (context["plan_total"], context["reported"], context["schemes"], context["spend_total"]) == (
        2_040_000_000,
        0,
        11,
        None,
    )
    assert [row.plan for row in context["rows"]][:2] == [190_000_000, 910_000_000]
    html = render_to_string("ibcf/spend_panel.html", context)
    assert "£20.400m across 11 schemes" in html
    assert "No scheme's spend has been reported" in html
    assert "£10.971m of Spring Budget 2017 additional grant is carried forward" in html
    assert "<caption" in html and "Not reported" not in html  # one sentence says so instead
    assert "The plan for each of the 11 schemes" in html


def test_spend_panel_totals_reported_spend(demo):
    period = Period.objects.get(number=10)
    SchemeUpdate.objects.filter(period=period, scheme__code="iBCF2").update(spend_to_date=500_000_000)
    context = spend_panel(period, AnonymousUser())
    assert (context["reported"], context["spend_total"]) == (1, 500_000_000)
    assert "Spend to date is reported for 1 of them: £5.000m" in render_to_string("ibcf/spend_panel.html", context)


def test_reserves_panel_context_and_template(demo):
    period = Period.objects.get(number=10)
    context = reserves_panel(period, User.objects.get(username="member"))
    movement = {
        row.label: (row.balance_1_april, row.proposed_usage, row.balance_31_march) for row in context["movement"]
    }
    assert movement["Total Adult Social Care Provisions"] == (415_700_000, 11_100_000, 426_800_000)
    assert movement["Total Adult Social Care Reserves"] == (207_500_000, 1_232_000_000, 1_439_500_000)
    html = render_to_string("reserves/reserves_panel.html", context)
    assert "£2.075m at 1 April to a forecast £14.395m at 31 March (£12.320m added)" in html
    assert "Reserves and provisions movement, Period 10 (January) 2017-18" in html


def test_panels_have_nothing_to_show_for_a_period_without_figures(open_period):
    # a period started from Period 10 carries its figures; one created bare (as an import
    # back-filling a past period creates it) has none
    bare = Period.objects.create(year=open_period.year, number=9, status=Period.Status.OPEN)
    assert reserves_panel(bare, AnonymousUser()) is None


# --- The update form ------------------------------------------------------------------------------


def _update_data(overrides: dict[tuple[str, str], str] | None = None) -> dict[str, str]:
    data = {}
    for scheme in Scheme.objects.all():
        data[f"spend_{scheme.id}"] = ""
        data[f"forecast_{scheme.id}"] = ""
        data[f"progress_{scheme.id}"] = f"Progress on {scheme.code}"
    for (code, field), value in (overrides or {}).items():
        data[f"{field}_{Scheme.objects.get(code=code).id}"] = value
    return data


def test_officer_saves_spend_forecast_and_progress(officer_client, open_period):
    drawn = as_drawn(officer_client.get(f"{P11}/ibcf/edit/"))
    response = officer_client.post(
        f"{P11}/ibcf/edit/",
        {**_update_data({("iBCF8", "spend"): "1,234,567.89", ("iBCF8", "forecast"): "(5,000)"}), **drawn},
    )
    assert response.status_code == 302
    update = SchemeUpdate.objects.get(period=open_period, scheme__code="iBCF8")
    assert (update.spend_to_date, update.forecast, update.activity_progress) == (
        123_456_789,
        -500_000,
        "Progress on iBCF8",
    )
    assert SchemeUpdate.objects.get(period=open_period, scheme__code="iBCF1").spend_to_date is None


def test_update_form_starts_from_the_last_periods_progress(other_officer_client, open_period):
    response = other_officer_client.get(f"{P11}/ibcf/edit/")
    scheme = Scheme.objects.get(code="iBCF4")
    assert response.context["form"][f"progress_{scheme.id}"].value().startswith("As part of enhancing our capacity")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("spend", "lots"),
        ("spend", "1.001"),
        ("spend", "1,00"),
        ("forecast", "£"),
        ("forecast", "1e3"),
        ("progress", "x" * 4001),
    ],
)
def test_bad_update_input_names_the_scheme_and_saves_nothing(lead_client, open_period, field, value):
    response = lead_client.post(f"{P11}/ibcf/edit/", _update_data({("iBCF5", field): value}))
    assert response.status_code == 400
    scheme = Scheme.objects.get(code="iBCF5")
    errors = response.context["form"].errors
    assert list(errors) == [f"{field}_{scheme.id}"]
    assert errors[f"{field}_{scheme.id}"][0].startswith("iBCF5")
    assert not SchemeUpdate.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward


def test_update_form_is_locked_once_submitted(officer_client, open_period):
    period_transition(user=User.objects.get(username="lead"), period=open_period, action="submit")
    assert officer_client.post(f"{P11}/ibcf/edit/", _update_data()).status_code == 403
    assert not SchemeUpdate.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward


def test_pages_show_the_published_figures(member_client):
    html = member_client.get("/periods/2017-18/10/ibcf/").content.decode()
    assert "20.400" in html and "(0.046)" in html and "Period 10 plan" in html
    assert '£10.971m added to the "Improved Better Care Fund" reserve' in html
    assert "Enter iBCF scheme updates" not in html  # members never see the form link
    capital = member_client.get("/periods/2017-18/10/capital/").content.decode()
    assert "19.152" in capital and "17.593" in capital and "1.559" in capital


def test_scheme_updates_saved_by_someone_else_are_not_silently_overwritten(lead_client, officer_client, open_period):
    url = f"{P11}/ibcf/edit/"
    drawn = as_drawn(officer_client.get(url))
    assert lead_client.post(url, {**_update_data(), **drawn}).status_code == 302
    clash = officer_client.post(url, {**_update_data({("iBCF1", "progress"): "Mine"}), **drawn})
    assert clash.status_code == 409
    assert SchemeUpdate.objects.get(period=open_period, scheme__code="iBCF1").activity_progress == "Progress on iBCF1"


def test_every_change_to_a_scheme_update_is_kept_in_the_history(officer_client, open_period):
    data = {**_update_data({("iBCF8", "spend"): "1,234,567.89"}), **as_drawn(officer_client.get(f"{P11}/ibcf/edit/"))}
    assert officer_client.post(f"{P11}/ibcf/edit/", data).status_code == 302
    update = SchemeUpdate.objects.get(period=open_period, scheme__code="iBCF8")
    latest = update.history.order_by("-history_date").first()
    assert (latest.spend_to_date, latest.history_user.username) == (123_456_789, "officer")
