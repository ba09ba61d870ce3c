"""Demo net expenditure by period, 2015-16 to 2017-18: ILLUSTRATIVE, and the page says so.

The committee papers showed these series only as graphics, which did not survive (seed 002,
2.8.5-2.8.6; seed 001, 2.9.4). The figures below are invented to agree with everything the
papers do say:
- 2016-17's net outturn is £254.791m (table 2.1): its 13 periods add up to exactly that;
- at Period 10 2017-18 net expenditure is about £189m, leaving about £70m of the £258.901m
  forecast for periods 11-13 (2.8.6); periods 11-13 of 2017-18 have no actuals (P10 is the
  latest report);
- a spike in period 5 of each year, the month with two main payment runs (2.8.5);
- a steep one-off drop in period 10 2017-18, when the BCF pooled funds were transferred;
- a downward trajectory compared with 2015-16, and 2017-18 below its profiled budget at
  Period 10, a stronger position than 2015-16 and 2016-17 (2.8.5-2.8.6).
Amounts are £m as strings; parse_millions turns them into pence.
"""

from collections.abc import Callable

from django.db import transaction

from ascweb.models import FinancialYear
from ascweb.money import parse_millions
from finance.models import BudgetProfile, NetExpenditure

NOTE = (
    "Illustrative figures: the committee papers showed net expenditure by period only as graphics, "
    "which are lost. The demo series agrees with every figure the papers give (2016-17 net outturn "
    "£254.791m; about £189m spent by Period 10 2017-18; the period 5 payment-run spike; the period 10 "
    "BCF transfer)."
)

# year -> net expenditure in periods 1..13, £m
SERIES = {
    "2015-16": [
        "20.912",
        "21.436",
        "21.205",
        "21.618",
        "31.874",
        "21.297",
        "21.733",
        "21.381",
        "21.946",
        "21.502",
        "21.048",
        "19.634",
        "(14.108)",
    ],
    "2016-17": [
        "19.807",
        "20.391",
        "20.118",
        "20.642",
        "31.208",
        "20.311",
        "20.896",
        "20.527",
        "20.983",
        "20.694",
        "20.412",
        "21.301",
        "(2.499)",
    ],
    "2017-18": [
        "19.612",
        "19.874",
        "19.703",
        "20.126",
        "29.815",
        "19.788",
        "20.214",
        "19.932",
        "20.391",
        "(0.412)",
    ],
}

# year -> (profile method, budget in £m or None, where the budget comes from)
PROFILES = {
    # 2015-16's budget is not in the papers: an illustrative figure, said so on the page.
    "2015-16": (BudgetProfile.Method.TWELFTHS, "248.000", "illustrative: 2015-16's budget is not in the papers"),
    # None: computed, from 2016-17's outturn (254.791) less its overspend (4.399) = 250.392.
    "2016-17": (BudgetProfile.Method.TWELFTHS, None, ""),
    # None: the department's budget at the period shown (261.453 at P2, 261.401 at P10).
    "2017-18": (BudgetProfile.Method.LAST_YEAR, None, ""),
}


@transaction.atomic
def load_net_expenditure(say: Callable[[str], None] = print) -> None:
    """Figures already held (perhaps imported since) are kept."""
    for code, amounts in SERIES.items():
        year, _ = FinancialYear.objects.get_or_create(code=code, defaults={"start_year": int(code[:4])})
        for number, amount in enumerate(amounts, start=1):
            NetExpenditure.objects.get_or_create(
                year=year, period=number, area=None, defaults={"amount": parse_millions(amount)}
            )
        method, budget, source = PROFILES[code]
        BudgetProfile.objects.get_or_create(
            year=year,
            defaults={
                "method": method,
                "budget": parse_millions(budget) if budget else None,
                "budget_source": source,
                "note": NOTE,
            },
        )
    say(f"Loaded illustrative net expenditure by period for {', '.join(SERIES)}.")
