"""Reserves and provisions and the capital programme: the published figures, their fidelity
notes, the CSV exports, and the officer forms (exact, validated, all or nothing, locked)."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from ascweb.lifecycle import period_transition
from ascweb.models import FidelityNote, Period
from ascweb.money import format_gbp
from ascweb.versioning import Edit
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition
from tests.factories.ascweb import publish_acknowledging
from tests.forms import as_drawn

P11 = "/periods/2017-18/11"


def _export(table: str, period: int) -> list[dict[str, str]]:
    out = io.StringIO()
    call_command("export_table", year="2017-18", period=period, table=table, stdout=out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def _by_first_column(rows: list[dict[str, str]], column: str) -> dict[str, dict[str, str]]:
    return {row[column]: row for row in rows}


# --- The published statements ---------------------------------------------------------------------


def test_p10_reserves_export_shows_totals_computed_from_the_rows(demo):
    rows = _by_first_column(_export("reserves", 10), "reserve")
    provisions = rows["Total Adult Social Care Provisions"]
    reserves = rows["Total Adult Social Care Reserves"]
    both = rows["Total Reserves & Provisions"]
    assert (provisions["balance_1_april"], provisions["balance_31_march"]) == ("4.157", "4.268")
    # the paper prints 2.074 / 12.321 / 14.394: the rows add up to 1k more (rounding)
    assert (reserves["balance_1_april"], reserves["proposed_usage"], reserves["balance_31_march"]) == (
        "2.075",
        "12.320",
        "14.395",
    )
    assert (both["balance_1_april"], both["proposed_usage"], both["balance_31_march"]) == ("6.232", "12.431", "18.663")


def test_p10_reserves_export_has_the_papers_rows_in_the_papers_order(demo):
    names = [row["reserve"].split(" - ")[0] for row in _export("reserves", 10)]
    assert names[:3] == ["Doubtful Debts provision", "Total Adult Social Care Provisions", "Prevention Fund – General"]
    assert names[-3:] == ["Mental Health Underspend", "Total Adult Social Care Reserves", "Total Reserves & Provisions"]
    assert len(names) == 15  # 12 rows and 3 totals, as printed
    ibcf = next(row for row in _export("reserves", 10) if row["reserve"].startswith("Improved Better Care Fund"))
    assert (ibcf["balance_1_april"], ibcf["proposed_usage"], ibcf["balance_31_march"]) == ("0.000", "10.971", "10.971")


def test_p2_reserves_export_matches_the_paper(demo):
    rows = _by_first_column(_export("reserves", 2), "reserve")
    assert len(rows) == 10  # 7 rows and 3 totals
    reserves = rows["Total Adult Social Care Reserves"]
    assert (reserves["proposed_usage"], reserves["balance_31_march"]) == ("-1.581", "0.494")
    prevention = next(name for name in rows if name.startswith("Prevention Fund"))
    assert "£0.131m was brought-forward" in prevention  # Period 2's own wording


def test_p10_capital_export_shows_the_computed_total_and_slippage(demo):
    rows = _by_first_column(_export("capital", 10), "scheme")
    total = rows["TOTAL"]
    assert (total["current_budget"], total["forecast_outturn"], total["next_year_draft"]) == (
        "19.152",
        "17.593",
        "3.084",
    )
    assert total["slippage"] == "1.559"
    assert rows["Sheringham Hub (Cromer Road)"]["slippage"] == "-0.004"
    assert len(rows) == 18


def test_p2_capital_export_matches_the_paper(demo):
    total = _by_first_column(_export("capital", 2), "scheme")["TOTAL"]
    assert (total["current_budget"], total["forecast_outturn"], total["slippage"], total["next_year_draft"]) == (
        "19.647",
        "19.647",
        "0.000",
        "2.021",
    )


def test_the_papers_slips_are_fidelity_notes(demo):
    forecast = FidelityNote.objects.get(
        source__startswith="Capital programme, Period 10 report, Appendix", column="forecast outturn"
    )
    assert (forecast.kind, forecast.printed, forecast.computed) == ("error", 1_776_100_000, 1_759_300_000)
    budget = FidelityNote.objects.get(
        source__startswith="Capital programme, Period 10 report, Appendix", column="current budget"
    )
    assert (budget.kind, budget.printed, budget.computed) == ("rounding", 1_915_100_000, 1_915_200_000)
    closing = FidelityNote.objects.get(
        source__startswith="Reserves and provisions, Period 10 report, Appendix",
        subject="Total Adult Social Care Reserves",
        column="balance 31 march",
    )
    assert (closing.kind, closing.printed, closing.computed, closing.period.number) == (
        "rounding",
        1_439_400_000,
        1_439_500_000,
        10,
    )
    # the provisions add up exactly: no note
    assert not FidelityNote.objects.filter(subject="Total Adult Social Care Provisions").exists()
    # every rounding note really is within its tolerance
    for note in FidelityNote.objects.filter(kind="rounding", source__startswith="Reserves"):
        assert abs(note.printed - note.computed) <= note.tolerance


def test_loading_twice_keeps_edited_figures_and_does_not_duplicate(demo):
    counts = (ReservePosition.objects.count(), CapitalPosition.objects.count(), FidelityNote.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (ReservePosition.objects.count(), CapitalPosition.objects.count(), FidelityNote.objects.count()) == counts
    position = ReservePosition.objects.get(period__number=10, reserve__code="RES-RR")
    position.proposed_usage = -1_000_000
    position.save()
    call_command("load_demo", stdout=io.StringIO())
    assert ReservePosition.objects.count() == counts[0]
    position.refresh_from_db()
    assert position.proposed_usage == -1_000_000


# --- Officer forms --------------------------------------------------------------------------------


def _reserve_data(overrides: dict[tuple[str, str], str] | None = None) -> dict[str, str]:
    """Every reserve's Period 10 figures, typed in pounds."""
    data = {}
    for position in ReservePosition.objects.filter(period__number=10).select_related("reserve"):
        data[f"balance_1_april_{position.reserve_id}"] = f"{position.balance_1_april // 100:,}"
        data[f"proposed_usage_{position.reserve_id}"] = f"{position.proposed_usage // 100}"
    for (code, field), value in (overrides or {}).items():
        data[f"{field}_{Reserve.objects.get(code=code).id}"] = value
    return data


def _capital_data(overrides: dict[tuple[str, str], str] | None = None) -> dict[str, str]:
    data = {}
    for p in CapitalPosition.objects.filter(period__number=10):
        data[f"current_budget_{p.scheme_id}"] = f"{p.current_budget // 100:,}"
        data[f"forecast_outturn_{p.scheme_id}"] = str(p.forecast_outturn // 100)
        data[f"next_year_draft_{p.scheme_id}"] = f"£{p.next_year_draft // 100:,}"
    for (code, field), value in (overrides or {}).items():
        data[f"{field}_{CapitalScheme.objects.get(code=code).id}"] = value
    return data


def test_a_new_period_form_starts_from_the_last_periods_figures(officer_client, open_period):
    response = officer_client.get(f"{P11}/reserves/edit/")
    assert response.status_code == 200
    ibcf = Reserve.objects.get(code="RES-IBCF")
    assert response.context["form"][f"proposed_usage_{ibcf.id}"].value() == "10,971,000"


def test_any_finance_officer_saves_reserves_exactly(other_officer_client, open_period):
    data = _reserve_data({("RES-IBCF", "proposed_usage"): "10,971,234.56", ("RES-RR", "balance_1_april"): "(1,000)"})
    drawn = as_drawn(other_officer_client.get(f"{P11}/reserves/edit/"))  # the carried rows' versions
    response = other_officer_client.post(f"{P11}/reserves/edit/", data | drawn)
    assert response.status_code == 302
    ibcf = ReservePosition.objects.get(period=open_period, reserve__code="RES-IBCF")
    assert ibcf.proposed_usage == 1_097_123_456
    assert ibcf.updated_by.username == "officer2"
    assert ReservePosition.objects.get(period=open_period, reserve__code="RES-RR").balance_1_april == -100_000
    assert ReservePosition.objects.filter(period=open_period).count() == Reserve.objects.count()


def test_capital_form_saves_every_scheme(lead_client, open_period):
    data = _capital_data({("CAP-SCFIS", "forecast_outturn"): "3,500,000"})
    drawn = as_drawn(lead_client.get(f"{P11}/capital/edit/"))  # the carried rows' versions
    response = lead_client.post(f"{P11}/capital/edit/", data | drawn)
    assert response.status_code == 302
    assert CapitalPosition.objects.get(period=open_period, scheme__code="CAP-SCFIS").forecast_outturn == 350_000_000
    assert CapitalPosition.objects.filter(period=open_period).count() == CapitalScheme.objects.count()


BAD = ["", "twelve", "1.234", "1,23,4", "1e6", "٣", "99999999999999", "--5", "(5", "5)", " ", "0x10"]


@pytest.mark.parametrize("field", ["balance_1_april", "proposed_usage"])
@pytest.mark.parametrize("value", BAD)
def test_bad_reserve_input_names_the_row_and_saves_nothing(officer_client, open_period, field, value):
    data = _reserve_data({("RES-IBCF", field): value, ("RES-RR", "proposed_usage"): "-43,000"})
    response = officer_client.post(f"{P11}/reserves/edit/", data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    reserve = Reserve.objects.get(code="RES-IBCF")
    assert list(errors) == [f"{field}_{reserve.id}"]
    assert errors[f"{field}_{reserve.id}"][0].startswith("Improved Better Care Fund")
    assert b"There is a problem: nothing has been saved" in response.content
    assert f'href="#id_{field}_{reserve.id}"'.encode() in response.content
    assert not ReservePosition.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward


@pytest.mark.parametrize("field", ["current_budget", "forecast_outturn", "next_year_draft"])
@pytest.mark.parametrize("value", ["", "abc", "0.001", "1,0000"])
def test_bad_capital_input_names_the_scheme_and_saves_nothing(lead_client, open_period, field, value):
    response = lead_client.post(f"{P11}/capital/edit/", _capital_data({("CAP-ELM", field): value}))
    assert response.status_code == 400
    scheme = CapitalScheme.objects.get(code="CAP-ELM")
    errors = response.context["form"].errors
    assert list(errors) == [f"{field}_{scheme.id}"]
    assert errors[f"{field}_{scheme.id}"][0].startswith("Elm Road Community Hub")
    assert not CapitalPosition.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward


@pytest.mark.parametrize("action", ["submit", "publish"])
def test_a_submitted_or_published_period_is_locked(officer_client, lead_client, open_period, action):
    lead = User.objects.get(username="lead")
    period_transition(user=lead, period=open_period, action="submit")
    if action == "publish":
        publish_acknowledging(open_period, lead)  # each check left acknowledged, recorded
    for url, data in ((f"{P11}/reserves/edit/", _reserve_data()), (f"{P11}/capital/edit/", _capital_data())):
        assert officer_client.post(url, data).status_code == 403
        assert lead_client.post(url, data).status_code == 403
    assert not ReservePosition.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward
    assert not CapitalPosition.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward


def test_the_service_rechecks_the_lock_whatever_the_page_showed(open_period):
    from django.core.exceptions import PermissionDenied

    from reserves.services import reserve_usage_update

    officer = User.objects.get(username="officer")
    Period.objects.filter(pk=open_period.pk).update(status=Period.Status.SUBMITTED)
    reserve = Reserve.objects.first()
    with pytest.raises(PermissionDenied):
        reserve_usage_update(
            user=officer, period=open_period, entries=[Edit(reserve.id, {"balance_1_april": 1, "proposed_usage": 2})]
        )  # open_period is a stale copy that still says "open"
    assert not ReservePosition.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward


def test_leads_are_told_where_the_papers_figures_do_not_add_up(lead_client, member_client):
    html = lead_client.get("/periods/2017-18/10/capital/").content.decode()
    # TOTAL forecast 17.761, the three-year programme 21.870 and the system's 7.354 (text)
    assert "3 figures printed in the papers behind this table do not add up" in html
    assert "figures printed in the papers" not in member_client.get("/periods/2017-18/10/capital/").content.decode()


# --- Two people editing at once -------------------------------------------------------------------


def test_a_form_drawn_before_someone_elses_save_is_refused_not_silently_overwritten(
    officer_client, other_officer_client, open_period
):
    url = f"{P11}/reserves/edit/"
    mine = as_drawn(officer_client.get(url))
    theirs = as_drawn(other_officer_client.get(url))
    assert mine == theirs
    theirs_typed = _reserve_data({("RES-RR", "proposed_usage"): "-10,000"})
    assert other_officer_client.post(url, {**theirs_typed, **theirs}).status_code == 302
    saved = {p.reserve_id: p.proposed_usage for p in ReservePosition.objects.filter(period=open_period)}

    clash = officer_client.post(url, {**_reserve_data({("RES-RR", "proposed_usage"): "-43,000"}), **mine})
    assert clash.status_code == 409
    page = clash.content.decode()
    assert "Someone else changed these figures while you were editing: nothing has been saved" in page
    # what officer2 saved, row by row: every row was carried forward from Period 10 when the form was drawn
    rr = ReservePosition.objects.get(period=open_period, reserve__code="RES-RR")
    assert f"<strong>{rr.reserve.name}</strong>, changed by officer2" in page
    carried = ReservePosition.objects.get(period__number=10, reserve__code="RES-RR").proposed_usage
    assert f"proposed usage from {format_gbp(carried)} to {format_gbp(rr.proposed_usage)}" in page
    assert {p.reserve_id: p.proposed_usage for p in ReservePosition.objects.filter(period=open_period)} == saved

    # the page now carries the current versions: saving again is a deliberate replacement
    fresh = as_drawn(clash)
    assert fresh != mine
    again = officer_client.post(url, {**_reserve_data({("RES-RR", "proposed_usage"): "-43,000"}), **fresh})
    assert again.status_code == 302
    assert ReservePosition.objects.get(period=open_period, reserve__code="RES-RR").proposed_usage == -4_300_000


def test_a_bad_input_page_keeps_the_versions_it_was_drawn_at(officer_client, other_officer_client, open_period):
    url = f"{P11}/capital/edit/"
    mine = as_drawn(officer_client.get(url))
    other_officer_client.post(url, {**_capital_data(), **mine})
    bad = officer_client.post(url, {**_capital_data({("CAP-ELM", "current_budget"): "x"}), **mine})
    assert bad.status_code == 400
    assert as_drawn(bad) == mine  # so fixing the typo still meets the other save
    assert officer_client.post(url, {**_capital_data(), **mine}).status_code == 409


def test_every_change_to_a_reserve_is_kept_in_the_history(other_officer_client, open_period):
    data = _reserve_data({("RES-IBCF", "proposed_usage"): "10,971,234.56"})
    data |= as_drawn(other_officer_client.get(f"{P11}/reserves/edit/"))
    assert other_officer_client.post(f"{P11}/reserves/edit/", data).status_code == 302
    position = ReservePosition.objects.get(period=open_period, reserve__code="RES-IBCF")
    latest = position.history.order_by("-history_date").first()
    assert (latest.proposed_usage, latest.history_user.username) == (1_097_123_456, "officer2")
    # Period 11's position was carried forward when the period started, then saved by officer2
    reasons = list(position.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert len(reasons) == 2 and reasons[0] == "Carried forward from Period 10"
