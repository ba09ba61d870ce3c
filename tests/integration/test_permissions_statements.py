"""iBCF, reserves and capital URLs x every persona. These statements belong to no expenditure
area: a finance lead and the officers assigned each one (in the small council the officer has
the reserves and the iBCF updates, the other officer the capital programme) may edit them
while the period is open; any other officer gets a 403, decided on the server."""

import pytest

from tests.conftest import PERSONAS

P10 = "/periods/2030-31/10"  # published
P11 = "/periods/2030-31/11"  # open (draft)

# (method, url) -> status for anonymous, member, officer, other officer, lead
MATRIX = {
    ("get", f"{P10}/ibcf/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/reserves/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/capital/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/ibcf/edit/"): (302, 403, 403, 403, 403),  # published: locked
    ("post", f"{P10}/ibcf/edit/"): (302, 403, 403, 403, 403),
    ("get", f"{P10}/reserves/edit/"): (302, 403, 403, 403, 403),
    ("post", f"{P10}/reserves/edit/"): (302, 403, 403, 403, 403),
    ("get", f"{P10}/capital/edit/"): (302, 403, 403, 403, 403),
    ("post", f"{P10}/capital/edit/"): (302, 403, 403, 403, 403),
    ("get", f"{P11}/ibcf/"): (302, 404, 200, 200, 200),  # a draft does not exist for members
    ("get", f"{P11}/reserves/"): (302, 404, 200, 200, 200),
    ("get", f"{P11}/capital/"): (302, 404, 200, 200, 200),
    ("get", f"{P11}/ibcf/edit/"): (302, 404, 200, 403, 200),
    # the carried-forward schemes' versions were not sent: refused as drawn from another version
    ("post", f"{P11}/ibcf/edit/"): (302, 404, 409, 403, 409),
    ("get", f"{P11}/reserves/edit/"): (302, 404, 200, 403, 200),
    ("post", f"{P11}/reserves/edit/"): (302, 404, 400, 403, 400),  # empty: every amount is missing
    ("get", f"{P11}/capital/edit/"): (302, 404, 403, 200, 200),
    ("post", f"{P11}/capital/edit/"): (302, 404, 403, 400, 400),
    ("get", "/periods/2030-31/99/ibcf/"): (302, 404, 404, 404, 404),
}


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


@pytest.mark.parametrize(("method", "url"), list(MATRIX))
def test_every_url_for_every_persona(persona_clients, method, url):
    expected = dict(zip(PERSONAS, MATRIX[(method, url)], strict=True))
    got = {persona: getattr(client, method)(url, {}).status_code for persona, client in persona_clients.items()}
    assert got == expected


def test_members_see_published_figures_but_never_the_edit_links(member_client, open_period):
    html = member_client.get(f"{P10}/reserves/").content.decode()
    assert "0.750" in html  # the reserves and provisions at 31 March
    assert "/reserves/edit/" not in html


def test_finance_staff_see_the_edit_link_only_while_the_period_is_open(other_officer_client, open_period):
    assert f"{P11}/capital/edit/" in other_officer_client.get(f"{P11}/capital/").content.decode()
    assert f"{P10}/capital/edit/" not in other_officer_client.get(f"{P10}/capital/").content.decode()


def test_an_officer_sees_only_the_edit_links_and_work_assigned_to_them(
    officer_client, other_officer_client, open_period
):
    assert f"{P11}/capital/edit/" not in officer_client.get(f"{P11}/capital/").content.decode()
    assert f"{P11}/reserves/edit/" not in other_officer_client.get(f"{P11}/reserves/").content.decode()
    assert f"{P11}/ibcf/edit/" not in other_officer_client.get(f"{P11}/ibcf/").content.decode()
    assert "/savings/workstreams/WS/edit/" not in other_officer_client.get(f"{P11}/savings/").content.decode()
    assert "/savings/workstreams/WS/edit/" in officer_client.get(f"{P11}/savings/").content.decode()
    theirs = other_officer_client.get(f"{P11}/workspace/").content.decode()
    assert f"{P11}/capital/edit/" in theirs
    for url in (f"{P11}/reserves/edit/", f"{P11}/ibcf/edit/", f"{P11}/savings/workstreams/WS/edit/"):
        assert url not in theirs
    mine = officer_client.get(f"{P11}/workspace/").content.decode()
    assert f"{P11}/reserves/edit/" in mine and f"{P11}/capital/edit/" not in mine
