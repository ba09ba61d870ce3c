"""scripts/smoke-production.sh's client: run with the production venv's Python in the image's
folder, against gunicorn and the queue worker. It waits for the worker to have built Period 10's
appendix pack (queued when load_demo published it), signs in as the demo member through the
login form as a TLS proxy passes requests on (X-Forwarded-Proto: https; HTTPS settings on),
downloads the pack, and checks it is the one the worker kept, a whole PDF (its text and
charts are checked by the script, with pdftotext).

    python smoke_client.py http://127.0.0.1:PORT OUTPUT.pdf
"""

import http.client
import io
import os
import re
import sys
import time
import tomllib
import urllib.parse
from pathlib import Path

import pikepdf

PACK = "/periods/2017-18/10/pack.pdf"
DASHBOARD = "/periods/2017-18/10/dashboard/"
# templates/pack/_chart.html: a chart drawn by Chromium is a figure with this text (else a note)
CHART_ALT = "a chart of the figures in the table beneath it."
CHARTS = 3  # the Norfolk Period 10 pack prints the dashboard's charts: at least these


class Browser:
    """Plain HTTP to gunicorn with the proxy's header; cookies kept by hand (they are Secure,
    which http.cookiejar would not send over plain HTTP, as the proxy does)."""

    def __init__(self, base: str) -> None:
        self.base = urllib.parse.urlsplit(base)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None, *, proxied: bool = True):
        connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=120)
        headers = {"Host": self.base.netloc}
        if proxied:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://{self.base.netloc}{path}"
        connection.request(method, path, data, headers)
        response = connection.getresponse()
        content = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response, content


def check(condition: bool, message: object) -> None:
    if not condition:
        sys.exit(f"smoke: {message}")


def wait_for_server(browser: Browser) -> None:
    for _ in range(120):
        try:
            response, _ = browser.request("GET", "/healthz")
            if response.status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("smoke: gunicorn did not answer")


def stored_pack() -> bytes:
    """Period 10's pack as the queue worker kept it, waited for."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ascweb.settings")
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    from django_tasks_db.models import DBTaskResult

    from ascweb.models import PublishedPack

    for _ in range(360):
        pack = PublishedPack.objects.filter(period__year__code="2017-18", period__number=10).first()
        if pack is not None:
            return bytes(pack.content)
        failed = DBTaskResult.objects.filter(status="FAILED").values_list("exception_class_path", "traceback")
        if failed:
            sys.exit(f"smoke: a queued job failed: {list(failed)}")
        time.sleep(0.5)
    sys.exit("smoke: the worker did not build Period 10's pack")


def main(base: str, output: str) -> None:
    browser = Browser(base)
    wait_for_server(browser)
    response, _ = browser.request("GET", "/accounts/login/", proxied=False)
    check(response.status == 301 and response.getheader("Location", "").startswith("https://"), response.status)
    response, page = browser.request("GET", "/accounts/login/")
    check(response.status == 200, response.status)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    users = tomllib.loads(Path("data/norfolk/users.toml").read_text())
    member = next(user for user in users["user"] if user["username"] == "member")
    form = {"csrfmiddlewaretoken": token, "username": "member", "password": member["password"]}
    response, _ = browser.request("POST", "/accounts/login/", form)
    check(response.status == 302 and "sessionid" in browser.cookies, (response.status, browser.cookies.keys()))

    # the dashboard's charts: plotly.js's partial bundle, from the image's node_modules, hashed
    response, page = browser.request("GET", DASHBOARD)
    check(response.status == 200, response.status)
    bundle = re.search(rb'data-plotly="([^"]+)"', page).group(1).decode()
    response, script = browser.request("GET", bundle)
    check(response.status == 200 and b"plotly" in script[:2000].lower(), (bundle, response.status))

    kept = stored_pack()
    response, content = browser.request("GET", PACK)
    check(response.status == 200 and response.getheader("Content-Type") == "application/pdf", response.status)
    check(content == kept, "the download is not the pack the worker kept at publication")
    Path(output).write_bytes(content)

    with pikepdf.open(io.BytesIO(content)) as pdf:
        pages = len(pdf.pages)
        check(pages >= 5 and str(pdf.Root.Lang) == "en-GB", f"{pages} pages")
        charts = [alt for alt in figures(pdf.Root.StructTreeRoot) if alt.endswith(CHART_ALT)]
        check(len(charts) >= CHARTS, f"{len(charts)} charts drawn: {charts}")
    print(f"smoke: the member's pack: {len(content)} bytes, {pages} pages, {len(charts)} charts")


def figures(element):
    """The alternative text of every /Figure in the structure tree (a drawn chart is one)."""
    kids = element.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            if kid.S == "/Figure" and "/Alt" in kid:
                yield str(kid.Alt)
            yield from figures(kid)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
