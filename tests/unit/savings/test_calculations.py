"""Savings calculations: pure, integer pence. Savings are negative; variance = forecast - target,
so a shortfall is positive."""

import pytest

from savings import calculations as calc
from savings.calculations import SavingFigures, Totals

M = 100_000_000  # pence in £1m


def test_variance_is_forecast_less_target_so_a_shortfall_is_positive():
    assert calc.variance(-1_000 * M // 1000, -266 * M // 1000) == 734 * M // 1000
    assert calc.variance(-M, -M) == 0
    assert calc.variance(-M, -2 * M) == -M  # over-delivery


@pytest.mark.parametrize(("variance", "risk"), [(5, 5), (0, 0), (-5, 0)])
def test_at_risk_is_the_shortfall_and_never_negative(variance, risk):
    assert calc.at_risk(variance) == risk


def test_figures_delivered_is_the_forecast_as_money_saved():
    figures = SavingFigures(target=-1_000_00, forecast=-266_00)
    assert figures.delivered == 266_00
    assert figures.at_risk == 734_00
    assert (figures + SavingFigures(-1, -1)).target == -1_000_01


def test_total_sums_shortfalls_saving_by_saving_so_over_delivery_hides_nothing():
    short = SavingFigures(target=-100, forecast=-40)  # 60 at risk
    over = SavingFigures(target=-100, forecast=-150)  # 50 over
    totals = calc.total([short, over])
    assert (totals.target, totals.forecast, totals.count) == (-200, -190, 2)
    assert totals.variance == 10
    assert totals.at_risk == 60
    assert totals.delivered == 190


def test_total_of_nothing_is_zero():
    assert calc.total([]) == Totals()


def test_movement_since_the_previous_period():
    assert calc.movement(3_874, 0) == 3_874
    assert calc.movement(100, 300) == -200
    assert calc.movement(100, None) is None


@pytest.mark.parametrize(
    ("target", "forecast", "off"), [(-100, -99, True), (-100, -100, False), (-100, -101, False), (0, 0, False)]
)
def test_a_forecast_short_of_its_target_must_be_off_target(target, forecast, off):
    assert calc.needs_off_target(target, forecast) is off


def _problems(target, forecast, off_target, explanation="", recovery_action=""):
    return calc.forecast_problems(
        target, forecast, off_target=off_target, explanation=explanation, recovery_action=recovery_action
    )


def test_the_rules_of_a_reported_saving_name_the_field_at_fault():
    assert _problems(-100_00, -100_00, False) == []
    assert _problems(-100_00, -50_00, True, "Late", "Retender") == []
    assert _problems(-100_00, 1, False) == [
        ("forecast", "enter the saving as a negative amount (a reduction in spend), like -250,000")
    ]
    assert _problems(-100_00, -50_00, True, " ", "") == [
        ("explanation", "it is off target, so give why it is off target"),
        ("recovery_action", "it is off target, so give the recovery action"),
    ]
    assert _problems(-100_000_00, -40_000_50, False) == [
        ("status", "the forecast is £59,999.50 short of the target of -£100,000, so mark it off target")
    ]


def test_without_a_forecast_or_a_status_only_what_can_be_checked_is():
    assert _problems(-100_00, None, False) == []
    assert _problems(-100_00, -50_00, None) == []  # no valid status: that is reported as such
    assert _problems(-100_00, None, True) == [
        ("explanation", "it is off target, so give why it is off target"),
        ("recovery_action", "it is off target, so give the recovery action"),
    ]
