"""Shared fixtures. The personas, and what each may see:

- anonymous: the sign-in page and the accessibility statement; everything else redirects.
- member ("member", Committee member): published periods only; no workspace, no entry forms
  (403), unpublished periods do not exist for them (404).
- officer ("officer", Finance officer): edits Services to Users and Early Help & Prevention
  while a period is open; sees every period, draft or published.
- other_officer ("officer2", Finance officer): edits Commissioned Services, Business
  Development and Management, Finance & HR; Services to Users' form is a 404 for them.
- lead ("lead", Finance lead): everything; starts, submits, publishes and re-opens periods;
  reads fidelity notes.
"""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ascweb.demo import load_demo
from ascweb.lifecycle import period_create_next
from ascweb.models import FinancialYear, Period


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: test databases are rolled back, and ids (which
    the page cache's stamp is made of) can come round again in the next test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db) -> FinancialYear:
    """The whole Norfolk demo data set, as `load_demo` loads it (every registered part)."""
    load_demo()
    return FinancialYear.objects.get(code="2017-18")


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def lead_client(demo) -> Client:
    return _client("lead")


@pytest.fixture
def officer_client(demo) -> Client:
    return _client("officer")


@pytest.fixture
def other_officer_client(demo) -> Client:
    return _client("officer2")


@pytest.fixture
def member_client(demo) -> Client:
    return _client("member")


@pytest.fixture
def open_period(demo) -> Period:
    """Period 11, started by the lead from Period 10's figures and open to officers."""
    return period_create_next(user=User.objects.get(username="lead"), year=demo, number=11)


PERSONAS = ("anonymous", "member", "officer", "other_officer", "lead")


@pytest.fixture
def persona_clients(request, open_period) -> dict[str, Client]:
    """A signed-in client per persona (and an anonymous one), with Period 11 open."""
    clients = {"anonymous": Client()}
    for persona in PERSONAS[1:]:
        clients[persona] = request.getfixturevalue(f"{persona}_client")
    return clients
