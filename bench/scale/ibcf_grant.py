"""The iBCF of the synthetic council (`make_scale_data`): grant streams with an amount for every
year of the plan, schemes in proportion to the departments, two plan versions a year (agreed in
May, revised in October) that spend exactly the funding, the split by acute system, and every
scheme's spend to date, forecast and progress at every period. Deterministic for the council's
seed; codes start SYN-, names say "Synthetic"."""

import datetime

from bench.scale.council import THOUSAND, ScaleCouncil, round_thousands, scaled
from bench.scale.reserves_capital import IBCF_RESERVE
from ibcf.models import (
    AcuteSystem,
    AcuteSystemAllocation,
    GrantAmount,
    GrantStream,
    PlanVersion,
    Scheme,
    SchemeAllocation,
    SchemeUpdate,
)
from ibcf.selectors import PLAN_YEARS

SCHEMES_PER_DEPARTMENT = 2
# (code, name, share of the grant in per cent)
STREAMS = [
    ("SYN-G1", "Synthetic improved Better Care Fund grant", 55),
    ("SYN-G2", "Synthetic additional social care grant", 35),
    ("SYN-G3", "Synthetic winter pressures grant", 10),
]
CARRY_FORWARD_STREAM = "SYN-G2"
# (name, share of the money in per cent: a population basis)
SYSTEMS = [("SYN-SYS-1", 45), ("SYN-SYS-2", 35), ("SYN-SYS-3", 20)]
THEMES = [
    "Home care capacity",
    "Discharge to assess beds",
    "Care market stabilisation",
    "Trusted assessors in hospitals",
    "Reablement expansion",
    "Carers' support",
    "Housing with care",
    "Seven-day social work",
]
PROGRESS = [
    "recruitment is complete and the service is operating at planned capacity.",
    "the service started later than planned; spend is catching up with the plan.",
    "activity is above plan and delayed transfers of care have fallen.",
    "the provider contract has been extended while the evaluation is completed.",
]


def _split(total: int, weights: list[int]) -> list[int]:
    """Share `total` by integer weights to the £1,000, the remainder to the last share, so the
    shares add up to the total exactly (the plan's Balance is nil)."""
    shares = [round_thousands(total * w // sum(weights)) for w in weights[:-1]]
    return [*shares, total - sum(shares)]


def generate(council: ScaleCouncil) -> None:
    rng = council.rng
    carry_forward = next((r for r in council.reserves if r.code == IBCF_RESERVE), None)
    streams = GrantStream.objects.bulk_create(
        GrantStream(
            code=code,
            name=name,
            label=name,
            note="Synthetic: invented for benchmarks",
            order=i,
            reserve=carry_forward if code == CARRY_FORWARD_STREAM else None,
        )
        for i, (code, name, _share) in enumerate(STREAMS)
    )
    first = council.years[0].start_year
    plan_years = range(first, council.years[-1].start_year + PLAN_YEARS)
    grant = {}  # start year -> the whole grant that year
    amounts = []
    for offset, start in enumerate(plan_years):
        total = len(council.departments) * (2_000 + 100 * offset) * THOUSAND  # in proportion, growing
        by_stream = _split(total, [share for _code, _name, share in STREAMS])
        grant[start] = total
        amounts += [GrantAmount(stream=s, start_year=start, amount=a) for s, a in zip(streams, by_stream, strict=True)]
    GrantAmount.objects.bulk_create(amounts)

    count = SCHEMES_PER_DEPARTMENT * len(council.departments)
    schemes = Scheme.objects.bulk_create(
        Scheme(
            code=f"SYN-iBCF{n + 1}",
            order=n,
            priority=rng.choice(Scheme.Priority.values),
            condition=rng.choice(Scheme.Condition.values),
            description=f"Synthetic scheme {n + 1}: {rng.choice(THEMES)}",
            impact="Synthetic: fewer delayed transfers of care and more people supported at home.",
        )
        for n in range(count)
    )
    systems = AcuteSystem.objects.bulk_create(
        AcuteSystem(name=name, label=f"Synthetic acute hospital system {i + 1}", order=i)
        for i, (name, _share) in enumerate(SYSTEMS)
    )
    weights = [rng.randrange(5, 30) for _ in schemes]
    versions, allocations, split = [], [], []
    plans: dict[tuple[int, str], dict[int, int]] = {}  # (year, "agreed"/"revised") -> scheme id -> this year's plan
    for year in council.years:
        start = year.start_year
        for kind, date in (("agreed", datetime.date(start, 5, 20)), ("revised", datetime.date(start, 10, 1))):
            if kind == "revised":  # money moves between schemes as the year goes on
                weights = [max(1, w + rng.randrange(-3, 4)) for w in weights]
            version = PlanVersion(
                name=f"Synthetic plan {year.code} ({kind})", date=date, source="Synthetic: invented for benchmarks"
            )
            versions.append(version)
            for plan_year in range(start, start + PLAN_YEARS):
                shares = _split(grant[plan_year], weights)
                allocations += [
                    SchemeAllocation(version=version, scheme=s, start_year=plan_year, amount=a)
                    for s, a in zip(schemes, shares, strict=True)
                ]
                split += [
                    AcuteSystemAllocation(version=version, system=s, start_year=plan_year, amount=a)
                    for s, a in zip(systems, _split(grant[plan_year], [p for _n, p in SYSTEMS]), strict=True)
                ]
                if plan_year == start:
                    plans[(start, kind)] = {s.id: a for s, a in zip(schemes, shares, strict=True)}
    PlanVersion.objects.bulk_create(versions)
    SchemeAllocation.objects.bulk_create(allocations, batch_size=5000)
    AcuteSystemAllocation.objects.bulk_create(split, batch_size=5000)

    updates = []
    for year in council.years:
        pace = {s.id: rng.randrange(85, 111) for s in schemes}  # per cent of the plan spent at the pace planned
        for period in council.periods_of(year):
            # the plan in force when the period was reported (see ibcf.selectors.version_for)
            plan = plans[
                (
                    year.start_year,
                    "revised" if period.committee_meeting >= datetime.date(year.start_year, 10, 1) else "agreed",
                )
            ]
            months = min(period.number, 12)
            for scheme in schemes:
                planned = plan[scheme.id]
                updates.append(
                    SchemeUpdate(
                        scheme=scheme,
                        period=period,
                        spend_to_date=scaled(planned * months // 12, pace[scheme.id]),
                        forecast=scaled(planned, 100 + (pace[scheme.id] - 100) // 2),
                        activity_progress=f"Synthetic progress at Period {period.number}: {rng.choice(PROGRESS)}",
                    )
                )
    SchemeUpdate.objects.bulk_create(updates, batch_size=5000)
