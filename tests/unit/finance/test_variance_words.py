"""Variance words: one rule for spending and income lines, and no double negatives.

A word that says the direction ('underspend of') takes an unsigned amount; brackets are for a
signed figure standing alone, as in the tables. An income line (Service User Income, budgeted
at (76.870) in the Period 10 report) is marked as income on the line: a forecast more negative
than budget is an over-recovery of income, less negative an under-recovery. A negative budget
alone does not make income: Management, Finance & HR's (9.642) variance is an overspend."""

import pytest
from django.template import Context, Template

from finance import calculations as calc
from finance import charts
from finance.calculations import Figures
from finance.selectors.report_tables import Explanation

M = 100_000_000  # pence in £1m


@pytest.mark.parametrize(
    ("variance", "income", "kind"),
    [
        (1, False, "overspend"),
        (-1, False, "underspend"),
        (-1, True, "over-recovery of income"),
        (1, True, "under-recovery of income"),
        (0, False, "on budget"),
        (0, True, "on budget"),
    ],
)
def test_the_kind_of_a_variance_depends_on_whether_the_line_is_income(variance, income, kind):
    assert calc.variance_kind(variance, income=income) == kind


@pytest.mark.parametrize(
    ("variance", "income", "words"),
    [
        (-18_000_000, False, "underspend of £0.180m"),
        (82_500_000, False, "overspend of £0.825m"),
        (346_500_000, False, "overspend of £3.465m"),  # Management, Finance & HR: negative budget, spending
        (-986_400_000, True, "over-recovery of income of £9.864m"),
        (50_000_000, True, "under-recovery of income of £0.500m"),
        (0, False, "on budget"),
    ],
)
def test_words_carry_the_sign_and_the_amount_has_no_brackets(variance, income, words):
    assert calc.variance_words(variance, income=income) == words
    assert "(" not in calc.variance_words(variance, income=income)


def test_table_labels_keep_the_brackets_and_add_the_word():
    assert calc.signed_variance(-986_400_000, income=True) == "(9.864) over-recovery of income"
    assert calc.signed_variance(-558_600_000) == "(5.586) underspend"
    assert charts.signed(50_000_000, income=True) == "0.500 under-recovery of income"


def test_the_headline_says_the_word_once_and_the_amount_unsigned():
    assert calc.headline_words(-250_200_000, None, None) == "Forecast underspend of £2.502m"


def test_the_summary_names_income_lines_apart_from_over_and_underspends():
    rows = [("Older People", 3 * M), ("Commissioning", -M), ("Service User Income", -9 * M)]
    text = charts.variance_summary(rows, what="lines", income=[False, False, True])
    assert text.startswith("1 of 3 lines forecast an overspend and 1 an underspend.")
    assert "The largest underspend is Commissioning, £1.000m." in text
    assert text.endswith("Service User Income forecasts an over-recovery of income of £9.000m.")


def test_bar_labels_name_income_lines():
    figure = charts.variance_bar_figure(
        [("Older People", 3 * M, None), ("Service User Income", -9 * M, None)], title="t", income=[False, True]
    )
    assert figure["data"][0]["text"] == ["3.000 overspend", "(9.000) over-recovery of income"]


def _render(source: str, **context) -> str:
    return Template("{% load variance %}" + source).render(Context(context))


def test_the_template_filters_read_income_from_what_they_are_given():
    income = Explanation("STU-INC", "Service User Income", -986_400_000, "text", income=True)
    assert _render("{{ e|variance_words }}", e=income) == "over-recovery of income of £9.864m"
    assert _render("{{ f|variance_words }}", f=Figures(budget=4 * M, forecast=3 * M)) == "underspend of £1.000m"
    assert _render("{{ v|signed:True }}", v=-M) == "(1.000) over-recovery of income"
    assert _render("{{ v|signed }}", v=-M) == "(1.000) underspend"
    assert _render("{{ v|signed }}", v=None) == "–"


def test_amounts_in_the_monthly_summary_are_not_in_brackets():
    """'highest P5 (£31.874m)' read like a negative figure; 'at £31.874m' does not."""
    from types import SimpleNamespace

    year = SimpleNamespace(code="2016-17", monthly=[20 * M, 31 * M, -2 * M], total=49 * M)
    text = charts.monthly_summary([year])
    assert text == "2016-17: 3 periods totalling £49.000m, highest P2 at £31.000m, lowest P3 at -£2.000m."
