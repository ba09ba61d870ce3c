"""The iBCF's reference files: grant streams, schemes, plan versions and acute systems, each an
import kind of the one runner made by ascweb.reference.definitions. Not for a period: a file
holds what the papers say about each (one row each, in the order they are printed) and its
rows bring the held ones up to date, matched by code or name; one the file leaves out is kept.
Their amounts by year are in ibcf.amounts."""

from datetime import date

from ascweb.importing import Column
from ascweb.imports import ImportJob
from ascweb.reference import definitions
from ibcf.models import AcuteSystem, GrantStream, PlanVersion, Scheme

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


STREAMS = definitions(
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

SCHEMES = definitions(
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


VERSIONS = definitions(
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

SYSTEMS = definitions(
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
