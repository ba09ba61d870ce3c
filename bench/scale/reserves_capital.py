"""The synthetic council's reserves and provisions and its capital programme."""

from bench.scale.council import THOUSAND, ScaleCouncil, scaled
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition

RESERVES_PER_DEPARTMENT = 2
PROVISIONS_PER_DEPARTMENT = 1
CAPITAL_SCHEMES_PER_DEPARTMENT = 2
IBCF_RESERVE = "SYN-R-IBCF"
RESERVE_PURPOSES = [
    "Repairs and renewals",
    "Care Act implementation",
    "Prevention fund",
    "Market sustainability",
    "Unspent grants and contributions",
    "Business risk",
]
CAPITAL_PURPOSES = [
    "Supported living accommodation",
    "Day centre refurbishment",
    "Care home improvements",
    "Assistive technology",
    "Social care information system",
    "Extra care housing",
]


def build_reserves_capital(council: ScaleCouncil) -> None:
    """Reserves and provisions and capital schemes in proportion to the departments, with
    figures at every period: balances at 1 April carried on from the year before (its Period 13
    closing balance), and usage and capital forecasts that firm up as the year goes on."""
    rng = council.rng
    reserves, schemes = [], []
    order = 10_000
    for d, department in enumerate(council.departments):
        purposes = ["Bad debts"] * PROVISIONS_PER_DEPARTMENT + rng.sample(RESERVE_PURPOSES, RESERVES_PER_DEPARTMENT)
        for i, purpose in enumerate(purposes):
            order += 1
            kind = Reserve.Kind.PROVISION if i < PROVISIONS_PER_DEPARTMENT else Reserve.Kind.RESERVE
            reserves.append(
                Reserve(
                    code=f"SYN-R-D{d:02d}-{i}",
                    name=f"Synthetic {kind.label.lower()}: {purpose} ({department.name})",
                    kind=kind,
                    order=order,
                )
            )
        for i, purpose in enumerate(rng.sample(CAPITAL_PURPOSES, CAPITAL_SCHEMES_PER_DEPARTMENT)):
            order += 1
            schemes.append(
                CapitalScheme(
                    code=f"SYN-C-D{d:02d}-{i}",
                    name=f"Synthetic capital scheme: {purpose} ({department.name})",
                    order=order,
                )
            )
    reserves.append(
        Reserve(
            code=IBCF_RESERVE,
            name="Synthetic reserve: iBCF grant carried forward",
            description="Synthetic: unspent improved Better Care Fund grant",
            kind=Reserve.Kind.RESERVE,
            order=order + 1,
        )
    )
    council.reserves = Reserve.objects.bulk_create(reserves)
    schemes = CapitalScheme.objects.bulk_create(schemes)
    positions, capital = [], []
    balances = {r.code: rng.randrange(500, 15_000) * THOUSAND for r in council.reserves}
    for year in council.years:
        usage = {code: -scaled(balance, rng.randrange(-20, 60)) for code, balance in balances.items()}
        budgets = {s.code: rng.randrange(200, 8_000) * THOUSAND for s in schemes}
        slips = {s.code: rng.randrange(0, 40) for s in schemes}
        drafts = {s.code: rng.randrange(0, 6_000) * THOUSAND for s in schemes}
        last = None
        for period in council.periods_of(year):
            firm = 70 + 30 * period.number // 13  # the forecast firms up towards the year's final figure
            last = {}
            for reserve in council.reserves:
                proposed = scaled(usage[reserve.code], firm + rng.randrange(-5, 6))
                last[reserve.code] = proposed
                positions.append(
                    ReservePosition(
                        reserve=reserve,
                        period=period,
                        balance_1_april=balances[reserve.code],
                        proposed_usage=proposed,
                    )
                )
            for scheme in schemes:
                budget = budgets[scheme.code]
                slip = slips[scheme.code] * period.number // 13
                capital.append(
                    CapitalPosition(
                        scheme=scheme,
                        period=period,
                        current_budget=budget,
                        forecast_outturn=scaled(budget, 100 - slip),
                        next_year_draft=drafts[scheme.code] + scaled(budget, slip),
                    )
                )
        # next year opens with this year's closing balance (never below nil)
        balances = {code: max(balance + last[code], 0) for code, balance in balances.items()}
    ReservePosition.objects.bulk_create(positions, batch_size=5000)
    CapitalPosition.objects.bulk_create(capital, batch_size=5000)
