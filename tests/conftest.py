"""Shared fixtures. The personas, and what each may see:

- anonymous: the sign-in page and the accessibility statement; everything else redirects.
- member ("member", Committee member): published periods only; no workspace, no entry forms
  (403), unpublished periods do not exist for them (404).
- officer ("officer", Finance officer): edits Services to Users and Early Help & Prevention
  (in the small council: area A) while a period is open; sees every period, draft or published.
  Assigned (data/norfolk/users.toml) the EHP, OYA and COM savings workstreams, reserves,
  capital and the iBCF updates; in the small council its workstream WS, the reserves and the
  iBCF updates.
- other_officer ("officer2", Finance officer): edits Commissioned Services, Business
  Development and Management, Finance & HR (area B); Services to Users' (A's) form is a 404
  for them. Assigned the COM and BAU workstreams, reserves, capital and the iBCF updates; in
  the small council only the capital programme (the rest is a 403 for them).
- lead ("lead", Finance lead): everything; starts, submits, publishes and re-opens periods;
  reads fidelity notes.

The personas sign in to Norfolk's data (`demo`) unless a module asks for the small council
(`small_council`, tests/factories/council.py; see `reporting_year`). Norfolk is for the tests
that check its reproduction or its figures: it is loaded once and shared by the tests that ask
for it, one after another (see `_SharedNorfolk`); every other test starts from an empty database.
"""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client

from ascweb.demo import load_demo
from ascweb.lifecycle import period_create_next
from ascweb.models import FinancialYear, Period
from tests.factories.council import SmallCouncil
from tests.factories.council import small_council as build_small_council

# pytest-django's own list of what makes a test transactional (it flushes the database after).
_TRANSACTIONAL = {"transactional_db", "live_server", "django_db_reset_sequences"}


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and bool(marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    return marked or bool(_TRANSACTIONAL & set(item.fixturenames))


def _shares_norfolk(item) -> bool:
    return "demo" in item.fixturenames and not _is_transactional(item)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """pytest-django has put the tests in its order (database tests, transactional tests, the
    rest); within the database tests, those that share Norfolk go last, together, so it is
    loaded once rather than once for each run of them."""
    first_other = next((i for i, item in enumerate(items) if _is_transactional(item)), len(items))
    database = items[:first_other]
    database.sort(key=_shares_norfolk)  # stable: each kind keeps its order
    items[:first_other] = database


class _SharedNorfolk:
    """Norfolk loaded into a transaction that stays open while consecutive tests use it: each
    test runs inside it in its own savepoint (pytest-django's `db`, as for any test), rolled
    back after the test, so every test sees Norfolk exactly as loaded. A test that does not
    ask for Norfolk rolls the whole load back first, and so starts from an empty database.

    Only for tests in a transaction (`db`): a transactional test (live server, or
    `django_db(transaction=True)`) commits, so Norfolk is rolled back before it and it loads
    its own (`demo` does so). Whether the shared transaction is still the only one open is
    checked before every test, so a test that ended it (a commit, a closed connection) fails
    the next one loudly rather than leaving Norfolk in the database for the tests after it."""

    def __init__(self, blocker) -> None:
        self._blocker = blocker
        self._atomic = None

    @property
    def loaded(self) -> bool:
        return self._atomic is not None

    def load(self) -> None:
        with self._blocker.unblock():
            self._check()
            if self._atomic is None:
                self._atomic = transaction.atomic()
                self._atomic.__enter__()
                load_demo()

    def unload(self) -> None:
        with self._blocker.unblock():
            self._check()
            if self._atomic is not None:
                transaction.set_rollback(True)
                self._atomic.__exit__(None, None, None)
                self._atomic = None

    def _check(self) -> None:
        blocks = connection.atomic_blocks  # the open atomic blocks, outermost first
        expected = [self._atomic] if self._atomic is not None else []
        if blocks != expected:
            self._atomic = None
            raise RuntimeError(
                "The transaction Norfolk is shared in is not the only one open: "
                f"{len(blocks)} open where {len(expected)} was expected (did the test before this one "
                "commit, close the connection, or leave a transaction open?)"
            )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with the database cache's table as production has it
    (`createcachetable`, run by `make run` and the image's start): the tests' own cache is
    in memory (tests/settings.py), the database cache is tested against this table."""
    with django_db_blocker.unblock():
        call_command("createcachetable", "ascweb_cache", verbosity=0)


@pytest.fixture(scope="session")
def _norfolk(django_db_setup, django_db_blocker):
    shared = _SharedNorfolk(django_db_blocker)
    yield shared
    shared.unload()


@pytest.fixture
def _norfolk_as_asked(request, _norfolk) -> None:
    if _shares_norfolk(request.node):
        _norfolk.load()
    else:
        _norfolk.unload()


@pytest.fixture
def _django_db_helper(_norfolk_as_asked, _django_db_helper):
    """pytest-django's per-test database set-up (behind `db`, `transactional_db` and the
    `django_db` mark), with Norfolk loaded or rolled back first: the test's own savepoint
    must open inside the shared load, never around it."""
    return _django_db_helper


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: test databases are rolled back, and ids (which
    the page cache's stamp is made of) can come round again in the next test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db, _norfolk) -> FinancialYear:
    """The whole Norfolk demo data set, as `load_demo` loads it (every registered part): the
    shared load (`_SharedNorfolk`), or one of its own for a transactional test or a test that
    asks for it only as it runs (`request.getfixturevalue`)."""
    if not _norfolk.loaded:
        load_demo()
    return FinancialYear.objects.get(code="2017-18")


@pytest.fixture
def small_council(db) -> SmallCouncil:
    """Some data, not Norfolk's (tests/factories/council.py): the personas, Periods 2 and 10."""
    return build_small_council()


@pytest.fixture
def reporting_year(demo) -> FinancialYear:
    """The year the personas below work in, Periods 2 and 10 published: Norfolk's 2017-18. A
    module that needs some data but not Norfolk's figures says so by overriding it:

        @pytest.fixture
        def reporting_year(small_council):
            return small_council.year
    """
    return demo


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def lead_client(reporting_year) -> Client:
    return _client("lead")


@pytest.fixture
def officer_client(reporting_year) -> Client:
    return _client("officer")


@pytest.fixture
def other_officer_client(reporting_year) -> Client:
    return _client("officer2")


@pytest.fixture
def member_client(reporting_year) -> Client:
    return _client("member")


@pytest.fixture
def open_period(reporting_year) -> Period:
    """Period 11, started by the lead from Period 10's figures and open to officers."""
    return period_create_next(user=User.objects.get(username="lead"), year=reporting_year, number=11)


PERSONAS = ("anonymous", "member", "officer", "other_officer", "lead")


@pytest.fixture
def persona_clients(request, open_period) -> dict[str, Client]:
    """A signed-in client per persona (and an anonymous one), with Period 11 open."""
    clients = {"anonymous": Client()}
    for persona in PERSONAS[1:]:
        clients[persona] = request.getfixturevalue(f"{persona}_client")
    return clients
