"""A member's page or download is read from one snapshot, and only while its period is
published (issue 17, finding 5): a lead re-opening the period and an officer saving while a
member's download is being built cannot put a draft figure into it."""

import pytest
from django.db import connection, connections
from django.test import Client

from ascweb.lifecycle import period_transition
from ascweb.models import Period
from finance.models import LineForecast

CSV = "/periods/2030-31/10/tables/appendix-a.csv"
DRAFT = 987_654_321_00  # pence: £987,654,321, a figure nobody published


@pytest.fixture
def member(small_council) -> Client:
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.get(username="member"))
    return client


def _meanwhile(period: Period):
    """An execute wrapper: once the member's request has read the period, another connection
    re-opens it and saves a draft figure (committed) before the request reads any figure."""
    state = {"done": False, "seen": None}

    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not state["done"] and '"ascweb_period"' in sql:
            state["done"] = True
            with connection.cursor() as cursor:  # what this request's transaction is
                cursor.execute(
                    "SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')"
                )
                state["seen"] = cursor.fetchone()
            other = connections.create_connection("default")
            with other.cursor() as cursor:
                cursor.execute("UPDATE ascweb_period SET status = 'open' WHERE id = %s", [period.id])
                cursor.execute("UPDATE finance_lineforecast SET forecast = %s WHERE period_id = %s", [DRAFT, period.id])
            other.close()
        return result

    return wrapper, state


@pytest.mark.django_db(transaction=True)
def test_a_download_is_built_from_one_read_only_snapshot(small_council, member):
    if connection.vendor != "postgresql":
        pytest.skip("REPEATABLE READ is PostgreSQL's")
    period = small_council.p10
    published = member.get(CSV).content.decode()
    from django.core.cache import cache

    cache.clear()  # built again, not served from the cache
    wrapper, state = _meanwhile(period)
    with connection.execute_wrapper(wrapper):
        response = member.get(CSV)
    assert state["seen"] == ("repeatable read", "on")
    assert response.status_code == 200
    content = response.content.decode()
    assert "987,654,321" not in content and "987654321" not in content
    assert content == published
    assert LineForecast.objects.filter(period=period, forecast=DRAFT).exists()  # it was committed meanwhile
    assert member.get(CSV).status_code == 404  # and now the period is a draft again


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/periods/2030-31/10/",
        "/periods/2030-31/10/appendix-a/",
        "/periods/2030-31/10/pack/",
        "/periods/2030-31/10/savings/",
        CSV,
    ],
)
def test_a_re_opened_period_is_refused_even_when_kept(small_council, member, url):
    assert member.get(url).status_code == 200  # kept in the cache, where it is kept
    period_transition(user=small_council.lead, period=small_council.p10, action="reopen", reason="Correction")
    assert member.get(url).status_code == 404


@pytest.mark.django_db
def test_the_snapshot_checks_the_period_before_the_view_runs(small_council, member):
    """The snapshot's own check refuses what is not published, whatever the view does."""
    Period.objects.filter(pk=small_council.p10.pk).update(status=Period.Status.SUBMITTED)
    assert member.get("/periods/2030-31/10/").status_code == 404
