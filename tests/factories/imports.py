"""Running an import as the command and the upload page do: read the file, run its kind."""

from django.contrib.auth.models import User
from django.db.models import QuerySet

from ascweb.importing import Report, read_file
from ascweb.imports import run_import
from ascweb.models import ImportRecord
from ascweb.registry import registry


def import_file(
    kind: str,
    content: str | bytes,
    *,
    username: str | None = "lead",
    year: str = "",
    number: int | None = None,
    filename: str = "figures.csv",
    publish: bool = False,
    acknowledge_all: bool = False,
) -> Report:
    """The report of importing `content` as `kind` (FileProblem if the file cannot be read)."""
    import_kind = registry.import_kinds[kind]
    data = content.encode("utf-8") if isinstance(content, str) else content
    upload = read_file(data, filename, required=import_kind.required)
    user = User.objects.get(username=username) if username else None
    return run_import(
        import_kind,
        user=user,
        via="test",
        upload=upload,
        year_code=year,
        number=number,
        publish=publish,
        acknowledge_all=acknowledge_all,
    )


def problems(report: Report) -> list[str]:
    assert not report.ok, "the import was expected to fail"
    return [str(problem) for problem in report.problems]


def imported() -> QuerySet:
    """The records of the imports a test ran: not those of the demo data set's files."""
    return ImportRecord.objects.exclude(via="demo")
