"""Every page that lists data uses the same number of queries whatever the size of the council."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ascweb import permissions
from ascweb.models import Period
from tests.factories.finance import UserFactory, clear_council, council, officer_for


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _pages(setup) -> dict[str, tuple[str, str]]:
    """page name -> (persona, url)"""
    year, area = setup["year"].code, setup["areas"][0].code
    base = f"/periods/{year}/10"
    return {
        "summary": ("member", f"{base}/"),
        "appendix-a": ("member", f"{base}/appendix-a/"),
        "area": ("member", f"{base}/areas/{area}/"),
        "periods": ("member", "/periods/"),
        "workspace": ("officer", f"{base}/workspace/"),
        "area form": ("officer", f"/periods/{year}/11/areas/{area}/edit/"),
    }


def _measure(areas: int, lines: int) -> dict[str, int]:
    setup = council(areas=areas, lines_per_area=lines)
    Period.objects.create(year=setup["year"], number=11, status=Period.Status.OPEN)
    clients = {
        "member": UserFactory(username="scale-member", role=permissions.MEMBER),
        "officer": officer_for(setup["areas"][0]),
    }
    counts = {}
    for name, (persona, url) in _pages(setup).items():
        client = Client()
        client.force_login(clients[persona])
        counts[name] = _queries(client, url)
    return counts


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_council():
    small = _measure(areas=2, lines=3)
    clear_council()
    large = _measure(areas=12, lines=30)
    assert large == small
    pages = {name: count for name, count in small.items() if name != "workspace"}
    # and stay few: session, user, roles, a member's snapshot (here a savepoint, its release and
    # the period still published: ascweb.snapshots), then one per table
    assert max(pages.values()) <= 15
    assert small["workspace"] <= 15  # every app's figures: the revenue tree and one query per app's section
