"""Officers edit only the savings workstreams and statements assigned to them (issue 17,
finding 8), refused on the server whatever a page showed; a lead edits everything; the
assignments are kept in the admin and the demo users get theirs from users.toml."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client

from ascweb.demo import demo_users
from ascweb.lifecycle import period_create_next
from ibcf.models import UpdatesAssignment
from ibcf.services import scheme_update_save
from reserves.models import StatementAssignment
from reserves.services import capital_forecast_update, reserve_usage_update
from savings.models import Workstream, WorkstreamAssignment
from savings.services import savings_forecast_update

SAVES = {
    "reserves": reserve_usage_update,
    "capital": capital_forecast_update,
    "ibcf": scheme_update_save,
}


@pytest.fixture
def period_11(small_council):
    return period_create_next(user=small_council.lead, year=small_council.year, number=11)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "allowed"), [("reserves", "officer"), ("capital", "officer2"), ("ibcf", "officer")])
def test_the_services_refuse_an_unassigned_officer(period_11, name, allowed):
    refused = "officer2" if allowed == "officer" else "officer"
    with pytest.raises(PermissionDenied):
        SAVES[name](user=User.objects.get(username=refused), period=period_11, entries=[])
    for username in (allowed, "lead"):
        assert SAVES[name](user=User.objects.get(username=username), period=period_11, entries=[]) == 0


@pytest.mark.django_db
def test_the_savings_service_refuses_an_unassigned_officer(period_11):
    workstream = Workstream.objects.get(code="WS")
    with pytest.raises(PermissionDenied):
        savings_forecast_update(
            user=User.objects.get(username="officer2"), period=period_11, workstream=workstream, entries=[]
        )
    assert (
        savings_forecast_update(
            user=User.objects.get(username="officer"), period=period_11, workstream=workstream, entries=[]
        )
        == 0
    )


@pytest.mark.django_db
def test_assigning_in_the_admin_opens_the_form(period_11, admin_client):
    officer2 = Client()
    officer2.force_login(User.objects.get(username="officer2"))
    url = "/periods/2030-31/11/reserves/edit/"
    assert officer2.get(url).status_code == 403
    for page in ("reserves/statementassignment", "savings/workstreamassignment", "ibcf/updatesassignment"):
        assert admin_client.get(f"/admin/{page}/").status_code == 200
        assert admin_client.get(f"/admin/{page}/add/").status_code == 200
    added = admin_client.post(
        "/admin/reserves/statementassignment/add/",
        {"user": User.objects.get(username="officer2").pk, "statement": "reserves"},
    )
    assert added.status_code == 302
    assert officer2.get(url).status_code == 200
    # and taking it away closes it again
    StatementAssignment.objects.filter(user__username="officer2", statement="reserves").delete()
    assert officer2.get(url).status_code == 403


def test_the_demo_officers_are_assigned_what_they_edit(demo):
    for user in demo_users():
        assigned = {
            *(
                f"workstream:{code}"
                for code in WorkstreamAssignment.objects.filter(user__username=user.username).values_list(
                    "workstream__code", flat=True
                )
            ),
            *StatementAssignment.objects.filter(user__username=user.username).values_list("statement", flat=True),
            *(["ibcf"] if UpdatesAssignment.objects.filter(user__username=user.username).exists() else []),
        }
        assert assigned == set(user.assigned), user.username
    assert {"workstream:EHP", "reserves", "capital", "ibcf"} <= set(
        next(u for u in demo_users() if u.username == "officer").assigned
    )


@pytest.mark.django_db
def test_an_unknown_assignment_is_refused_by_its_app(small_council):
    from ascweb.registry import registry

    with pytest.raises(LookupError, match="no savings workstream 'NOPE'"):
        registry.assignables["workstream"].assign(small_council.lead, "NOPE")
    with pytest.raises(LookupError):
        registry.assignables["reserves"].assign(small_council.lead, "X")
