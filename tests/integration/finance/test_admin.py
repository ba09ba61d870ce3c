"""An administrator assigns officers to expenditure areas in the admin (the officers' forms
follow the assignment at once)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from finance.models import AreaAssignment, ReportingLine
from tests.factories.ascweb import persona


@pytest.fixture
def admin_client(db) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("it", "it@example.gov.uk", "not-used"))
    return client


def test_an_administrator_assigns_an_officer_to_an_area(admin_client):
    officer = persona("officer")
    area = ReportingLine.objects.create(code="A", name="Area A", kind=ReportingLine.Kind.AREA)
    line = ReportingLine.objects.create(code="A1", name="Line", kind=ReportingLine.Kind.LINE, parent=area)
    form = admin_client.get("/admin/finance/areaassignment/add/").content.decode()
    assert f'<option value="{area.id}">Area A</option>' in form
    assert f'value="{line.id}"' not in form  # only expenditure areas are offered
    response = admin_client.post("/admin/finance/areaassignment/add/", {"user": officer.id, "area": area.id})
    assert response.status_code == 302
    assert AreaAssignment.objects.get().user == officer
    listing = admin_client.get("/admin/finance/areaassignment/?q=officer").content.decode()
    assert "Area A" in listing


def test_a_line_cannot_be_assigned(admin_client):
    officer = persona("officer")
    area = ReportingLine.objects.create(code="A", name="Area A", kind=ReportingLine.Kind.AREA)
    line = ReportingLine.objects.create(code="A1", name="Line", kind=ReportingLine.Kind.LINE, parent=area)
    response = admin_client.post("/admin/finance/areaassignment/add/", {"user": officer.id, "area": line.id})
    assert response.status_code == 200 and not AreaAssignment.objects.exists()
