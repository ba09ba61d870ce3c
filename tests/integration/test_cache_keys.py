"""The page cache's keys (issue 17, finding 4): the path, the parameters that change the
content (the lead's choice of the pack's parts, normalised) and who is asking. A parameter no
view reads makes no new entry; a member's request cannot poison what the lead is given."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ascweb import pack

PACK = "/periods/2017-18/10/pack.pdf"


def _entries() -> int:
    """How many entries the cache holds (the test cache is local memory or the database)."""
    store = getattr(cache, "_cache", None)
    if store is not None:
        return len(store)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(cache._table)}")  # noqa: S608 - the cache's table
        return cursor.fetchone()[0]


def _queries(client, url: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content


@pytest.mark.parametrize("url", ["/periods/2017-18/10/appendix-a/", "/periods/2017-18/10/tables/appendix-a.csv"])
def test_unknown_parameters_make_no_new_entry(member_client, demo, url):
    _queries(member_client, url)
    kept = _entries()
    for n in range(5):
        queries, _content = _queries(member_client, f"{url}?a={n}")
        assert queries <= 8  # served from the cache: nothing rebuilt
    assert _entries() == kept


def test_a_members_chosen_contents_cannot_poison_the_leads_pack(member_client, lead_client, demo):
    parts = [choice.name for choice in pack.choices()]
    member = member_client.get(f"{PACK}?contents=chosen&section={parts[0]}")
    assert member.status_code == 200  # a member always gets the whole pack
    chosen = lead_client.get(f"{PACK}?contents=chosen&section={parts[0]}").content
    whole = lead_client.get(PACK).content
    assert chosen != whole
    assert len(whole) > len(chosen)
    # the lead's chosen parts, in any order or repeated, are one entry
    again = "&".join(f"section={name}" for name in [*reversed(parts[:2]), parts[0]])
    first = lead_client.get(f"{PACK}?contents=chosen&section={parts[0]}&section={parts[1]}").content
    queries, second = _queries(lead_client, f"{PACK}?contents=chosen&{again}")
    assert second == first
    assert queries <= 9


def test_each_role_is_kept_apart(member_client, lead_client, demo):
    url = "/periods/2017-18/10/tables/appendix-a.csv"
    member_client.get(url)
    kept = _entries()
    lead_client.get(url)
    assert _entries() == kept + 1
