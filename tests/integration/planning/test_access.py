"""Who sees and changes planning rounds: members see published rounds only (a draft is a 404);
officers see drafts but change nothing; only a lead starts, enters, imports and publishes;
anonymous visitors are sent to sign in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ascweb.caching import data_stamp
from planning.models import PlanningRound


def _rounds():
    return {r.name: r.pk for r in PlanningRound.objects.all()}


PAGES = ["/planning/{published}/", "/planning/{published}/changes/", "/periods/2017-18/10/planning/"]
DRAFT_PAGES = ["/planning/{draft}/", "/planning/{draft}/changes/"]
LEAD_PAGES = [
    "/planning/new/",
    "/planning/{draft}/edit/",
    "/planning/{draft}/bridge/",
    "/planning/{draft}/assumptions/",
    "/planning/{draft}/allocation/",
]


def _urls(urls):
    ids = _rounds()
    return [url.format(published=ids["July 2017"], draft=ids["October 2017"]) for url in urls]


@pytest.mark.django_db
def test_every_role(demo, persona_clients):
    expected = {
        # pages of published rounds, drafts, the lead's forms, publishing a draft
        "anonymous": (302, 302, 302, 302),
        "member": (200, 404, 403, 403),
        "officer": (200, 200, 403, 403),
        "other_officer": (200, 200, 403, 403),
        "lead": (200, 200, 200, 302),
    }
    draft = _rounds()["October 2017"]
    for persona, (published, drafts, forms, publish) in expected.items():
        client = persona_clients[persona]
        assert {client.get(url).status_code for url in _urls(PAGES)} == {published}, persona
        assert {client.get(url).status_code for url in _urls(DRAFT_PAGES)} == {drafts}, persona
        assert {client.get(url).status_code for url in _urls(LEAD_PAGES)} == {forms}, persona
        if persona != "lead":
            before = data_stamp()
            assert client.post(f"/planning/{draft}/publish/").status_code == publish, persona
            assert client.post(f"/planning/{draft}/bridge/", {"agreed_gap__2018-19": "1"}).status_code == forms
            assert data_stamp() == before and not PlanningRound.objects.get(pk=draft).is_published
    index = persona_clients["member"].get("/planning/").content.decode()
    assert "July 2017" in index and "October 2017" not in index
    assert "October 2017" in persona_clients["officer"].get("/planning/").content.decode()


@pytest.mark.django_db
def test_the_lead_enters_a_round_in_forms(demo, lead_client, member_client):
    response = lead_client.post(
        "/planning/new/",
        {"name": "December 2017", "first_year": "2018-19", "share_rule": "net_budget", "illustrative": "All of it"},
    )
    assert response.status_code == 302
    round_ = PlanningRound.objects.get(name="December 2017")
    data = {f"{category}__{year}": "" for category in ("agreed_gap", "cost_pressures") for year in ("2018-19",)}
    data.update({"agreed_gap__2018-19": "10,000,000", "cost_pressures__2018-19": "2.5m"})
    response = lead_client.post(f"/planning/{round_.pk}/bridge/", data)
    assert response.status_code == 200 and "There is a problem" in response.content.decode()  # 2.5m is not an amount
    data["cost_pressures__2018-19"] = "2,500,000"
    assert lead_client.post(f"/planning/{round_.pk}/bridge/", data).status_code == 302
    page = lead_client.get(f"/planning/{round_.pk}/").content.decode()
    assert "12.500" in page and "Illustrative: All of it" in page
    assumptions = {
        f"{year}__{name}": value
        for year in ("2018-19", "2019-20", "2020-21", "2021-22")
        for name, value in (
            ("tax_yield", "357,000,000"),
            ("tax_increase", "1.99"),
            ("precept", "3"),
            ("base_growth", "1"),
        )
    }
    assert lead_client.post(f"/planning/{round_.pk}/assumptions/", assumptions).status_code == 302
    assert "1.99%" in lead_client.get(f"/planning/{round_.pk}/").content.decode()
    assert (
        lead_client.post(
            f"/planning/{round_.pk}/timetable/", {"date": "12/02/2018", "name": "Budget agreed"}
        ).status_code
        == 302
    )
    assert (
        lead_client.post(f"/planning/{round_.pk}/risks/", {"name": "Pay award", "amount": "3,000,000"}).status_code
        == 302
    )
    page = lead_client.get(f"/planning/{round_.pk}/").content.decode()
    assert "12 February 2018" in page and "Pay award (estimated £3.000m)" in page
    assert member_client.get(f"/planning/{round_.pk}/").status_code == 404
    lead_client.post(f"/planning/{round_.pk}/publish/")
    assert member_client.get(f"/planning/{round_.pk}/").status_code == 200


@pytest.mark.django_db
def test_a_member_cannot_import(demo, member_client):
    upload = SimpleUploadedFile("f.csv", b"round,first_year,share_rule,illustrative,publish\nX,2018-19,,,\n")
    assert member_client.post("/imports/planning-rounds/", {"file": upload}).status_code == 403
    assert not PlanningRound.objects.filter(name="X").exists()
