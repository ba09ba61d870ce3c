"""Downloads and the pack's contents page use the same number of queries whatever the size of
the council (the pack reads each table's selector once, and Appendix B in one read)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ascweb import pack, permissions
from ascweb.models import Period
from ascweb.registry import registry
from tests.factories.finance import UserFactory, clear_council, council


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _measure(areas: int, lines: int) -> dict[str, int]:
    setup = council(areas=areas, lines_per_area=lines)
    client = Client()
    client.force_login(UserFactory(username="scale-member", role=permissions.MEMBER))
    base = f"/periods/{setup['year'].code}/10"
    counts = {
        name: _count(client, f"{base}/{path}")
        for name, path in {
            "pack page": "pack/",
            "summary xlsx": "tables/summary.xlsx",
            "appendix-a xlsx": "tables/appendix-a.xlsx",
            "appendix-a csv": "tables/appendix-a.csv",
        }.items()
    }
    with CaptureQueriesContext(connection) as captured:
        contents = pack.assemble(Period.objects.select_related("year").get(number=10), draw_charts=False)
    counts["assemble"] = len(captured)
    counts["parts"] = len(contents.parts)
    return counts


def _candidates() -> int:
    """Every registered table and section is read, even those with nothing for the period, and
    each app's dashboard figures once for all its charts."""
    figures = {chart.figures for chart in registry.pack_charts.values()}
    return len(registry.tables()) + len(registry.pack_sections) + len(figures)


@pytest.mark.django_db
def test_export_query_counts_do_not_grow_with_the_council():
    small = _measure(areas=2, lines=3)
    clear_council()
    large = _measure(areas=12, lines=30)
    assert large == small, (small, large)
    # a handful of reads for each table, section or set of charts the apps register
    assert small["assemble"] <= 7 * _candidates(), small
