"""A member's published pages are rendered once and served from the cache until the figures
behind them change; finance staff always get fresh pages."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ascweb import lifecycle
from ascweb.models import Period
from ascweb.money import parse_millions
from finance.models import LineForecast, ReportingLine
from tests.factories.ascweb import publish_acknowledging
from tests.factories.imports import import_file

CACHED = 7  # the queries of a page a member is given from the cache (see the first test)
PAGES = [
    "/periods/2017-18/10/",
    "/periods/2017-18/10/appendix-a/",
    "/periods/2017-18/10/dashboard/",
    "/periods/2017-18/10/ibcf/",
]


def _get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def _without_csrf(page: str) -> str:
    """The sign-out form's token differs per response; the rest must be identical."""
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


@pytest.mark.parametrize("url", PAGES)
def test_a_members_second_visit_is_served_from_the_cache_unchanged(member_client, demo, url):
    first, first_queries = _get(member_client, url)
    second, second_queries = _get(member_client, url)
    assert _without_csrf(second) == _without_csrf(first)
    # the second costs the session, the user, their roles, the snapshot (here a savepoint and
    # its release, ascweb.snapshots), the period still published and the data stamp only
    assert second_queries == CACHED < first_queries


@pytest.mark.parametrize("persona", ["officer_client", "lead_client"])
def test_finance_staff_always_get_a_fresh_page(request, demo, persona):
    client = request.getfixturevalue(persona)
    for url in PAGES:
        _page, first = _get(client, url)
        _page, second = _get(client, url)
        assert first == second, url


def test_a_new_net_expenditure_figure_reaches_the_cached_dashboard(member_client, demo):
    """A published period's net expenditure is refused (issue 15: published means frozen); once
    re-opened, given it and published again, the member's cached dashboard shows it."""
    url = "/periods/2017-18/10/dashboard/"
    before, _ = _get(member_client, url)
    assert "98.765" not in before
    figure = 'year,period,area,amount\n2017-18,10,,"98,765,432"\n'
    assert not import_file("net-expenditure", figure).ok
    lead = User.objects.get(username="lead")
    period = Period.objects.get(year__code="2017-18", number=10)
    period = lifecycle.period_transition(user=lead, period=period, action="reopen", reason="Net expenditure")
    assert import_file("net-expenditure", figure).ok
    period = lifecycle.period_transition(user=lead, period=period, action="submit")
    checks = [check.key for check in lifecycle.period_checks(period)]
    lifecycle.period_transition(user=lead, period=period, action="publish", acknowledged=checks)
    after, _ = _get(member_client, url)
    assert "98.765" in after


def test_a_republished_period_shows_its_new_figures(member_client, demo):
    """Re-open, change a line, publish again: the member sees the new figure at once."""
    url = "/periods/2017-18/10/appendix-a/"
    lead = User.objects.get(username="lead")
    period = Period.objects.get(year__code="2017-18", number=10)
    before, _ = _get(member_client, url)
    assert "123.456" not in before
    lifecycle.period_transition(user=lead, period=period, action="reopen", reason="Correction")
    line = ReportingLine.objects.get(code="STU-OP")
    LineForecast.objects.filter(period=period, line=line).update(forecast=parse_millions("123.456"))
    # while it is open again, a member cannot see it at all
    assert member_client.get(url).status_code == 404
    period.refresh_from_db()
    lifecycle.period_transition(user=lead, period=period, action="submit")
    period.refresh_from_db()
    publish_acknowledging(period, lead)  # each check left acknowledged, recorded
    after, _ = _get(member_client, url)
    assert "123.456" in after


def test_a_kept_page_carries_this_browsers_csrf_token_so_signing_out_works(demo):
    """The whole page is kept; only its sign-out form's token is put in per response."""
    import re

    from django.test import Client

    url = "/periods/2017-18/10/dashboard/"
    other = Client()
    other.force_login(User.objects.get(username="member"))
    _get(other, url)  # kept, from another browser's session
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(User.objects.get(username="member"))
    page, queries = _get(browser, url)
    assert queries == CACHED  # served from the cache
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert browser.post("/accounts/logout/", {}).status_code == 403
    assert browser.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert browser.get(url).status_code == 302  # signed out: to the sign-in page


def test_each_member_sees_their_own_name_on_a_kept_page(demo):
    from django.contrib.auth.models import Group
    from django.test import Client

    from ascweb import permissions

    url = "/periods/2017-18/10/appendix-a/"
    second = User.objects.create(username="second-member")
    second.groups.set([Group.objects.get(name=permissions.MEMBER)])
    pages = {}
    for username in ("member", "second-member", "member"):
        client = Client()
        client.force_login(User.objects.get(username=username))
        pages[username], _queries = _get(client, url)
    assert "Sign out member<" in pages["member"] and "second-member" not in pages["member"]
    assert "Sign out second-member<" in pages["second-member"]


def test_a_message_waiting_for_a_member_is_shown_once_on_a_kept_page(member_client, demo):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpResponse
    from django.test import RequestFactory

    url = "/periods/2017-18/10/"
    _get(member_client, url)  # kept
    storage = CookieStorage(RequestFactory().get(url))
    storage.add(constants.SUCCESS, "Your feedback was sent")
    carrier = HttpResponse()
    storage.update(carrier)
    member_client.cookies[storage.cookie_name] = carrier.cookies[storage.cookie_name].value
    shown, _queries = _get(member_client, url)
    assert "Your feedback was sent" in shown
    again, queries = _get(member_client, url)
    assert "Your feedback was sent" not in again
    assert queries == CACHED


def test_a_published_periods_downloads_are_built_once_until_its_figures_change(member_client, demo):
    """The pack PDF and the tables' Excel and CSV of a published period are the same for
    everyone in a role who may see it: built by the first download, kept until the figures
    change (whatever the address's query string says)."""
    pack = "/periods/2017-18/10/pack.pdf"
    first = member_client.get(pack)
    with CaptureQueriesContext(connection) as captured:
        again = member_client.get(f"{pack}?a=1")
    assert again.content == first.content and again["Content-Type"] == "application/pdf"
    # and the view's period, and the pack kept at publication (none: no queue worker ran): no
    # figures read, nothing drawn
    assert len(captured) == CACHED + 2
    url = "/periods/2017-18/10/tables/appendix-a.csv"
    before = member_client.get(url).content.decode()
    assert "123.456" not in before
    lead = User.objects.get(username="lead")
    period = Period.objects.get(year__code="2017-18", number=10)
    lifecycle.period_transition(user=lead, period=period, action="reopen", reason="Correction")
    LineForecast.objects.filter(period=period, line__code="STU-OP").update(forecast=parse_millions("123.456"))
    assert member_client.get(url).status_code == 404  # open again: members cannot see it
    period.refresh_from_db()
    lifecycle.period_transition(user=lead, period=period, action="submit")
    period.refresh_from_db()
    publish_acknowledging(period, lead)  # each check left acknowledged, recorded
    assert "123.456" in member_client.get(url).content.decode()
