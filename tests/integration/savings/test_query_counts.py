"""Every savings page uses the same number of queries whatever the size of the programme."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ascweb import permissions
from ascweb.models import Period
from savings.models import Programme, Saving, SavingForecast, SavingTarget, Workstream, WorkstreamAssignment
from tests.factories.finance import UserFactory, council
from tests.factories.savings import programme


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _measure(setup, workstreams: int, savings: int) -> dict[str, int]:
    SavingForecast.objects.all().delete()
    SavingTarget.objects.all().delete()
    Saving.objects.all().delete()
    Workstream.objects.all().delete()
    Programme.objects.all().delete()
    programme(year=setup["year"], periods=setup["periods"], workstreams=workstreams, savings_per_workstream=savings)
    member = Client()
    member.force_login(UserFactory(username="scale-member", role=permissions.MEMBER))
    officer = Client()
    officer_user = UserFactory(username="scale-officer", role=permissions.OFFICER)
    for workstream in Workstream.objects.all():  # the officer updates every workstream
        WorkstreamAssignment.objects.get_or_create(user=officer_user, workstream=workstream)
    officer.force_login(officer_user)
    base = f"/periods/{setup['year'].code}"
    return {
        "summary": _queries(member, f"{base}/10/savings/"),
        "programme": _queries(member, f"{base}/10/savings/programme/"),
        "projects": _queries(member, f"{base}/10/savings/projects/"),
        "summary (officer)": _queries(officer, f"{base}/11/savings/"),
        "form": _queries(officer, f"{base}/11/savings/workstreams/W0-0/edit/"),
    }


@pytest.mark.django_db
def test_savings_query_counts_do_not_grow_with_the_programme():
    setup = council(areas=1, lines_per_area=1)
    setup["periods"].append(Period.objects.create(year=setup["year"], number=11, status=Period.Status.OPEN))
    small = _measure(setup, workstreams=1, savings=2)
    large = _measure(setup, workstreams=6, savings=25)
    assert large == small
    # and few: a member's pages include their snapshot (a savepoint, its release and the period
    # still published: ascweb.snapshots)
    assert max(small.values()) <= 15


@pytest.mark.django_db
def test_the_dashboard_panel_is_a_fixed_number_of_queries():
    from savings.dashboard import panel_context

    setup = council(areas=1, lines_per_area=1)
    member = UserFactory(username="panel-member", role=permissions.MEMBER)
    counts = []
    for size in (2, 30):
        SavingForecast.objects.all().delete()
        SavingTarget.objects.all().delete()
        Saving.objects.all().delete()
        Workstream.objects.all().delete()
        Programme.objects.all().delete()
        programme(year=setup["year"], periods=setup["periods"], workstreams=3, savings_per_workstream=size)
        member = type(member).objects.get(pk=member.pk)  # a fresh request's user
        with CaptureQueriesContext(connection) as captured:
            assert panel_context(setup["periods"][-1], member) is not None
        counts.append(len(captured))
    assert counts[0] == counts[1]
