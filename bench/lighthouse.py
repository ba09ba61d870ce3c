"""Lighthouse (npm, pinned in package.json) on Debian's Chromium, mobile and desktop, on the
member dashboard and a few member pages, served as in production: DEBUG off, static files
collected with hashed names and compressed (whitenoise), gunicorn, the Norfolk demo data in a
throwaway SQLite database. A member's session cookie is sent with every request. One run;
the figures replace the "Lighthouse" section of bench/RESULTS.md. Usage: bench/lighthouse

Targets (issue 16): dashboard mobile performance 95 or more, total blocking time under 200 ms,
JavaScript under 400 KiB compressed; accessibility 100 on every page measured.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PORT = int(os.environ.get("ASCWEB_LIGHTHOUSE_PORT", "58080"))
BASE = f"http://127.0.0.1:{PORT}"
P10 = "/periods/2017-18/10"
PAGES = {
    "Dashboard": f"{P10}/dashboard/",
    # opened at a chart (a contents link): plotly.js is loaded and draws while it is measured
    "Dashboard at its first chart (#areas)": f"{P10}/dashboard/#areas",
    "Summary (table 2.1)": f"{P10}/",
    "Appendix A": f"{P10}/appendix-a/",
    "Services to Users (area)": f"{P10}/areas/STU/",
    "Savings": f"{P10}/savings/",
    "iBCF": f"{P10}/ibcf/",
    "Reserves and provisions": f"{P10}/reserves/",
}
FORMS = {"mobile": [], "desktop": ["--preset=desktop"]}
TARGETS = "dashboard mobile performance ≥ 95, total blocking time < 200 ms, JavaScript < 400 KiB compressed; accessibility 100 on every page"  # noqa: E501


def _environment(database: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ascweb.settings",
        "DEBUG": "0",
        "SECRET_KEY": "lighthouse-bench-only",
        "DATABASE_URL": f"sqlite:///{database}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "CHROME_PATH": CHROMIUM,
    }


def _manage(env: dict, *args: str) -> None:
    command = [sys.executable, "manage.py", *args]  # our own fixed commands
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def _wait_for_server() -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=1)  # noqa: S310 - our own http:// URL
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def _member_cookie() -> str:
    """Sign in as the demo member in Chromium and return the cookies as a header."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(f"{BASE}/accounts/login/")
        page.get_by_label("Username").fill("member")
        page.get_by_label("Password").fill("member-demo-2017")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        cookies = page.context.cookies()
        browser.close()
    return "; ".join(f"{c['name']}={c['value']}" for c in cookies)


def _lighthouse(url: str, form: str, cookie: str, out: Path, env: dict) -> dict:
    report = out / f"{form}-{url.strip('/').replace('/', '_').replace('#', '_') or 'root'}.json"
    subprocess.run(  # noqa: S603 - the pinned Lighthouse on our own pages
        [
            str(LIGHTHOUSE),
            f"{BASE}{url}",
            *FORMS[form],
            "--only-categories=performance,accessibility",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
            f"--extra-headers={json.dumps({'Cookie': cookie})}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        env=env,
        check=True,
    )
    return json.loads(report.read_text())


def _measured(url: str, form: str, cookie: str, out: Path, env: dict) -> dict:
    """Lighthouse sometimes loses a trace on a busy machine (NO_NAVSTART): such a page is run once
    more; a second failure stops the run."""
    try:
        return _lighthouse(url, form, cookie, out, env)
    except subprocess.CalledProcessError:
        return _lighthouse(url, form, cookie, out, env)


def _figures(result: dict) -> dict:
    audits = result["audits"]
    scripts = [i for i in audits["resource-summary"]["details"]["items"] if i["resourceType"] == "script"]
    return {
        "performance": round(result["categories"]["performance"]["score"] * 100),
        "accessibility": round(result["categories"]["accessibility"]["score"] * 100),
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "js": scripts[0]["transferSize"] / 1024 if scripts else 0.0,
        "total": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def _section(rows: list[tuple[str, str, dict]], version: str, chromium: str) -> str:
    lines = [
        "## Lighthouse",
        "",
        f"Written by `bench/lighthouse` (Lighthouse {version}, {chromium}; one run, each page once per form "
        "factor; production settings, hashed and compressed static files, gunicorn, a signed-in member). "
        f"Targets: {TARGETS}. JavaScript and total are the bytes transferred (compressed). plotly.js "
        "loads only when a chart comes into view: the dashboard as it opens shows its glance and contents, "
        "so no chart is in view; opened at its first chart, plotly.js's basic bundle is loaded, evaluated "
        "and draws while measured (its evaluation is most of that row's blocking time).",
        "",
        "| page | form | performance | accessibility | total blocking time ms | largest contentful paint ms "
        "| JavaScript KiB | total KiB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for page, form, f in rows:
        lines.append(
            f"| {page} | {form} | {f['performance']} | {f['accessibility']} | {f['tbt']:.0f} | {f['lcp']:.0f} "
            f"| {f['js']:.1f} | {f['total']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def _write(section: str) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    start = text.find("## Lighthouse")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text)


def main(only: tuple[str, ...] = ()) -> None:
    work = Path(tempfile.mkdtemp(prefix="ascweb-lighthouse-"))
    env = _environment(work / "db.sqlite3")
    _manage(env, "collectstatic", "--noinput", "--clear")
    _manage(env, "migrate", "--noinput")
    _manage(env, "createcachetable")  # the shared cache, as the image makes it on start
    _manage(env, "load_demo")
    server = subprocess.Popen(  # noqa: S603 - gunicorn from the project's virtualenv
        [sys.executable, "-m", "gunicorn", "ascweb.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_server()
        cookie = _member_cookie()
        rows = []
        for form in FORMS:
            for page, url in (PAGES if not only else {k: v for k, v in PAGES.items() if k in only}).items():
                result = _measured(url, form, cookie, work, env)
                if "/accounts/login" in result["finalDisplayedUrl"]:
                    raise SystemExit(f"{url} was measured signed out")
                rows.append((page, form, _figures(result)))
                print(page, form, rows[-1][2], flush=True)
        version = result["lighthouseVersion"]
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()  # noqa: S603
        if not only:  # a trial of a few pages is printed, never written
            _write(_section(rows, version, chromium))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(tuple(sys.argv[1:]))
