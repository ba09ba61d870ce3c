"""iBCF, reserves and capital URLs x every persona. These schedules belong to no expenditure
area, so ANY finance officer may edit them (not only an assigned one) while the period is open."""

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
    ("get", f"{P11}/ibcf/edit/"): (302, 404, 200, 200, 200),
    # the carried-forward schemes' versions were not sent: refused as drawn from another version
    ("post", f"{P11}/ibcf/edit/"): (302, 404, 409, 409, 409),
    ("get", f"{P11}/reserves/edit/"): (302, 404, 200, 200, 200),
    ("post", f"{P11}/reserves/edit/"): (302, 404, 400, 400, 400),  # empty: every amount is missing
    ("get", f"{P11}/capital/edit/"): (302, 404, 200, 200, 200),
    ("post", f"{P11}/capital/edit/"): (302, 404, 400, 400, 400),
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


def test_finance_staff_see_the_edit_link_only_while_the_period_is_open(officer_client, open_period):
    assert f"{P11}/capital/edit/" in officer_client.get(f"{P11}/capital/").content.decode()
    assert f"{P10}/capital/edit/" not in officer_client.get(f"{P10}/capital/").content.decode()
