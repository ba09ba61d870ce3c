"""The savings programme of the synthetic council (`make_scale_data`): workstreams and savings
in proportion to its departments, multi-year targets, and a forecast for every saving at every
period, as officers would enter them (an off-target saving explained, with a recovery action).
Deterministic for the council's seed; codes start SYN-, names say "Synthetic"."""

from bench.scale.council import THOUSAND, ScaleCouncil, scaled
from savings.calculations import needs_off_target
from savings.models import Mitigation, Programme, Saving, SavingForecast, SavingTarget, Workstream

WORKSTREAMS_PER_DEPARTMENT = 2
SAVINGS_PER_WORKSTREAM = 5
OFF_TARGET_PERCENT = 25  # of savings off target at the start of a year
CHANGE_PERCENT = 10  # chance a saving moves on or off target from one period to the next

Status = SavingForecast.Status
Rag = SavingForecast.Rag

THEMES = [
    "Reviews of care packages",
    "Digital self-assessment",
    "Reablement before long-term care",
    "Renegotiated home care contracts",
    "Assistive technology",
    "Shared lives placements",
    "Charging policy review",
    "Transport efficiencies",
]
REASONS = [
    "Fewer reviews completed than planned because of staff vacancies.",
    "The new contract started later than planned.",
    "Demand has risen faster than the saving assumed.",
    "Provider negotiations are taking longer than expected.",
]
RECOVERY = [
    "Agency reviewers engaged to clear the backlog by year end.",
    "Weekly tracking by the workstream lead; the timetable has been reset.",
    "Alternative savings are being identified within the workstream.",
]
MITIGATIONS = [("Synthetic mitigation: transport", False), ("Synthetic mitigation: service user income", True)]


def generate(council: ScaleCouncil) -> None:
    rng = council.rng
    programmes = Programme.objects.bulk_create(
        [
            Programme(code="SYN-P1", name="Synthetic programme: Promoting independence", order=1),
            Programme(code="SYN-P2", name="Synthetic programme: Business as usual", order=2),
        ]
    )
    workstreams, savings = [], []
    for d in range(len(council.departments)):
        for w in range(WORKSTREAMS_PER_DEPARTMENT):
            workstream = Workstream(
                programme=programmes[w % len(programmes)],
                code=f"SYN-W{d:02d}-{w}",
                name=f"Synthetic workstream {d + 1}.{w + 1}",
                order=d * WORKSTREAMS_PER_DEPARTMENT + w,
            )
            workstreams.append(workstream)
            savings += [
                Saving(
                    workstream=workstream,
                    code=f"SYN-S{d:02d}-{w}-{s}",
                    description=f"Synthetic saving {d + 1}.{w + 1}.{s + 1}: {rng.choice(THEMES)}",
                    category=rng.choice(Saving.Category.values),
                    order=s,
                )
                for s in range(SAVINGS_PER_WORKSTREAM)
            ]
    Workstream.objects.bulk_create(workstreams)
    savings = Saving.objects.bulk_create(savings)
    targets, forecasts = [], []
    for saving in savings:
        # most savings run the whole programme; some start in a later year
        first = 0 if rng.randrange(100) < 70 else rng.randrange(len(council.years))
        for year in council.years[first:]:
            target = -rng.randrange(50, 2_000) * THOUSAND
            targets.append(SavingTarget(saving=saving, year=year, amount=target))
            forecasts += _year_forecasts(council, saving, year, target)
    SavingTarget.objects.bulk_create(targets, batch_size=5000)
    SavingForecast.objects.bulk_create(forecasts, batch_size=5000)
    Mitigation.objects.bulk_create(
        Mitigation(
            period=period,
            name=name,
            target=None if one_off else rng.randrange(100, 1_000) * THOUSAND,
            forecast=rng.randrange(50, 1_000) * THOUSAND,
            one_off=one_off,
            explanation="Synthetic: savings outside the programme that offset part of the shortfall.",
            order=i,
        )
        for period in council.periods
        for i, (name, one_off) in enumerate(MITIGATIONS)
    )


def _year_forecasts(council: ScaleCouncil, saving: Saving, year, target: int) -> list[SavingForecast]:
    rng = council.rng
    off = rng.randrange(100) < OFF_TARGET_PERCENT
    result = []
    for period in council.periods_of(year):
        if rng.randrange(100) < CHANGE_PERCENT:
            off = not off
        if off:
            delivered = rng.randrange(40, 96)  # per cent of the target forecast to be delivered
            forecast = scaled(target, delivered)
            result.append(
                SavingForecast(
                    saving=saving,
                    period=period,
                    forecast=forecast,
                    status=Status.OFF_TARGET,
                    rag=Rag.RED if delivered < 70 else Rag.AMBER,
                    explanation=f"Synthetic: {rng.choice(REASONS)}",
                    recovery_action=f"Synthetic: {rng.choice(RECOVERY)}",
                )
            )
        else:
            # on target: the saving in full, sometimes a little more
            forecast = scaled(target, 100 + (rng.randrange(1, 11) if rng.randrange(100) < 15 else 0))
            result.append(SavingForecast(saving=saving, period=period, forecast=forecast, rag=Rag.GREEN))
        if needs_off_target(target, forecast) != off:  # the entry form's rule, kept by construction
            raise ValueError(f"{saving.code}: a forecast short of its target must be off target")
    return result
