"""Reserves and capital arithmetic: closing balances, totals, slippage and printed-figure checks."""

from ascweb.calculations import ERROR, EXACT, ROUNDING, check_printed
from reserves.calculations import CapitalFigures, ReserveFigures

THOUSAND = 100_000  # £1,000 in pence


def test_forecast_balance_is_opening_plus_proposed_usage_with_the_papers_sign():
    drawn = ReserveFigures(balance_1_april=200 * THOUSAND, proposed_usage=-133 * THOUSAND)
    added = ReserveFigures(balance_1_april=0, proposed_usage=10_971 * THOUSAND)
    assert drawn.balance_31_march == 67 * THOUSAND
    assert added.balance_31_march == 10_971 * THOUSAND


def test_reserve_figures_add_column_by_column():
    total = ReserveFigures(1, 2) + ReserveFigures(10, -20)
    assert total == ReserveFigures(11, -18)
    assert total.balance_31_march == -7


def test_slippage_is_budget_less_forecast_and_can_be_negative():
    assert CapitalFigures(4_744 * THOUSAND, 3_361 * THOUSAND, 2_975 * THOUSAND).slippage == 1_383 * THOUSAND
    assert CapitalFigures(0, 4 * THOUSAND, 0).slippage == -4 * THOUSAND  # Sheringham Hub: spend above budget


def test_capital_figures_add_every_column():
    total = CapitalFigures(1, 2, 3) + CapitalFigures(10, 20, 30)
    assert total == CapitalFigures(11, 22, 33)
    assert total.slippage == -11


def test_a_one_thousand_slip_in_a_total_of_eleven_rows_is_rounding():
    check = check_printed(2_074 * THOUSAND, 2_075 * THOUSAND, 11, THOUSAND)
    assert (check.kind, check.difference, check.tolerance) == (ROUNDING, -THOUSAND, 6 * THOUSAND)


def test_the_p10_capital_forecast_total_does_not_add_up():
    check = check_printed(17_761 * THOUSAND, 17_593 * THOUSAND, 17, THOUSAND)
    assert check.kind == ERROR
    assert check.difference == 168 * THOUSAND


def test_a_figure_printed_to_a_tenth_of_a_million_has_a_wider_tolerance():
    assert check_printed(-18_600 * THOUSAND, -18_561 * THOUSAND, 0, 100 * THOUSAND).kind == ROUNDING
    assert check_printed(-18_600 * THOUSAND, -18_561 * THOUSAND, 0, THOUSAND).kind == ERROR
    assert check_printed(5, 5, 0, THOUSAND).kind == EXACT
