"""Optional OpenID Connect sign-on: off unless configured; on, new people get no role."""

import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client, override_settings

from ascweb.oidc import CouncilOIDCBackend, council_username

ROOT = Path(__file__).resolve().parents[2]
OIDC_ENV = {
    "OIDC_RP_CLIENT_ID": "ascweb",
    "OIDC_RP_CLIENT_SECRET": "not-a-secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example.gov.uk/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example.gov.uk/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example.gov.uk/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example.gov.uk/jwks",
}


def _django(code: str, extra: dict) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter with these settings (settings are read once, at start)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", **extra}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    program = f"import django; django.setup(); {code}"
    return subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_configured_sign_on_adds_the_backend_and_its_pages():
    code = (
        "from django.urls import reverse; from django.conf import settings; "
        "print(reverse('oidc_authentication_init'), settings.AUTHENTICATION_BACKENDS[-1])"
    )
    result = _django(code, OIDC_ENV)
    assert result.returncode == 0, result.stderr
    assert "/oidc/authenticate/ ascweb.oidc.CouncilOIDCBackend" in result.stdout


def test_a_half_configured_sign_on_fails_loudly():
    result = _django("print(1)", {**OIDC_ENV, "OIDC_OP_TOKEN_ENDPOINT": ""})
    assert result.returncode != 0
    assert "OIDC_OP_TOKEN_ENDPOINT must be set" in result.stderr


def test_without_configuration_only_local_accounts(db):
    page = Client().get("/accounts/login/").content.decode()
    assert "Sign in with your council account</a>" not in page
    assert Client().get("/oidc/authenticate/").status_code == 404


def test_usernames_are_the_council_email_address():
    assert council_username("Jo.Bloggs@Norfolk.gov.uk", {}) == "jo.bloggs@norfolk.gov.uk"
    assert council_username(None, {"preferred_username": "JBloggs", "sub": "x"}) == "jbloggs"


@override_settings(**OIDC_ENV, OIDC_RP_SIGN_ALGO="RS256", OIDC_USERNAME_ALGO="ascweb.oidc.council_username")
def test_a_new_person_gets_an_account_with_no_role(db):
    user = CouncilOIDCBackend().create_user(
        {"email": "jo.bloggs@norfolk.gov.uk", "given_name": "Jo", "family_name": "Bloggs", "sub": "1"}
    )
    assert (user.username, user.first_name, user.last_name) == ("jo.bloggs@norfolk.gov.uk", "Jo", "Bloggs")
    assert not user.groups.exists()
    client = Client()
    client.force_login(user)
    response = client.get("/", follow=True)
    assert "Your account has no role yet" in response.content.decode()


CLAIMS = {"email": "Lead@Norfolk.gov.uk", "given_name": "Jo", "family_name": "Bloggs", "sub": "1"}


@override_settings(**OIDC_ENV, OIDC_RP_SIGN_ALGO="RS256", OIDC_USERNAME_ALGO="ascweb.oidc.council_username")
def test_by_default_sign_on_never_takes_over_an_account_by_its_email_address(db, settings):
    assert not getattr(settings, "OIDC_MATCH_BY_EMAIL", False)
    lead = User.objects.create_user("lead", email="lead@norfolk.gov.uk", password="the-leads-own-password")
    backend = CouncilOIDCBackend()
    assert not backend.filter_users_by_claims(CLAIMS).exists()
    made = backend.create_user(CLAIMS)
    assert made != lead and not made.has_usable_password()
    assert list(backend.filter_users_by_claims(CLAIMS)) == [made]  # the next sign-in finds it again
    # an account with a password of its own, named like the address, is not signed into either
    made.set_password("a-local-password-too")
    made.save()
    assert not backend.filter_users_by_claims(CLAIMS).exists()


@override_settings(
    **OIDC_ENV,
    OIDC_RP_SIGN_ALGO="RS256",
    OIDC_USERNAME_ALGO="ascweb.oidc.council_username",
    OIDC_MATCH_BY_EMAIL=True,
)
def test_email_matching_when_switched_on(db):
    lead = User.objects.create_user("lead", email="lead@norfolk.gov.uk", password="the-leads-own-password")
    assert list(CouncilOIDCBackend().filter_users_by_claims(CLAIMS)) == [lead]


def test_email_matching_is_off_unless_set():
    code = "from django.conf import settings; print(settings.OIDC_MATCH_BY_EMAIL)"
    assert _django(code, OIDC_ENV).stdout.strip() == "False"
    assert _django(code, {**OIDC_ENV, "OIDC_MATCH_BY_EMAIL": "true"}).stdout.strip() == "True"
