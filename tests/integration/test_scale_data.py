"""The synthetic council for benchmarks: deterministic, proportioned, and apart from the demo data."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from finance.models import FinancialYear, LineForecast, Period, ReportingLine


class _Rollback(Exception):
    pass


def _generate(seed: int) -> list[tuple]:
    """Run the command inside a savepoint, capture its figures, then undo it."""
    captured: list[tuple] = []
    try:
        with transaction.atomic():
            call_command("make_scale_data", departments=2, lines=30, years=2, seed=seed, stdout=io.StringIO())
            captured = sorted(
                LineForecast.objects.values_list(
                    "line__code", "period__year__code", "period__number", "budget", "forecast"
                )
            )
            raise _Rollback
    except _Rollback:
        pass
    return captured


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_council_and_another_seed_another():
    first, again, other = _generate(7), _generate(7), _generate(8)
    assert first == again
    assert first != other
    assert len(first) == 30 * (13 + 10)  # 30 lines; a full year and a year up to period 10


@pytest.mark.django_db
def test_the_council_has_the_asked_for_shape():
    call_command("make_scale_data", departments=3, lines=45, years=2, seed=1, stdout=io.StringIO())
    assert ReportingLine.objects.filter(kind="department").count() == 3
    assert ReportingLine.objects.filter(kind="area").count() == 15
    assert ReportingLine.objects.filter(kind="line").count() == 45
    assert all(code.startswith("SYN-") for code in ReportingLine.objects.values_list("code", flat=True))
    assert list(FinancialYear.objects.values_list("code", flat=True)) == ["2040-41", "2041-42"]
    assert Period.objects.filter(status="open").count() == 1
    with pytest.raises(CommandError, match="already has synthetic data"):
        call_command("make_scale_data", departments=1, lines=1, years=1, stdout=io.StringIO())
