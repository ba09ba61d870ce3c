"""Every page of the app, for every role, is valid HTML by the Nu HTML checker (vnu-jar from
npm, package.json): each page is rendered through the test client as that role sees it
(Period 10 published, Period 11 open), written to a file, and all are checked in one Java run.

Every named URL of the project must be listed here (as a page, or as not a page with why), so
a new page cannot escape the check."""

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ascweb.models import BackgroundImport
from ascweb.registry import registry
from finance.models import ReportingLine
from performance.models import Indicator
from planning.models import PlanningRound
from planning.views import FIGURES, ITEMS
from savings.models import Workstream

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ROLES = ("anonymous", "member", "officer", "other_officer", "lead")
YEAR = "2017-18"

# Named URLs that are not HTML pages (downloads, redirects, actions) or are not ours (admin).
NOT_PAGES = {
    "healthz": "plain text for the load balancer",
    "readyz": "plain text for the load balancer",
    "planning-publish": "a POST that publishes a planning round",
    "logout": "a POST that redirects",
    "table-csv": "a CSV download",
    "table-xlsx": "an Excel download",
    "pack-pdf": "a PDF download",
    "period-action": "a POST that changes a period's status",
    "dashboard-latest": "redirects to the latest period's dashboard",
    "import-template": "a spreadsheet download",
    "oidc_authentication_init": "redirects to the identity provider",
    "oidc_authentication_callback": "the identity provider's return",
}


def _named_urls() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":
                    walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and not namespace:
                names.add(pattern.name)

    walk(get_resolver().url_patterns)
    return names


def _jobs() -> list[BackgroundImport]:
    """A queued import and one that finished with problems: the job page's two states."""
    queued = BackgroundImport.objects.create(kind="savings", filename="savings.csv", content=b"")
    problems = {"problems": [[2, "code", "No such saving"]]}
    done = BackgroundImport.objects.create(
        kind="savings", filename="savings.csv", content=b"", state=BackgroundImport.State.DONE, report=problems
    )
    return [queued, done]


def _pages() -> dict[str, list[str]]:
    """Every page by URL name: its addresses, for the published and the open period."""
    periods = [(YEAR, 10), (YEAR, 11)]
    areas = ReportingLine.objects.filter(kind=ReportingLine.Kind.AREA).values_list("code", flat=True)
    line = ReportingLine.objects.filter(kind=ReportingLine.Kind.LINE).values_list("code", flat=True).first()
    workstreams = Workstream.objects.values_list("code", flat=True)
    indicators = Indicator.objects.values_list("code", flat=True)
    rounds = list(PlanningRound.objects.order_by("pk").values_list("pk", flat=True))
    per_period = [
        "period",
        "dashboard",
        "appendix-a",
        "period-audit",
        "ibcf",
        "ibcf-edit",
        "savings",
        "savings-programme",
        "savings-projects",
        "reserves",
        "reserves-edit",
        "capital",
        "capital-edit",
        "workspace",
        "timetable",
        "pack",
        "performance",
        "planning-period",
    ]
    pages = {name: [reverse(name, args=period) for period in periods] for name in per_period}
    pages |= {
        "home": [reverse("home")],
        "login": [reverse("login")],
        "accessibility": [reverse("accessibility")],
        "periods": [reverse("periods")],
        "period-create": [reverse("period-create")],
        "fidelity": [reverse("fidelity")],
        "imports": [reverse("imports")],
        "import-upload": [reverse("import-upload", args=[kind]) for kind in registry.import_kinds],
        "net-expenditure-upload": [reverse("net-expenditure-upload")],
        "budget-profile": [reverse("budget-profile", args=[YEAR])],
        "line-history": [reverse("line-history", args=[line])],
        "area": [reverse("area", args=[*period, code]) for period in periods for code in areas],
        "area-edit": [reverse("area-edit", args=[YEAR, 11, code]) for code in areas],
        "savings-edit": [reverse("savings-edit", args=[YEAR, 11, code]) for code in workstreams],
        "import-job": [reverse("import-job", args=[job.pk]) for job in _jobs()],
        "performance-edit": [reverse("performance-edit", args=[YEAR, 11, code]) for code in indicators],
        "performance-commentary": [reverse("performance-commentary", args=[YEAR, 11, code]) for code in indicators],
        "planning": [reverse("planning")],
        "planning-new": [reverse("planning-new")],
        "planning-round": [reverse("planning-round", args=[pk]) for pk in rounds],
        "planning-edit": [reverse("planning-edit", args=[pk]) for pk in rounds],
        "planning-changes": [reverse("planning-changes", args=[pk]) for pk in rounds],
        "planning-figures": [reverse("planning-figures", args=[rounds[-1], what]) for what in [*FIGURES, *ITEMS]],
    }
    return pages


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML checker needs Java, which is not installed")
def test_every_page_for_every_role_is_valid_html(persona_clients, tmp_path):
    assert VNU.exists(), "vnu-jar is not installed: run npm install (package.json devDependencies)"
    pages = _pages()
    unlisted = _named_urls() - set(pages) - set(NOT_PAGES)
    assert not unlisted, f"pages the HTML check does not know: {sorted(unlisted)}"
    written: dict[str, str] = {}  # file -> where it came from
    for role in ROLES:
        client = persona_clients[role]
        for url in (url for urls in pages.values() for url in urls):
            response = client.get(url)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            body = response.content
            name = hashlib.sha256(body).hexdigest()[:16] + ".html"
            if name not in written:
                (tmp_path / name).write_bytes(body)
                written[name] = f"{role} {url}"
    assert len(written) > 60  # every role saw its pages
    result = subprocess.run(  # noqa: S603 - the pinned checker from node_modules on our own files
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", str(tmp_path)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    report = json.loads(result.stderr or result.stdout)
    assert report["version"].startswith("26.9.27"), report["version"]  # the checker package.json pins
    messages = report["messages"]
    errors = [
        f"{written.get(Path(m.get('url', '')).name, m.get('url'))}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors[:40])
