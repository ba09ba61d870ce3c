"""A synthetic council for benchmarks (`make_scale_data`): deterministic for a seed, and clearly
apart from the Norfolk demo data (codes start SYN-, names say "Synthetic", years from 2040-41).

Every app's data is built in proportion to the departments, as officers would enter it, one
part after another from one seeded random generator (so the same seed gives the same data):
the revenue side (bench.scale.revenue), reserves and capital, the savings programme and the
iBCF. It sits beside the benchmarks, above the apps, so no app carries code that only the
benchmarks run.
"""

import random

from bench.scale import ibcf_grant, reserves_capital, revenue, savings_programme
from bench.scale.council import ScaleCouncil


def build(*, departments: int, lines: int, years: int, seed: int) -> ScaleCouncil:
    """The whole synthetic council, written to the database (call inside a transaction)."""
    council = ScaleCouncil(rng=random.Random(seed))  # noqa: S311 - not for security
    revenue.build_structure(council, departments=departments, lines=lines)
    revenue.build_years(council, years=years)
    revenue.build_figures(council)
    revenue.build_net_expenditure(council)
    reserves_capital.build_reserves_capital(council)
    revenue.build_users(council)
    savings_programme.generate(council)
    ibcf_grant.generate(council)  # after the reserves: its carry-forward goes to the iBCF reserve
    _assign_officer()
    return council


def _assign_officer() -> None:
    """The officer edits the first workstream and every statement (as an officer would be
    assigned them in the admin), so the benchmarks measure their forms."""
    from django.contrib.auth.models import User

    from ibcf.models import UpdatesAssignment
    from reserves.models import StatementAssignment
    from savings.models import Workstream, WorkstreamAssignment

    officer = User.objects.get(username="scale-officer")
    WorkstreamAssignment.objects.get_or_create(user=officer, workstream=Workstream.objects.order_by("order", "code")[0])
    for statement in StatementAssignment.Statement.values:
        StatementAssignment.objects.get_or_create(user=officer, statement=statement)
    UpdatesAssignment.objects.get_or_create(user=officer)
