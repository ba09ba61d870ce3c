"""Login throttling behind the TLS proxy (issue 17, finding 3): failures are counted per user
name and the client's address, taken from X-Forwarded-For through the trusted proxies."""

import pytest
from django.test import Client, RequestFactory

from ascweb.proxies import client_address

PROXY = "10.0.0.2"  # every request reaches the app from the proxy
WRONG = {"username": "lead", "password": "wrong-password"}
RIGHT = {"username": "lead", "password": "the-leads-own-password"}


def _post(data: dict, forwarded: str) -> int:
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    return client.post("/accounts/login/", data).status_code


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.9", PROXY),  # no proxy trusted: the header is anyone's
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "1.2.3.4, 203.0.113.9", "203.0.113.9"),  # the leftmost was written by the client
        (2, "1.2.3.4, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
        (2, "203.0.113.9", PROXY),  # too few addresses: not through our proxies
        (1, "", PROXY),
    ],
)
def test_the_client_address_is_the_nearest_trusted_proxys(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@pytest.fixture
def small_council(small_council):
    small_council.lead.set_password(RIGHT["password"])
    small_council.lead.save()
    return small_council


@pytest.mark.django_db
def test_an_attacker_elsewhere_cannot_lock_the_lead_out(small_council, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        assert _post(WRONG, "198.51.100.66") in (200, 429)
    assert _post(WRONG, "198.51.100.66") == 429  # the attacker is stopped
    assert _post(RIGHT, "203.0.113.9") == 302  # the lead, from the council's network, signs in


@pytest.mark.django_db
def test_rotating_a_forged_forwarded_address_does_not_escape_the_limit(small_council, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    codes = [_post(WRONG, f"192.0.2.{n}, 198.51.100.66") for n in range(settings.AXES_FAILURE_LIMIT + 1)]
    assert codes[-2:] == [429, 429]
    assert _post(RIGHT, "192.0.2.200, 198.51.100.66") == 429


@pytest.mark.django_db
def test_without_a_trusted_proxy_the_header_is_ignored(small_council, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    codes = [Client(REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}") for n in range(6)]
    results = [client.post("/accounts/login/", WRONG).status_code for client in codes]
    assert results[-1] == 429


def test_the_old_proxy_setting_is_refused_not_ignored():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "AXES_PROXY_COUNT": "1"}
    result = subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "AXES_PROXY_COUNT is now TRUSTED_PROXY_COUNT" in result.stderr
