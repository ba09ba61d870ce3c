"""The iBCF's reference files: grant streams, schemes, plan versions and acute systems, each an
import kind of the one runner (finance.imports.run_import). Not for a period: a file holds
what the papers say about each (one row each, in the order they are printed) and its rows
bring the held ones up to date, matched by code or name; one the file leaves out is kept.
Their amounts by year are in ibcf.amounts."""

from collections.abc import Callable
from datetime import date

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ascweb.importing import Column, read_cells
from ascweb.imports import ImportJob
from ascweb.registry import ImportKind
from ibcf.models import AcuteSystem, GrantStream, PlanVersion, Scheme


def save_rows(job: ImportJob, model, keys: tuple[str, ...], records: dict[tuple, dict]) -> None:
    """Write rows of `model` identified by the fields `keys` (attnames): new ones created,
    changed ones updated, unchanged ones left alone; history records the file's name."""
    held = {tuple(getattr(obj, name) for name in keys): obj for obj in model.objects.all()}
    to_create, to_update, fields = [], [], set()
    for key, values in records.items():
        current = held.get(key)
        if current is None:
            to_create.append(model(**dict(zip(keys, key, strict=True)), **values))
        elif any(getattr(current, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(current, name, value)
            fields |= values.keys()
            to_update.append(current)
        else:
            job.report.unchanged += 1
    bulk_create_with_history(to_create, model, default_user=job.user, default_change_reason=job.reason)
    if to_update:
        bulk_update_with_history(
            to_update, model, sorted(fields), default_user=job.user, default_change_reason=job.reason
        )
    job.report.created += len(to_create)
    job.report.changed += len(to_update)


def _read_definitions(job: ImportJob, columns: list[Column], model, key: str) -> dict[str, tuple[int, dict]]:
    """Each good row's (row number, values) by its code or name (the one held, matched
    case-insensitively, or the file's for a new one), in file order; repeats and bad cells
    reported."""
    held = {value.upper(): value for value in model.objects.values_list(key, flat=True)}
    found: dict[str, tuple[int, dict]] = {}
    first_seen: dict[str, int] = {}
    for number, row in job.rows:
        values = read_cells(number, row, columns, job.report, label=row.get(key, ""))
        if values is None:
            continue
        name = values.pop(key)
        if name.upper() in first_seen:
            job.report.add(number, key, f"{name} appears twice (first at row {first_seen[name.upper()]})")
            continue
        first_seen[name.upper()] = number
        found[held.get(name.upper(), name)] = (number, values)
    return found


def _definitions(
    *,
    model,
    key: str,
    columns: list[Column],
    ordered: bool = True,
    prepare: Callable[[ImportJob, dict[str, tuple[int, dict]]], None] | None = None,
    rows: Callable[[], list[dict]] | None = None,
    **kind,
) -> ImportKind:
    """The import kind for definitions of `model`, one row each identified by `key`: `prepare`
    turns cells into fields (reporting problems by row), `rows` writes the template (by
    default each column's field); with `ordered`, a row's place in the file is its order."""

    def load(job: ImportJob) -> None:
        found = _read_definitions(job, columns, model, key)
        if prepare is not None:
            prepare(job, found)
        if not job.report.ok:
            return
        records = {
            (name,): {**values, **({"order": position} if ordered else {})}
            for position, (name, (_number, values)) in enumerate(found.items())
        }
        save_rows(job, model, (key,), records)

    def template_rows(_period) -> list[dict]:
        return rows() if rows else list(model.objects.values(*(column.name for column in columns)))

    return ImportKind(columns=columns, template_rows=template_rows, load=load, per_period=False, **kind)


# --- Grant streams ---------------------------------------------------------------------------------


def _stream_rows() -> list[dict]:
    return [
        {
            "code": stream.code,
            "name": stream.name,
            "label": stream.label,
            "reserve": stream.reserve.code if stream.reserve else "",
            "note": stream.note,
        }
        for stream in GrantStream.objects.select_related("reserve")
    ]


def _stream_reserves(job: ImportJob, found: dict[str, tuple[int, dict]]) -> None:
    reserve_model = GrantStream._meta.get_field("reserve").related_model  # the reserves statement's
    reserves = {code.upper(): pk for pk, code in reserve_model.objects.values_list("pk", "code")}
    for code, (number, values) in found.items():
        reserve = values.pop("reserve")
        values["reserve_id"] = reserves.get(reserve.upper()) if reserve else None
        if reserve and values["reserve_id"] is None:
            job.report.add(number, "reserve", f"{code}: no reserve has the code {reserve!r}")


STREAMS = _definitions(
    model=GrantStream,
    key="code",
    columns=[
        Column("code", required=True, max_length=20),
        Column("name", required=True, max_length=200),
        Column("label", required=True, max_length=200),
        Column("reserve", max_length=20),
        Column("note"),
    ],
    prepare=_stream_reserves,
    rows=_stream_rows,
    name="ibcf-grant-streams",
    title="iBCF grant streams",
    order=41,
    description=(
        "One row per grant funding the iBCF plan, in the order the plan's 'Funded by' lines print them: code, "
        "name, label (as the 'Funded by' line prints it), reserve (the code of the reserve its unspent grant "
        "is carried forward in; blank for none) and note. Grants by year are imported with the grants file."
    ),
)


# --- Schemes ---------------------------------------------------------------------------------------

SCHEMES = _definitions(
    model=Scheme,
    key="code",
    columns=[
        Column("code", required=True, max_length=20),
        Column("priority", "choice", required=True, choices=tuple(Scheme.Priority.choices)),
        Column("condition", "choice", required=True, choices=tuple(Scheme.Condition.choices)),
        Column("condition_text", max_length=200),
        Column("description", required=True),
        Column("impact"),
    ],
    name="ibcf-schemes",
    title="iBCF schemes",
    order=43,
    description=(
        "One row per scheme, in the plan's order: code (iBCF1, iBCF2, ...), priority (Protect, Sustain, "
        "Invest and Improve), condition (the primary grant condition: Meeting social care needs, Reducing "
        "pressure on the NHS, Stabilising the provider market), condition_text (the condition as the plan "
        "words it), description and impact. Amounts are imported with the plan allocations file."
    ),
)


# --- Plan versions ---------------------------------------------------------------------------------


def _version_rows() -> list[dict]:
    return [
        {"name": version.name, "date": version.date.isoformat(), "source": version.source}
        for version in PlanVersion.objects.all()
    ]


def _version_dates(job: ImportJob, found: dict[str, tuple[int, dict]]) -> None:
    for name, (number, values) in found.items():
        try:
            values["date"] = date.fromisoformat(values["date"])
        except ValueError:
            job.report.add(number, "date", f"{name}: {values['date']!r} is not a date like 2017-07-10")


VERSIONS = _definitions(
    model=PlanVersion,
    key="name",
    columns=[Column("name", required=True, max_length=100), Column("date", required=True), Column("source")],
    ordered=False,
    prepare=_version_dates,
    rows=_version_rows,
    name="ibcf-plan-versions",
    title="iBCF plan versions",
    order=44,
    description=(
        "One row per version of the plan as agreed or reported: name (e.g. July 2017 plan), date (when it was "
        "agreed or reported, like 2017-07-10: a period shows the latest version dated on or before its "
        "committee meeting) and source (the paper). Its amounts are imported with the plan allocations file."
    ),
)


# --- Acute systems ---------------------------------------------------------------------------------

SYSTEMS = _definitions(
    model=AcuteSystem,
    key="name",
    columns=[
        Column("name", required=True, max_length=40),
        Column("label", required=True, max_length=200),
        Column("ccgs", max_length=300),
    ],
    name="ibcf-acute-systems",
    title="iBCF acute systems",
    order=46,
    description=(
        "One row per acute hospital system the plan's money is split by, in printed order: name, label (as "
        "printed) and ccgs (the clinical commissioning groups it covers, separated by commas). The split "
        "itself is imported with the split by acute system file."
    ),
)

KINDS = [STREAMS, SCHEMES, VERSIONS, SYSTEMS]
