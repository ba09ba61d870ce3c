"""An iBCF scheme with its funding and plan, for the years of a monitoring year's plan."""

import datetime

import factory

from ascweb.models import FinancialYear
from ibcf.models import (
    AcuteSystem,
    AcuteSystemAllocation,
    GrantAmount,
    GrantStream,
    PlanVersion,
    Scheme,
    SchemeAllocation,
)
from ibcf.selectors import PLAN_YEARS
from reserves.models import Reserve

POUND = 100


class SchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scheme

    code = factory.Sequence(lambda n: f"iBCF{n + 1}")
    order = factory.Sequence(lambda n: n)
    priority = Scheme.Priority.PROTECT
    condition = Scheme.Condition.NEEDS
    description = factory.Sequence(lambda n: f"Scheme {n + 1}")


def ibcf_scheme(*, year: FinancialYear, reserve: Reserve | None = None, amount: int = 1_000_000 * POUND) -> Scheme:
    """One grant stream paying for one scheme (`amount` a year, carried forward to `reserve`),
    planned in one version agreed in the year's first month, split to one acute system."""
    years = [year.start_year + offset for offset in range(PLAN_YEARS)]
    stream = GrantStream.objects.create(code="G-1", name="iBCF grant", label="iBCF grant", reserve=reserve)
    GrantAmount.objects.bulk_create(GrantAmount(stream=stream, start_year=y, amount=amount) for y in years)
    scheme = SchemeFactory()
    version = PlanVersion.objects.create(name="Plan as agreed", date=datetime.date(year.start_year, 4, 30))
    SchemeAllocation.objects.bulk_create(
        SchemeAllocation(version=version, scheme=scheme, start_year=y, amount=amount) for y in years
    )
    system = AcuteSystem.objects.create(name="System 1", label="Acute system 1")
    AcuteSystemAllocation.objects.bulk_create(
        AcuteSystemAllocation(version=version, system=system, start_year=y, amount=amount) for y in years
    )
    return scheme
