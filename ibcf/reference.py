"""The iBCF's reference files: grant streams, schemes, plan versions and acute systems, each an
import kind of the one runner (finance.imports.run_import). Not for a period: a file holds
what the papers say about each (one row each, in the order they are printed) and its rows
bring the held ones up to date, matched by code or name; one the file leaves out is kept.
Their amounts by year are in ibcf.amounts."""

from datetime import date

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ascweb.importing import Column, read_cells
from ascweb.registry import ImportKind
from finance.imports import ImportJob
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


def _read_definitions(job: ImportJob, columns: list[Column], model, key: str) -> dict[str, dict]:
    """Each good row's values by its code or name (the one held, matched case-insensitively,
    or the file's for a new one), in file order; repeats and bad cells reported."""
    held = {value.upper(): value for value in model.objects.values_list(key, flat=True)}
    found: dict[str, dict] = {}
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
        found[held.get(name.upper(), name)] = values
    return found


def _save_definitions(job: ImportJob, model, key: str, found: dict[str, dict], *, ordered: bool = True) -> None:
    """Save definitions read by _read_definitions; their `order` is their place in the file."""
    records = {
        (name,): {**values, **({"order": position} if ordered else {})}
        for position, (name, values) in enumerate(found.items())
    }
    save_rows(job, model, (key,), records)


# --- Grant streams ---------------------------------------------------------------------------------

STREAM_COLUMNS = [
    Column("code", required=True, max_length=20),
    Column("name", required=True, max_length=200),
    Column("label", required=True, max_length=200),
    Column("reserve", max_length=20),
    Column("note"),
]


def _stream_rows(_period) -> list[dict]:
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


def _load_streams(job: ImportJob) -> None:
    found = _read_definitions(job, STREAM_COLUMNS, GrantStream, "code")
    reserve_model = GrantStream._meta.get_field("reserve").related_model  # the reserves statement's
    reserves = {code.upper(): pk for pk, code in reserve_model.objects.values_list("pk", "code")}
    numbers = {row.get("code", "").upper(): number for number, row in reversed(job.rows)}
    for code, values in found.items():
        reserve = values.pop("reserve")
        values["reserve_id"] = reserves.get(reserve.upper()) if reserve else None
        if reserve and values["reserve_id"] is None:
            job.report.add(numbers[code.upper()], "reserve", f"{code}: no reserve has the code {reserve!r}")
    if job.report.ok:
        _save_definitions(job, GrantStream, "code", found)


STREAMS = ImportKind(
    name="ibcf-grant-streams",
    title="iBCF grant streams",
    columns=STREAM_COLUMNS,
    template_rows=_stream_rows,
    load=_load_streams,
    order=41,
    per_period=False,
    description=(
        "One row per grant funding the iBCF plan, in the order the plan's 'Funded by' lines print them: code, "
        "name, label (as the 'Funded by' line prints it), reserve (the code of the reserve its unspent grant "
        "is carried forward in; blank for none) and note. Grants by year are imported with the grants file."
    ),
)


# --- Schemes ---------------------------------------------------------------------------------------

SCHEME_COLUMNS = [
    Column("code", required=True, max_length=20),
    Column("priority", "choice", required=True, choices=tuple(Scheme.Priority.choices)),
    Column("condition", "choice", required=True, choices=tuple(Scheme.Condition.choices)),
    Column("condition_text", max_length=200),
    Column("description", required=True),
    Column("impact"),
]


def _scheme_rows(_period) -> list[dict]:
    fields = [column.name for column in SCHEME_COLUMNS]
    return list(Scheme.objects.values(*fields))


def _load_schemes(job: ImportJob) -> None:
    found = _read_definitions(job, SCHEME_COLUMNS, Scheme, "code")
    if job.report.ok:
        _save_definitions(job, Scheme, "code", found)


SCHEMES = ImportKind(
    name="ibcf-schemes",
    title="iBCF schemes",
    columns=SCHEME_COLUMNS,
    template_rows=_scheme_rows,
    load=_load_schemes,
    order=43,
    per_period=False,
    description=(
        "One row per scheme, in the plan's order: code (iBCF1, iBCF2, ...), priority (Protect, Sustain, "
        "Invest and Improve), condition (the primary grant condition: Meeting social care needs, Reducing "
        "pressure on the NHS, Stabilising the provider market), condition_text (the condition as the plan "
        "words it), description and impact. Amounts are imported with the plan allocations file."
    ),
)


# --- Plan versions ---------------------------------------------------------------------------------

VERSION_COLUMNS = [
    Column("name", required=True, max_length=100),
    Column("date", required=True, max_length=10),
    Column("source"),
]


def _version_rows(_period) -> list[dict]:
    return [
        {"name": version.name, "date": version.date.isoformat(), "source": version.source}
        for version in PlanVersion.objects.all()
    ]


def _load_versions(job: ImportJob) -> None:
    found = _read_definitions(job, VERSION_COLUMNS, PlanVersion, "name")
    numbers = {row.get("name", "").upper(): number for number, row in reversed(job.rows)}
    for name, values in found.items():
        try:
            values["date"] = date.fromisoformat(values["date"])
        except ValueError:
            job.report.add(numbers[name.upper()], "date", f"{name}: {values['date']!r} is not a date like 2017-07-10")
    if job.report.ok:
        _save_definitions(job, PlanVersion, "name", found, ordered=False)


VERSIONS = ImportKind(
    name="ibcf-plan-versions",
    title="iBCF plan versions",
    columns=VERSION_COLUMNS,
    template_rows=_version_rows,
    load=_load_versions,
    order=44,
    per_period=False,
    description=(
        "One row per version of the plan as agreed or reported: name (e.g. July 2017 plan), date (when it was "
        "agreed or reported, like 2017-07-10: a period shows the latest version dated on or before its "
        "committee meeting) and source (the paper). Its amounts are imported with the plan allocations file."
    ),
)


# --- Acute systems ---------------------------------------------------------------------------------

SYSTEM_COLUMNS = [
    Column("name", required=True, max_length=40),
    Column("label", required=True, max_length=200),
    Column("ccgs", max_length=300),
]


def _system_rows(_period) -> list[dict]:
    return list(AcuteSystem.objects.values("name", "label", "ccgs"))


def _load_systems(job: ImportJob) -> None:
    found = _read_definitions(job, SYSTEM_COLUMNS, AcuteSystem, "name")
    if job.report.ok:
        _save_definitions(job, AcuteSystem, "name", found)


SYSTEMS = ImportKind(
    name="ibcf-acute-systems",
    title="iBCF acute systems",
    columns=SYSTEM_COLUMNS,
    template_rows=_system_rows,
    load=_load_systems,
    order=46,
    per_period=False,
    description=(
        "One row per acute hospital system the plan's money is split by, in printed order: name, label (as "
        "printed) and ccgs (the clinical commissioning groups it covers, separated by commas). The split "
        "itself is imported with the split by acute system file."
    ),
)

KINDS = [STREAMS, SCHEMES, VERSIONS, SYSTEMS]
