"""Importing a planning round: kinds of the one importer (ascweb.imports.run_import),
registered from planning.registry. The files are not a period's: each row names its round
(by name), which must be a draft; a year must be one of the round's four planning years.
Rows are matched by what they are about (round, year, category; round, department, year; ...):
new ones are created, changed ones updated; rows the file leaves out keep their figures.
Totals (the revised gap, the savings to find, each target) are never in a file: computed.
"""

from collections.abc import Callable

from django.db import models

from ascweb.importing import Column
from ascweb.imports import ImportJob, first_rows
from ascweb.lifecycle import financial_year_for
from ascweb.models import FinancialYear
from ascweb.registry import ImportKind
from planning import selectors, services
from planning.models import (
    Allocation,
    Assumption,
    BridgeLine,
    Committee,
    Department,
    Milestone,
    PlanningRound,
    Risk,
)

ROUND = Column("round", required=True, max_length=100)
YEAR = Column("year", required=True)


def _latest_round() -> PlanningRound | None:
    return PlanningRound.objects.select_related("first_year").order_by("-created_at", "-id").first()


def _save(job: ImportJob, model: type[models.Model], key: dict, values: dict) -> None:
    outcome = services.upsert(model, key, values, user=job.user, reason=job.reason)
    if outcome == "created":
        job.report.created += 1
    elif outcome == "changed":
        job.report.changed += 1
    else:
        job.report.unchanged += 1


def _draft_rounds(job: ImportJob) -> dict[str, PlanningRound]:
    """The rounds the file names, by name (case-insensitively), locked; problems for a round
    that does not exist or is published."""
    wanted = {row.get("round", "").strip().casefold() for _number, row in job.rows} - {""}
    found: dict[str, PlanningRound] = {}
    for round_ in PlanningRound.objects.select_for_update().select_related("first_year"):
        if round_.name.casefold() in wanted:
            found[round_.name.casefold()] = round_
    for number, row in job.rows:
        name = row.get("round", "").strip()
        if name and name.casefold() not in found:
            job.report.add(number, "round", f"There is no planning round {name!r}: add it with the rounds import")
        elif name and found[name.casefold()].is_published:
            job.report.add(number, "round", f"{name} is published: it cannot be changed; start a new round")
    return found


def _round_rows(job: ImportJob, columns: list[Column], key: Callable[[dict], tuple], column: str):
    """(row number, round, year or None, values) of the good rows of a round's file."""
    rounds = _draft_rounds(job)
    for number, _name, values in first_rows(job, columns, key, column):
        round_ = rounds.get(values["round"].strip().casefold())
        if round_ is None or round_.is_published:
            continue
        year = None
        if "year" in values:
            if values["year"] not in selectors.year_codes(round_):
                codes = ", ".join(selectors.year_codes(round_))
                job.report.add(number, "year", f"{values['year']!r} is not one of {round_.name}'s years ({codes})")
                continue
            year = financial_year_for(values["year"])
        yield number, round_, year, values


def _key(*names: str) -> Callable[[dict], tuple]:
    return lambda row: tuple(row.get(name, "").strip().casefold() for name in names)


def _per_year_rows(rows_of: Callable[[PlanningRound, FinancialYear], list[dict]]):
    """Template rows: the latest round's, year by year."""

    def template(_period) -> list[dict]:
        round_ = _latest_round()
        if round_ is None:
            return []
        return [
            row
            for year in FinancialYear.objects.filter(code__in=selectors.year_codes(round_)).order_by("start_year")
            for row in rows_of(round_, year)
        ]

    return template


# --- Rounds and departments ---------------------------------------------------------------------

ROUND_COLUMNS = [
    Column("round", required=True, max_length=100),
    Column("first_year", required=True),
    Column("share_rule", "choice", choices=tuple(PlanningRound.ShareRule.choices)),
    Column("illustrative"),
    Column("publish", "choice", choices=(("yes", "Yes"), ("no", "No"))),
]


def _load_rounds(job: ImportJob) -> None:
    existing = {r.name.casefold(): r for r in PlanningRound.objects.select_for_update()}
    for number, _name, values in first_rows(job, ROUND_COLUMNS, _key("round"), "round"):
        name = values["round"].strip()
        current = existing.get(name.casefold())
        if current is not None and current.is_published:
            job.report.add(number, "round", f"{name} is published: it cannot be changed; start a new round")
            continue
        try:
            first_year = financial_year_for(values["first_year"])
        except Exception:  # noqa: BLE001 - a ValidationError, said in the file's terms
            job.report.add(number, "first_year", f"{values['first_year']!r} is not a financial year like 2018-19")
            continue
        fields = {
            "first_year": first_year,
            "share_rule": values["share_rule"] or PlanningRound.ShareRule.NET_BUDGET,
            "illustrative": values["illustrative"],
        }
        _save(job, PlanningRound, {"name": current.name if current else name}, fields)
        if values["publish"] == "yes":  # after its figures' files: a published round is locked
            saved = PlanningRound.objects.get(name=current.name if current else name)
            services.round_publish(user=job.user, round_id=saved.pk)


def _round_template(_period) -> list[dict]:
    return [
        {"round": r.name, "first_year": r.first_year.code, "share_rule": r.share_rule, "illustrative": r.illustrative}
        for r in PlanningRound.objects.select_related("first_year").order_by("created_at", "id")
    ]


ROUNDS = ImportKind(
    name="planning-rounds",
    title="planning rounds",
    columns=ROUND_COLUMNS,
    template_rows=_round_template,
    load=_load_rounds,
    order=80,
    per_period=False,
    description=(
        "One row per planning round (an update of the medium-term plan, e.g. July 2017): round (its name), "
        "first_year (the first of its four planning years, e.g. 2018-19), share_rule (how the new savings "
        "are shared between departments: in proportion to net budget, or as entered) and illustrative "
        "(which figures are illustrative, shown on every page that shows them) and publish (yes: publish the "
        "round for members, once its figures are in; it is then locked). A new round is a draft; a published "
        "round cannot be changed."
    ),
)

DEPARTMENT_COLUMNS = [
    Column("code", required=True, max_length=20),
    Column("name", required=True, max_length=200),
    Column("committee_code", required=True, max_length=20),
    Column("committee_name", required=True, max_length=200),
]


def _load_departments(job: ImportJob) -> None:
    committees = {c.code.casefold(): c for c in Committee.objects.all()}
    for order, (_number, _name, values) in enumerate(first_rows(job, DEPARTMENT_COLUMNS, _key("code"), "code")):
        code = values["committee_code"].strip()
        committee = committees.get(code.casefold())
        if committee is None:
            committee = Committee.objects.create(code=code, name=values["committee_name"], order=len(committees))
            committees[code.casefold()] = committee
        elif committee.name != values["committee_name"]:
            committee.name = values["committee_name"]
            committee.save()
        fields = {"name": values["name"], "committee": committee, "order": order}
        _save(job, Department, {"code": values["code"].strip()}, fields)


DEPARTMENTS = ImportKind(
    name="planning-departments",
    title="planning departments and committees",
    columns=DEPARTMENT_COLUMNS,
    template_rows=lambda _period: [
        {"code": d.code, "name": d.name, "committee_code": d.committee.code, "committee_name": d.committee.name}
        for d in Department.objects.select_related("committee")
    ],
    load=_load_departments,
    order=81,
    per_period=False,
    description=(
        "One row per department, in the order the allocation tables print them: code, name, and the "
        "committee it reports to (committee_code, committee_name)."
    ),
)


# --- A round's figures ---------------------------------------------------------------------------

BRIDGE_COLUMNS = [
    ROUND,
    YEAR,
    Column("category", "choice", required=True, choices=tuple(BridgeLine.Category.choices)),
    Column("amount", "money", required=True),
    Column("note"),
]


def _load_bridge(job: ImportJob) -> None:
    for _number, round_, year, values in _round_rows(
        job, BRIDGE_COLUMNS, _key("round", "year", "category"), "category"
    ):
        key = {"round": round_, "year": year, "category": values["category"]}
        _save(job, BridgeLine, key, {"amount": values["amount"], "note": values["note"]})


BRIDGE = ImportKind(
    name="planning-bridge",
    title="planning gap bridge",
    columns=BRIDGE_COLUMNS,
    template_rows=_per_year_rows(
        lambda r, year: [
            {"round": r.name, "year": year.code, "category": line.category, "amount": line.amount, "note": line.note}
            for line in BridgeLine.objects.filter(round=r, year=year)
        ]
    ),
    load=_load_bridge,
    order=82,
    per_period=False,
    description=(
        "One row per movement of the gap: round, year (one of the round's four years), category (gap as "
        "agreed in the last MTFS, new cost pressures, funding changes, changes to agreed savings, council "
        "tax increase, council tax base growth, reallocation between years), amount (positive widens the "
        "gap, negative closes it) and note. The revised gap and the savings to find are computed."
    ),
)

ASSUMPTION_COLUMNS = [
    ROUND,
    YEAR,
    Column("council_tax_yield", "money", required=True),
    Column("council_tax_increase", "percent", required=True),
    Column("asc_precept", "percent", required=True),
    Column("base_growth", "percent", required=True),
]
_ASSUMED = {"tax_yield": "council_tax_yield", "tax_increase": "council_tax_increase", "precept": "asc_precept"}


def _load_assumptions(job: ImportJob) -> None:
    for _number, round_, year, values in _round_rows(job, ASSUMPTION_COLUMNS, _key("round", "year"), "year"):
        fields = {field: values[column] for field, column in _ASSUMED.items()} | {"base_growth": values["base_growth"]}
        _save(job, Assumption, {"round": round_, "year": year}, fields)


ASSUMPTIONS = ImportKind(
    name="planning-assumptions",
    title="planning assumptions",
    columns=ASSUMPTION_COLUMNS,
    template_rows=_per_year_rows(
        lambda r, year: [
            {"round": r.name, "year": year.code, "base_growth": a.base_growth}
            | {column: getattr(a, field) for field, column in _ASSUMED.items()}
            for a in Assumption.objects.filter(round=r, year=year)
        ]
    ),
    load=_load_assumptions,
    order=83,
    per_period=False,
    description=(
        "One row per year of a round: round, year, council_tax_yield (£), council_tax_increase, asc_precept "
        "(the adult social care precept) and base_growth (council tax base growth), each a percentage such "
        "as 1.99."
    ),
)

ALLOCATION_COLUMNS = [
    ROUND,
    Column("department", required=True),
    YEAR,
    Column("net_budget", "money", required=True),
    Column("agreed", "money"),
    Column("new_share", "money"),
    Column("changes", "money"),
]


def _load_allocation(job: ImportJob) -> None:
    departments = {d.code.casefold(): d for d in Department.objects.all()}
    rows = _round_rows(job, ALLOCATION_COLUMNS, _key("round", "department", "year"), "department")
    linked: dict[int, set[str]] = {}
    for number, round_, year, values in rows:
        department = departments.get(values["department"].strip().casefold())
        if department is None:
            job.report.add(number, "department", f"Unknown department {values['department']!r}")
            continue
        if round_.id not in linked:
            linked[round_.id] = set(selectors.savings_targets(round_))
        if values["agreed"] is None and department.code not in linked[round_.id]:
            job.report.add(number, "agreed", f"{department.name}: give its agreed savings (£, negative)")
            continue
        if values["agreed"] is not None and department.code in linked[round_.id]:
            job.report.add(
                number, "agreed", f"{department.name}: leave blank: its agreed savings are the savings programme's"
            )
            continue
        fields = {
            "net_budget": values["net_budget"],
            "agreed": values["agreed"],
            "new_share": values["new_share"],
            "changes": values["changes"] or 0,
        }
        _save(job, Allocation, {"round": round_, "department": department, "year": year}, fields)


ALLOCATION = ImportKind(
    name="planning-allocation",
    title="planning allocation of savings targets",
    columns=ALLOCATION_COLUMNS,
    template_rows=_per_year_rows(
        lambda r, year: [
            {
                "round": r.name,
                "department": a.department.code,
                "year": year.code,
                "net_budget": a.net_budget,
                "agreed": a.agreed if r.is_published or a.agreed is not None else None,
                "new_share": a.new_share,
                "changes": a.changes,
            }
            for a in Allocation.objects.filter(round=r, year=year).select_related("department")
        ]
    ),
    load=_load_allocation,
    order=84,
    per_period=False,
    description=(
        "One row per department and year: round, department (its code), year, net_budget (£), agreed "
        "(previously agreed savings, £, negative; leave blank for the department whose agreed savings are "
        "the savings programme's targets: they are read from it), new_share (its share of the new savings, "
        "used only when the round's rule is 'as entered'; otherwise shared in proportion to net budget) and "
        "changes (changes to agreed savings). Totals and shares of net budget are computed."
    ),
)

TIMETABLE_COLUMNS = [ROUND, Column("date", "date", required=True), Column("milestone", required=True, max_length=300)]


def _load_timetable(job: ImportJob) -> None:
    for _number, round_, _year, values in _round_rows(job, TIMETABLE_COLUMNS, _key("round", "milestone"), "milestone"):
        _save(job, Milestone, {"round": round_, "name": values["milestone"].strip()}, {"date": values["date"]})


TIMETABLE = ImportKind(
    name="planning-timetable",
    title="planning budget-setting timetable",
    columns=TIMETABLE_COLUMNS,
    template_rows=lambda _period: [
        {"round": m.round.name, "date": m.date, "milestone": m.name}
        for m in Milestone.objects.filter(round=_latest_round()).select_related("round")
    ],
    load=_load_timetable,
    order=85,
    per_period=False,
    description="One row per milestone of the budget-setting timetable: round, date (2017-10-19) and milestone.",
)

RISK_COLUMNS = [ROUND, Column("risk", required=True, max_length=300), Column("amount", "money")]


def _load_risks(job: ImportJob) -> None:
    rows = _round_rows(job, RISK_COLUMNS, _key("round", "risk"), "risk")
    for order, (_number, round_, _year, values) in enumerate(rows):
        _save(
            job, Risk, {"round": round_, "name": values["risk"].strip()}, {"amount": values["amount"], "order": order}
        )


RISKS = ImportKind(
    name="planning-risks",
    title="planning risks not yet reflected",
    columns=RISK_COLUMNS,
    template_rows=lambda _period: [
        {"round": r.round.name, "risk": r.name, "amount": r.amount}
        for r in Risk.objects.filter(round=_latest_round()).select_related("round")
    ],
    load=_load_risks,
    order=86,
    per_period=False,
    description="One row per risk not yet reflected in the figures: round, risk and amount (£, where estimated).",
)

KINDS = (ROUNDS, DEPARTMENTS, BRIDGE, ASSUMPTIONS, ALLOCATION, TIMETABLE, RISKS)
