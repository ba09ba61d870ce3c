"""Reserves, provisions and capital schemes (their per-period positions are made by the test)."""

import factory

from reserves.models import CapitalScheme, Reserve


class ReserveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reserve

    code = factory.Sequence(lambda n: f"R{n:03d}")
    name = factory.Sequence(lambda n: f"Reserve {n}")
    kind = Reserve.Kind.RESERVE
    order = factory.Sequence(lambda n: n)


class CapitalSchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapitalScheme

    code = factory.Sequence(lambda n: f"C{n:03d}")
    name = factory.Sequence(lambda n: f"Capital scheme {n}")
    order = factory.Sequence(lambda n: n)
