"""A published period is a frozen snapshot: later changes to the structure leave it as published."""

import io

from django.contrib.auth.models import User
from django.core.management import call_command

from ascweb.lifecycle import period_transition
from finance.models import ReportingLine
from tests.factories.ascweb import publish_acknowledging


def _restructure():
    older = ReportingLine.objects.get(code="STU-OP")
    older.name = "Older Adults"
    older.parent = ReportingLine.objects.get(code="STU-COST")  # out of Purchase of Care
    older.save()
    area = ReportingLine.objects.get(code="STU")
    area.name = "Adult Services"
    area.save()


def _appendix(period: int) -> dict[str, str]:
    out = io.StringIO()
    call_command("export_table", year="2017-18", period=period, table="appendix-a", stdout=out)
    return {line.split(",")[0]: line for line in out.getvalue().splitlines()}


def test_renaming_and_moving_lines_leaves_published_reports_as_published(member_client, lead_client, open_period):
    before = member_client.get("/periods/2017-18/10/appendix-a/").content.decode()
    _restructure()
    after = member_client.get("/periods/2017-18/10/appendix-a/").content.decode()
    assert "Older People" in after and "Older Adults" not in after
    assert after.count("Total Purchase of Care") == before.count("Total Purchase of Care")
    assert _appendix(10)["Total Purchase of Care"].startswith("Total Purchase of Care,246.982,253.334")
    area_page = member_client.get("/periods/2017-18/10/areas/STU/").content.decode()
    assert '<h1 class="govuk-heading-l">Services to Users</h1>' in area_page
    # the open period follows the live structure
    assert "Older Adults" in lead_client.get("/periods/2017-18/11/appendix-a/").content.decode()
    assert _appendix(11)["Total Purchase of Care"].startswith("Total Purchase of Care,135.884,138.340")


def test_publishing_freezes_and_reopening_thaws(open_period):
    lead = User.objects.get(username="lead")
    period_transition(user=lead, period=open_period, action="submit")
    publish_acknowledging(open_period, lead)  # each check left acknowledged, recorded
    _restructure()
    assert "Older People" in _appendix(11)
    period_transition(user=lead, period=open_period, action="reopen", reason="Restructure agreed")
    assert "Older Adults" in _appendix(11) and "Older People" not in _appendix(11)
