"""Every URL x every persona gets the right status: permissions are enforced on the server."""

import pytest
from django.test import Client

from tests.conftest import PERSONAS

P10 = "/periods/2030-31/10"
P11 = "/periods/2030-31/11"  # open (draft)

# (method, url) -> expected status for anonymous, member, officer, other officer, lead.
# 302 for anonymous = sent to sign in.
MATRIX = {
    ("get", "/"): (302, 302, 302, 302, 302),
    ("get", "/periods/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/appendix-a/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/areas/A/"): (302, 200, 200, 200, 200),
    ("get", f"{P10}/workspace/"): (302, 403, 200, 200, 200),
    ("get", f"{P10}/areas/A/edit/"): (302, 403, 403, 404, 403),  # published: locked
    ("post", f"{P10}/areas/A/edit/"): (302, 403, 403, 404, 403),
    ("get", f"{P11}/"): (302, 404, 200, 200, 200),  # a draft does not exist for members
    ("get", f"{P11}/appendix-a/"): (302, 404, 200, 200, 200),
    ("get", f"{P11}/areas/A/"): (302, 404, 200, 200, 200),
    ("get", f"{P11}/workspace/"): (302, 404, 200, 200, 200),
    ("get", f"{P11}/areas/A/edit/"): (302, 404, 200, 404, 200),
    ("get", f"{P11}/areas/B/edit/"): (302, 404, 404, 200, 200),
    ("post", f"{P11}/status/"): (302, 404, 403, 403, 302),
    # wrong method before anything else, but for a member a draft does not exist at all
    # (ascweb.snapshots checks it first, for every page of a period they ask for)
    ("get", f"{P11}/status/"): (302, 404, 405, 405, 405),
    ("get", "/periods/new/"): (302, 403, 403, 403, 200),
    ("get", "/fidelity/"): (302, 403, 403, 403, 200),
    ("get", "/accessibility/"): (200, 200, 200, 200, 200),
    ("get", "/accounts/login/"): (200, 302, 302, 302, 302),
    ("get", "/periods/2030-31/99/"): (302, 404, 404, 404, 404),
    ("get", f"{P10}/areas/NOPE/"): (302, 404, 404, 404, 404),
}


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


@pytest.mark.parametrize(("method", "url"), list(MATRIX))
def test_every_url_for_every_persona(persona_clients, method, url):
    expected = dict(zip(PERSONAS, MATRIX[(method, url)], strict=True))
    got = {}
    for persona, client in persona_clients.items():
        data = {"action": "submit"} if url.endswith("/status/") else {}
        response = getattr(client, method)(url, data)
        got[persona] = response.status_code
    assert got == expected


def test_anonymous_is_sent_to_sign_in_with_the_page_to_return_to(db):
    response = Client().get("/periods/")
    assert response["Location"] == "/accounts/login/?next=/periods/"
