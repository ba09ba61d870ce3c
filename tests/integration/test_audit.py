"""A lead sees every change: the audit log of a period and the history of any line."""

from django.contrib.auth.models import User

from ascweb.lifecycle import period_transition
from finance.models import LineForecast, ReportingLine
from finance.services import LineEntry, forecast_update
from tests.factories.ascweb import publish_acknowledging
from tests.forms import as_drawn


def _change_older_people(period, user, forecast):
    line = ReportingLine.objects.get(code="STU-OP")
    current = LineForecast.objects.get(period=period, line=line)
    entries = [LineEntry(line.id, current.budget, forecast, "Winter pressures", current.version)]
    forecast_update(user=user, period=period, area=ReportingLine.objects.get(code="STU"), entries=entries)


def test_the_period_audit_log_shows_who_changed_what_and_status_changes_with_reasons(lead_client, open_period):
    officer, lead = User.objects.get(username="officer"), User.objects.get(username="lead")
    _change_older_people(open_period, officer, 12_000_000_000)
    period_transition(user=lead, period=open_period, action="submit")
    publish_acknowledging(open_period, lead)  # each check left acknowledged, recorded
    period_transition(user=lead, period=open_period, action="reopen", reason="NorseCare invoice arrived late")
    response = lead_client.get("/periods/2017-18/11/audit/")
    assert response.status_code == 200
    entries = response.context["entries"]
    change = next(
        e for e in entries if e.subject == "Older People, Period 11 (February) 2017-18" and e.who == "officer"
    )
    assert ("forecast outturn", 11_499_400_000, 12_000_000_000) in change.changes
    assert ("explanation", "", "Winter pressures") in change.changes
    reopen = next(e for e in entries if e.subject.endswith("reopen"))
    assert reopen.reason == "NorseCare invoice arrived late"
    assert reopen.changes == [("status", "published", "open")]
    assert "£114,994,000 → £120,000,000" in response.content.decode()


def test_a_lines_history_spans_periods(lead_client, open_period):
    _change_older_people(open_period, User.objects.get(username="officer"), 12_000_000_000)
    response = lead_client.get("/lines/STU-OP/history/")
    subjects = [e.subject for e in response.context["entries"]]
    assert "Older People, Period 11 (February) 2017-18" in subjects
    assert "Older People, Period 10 (January) 2017-18" in subjects  # loaded with the demo data
    assert "Older People, Period 2 (May) 2017-18" in subjects


def test_audit_pages_are_for_leads_only(officer_client, member_client, open_period):
    for client in (officer_client, member_client):
        assert client.get("/lines/STU-OP/history/").status_code == 403
    assert officer_client.get("/periods/2017-18/11/audit/").status_code == 403
    assert member_client.get("/periods/2017-18/11/audit/").status_code == 404  # a draft does not exist for them


def test_the_period_audit_log_includes_savings_reserves_and_capital(lead_client, other_officer_client, open_period):
    from reserves.models import ReservePosition
    from tests.integration.reserves.test_reserves_capital import _reserve_data

    url = "/periods/2017-18/11/reserves/edit/"
    data = {
        **_reserve_data({("RES-IBCF", "proposed_usage"): "10,971,234.56"}),
        **as_drawn(other_officer_client.get(url)),
    }
    assert other_officer_client.post(url, data).status_code == 302
    assert ReservePosition.objects.filter(period=open_period).exists()
    entries = lead_client.get("/periods/2017-18/11/audit/").context["entries"]
    reserve = next(e for e in entries if e.who == "officer2" and "Improved Better Care Fund" in e.subject)
    # Period 11's position was carried forward from Period 10's figure, then changed by officer2
    assert ("proposed usage", 1_097_100_000, 1_097_123_456) in reserve.changes
    assert "£10,971,234.56" in lead_client.get("/periods/2017-18/11/audit/").content.decode()
