"""The reserves and provisions, and the capital schemes, from files: two reference kinds of the
one runner (made by ascweb.reference.definitions). Not for a period: one row each, in the order
the statements print them (a row's place in the file is its order); a file's rows bring the held
ones up to date, matched by code; one the file leaves out is kept. Their figures for a period
are imported with the reserves and capital kinds (reserves.imports)."""

from ascweb.importing import Column
from ascweb.reference import definitions
from reserves.models import CapitalScheme, Reserve

RESERVES = definitions(
    model=Reserve,
    key="code",
    columns=[
        Column("code", required=True, max_length=40),
        Column("name", required=True, max_length=200),
        Column("kind", "choice", required=True, choices=tuple(Reserve.Kind.choices)),
        Column("description"),
    ],
    name="reserves-list",
    title="reserves and provisions list",
    order=48,
    description=(
        "One row per reserve or provision, in the order the statement prints them: code, name, kind "
        "(Provision or Reserve) and description (printed after the name; a period's own wording, where it "
        "differs, is imported with that period's figures). The figures are imported per period."
    ),
)

SCHEMES = definitions(
    model=CapitalScheme,
    key="code",
    columns=[Column("code", required=True, max_length=40), Column("name", required=True, max_length=300)],
    name="capital-schemes",
    title="capital schemes",
    order=58,
    description=(
        "One row per scheme of the capital programme, in the order the programme prints them: code and name. "
        "The figures are imported per period."
    ),
)
