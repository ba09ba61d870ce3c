"""The savings programme's structure from files: its workstreams, its savings (with the other
wordings the papers use for them) and their targets by year. Reference kinds: the file names
no period, its rows add to or update what is held, and anything not in it is left as it is.
Run by the one importer (finance.imports.run_import), problems reported by row and column.
"""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ascweb.importing import Column, join_list, split_list
from ascweb.imports import ImportJob, first_rows
from ascweb.lifecycle import financial_year_for
from ascweb.registry import ImportKind
from savings.importing import next_order, upsert
from savings.models import Programme, Saving, SavingAlias, SavingTarget, Workstream

# --- Programmes and workstreams -------------------------------------------------------------

WORKSTREAM_COLUMNS = [
    Column("programme", required=True, max_length=20),
    Column("programme_name", required=True, max_length=200),
    Column("code", required=True, max_length=20),
    Column("name", required=True, max_length=200),
]


def _workstream_rows(_period) -> list[dict]:
    return [
        {"programme": w.programme.code, "programme_name": w.programme.name, "code": w.code, "name": w.name}
        for w in Workstream.objects.select_related("programme").order_by("programme__order", "order", "code")
    ]


def _load_workstreams(job: ImportJob) -> None:
    rows = list(first_rows(job, WORKSTREAM_COLUMNS, lambda v: v["code"].upper(), "code"))
    programmes: dict[str, tuple[int, dict]] = {}  # code -> (first row, its values there)
    for number, _code, values in rows:
        first, given = programmes.setdefault(values["programme"].upper(), (number, values))
        if given["programme_name"] != values["programme_name"]:
            message = f"{values['programme']} is named {given['programme_name']!r} at row {first}"
            job.report.add(number, "programme_name", message)
    if not job.report.ok:
        return
    wanted = {code: {"code": v["programme"], "name": v["programme_name"]} for code, (_n, v) in programmes.items()}
    held = _by_code(Programme, wanted)
    programme = upsert(job, Programme, held, wanted, key=lambda p: p.code.upper())
    wanted = {
        code: {"code": v["code"], "name": v["name"], "programme_id": programme[v["programme"].upper()].id}
        for _number, code, v in rows
    }
    upsert(job, Workstream, _by_code(Workstream, wanted), wanted, key=lambda w: w.code.upper())


def _by_code(model, wanted: dict[str, dict]) -> dict:
    """The held objects by upper-case code; each wanted one not held gets the next order, and
    a held one keeps the code as it was written."""
    held = {obj.code.upper(): obj for obj in model.objects.all()}
    order = next_order(model.objects.all())
    for code, values in wanted.items():
        if code in held:
            values["code"] = held[code].code
        else:
            values["order"], order = order, order + 1
    return held


WORKSTREAMS = ImportKind(
    name="savings-workstreams",
    title="savings workstreams",
    columns=WORKSTREAM_COLUMNS,
    template_rows=_workstream_rows,
    load=_load_workstreams,
    order=31,
    per_period=False,
    shown_at="savings",
    description=(
        "One row per workstream of the savings programme: programme (its code, like PI) and programme_name "
        "(Promoting Independence), code (the workstream's code, like EHP) and name (as Appendix D heads it). "
        "A new programme or workstream is added after those held, in the file's order; one held is renamed "
        "or moved. Workstreams not in the file are left as they are."
    ),
)


# --- Savings: description, workstream, category, the saving a project is part of, aliases -------

SAVING_COLUMNS = [
    Column("code", required=True, max_length=20),
    Column("description", required=True, max_length=400),
    Column("workstream", required=True),
    Column("category", "choice", choices=tuple(Saving.Category.choices)),
    Column("part_of"),
    Column("aliases"),
]
ALIAS_MAX = 400  # SavingAlias.name


def _saving_rows(_period) -> list[dict]:
    aliases = Prefetch("aliases", queryset=SavingAlias.objects.order_by("id"))
    return [
        {
            "code": s.code,
            "description": s.description,
            "workstream": s.workstream.code,
            "category": s.category,
            "part_of": s.part_of.code if s.part_of else "",
            "aliases": join_list(alias.name for alias in s.aliases.all()),
        }
        for s in Saving.objects.select_related("workstream", "part_of").prefetch_related(aliases)
    ]


def _load_savings(job: ImportJob) -> None:
    rows = list(first_rows(job, SAVING_COLUMNS, lambda v: v["code"].upper(), "code"))
    workstreams = {code.upper(): pk for code, pk in Workstream.objects.values_list("code", "id")}
    was = {code.upper(): (part or "").upper() for code, part in Saving.objects.values_list("code", "part_of__code")}
    parents = was | {code: v["part_of"].upper() for _number, code, v in rows}
    for number, code, v in rows:
        _check_saving(job, number, code, v, workstreams, parents)
    if not job.report.ok:
        return
    wanted = {
        code: {
            "code": v["code"],
            "description": v["description"],
            "workstream_id": workstreams[v["workstream"].upper()],
            "category": v["category"],
        }
        for _number, code, v in rows
    }
    held = _by_code(Saving, wanted)
    aliases = {code: list(dict.fromkeys(split_list(v["aliases"]))) for _number, code, v in rows}
    held_aliases: dict[int, list[SavingAlias]] = {}
    for alias in SavingAlias.objects.order_by("id"):
        held_aliases.setdefault(alias.saving_id, []).append(alias)
    touched = {code for code in held if code in wanted and was[code] != parents[code]}
    touched |= {
        code
        for code in aliases
        if code in held and [a.name for a in held_aliases.get(held[code].id, [])] != aliases[code]
    }
    savings = upsert(job, Saving, held, wanted, key=lambda s: s.code.upper(), touched=frozenset(touched))
    _set_parts(job, savings, parents)
    _set_aliases(job, savings, aliases, held_aliases)


def _check_saving(job: ImportJob, number: int, code: str, v: dict, workstreams: dict, parents: dict) -> None:
    label = v["code"]
    if v["workstream"].upper() not in workstreams:
        job.report.add(number, "workstream", f"{label}: unknown workstream {v['workstream']!r}")
    part = parents[code]
    if part and part not in parents:
        job.report.add(number, "part_of", f"{label}: unknown saving {v['part_of']!r}")
    elif part:
        seen = {code}
        while part and part not in seen:
            seen.add(part)
            part = parents.get(part, "")
        if part:
            job.report.add(number, "part_of", f"{label}: {v['part_of']} is, through its parts, part of {label}")
    for name in split_list(v["aliases"]):
        if len(name) > ALIAS_MAX:
            job.report.add(number, "aliases", f"{label}: keep each alias under {ALIAS_MAX} characters")


def _set_parts(job: ImportJob, savings: dict[str, Saving], parents: dict[str, str]) -> None:
    """The saving each project is part of (set once all exist: a parent may be new in the file)."""
    ids = {code.upper(): pk for code, pk in Saving.objects.values_list("code", "id")}
    changed = []
    for code, saving in savings.items():
        part_of_id = ids[parents[code]] if parents[code] else None
        if saving.part_of_id != part_of_id:
            saving.part_of_id = part_of_id
            changed.append(saving)
    if changed:
        bulk_update_with_history(changed, Saving, ["part_of"], default_user=job.user, default_change_reason=job.reason)


def _set_aliases(
    job: ImportJob, savings: dict[str, Saving], names: dict[str, list[str]], held: dict[int, list[SavingAlias]]
) -> None:
    """Each saving's aliases become the file's: the others are deleted, the new ones added."""
    new = []
    for code, saving in savings.items():
        kept = set()
        for alias in held.get(saving.id, []):
            if alias.name in names[code]:
                kept.add(alias.name)
                continue
            alias._history_user, alias._change_reason = job.user, job.reason  # simple_history's
            alias.delete()
        new += [SavingAlias(saving=saving, name=name) for name in names[code] if name not in kept]
    bulk_create_with_history(new, SavingAlias, default_user=job.user, default_change_reason=job.reason)


SAVINGS = ImportKind(
    name="savings-list",
    title="savings list",
    columns=SAVING_COLUMNS,
    template_rows=_saving_rows,
    load=_load_savings,
    order=32,
    per_period=False,
    shown_at="savings",
    description=(
        "One row per saving: code (the papers' reference, like ASC006), description, workstream (its code), "
        "category (A to D, or blank), part_of (the code of the saving a project delivers part of, or blank) "
        "and aliases (other wordings of the saving in the papers, separated by semicolons). A new saving is "
        "added after those held, in the file's order. Savings not in the file are left as they are."
    ),
)


# --- Targets by financial year ----------------------------------------------------------------

TARGET_COLUMNS = [
    Column("code", required=True),
    Column("year", required=True),
    Column("target", "money", required=True),
    Column("reversal", "money"),
]


def _target_rows(_period) -> list[dict]:
    targets = SavingTarget.objects.select_related("saving", "year").order_by(
        "saving__workstream__order", "saving__order", "saving__code", "year__start_year"
    )
    return [
        {"code": t.saving.code, "year": t.year.code, "target": t.amount, "reversal": t.reversal or None}
        for t in targets
    ]


def _load_targets(job: ImportJob) -> None:
    savings = {code.upper(): pk for code, pk in Saving.objects.values_list("code", "id")}
    years: dict[str, int | None] = {}
    wanted = {}
    for number, (code, year), v in first_rows(job, TARGET_COLUMNS, _saving_and_year, "year", ("code", "year")):
        if code not in savings:
            job.report.add(number, "code", f"Unknown saving {v['code']!r}")
        if year not in years:
            years[year] = _year_id(year)
        if years[year] is None:
            job.report.add(number, "year", f"{year!r} is not a financial year like 2017-18")
        if v["target"] > 0:
            job.report.add(number, "target", f"{v['code']}: a saving is a reduction: enter it as a negative amount")
        if (v["reversal"] or 0) < 0:
            message = f"{v['code']}: a reversal adds back an earlier saving: enter it as a positive amount"
            job.report.add(number, "reversal", message)
        if job.report.ok:
            saving_id, year_id = savings[code], years[year]
            wanted[(saving_id, year_id)] = {
                "saving_id": saving_id,
                "year_id": year_id,
                "amount": v["target"],
                "reversal": v["reversal"] or 0,
            }
    if not job.report.ok:
        return
    held = {(t.saving_id, t.year_id): t for t in SavingTarget.objects.filter(saving_id__in={k[0] for k in wanted})}
    upsert(job, SavingTarget, held, wanted, key=lambda t: (t.saving_id, t.year_id))


def _saving_and_year(values: dict) -> tuple[str, str]:
    return values["code"].upper(), values["year"]


def _year_id(code: str) -> int | None:
    try:
        return financial_year_for(code).id
    except ValidationError:
        return None


TARGETS = ImportKind(
    name="savings-targets",
    title="savings targets",
    columns=TARGET_COLUMNS,
    template_rows=_target_rows,
    load=_load_targets,
    order=33,
    per_period=False,
    shown_at="savings",
    description=(
        "One row per saving and financial year: code, year (like 2018-19), target (the saving required that "
        "year, in pounds, negative: a reduction in spend; 0 where the papers print a nil target) and reversal "
        "(a positive amount adding back an earlier saving, counted in the net savings but not the target; "
        "blank for none). A row for a saving and year already held replaces it; others are left as they are."
    ),
)
