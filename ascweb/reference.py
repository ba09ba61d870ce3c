"""Reference files: definitions that belong to no period (the iBCF's schemes, the reserves, the
capital schemes, ...), one row each, identified by a code or name. A file's rows bring the held
ones up to date (new ones created, changed ones updated, unchanged ones left alone, history
naming the file); one the file leaves out is kept. Each is an import kind of the one runner
(ascweb.imports.run_import), made by `definitions`."""

from collections.abc import Callable

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ascweb.importing import Column, read_cells
from ascweb.imports import ImportJob
from ascweb.registry import ImportKind


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


def definitions(
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
