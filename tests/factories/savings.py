"""A synthetic savings programme of any size, over a period set made by tests.factories.finance."""

from ascweb.models import FinancialYear, Period
from savings.models import Programme, Saving, SavingForecast, SavingTarget, Workstream
from tests.factories.ascweb import FinancialYearFactory


def programme(*, year: FinancialYear, periods: list[Period], workstreams: int, savings_per_workstream: int) -> None:
    later = [
        FinancialYear.objects.get_or_create(
            code=FinancialYear.code_for(year.start_year + n), start_year=year.start_year + n
        )[0]
        for n in (1, 2)
    ]
    targets, forecasts = [], []
    for p in range(2):
        prog = Programme.objects.create(code=f"P{p}", name=f"Programme {p}", order=p)
        for w in range(workstreams):
            stream = Workstream.objects.create(programme=prog, code=f"W{p}-{w}", name=f"Workstream {p}-{w}", order=w)
            for s in range(savings_per_workstream):
                saving = Saving.objects.create(workstream=stream, code=f"S{p}-{w}-{s}", description=f"Saving {s}")
                for n, y in enumerate([year, *later]):
                    targets.append(SavingTarget(saving=saving, year=y, amount=-100_000 * (s + n + 1)))
                for period in periods:
                    off = s % 2 == 1
                    forecasts.append(
                        SavingForecast(
                            saving=saving,
                            period=period,
                            forecast=-50_000 * (s + 1) if off else -100_000 * (s + 1),
                            status="off" if off else "on",
                            explanation="short" if off else "",
                            recovery_action="act" if off else "",
                        )
                    )
    SavingTarget.objects.bulk_create(targets)
    SavingForecast.objects.bulk_create(forecasts)


def norfolk_files(lead) -> list:
    """The Norfolk data set's savings files in the order the generic loader (ascweb.demo) gives
    them: Periods 2 and 10 of 2017-18 open (as the revenue files leave them), every file of
    data/norfolk/savings.toml imported through the one runner, then each period published by
    the lifecycle. Returns the imports' reports."""
    from ascweb.demo import load_files
    from ascweb.lifecycle import period_transition
    from ascweb.registry import registry
    from tests.factories.ascweb import publish_acknowledging

    year = FinancialYear.objects.create(code="2017-18", start_year=2017)
    periods = [Period.objects.create(year=year, number=number, status=Period.Status.OPEN) for number in (2, 10)]
    savings = next(data for data in registry.demo_data if data.name == "savings")
    reports = load_files(savings, lead)
    for period in periods:  # the papers leave some text out: each check acknowledged, as the demo does
        period_transition(user=lead, period=period, action="submit")
        publish_acknowledging(period, lead)
    return reports


def workstream(*, year: FinancialYear, code: str = "WS") -> list[Saving]:
    """A programme with one workstream of two savings, S-1 (£100,000 this year and next) and
    S-2 (£50,000 this year); their forecasts are made by the test. The targets run into next
    year, as savings plans do, so that year exists with no period in it."""
    next_year = FinancialYearFactory(start_year=year.start_year + 1)
    prog = Programme.objects.create(code=f"P-{code}", name="Promoting independence")
    stream = Workstream.objects.create(programme=prog, code=code, name="Home care workstream")
    savings = [
        Saving.objects.create(workstream=stream, code="S-1", description="Review home care packages", order=1),
        Saving.objects.create(workstream=stream, code="S-2", description="Remodel contracts", order=2),
    ]
    SavingTarget.objects.bulk_create(
        [
            SavingTarget(saving=savings[0], year=year, amount=-100_000 * 100),
            SavingTarget(saving=savings[0], year=next_year, amount=-100_000 * 100),
            SavingTarget(saving=savings[1], year=year, amount=-50_000 * 100),
        ]
    )
    return savings
