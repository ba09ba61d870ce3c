"""The illustrative net expenditure series agrees with every figure the papers give."""

from decimal import Decimal

from django.core.management import call_command
from django.db.models import Sum

from ascweb.money import PENCE_PER_MILLION, parse_millions
from finance.models import BudgetProfile, NetExpenditure


def _by_period(code: str) -> dict[int, int]:
    return dict(NetExpenditure.objects.filter(year__code=code, area=None).values_list("period", "amount"))


def _nearest_million(pence: int) -> int:
    return round(Decimal(pence) / PENCE_PER_MILLION)


def test_2016_17_adds_up_to_its_net_outturn(demo):
    periods = _by_period("2016-17")
    assert sorted(periods) == list(range(1, 14))
    assert sum(periods.values()) == parse_millions("254.791")


def test_p10_2017_18_about_189m_spent_and_about_70m_left_for_periods_11_to_13(demo):
    periods = _by_period("2017-18")
    assert sorted(periods) == list(range(1, 11))  # P10 is the latest report: no actuals after it
    spent = sum(periods.values())
    assert _nearest_million(spent) == 189
    assert _nearest_million(parse_millions("258.901") - spent) == 70


def test_period_5_spikes_in_every_year_and_period_10_2017_18_drops_once(demo):
    for code in ("2015-16", "2016-17", "2017-18"):
        periods = _by_period(code)
        months = {n: v for n, v in periods.items() if n <= 12}
        assert max(months, key=months.get) == 5, code
    this_year = _by_period("2017-18")
    assert min(this_year, key=this_year.get) == 10
    assert all(this_year[10] < _by_period(code)[10] for code in ("2015-16", "2016-17"))


def test_lower_than_2015_16_each_month_a_downward_trajectory(demo):
    before, now = _by_period("2015-16"), _by_period("2017-18")
    assert all(now[n] < before[n] for n in range(1, 11))


def test_every_year_has_a_profile_and_loading_again_keeps_what_is_held(demo):
    assert set(BudgetProfile.objects.values_list("year__code", flat=True)) == {"2015-16", "2016-17", "2017-18"}
    NetExpenditure.objects.filter(year__code="2017-18", period=1).update(amount=1)
    call_command("load_demo", verbosity=0)
    assert _by_period("2017-18")[1] == 1
    assert NetExpenditure.objects.aggregate(n=Sum("period"))["n"] == 91 * 2 + 55
