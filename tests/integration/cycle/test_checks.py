"""Checks before submit and publish from every app (issue 15): what each app finds undone in a
new period; the period command refuses to publish with any left unless each is acknowledged,
which the audit log shows; an import with --publish goes through the same checks."""

import io

import pytest
from django.core.management import CommandError, call_command

from ascweb.lifecycle import period_checks
from ascweb.models import Period
from finance.models import LineForecast
from reserves.models import CapitalPosition
from savings.models import SavingForecast

ARGS = {"year": "2030-31", "period": 11, "user": "lead"}


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


def _keys(period) -> set[str]:
    return {check.key for check in period_checks(period)}


def _off_target() -> str:
    return SavingForecast.objects.get(period__number=10, status="off").saving.code


def test_a_new_period_lists_every_apps_carried_rows(open_period):
    saving = _off_target()
    assert _keys(open_period) >= {
        "revenue:carried:A-1",  # explanations carried forward, not yet confirmed
        "revenue:carried:A-2",
        f"savings:carried:{saving}",
        "ibcf:carried:" + open_period.scheme_updates.get().scheme.code,
        "reserves:carried:R-IBCF",
        "reserves:carried:R-DEBT",
        "capital:carried:C-1",
    }
    assert not {key for key in _keys(open_period) if ":unexplained:" in key or ":no-" in key or ":empty" in key}


def test_an_unexplained_material_variance_is_a_revenue_check(open_period):
    LineForecast.objects.filter(period=open_period, line__code="A-1").update(explanation="")
    checks = {check.key: check for check in period_checks(open_period)}
    assert "revenue:unexplained:A-1" in checks and "revenue:carried:A-1" not in checks
    assert checks["revenue:unexplained:A-1"].message == "Home care: variance £0.500m is not explained"
    assert checks["revenue:unexplained:A-1"].section == "Revenue"


def test_an_off_target_saving_needs_an_explanation_and_a_recovery_action(open_period):
    saving = _off_target()
    SavingForecast.objects.filter(period=open_period, saving__code=saving).update(explanation="", recovery_action="")
    keys = _keys(open_period)
    assert {f"savings:no-explanation:{saving}", f"savings:no-recovery-action:{saving}"} <= keys
    SavingForecast.objects.filter(period=open_period, saving__code=saving).update(recovery_action="Retender.")
    assert f"savings:no-recovery-action:{saving}" not in _keys(open_period)


def test_an_empty_statement_is_a_check(open_period):
    CapitalPosition.objects.filter(period=open_period).delete()
    checks = {check.key: check for check in period_checks(open_period)}
    assert checks["capital:empty"].message == "Nothing is entered this period; Period 10 (January) 2030-31 had 1 row"


def test_the_command_refuses_to_publish_with_checks_left_and_lists_them(open_period):
    call_command("period", "submit", stdout=io.StringIO(), **ARGS)
    err = io.StringIO()
    with pytest.raises(CommandError, match="--acknowledge-all"):
        call_command("period", "publish", stdout=io.StringIO(), stderr=err, **ARGS)
    listed = err.getvalue()
    assert "Not acknowledged:" in listed and "reserves:carried:R-IBCF" in listed and "Home care" in listed
    assert Period.objects.get(pk=open_period.pk).status == Period.Status.SUBMITTED


def test_the_command_publishes_acknowledging_all_and_the_audit_log_shows_them(lead_client, open_period):
    left = period_checks(open_period)
    call_command("period", "submit", stdout=io.StringIO(), **ARGS)
    call_command("period", "publish", acknowledge_all=True, stdout=io.StringIO(), **ARGS)
    assert Period.objects.get(pk=open_period.pk).status == Period.Status.PUBLISHED
    entries = lead_client.get("/periods/2030-31/11/audit/").context["entries"]
    acknowledged = [new for entry in entries for what, _old, new in entry.changes if what == "acknowledged"]
    assert sorted(acknowledged) == sorted(f"{c.section}: {c.message}" for c in left)
    assert "check acknowledged: Revenue: Home care" in lead_client.get("/periods/2030-31/11/audit/").content.decode()


def _revenue_template(tmp_path):
    path = tmp_path / "p10.csv"
    call_command("export_template", year="2030-31", period=10, output=str(path), stdout=io.StringIO())
    return path


def test_an_import_with_publish_is_refused_while_checks_are_left(open_period, tmp_path):
    path = _revenue_template(tmp_path)
    before = sorted(LineForecast.objects.filter(period=open_period).values_list("line_id", "carried_from_id"))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_period", str(path), year="2030-31", period=11, publish=True, stdout=out, stderr=out)
    assert "Check left: Savings" in out.getvalue() and "Not published" in out.getvalue()
    assert Period.objects.get(pk=open_period.pk).status == Period.Status.OPEN
    after = sorted(LineForecast.objects.filter(period=open_period).values_list("line_id", "carried_from_id"))
    assert after == before  # nothing saved, the carried lines not confirmed

    call_command("import_period", str(path), year="2030-31", period=11, publish=True, acknowledge_all=True, stdout=out)
    assert Period.objects.get(pk=open_period.pk).status == Period.Status.PUBLISHED
