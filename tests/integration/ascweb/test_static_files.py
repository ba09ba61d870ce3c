"""Every static file a page loads has a hashed name and is cached for a year: collected with the
production storage (ascweb.storage) into a temporary folder and served by whitenoise, as in
production. GOV.UK Frontend, imported by app.js, included (it was served under its fixed name
with a 60-second cache)."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client, override_settings

from ascweb import settings as production_settings  # tests.settings serves files unhashed

HASHED = re.compile(r"\.[0-9a-f]{12}\.(js|css|woff2?|png|svg|ico)$")
ASSETS = re.compile(r'\b(?:src|href|data-plotly)="(/static/[^"]+)"')  # scripts, styles, plotly.js
IMPORTS = re.compile(r'^import\b[^;]*?\bfrom\s*"([^"]+)"', re.M)  # a module's own imports
CSS_URLS = re.compile(r"url\((?!['\"]?data:)['\"]?([^'\")]+)")


def _production(root):
    storages = {**settings.STORAGES, "staticfiles": production_settings.STORAGES["staticfiles"]}
    return override_settings(
        STORAGES=storages,
        STATIC_ROOT=root,
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
        # compressing plotly.js takes a minute and has nothing to do with the names
        WHITENOISE_SKIP_COMPRESS_EXTENSIONS=[
            "js",
            "css",
            "map",
            "mjs",
            "svg",
            "woff",
            "woff2",
            "png",
            "ico",
            "scss",
            "json",
            "txt",
            "md",
            "html",
            "njk",
            "py",
        ],
    )


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    with _production(root):
        call_command("collectstatic", "--noinput", verbosity=0)
    return root


def _served(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert HASHED.search(url), url
    assert "max-age=315360000" in response["Cache-Control"] and "immutable" in response["Cache-Control"], url
    return b"".join(response.streaming_content).decode()


def test_every_file_the_dashboard_loads_is_hashed_and_cached_for_a_year(collected, demo):
    with _production(collected):
        client = Client()  # made here, so that its whitenoise serves the collected folder
        client.force_login(User.objects.get(username="member"))
        page = client.get("/periods/2017-18/10/dashboard/").content.decode()
        assets = ASSETS.findall(page)
        assert {"js/app", "js/charts", "plotly/plotly-basic", "build/app"} <= {a[8:].split(".")[0] for a in assets}
        loaded = []
        for url in assets:
            body = _served(client, url)
            base = url.rsplit("/", 1)[0]
            if url.endswith(".js"):
                loaded += [_resolve(base, target) for target in IMPORTS.findall(body)]
            if url.endswith(".css"):
                loaded += [_resolve(base, target) for target in CSS_URLS.findall(body) if not target.startswith("#")]
        assert any("govuk/govuk-frontend.min." in url for url in loaded), loaded
        for url in loaded:
            _served(client, url)


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target
    parts = base.split("/")
    for part in target.split("/"):
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)
