"""Every savings URL x every persona gets the right status (see tests/conftest.py personas).
A workstream's savings are updated by a finance lead or an officer assigned the workstream
(the officer has WS; the other officer none: a 403, decided on the server) while the period
is open."""

import pytest

from tests.conftest import PERSONAS

P10 = "/periods/2030-31/10/savings"
P11 = "/periods/2030-31/11/savings"  # open (draft)

# (method, url) -> expected status for anonymous, member, officer, other officer, lead.
MATRIX = {
    ("get", f"{P10}/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/programme/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/projects/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/workstreams/WS/edit/"): (302, 403, 403, 403, 403),  # published: locked
    ("post", f"{P10}/workstreams/WS/edit/"): (302, 403, 403, 403, 403),
    ("get", f"{P11}/"): (302, 404, 200, 200, 200),  # a draft does not exist for members
    ("get", f"{P11}/programme/"): (302, 404, 200, 200, 200),
    ("get", f"{P11}/projects/"): (302, 404, 200, 200, 200),
    ("get", f"{P11}/workstreams/WS/edit/"): (302, 404, 200, 403, 200),
    ("post", f"{P11}/workstreams/WS/edit/"): (302, 404, 400, 403, 400),  # empty form: errors, nothing saved
    ("get", f"{P11}/workstreams/NOPE/edit/"): (302, 404, 404, 404, 404),
    ("get", "/periods/2030-31/99/savings/"): (302, 404, 404, 404, 404),
}


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


@pytest.mark.parametrize(("method", "url"), list(MATRIX))
def test_every_savings_url_for_every_persona(persona_clients, method, url):
    expected = dict(zip(PERSONAS, MATRIX[(method, url)], strict=True))
    got = {persona: getattr(client, method)(url, {}).status_code for persona, client in persona_clients.items()}
    assert got == expected


def test_a_submitted_period_is_locked_for_savings(open_period, officer_client, lead_client):
    from django.contrib.auth.models import User

    from ascweb.lifecycle import period_transition

    period_transition(user=User.objects.get(username="lead"), period=open_period, action="submit")
    url = "/periods/2030-31/11/savings/workstreams/WS/edit/"
    assert officer_client.get(url).status_code == 403
    assert officer_client.post(url, {}).status_code == 403
    assert lead_client.post(url, {}).status_code == 403
