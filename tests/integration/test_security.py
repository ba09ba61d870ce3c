"""Security settings and headers, checked through the real stack."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_under_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ascweb.settings",
        "DEBUG": "false",
        "SECRET_KEY": "k7#Qz!v9Lr2@Wm4$Tn8^Yp1&Bx6*Hc3(Jd5)Gf0_Se-Ua+Vi=Ko~No",
        "ALLOWED_HOSTS": "finance.example.gov.uk",
        "SECURE_SSL_REDIRECT": "true",
        "SESSION_COOKIE_SECURE": "true",
        "CSRF_COOKIE_SECURE": "true",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' conftest for their own thread
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_bad_setting_fails_loudly():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ascweb.settings", "DEBUG": "perhaps"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'perhaps'" in result.stderr


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


def test_pages_carry_csp_frame_and_no_store_headers(officer_client):
    response = officer_client.get("/periods/2030-31/10/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"] == "no-store, private"  # drafts must not linger in a browser cache
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_page_has_an_inline_script(lead_client, open_period):
    for url in [
        "/periods/2030-31/11/",
        "/periods/2030-31/11/appendix-a/",
        "/periods/2030-31/11/areas/A/edit/",
        "/imports/period/",
        "/fidelity/",
        "/periods/2030-31/11/audit/",
        "/accounts/login/",
    ]:
        page = lead_client.get(url).content.decode()
        for tag in page.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or 'type="application/json"' in opening, (url, opening)


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_account(demo):
    client = Client()
    for _ in range(4):
        response = client.post("/accounts/login/", {"username": "member", "password": "wrong-password"})
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.content.decode()
    fifth = client.post("/accounts/login/", {"username": "member", "password": "wrong-password"})
    assert fifth.status_code == 429
    locked = client.post("/accounts/login/", {"username": "member", "password": "member-demo-2017"})
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()


def test_the_session_expires(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_the_server_will_not_start_without_a_secret_key_but_commands_run():
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env["DJANGO_SETTINGS_MODULE"] = "ascweb.settings"
    server = subprocess.run(  # noqa: S603 - our own wsgi module
        [sys.executable, "-c", "import ascweb.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert server.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in server.stderr
    command = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert command.returncode == 0, command.stdout + command.stderr
    assert "No changes detected" in command.stdout
