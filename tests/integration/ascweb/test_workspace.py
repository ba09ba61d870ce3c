"""The officer's month in one place: every app's figures an officer looks after, each with its
state (missing, carried forward, changed, confirmed); who has finished, for the lead; the
timetable and the days left; reminders by email for those who have not finished."""

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from ascweb.lifecycle import period_create_next
from ascweb.models import Period
from ascweb.timetable import deadline_text
from finance.models import LineForecast
from ibcf.models import SchemeUpdate
from reserves.models import CapitalPosition, ReservePosition
from savings.models import SavingForecast

FIGURES = [(LineForecast, "line"), (SavingForecast, "saving"), (SchemeUpdate, "scheme")]
FIGURES += [(ReservePosition, "reserve"), (CapitalPosition, "scheme")]
P11 = "/periods/2030-31/11"


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


@pytest.fixture
def p11(small_council) -> Period:
    """Period 11 started, every figure as at Period 10 and confirmed: everybody has finished."""
    period = period_create_next(user=small_council.lead, year=small_council.year, number=11)
    for model, key in FIGURES:
        held = set(model.objects.filter(period=period).values_list(f"{key}_id", flat=True))
        for row in model.objects.filter(period=small_council.p10):
            if getattr(row, f"{key}_id") in held:
                model.objects.filter(period=period, **{f"{key}_id": getattr(row, f"{key}_id")}).delete()
            row.pk, row.period, row.carried_from = None, period, None
            row.save()
    for username in ("officer", "officer2"):
        User.objects.filter(username=username).update(email=f"{username}@example.org")
    return period


def _states(client, url=f"{P11}/workspace/") -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    return {item.label: item.state for section in response.context["sections"] for item in section.items}


def _line(period, code) -> LineForecast:
    return LineForecast.objects.get(period=period, line__code=code)


def test_every_apps_figures_are_listed_with_their_state(officer_client, p11, small_council):
    LineForecast.objects.filter(pk=_line(p11, "A-1").pk).update(carried_from=small_council.p10)
    LineForecast.objects.filter(pk=_line(p11, "A-2").pk).update(forecast=-2_200_000 * 100)
    SavingForecast.objects.filter(period=p11, status="off").update(recovery_action="")
    ReservePosition.objects.filter(period=p11, reserve__code="R-DEBT").delete()
    states = _states(officer_client)
    saving = SavingForecast.objects.get(period=p11, status="off").saving
    assert states == {
        "Home care": "carried forward",
        "Service user income": "changed",
        **{f"{s.code}: {s.description}": "confirmed" for s in saving.workstream.savings.all()},
        f"{saving.code}: {saving.description}": "missing",  # off target without a recovery action
        **{f"{u.scheme.code}: {u.scheme.description}": "confirmed" for u in SchemeUpdate.objects.filter(period=p11)},
        "Improved Better Care Fund": "confirmed",
        "Doubtful debts": "missing",  # not entered this period
        # no capital scheme: the capital programme is assigned to the other officer
    }


def test_a_material_variance_without_an_explanation_is_missing_unless_a_group_explains_it(
    officer_client, p11, small_council
):
    LineForecast.objects.filter(pk=_line(p11, "A-1").pk).update(explanation="")
    assert _states(officer_client)["Home care"] == "missing"
    from finance.models import GroupExplanation

    GroupExplanation.objects.create(node=small_council.lines["A-1"].parent, period=p11, text="Demand.")
    assert _states(officer_client)["Home care"] == "changed"  # its text differs from Period 10's


def test_each_officer_sees_only_the_lines_of_their_areas(officer_client, other_officer_client, p11):
    assert {"Home care", "Service user income"} <= set(_states(officer_client))
    assert not {"Contracts", "Staffing"} & set(_states(officer_client))
    assert {"Contracts", "Staffing"} <= set(_states(other_officer_client))


def test_the_lead_sees_who_has_finished(lead_client, p11, small_council):
    LineForecast.objects.filter(pk=_line(p11, "B-1").pk).update(carried_from=small_council.p10)
    response = lead_client.get(f"{P11}/workspace/")
    progress = {p.officer.username: p for p in response.context["progress"]}
    assert progress["officer"].finished and not progress["officer2"].finished
    assert progress["officer2"].counts == {"missing": 0, "carried forward": 1, "changed": 0, "confirmed": 7}
    page = response.content.decode()
    assert "Finished" in page and "1 to do" in page
    assert sum(response.context["counts"].values()) == 10  # every line and every statement's figure


def test_the_workspace_links_to_each_form_while_open_and_is_for_finance_staff_only(
    officer_client, member_client, p11, small_council
):
    page = officer_client.get(f"{P11}/workspace/").content.decode()
    for url in ("areas/A/edit/", "savings/workstreams/WS/edit/", "ibcf/edit/", "reserves/edit/"):
        assert f'href="{P11}/{url}"' in page
    assert 'href="/periods/2030-31/11/areas/B/edit/"' not in page
    assert f'href="{P11}/capital/edit/"' not in page  # assigned to the other officer
    assert "edit/" not in officer_client.get("/periods/2030-31/10/workspace/").content.decode()
    assert member_client.get("/periods/2030-31/10/workspace/").status_code == 403


def test_officers_land_on_the_workspace_while_a_period_is_open(officer_client, lead_client, member_client, p11):
    assert officer_client.get("/")["Location"] == f"{P11}/workspace/"
    assert lead_client.get("/")["Location"] == f"{P11}/workspace/"
    assert member_client.get("/")["Location"] == "/periods/2030-31/10/dashboard/"


@pytest.mark.parametrize(
    ("days", "text"),
    [(3, "Due in 3 days"), (1, "Due in 1 day"), (0, "Due today"), (-1, "Overdue by 1 day"), (-2, "Overdue by 2 days")],
)
def test_the_days_left_are_said_in_words(days, text):
    today = datetime.date(2031, 2, 10)
    period = Period(status=Period.Status.OPEN, submission_deadline=today + datetime.timedelta(days=days))
    assert deadline_text(period, today) == text


def test_no_days_left_without_a_deadline_or_once_submitted():
    today = datetime.date(2031, 2, 10)
    assert deadline_text(Period(status=Period.Status.OPEN), today) == ""
    assert deadline_text(Period(status=Period.Status.SUBMITTED, submission_deadline=today), today) == ""


def _due_in(period: Period, days: int) -> None:
    Period.objects.filter(pk=period.pk).update(submission_deadline=timezone.localdate() + datetime.timedelta(days=days))


def test_officers_and_the_lead_see_the_days_left_on_the_workspace_and_the_period_page(officer_client, lead_client, p11):
    _due_in(p11, 3)
    for client in (officer_client, lead_client):
        for page in ("workspace/", ""):
            assert "Due in 3 days" in client.get(f"{P11}/{page}").content.decode()
    _due_in(p11, -2)
    assert "Overdue by 2 days" in officer_client.get(f"{P11}/workspace/").content.decode()


def test_the_lead_sets_the_timetable(lead_client, p11):
    response = lead_client.post(
        f"{P11}/timetable/", {"submission_deadline": "2031-02-07", "committee_meeting": "2031-03-03"}
    )
    assert response.status_code == 302 and response["Location"] == f"{P11}/workspace/"
    p11.refresh_from_db()
    assert (p11.submission_deadline, p11.committee_meeting) == (datetime.date(2031, 2, 7), datetime.date(2031, 3, 3))
    assert p11.history.first().history_user.username == "lead"
    page = lead_client.get(f"{P11}/timetable/").content.decode()
    assert 'value="2031-02-07"' in page and "Change the timetable" in lead_client.get(f"{P11}/").content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"submission_deadline": "2031-03-05", "committee_meeting": "2031-03-03"},
            "The committee meeting cannot be before the submission deadline",
        ),
        (
            {"submission_deadline": "2031-01-31", "committee_meeting": ""},
            "Submission deadline must be between 1 February 2031 and 1 February 2032 for Period 11 (February) 2030-31",
        ),
        (
            {"submission_deadline": "", "committee_meeting": "2040-01-01"},
            "Committee meeting must be between 1 February 2031 and 1 February 2032 for Period 11 (February) 2030-31",
        ),
        ({"submission_deadline": "next week", "committee_meeting": ""}, "Enter the submission deadline as a date"),
    ],
)
def test_a_timetable_out_of_reason_is_refused_saving_nothing(lead_client, p11, data, message):
    response = lead_client.post(f"{P11}/timetable/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    p11.refresh_from_db()
    assert (p11.submission_deadline, p11.committee_meeting) == (None, None)


def test_only_the_lead_sets_the_timetable_and_not_of_a_published_period(officer_client, lead_client, p11):
    data = {"submission_deadline": "2031-02-07", "committee_meeting": "2031-03-03"}
    assert officer_client.post(f"{P11}/timetable/", data).status_code == 403
    response = lead_client.post("/periods/2030-31/10/timetable/", {"submission_deadline": "2031-01-09"})
    assert response.status_code == 400
    assert "is published: re-open it to change its timetable" in response.content.decode()
    shown = lead_client.get("/periods/2030-31/10/timetable/").content.decode()
    assert "Save timetable" not in shown and "re-open it to change its timetable" in shown  # no form to fill in vain


def _remind(*args) -> str:
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_nobody_is_emailed_when_all_is_done(p11):
    assert "emailed 0 officer(s); 2 finished" in _remind()
    assert mail.outbox == []


def test_officers_with_items_outstanding_are_emailed_the_list_with_links(p11, small_council, settings):
    settings.ASCWEB_SITE_URL = "https://ascweb.example.org"
    _due_in(p11, 3)
    LineForecast.objects.filter(pk=_line(p11, "A-1").pk).update(carried_from=small_council.p10)
    LineForecast.objects.filter(pk=_line(p11, "A-2").pk).update(explanation="")
    assert "emailed 1 officer(s); 1 finished" in _remind()
    (message,) = mail.outbox
    assert message.to == ["officer@example.org"]
    assert message.subject == "Period 11 (February) 2030-31: 2 items to finish, due in 3 days"
    deadline = timezone.localdate() + datetime.timedelta(days=3)
    assert f"The submission deadline is {deadline.day} {deadline:%B %Y}: due in 3 days." in message.body
    assert (
        "- Revenue budget monitoring, Area A: Home care (carried forward)\n"
        "  https://ascweb.example.org/periods/2030-31/11/areas/A/edit/"
    ) in message.body
    assert "Service user income (missing)" in message.body
    assert "Your workspace: https://ascweb.example.org/periods/2030-31/11/workspace/" in message.body


def test_an_overdue_reminder_says_so_and_days_before_waits_for_the_deadline(p11, small_council):
    SavingForecast.objects.filter(period=p11, status="off").update(carried_from=small_council.p10)
    _due_in(p11, 5)
    assert "the deadline is not within 3 days; nobody emailed" in _remind("--days-before", "3")
    assert mail.outbox == []
    _due_in(p11, -2)
    assert "emailed 1 officer(s)" in _remind("--days-before", "3")  # the one assigned the workstream
    assert {m.subject for m in mail.outbox} == {"Period 11 (February) 2030-31: 1 item to finish, overdue by 2 days"}
    with pytest.raises(CommandError):
        _remind("--days-before", "-1")
