"""Signed-in pages are sent gzip-compressed, and compression does not weaken CSRF protection:
each response carries the token under a fresh mask (so BREACH has nothing constant to find),
and every such token is accepted. Downloads that are zip or PDF files are sent as they are."""

import gzip
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def _page(client, url) -> str:
    response = client.get(url, **GZIP)
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert int(response["Content-Length"]) == len(response.content)
    return gzip.decompress(response.content).decode()


@pytest.mark.parametrize("username", ["member", "officer"])  # a member's page comes from the page cache
def test_a_signed_in_page_is_compressed_and_each_carries_a_differently_masked_token(demo, username):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username=username))
    first, second = (_page(client, "/periods/2017-18/10/dashboard/") for _ in range(2))
    assert '<h1 class="govuk-heading-l">Dashboard: Period 10 (January) 2017-18</h1>' in first
    tokens = TOKEN.findall(first) + TOKEN.findall(second)
    assert len(tokens) == 2 and tokens[0] != tokens[1]
    # Both are this browser's token: the sign-out form posts with either (and not with a stranger's).
    stranger = tokens[0][::-1]
    assert client.post("/accounts/logout/", {"csrfmiddlewaretoken": stranger}).status_code == 403
    for token in tokens:
        assert client.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302


def test_a_page_is_plain_for_a_browser_that_does_not_ask(member_client):
    response = member_client.get("/periods/2017-18/10/dashboard/")
    assert response.status_code == 200 and not response.has_header("Content-Encoding")
    assert b"Dashboard: Period 10" in response.content


def test_downloads_that_are_compressed_files_are_sent_as_they_are(member_client):
    for url, kind in (
        ("/periods/2017-18/10/tables/summary.xlsx", "spreadsheetml"),
        ("/periods/2017-18/10/pack.pdf", "application/pdf"),
    ):
        response = member_client.get(url, **GZIP)
        assert response.status_code == 200 and kind in response["Content-Type"]
        assert not response.has_header("Content-Encoding")
        assert response.content[:4] in (b"PK\x03\x04", b"%PDF")
    # Appendix A, not the five-row summary: Django pads each gzip body with up to 100 random
    # bytes (against BREACH) and sends a body that did not come out shorter as it is, so a
    # tiny CSV is sometimes sent plain
    csv = member_client.get("/periods/2017-18/10/tables/appendix-a.csv", **GZIP)
    assert len(gzip.decompress(csv.content)) > 1000
    assert csv["Content-Encoding"] == "gzip" and b"Total Net Expenditure" in gzip.decompress(csv.content)
