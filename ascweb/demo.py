"""The Norfolk 2017-18 demo data set: the papers typed into the app's import templates
(data/norfolk/), loaded through the same import kinds and the same runner a lead uses.

`load_demo`, in one transaction:
1. the roles, and the demo users of `users.toml` (created, or given back their role and
   printed password where either was changed);
2. each app's manifest (ascweb.registry.DemoData, in order): its files in the order listed,
   each run as its import kind by the demo lead (as printed, and `printed_in` the paper where
   the manifest says so: the notes of a file's printed totals name it); a file already imported
   (an ImportRecord of the same kind, checksum and period) is skipped, so loading again changes
   nothing, and figures edited since are kept. Any problem in a file stops the load and nothing
   is kept;
3. each demo officer's `assigned` entries in `users.toml` (ascweb.registry.Assignable: a
   savings workstream, a statement), once the files have made what they name;
4. `periods.toml`: each period's committee meeting, and publishing (through the lifecycle
   service, so its hooks run) of those marked `publish = true`. Files can only be imported
   into an open period, hence publishing last.
"""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from ascweb import permissions
from ascweb.registry import DemoData, registry


class DemoDataProblem(ValueError):
    """A demo file cannot be loaded; the message names the file and each problem."""


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    password: str
    assigned: tuple[str, ...] = ()  # "workstream:COM", "reserves": see ascweb.registry.Assignable


@dataclass(frozen=True)
class DemoFile:
    kind: str  # a registered ImportKind's name
    path: str  # relative to data/norfolk/
    year: str = ""  # per-period kinds only
    period: int | None = None
    printed_in: str = ""  # where the paper prints the file's figures: its printed totals' notes say so


def data_dir() -> Path:
    return Path(settings.BASE_DIR) / "data" / "norfolk"


def _toml(name: str) -> dict:
    with (data_dir() / name).open("rb") as file:
        return tomllib.load(file)


def demo_users() -> list[DemoUser]:
    return [
        DemoUser(u["username"], u["role"], u["password"], tuple(u.get("assigned", ())))
        for u in _toml("users.toml")["user"]
    ]


def demo_credentials() -> list[tuple[str, str, str]]:
    """(name, role, password) of each demo user, as `load_demo` prints them."""
    return [(user.username, user.role, user.password) for user in demo_users()]


def manifest(name: str) -> list[DemoFile]:
    return [
        DemoFile(entry["kind"], entry["path"], entry.get("year", ""), entry.get("period"), entry.get("printed_in", ""))
        for entry in _toml(name)["file"]
    ]


@transaction.atomic
def load_demo(say: Callable[[str], None] = lambda _message: None) -> None:
    permissions.sync_roles()
    lead = _users()
    for part in registry.demo_data:  # in order
        load_files(part, lead, say)
    _assignments()
    _periods(lead, say)


def _users() -> User:
    """The demo users; returns the finance lead who imports the files."""
    lead = None
    for demo_user in demo_users():
        user, created = User.objects.get_or_create(username=demo_user.username)
        if created or not user.check_password(demo_user.password):
            user.set_password(demo_user.password)
            user.save()
        if list(user.groups.values_list("name", flat=True)) != [demo_user.role]:
            user.groups.set([Group.objects.get(name=demo_user.role)])
        if lead is None and demo_user.role == permissions.LEAD:
            lead = user
    if lead is None:
        raise DemoDataProblem(f"users.toml: no user has the role {permissions.LEAD}")
    return lead


def _assignments() -> None:
    """Each demo user's `assigned` entries (users.toml), through the app that owns each."""
    for demo_user in demo_users():
        user = User.objects.get(username=demo_user.username)
        for entry in demo_user.assigned:
            name, _, code = entry.partition(":")
            assignable = registry.assignables.get(name)
            if assignable is None:
                raise DemoDataProblem(f"users.toml: {demo_user.username}: nothing called {name!r} is assigned")
            try:
                assignable.assign(user, code)
            except LookupError as problem:
                raise DemoDataProblem(f"users.toml: {demo_user.username}: {entry!r}: {problem}") from None


def load_files(data: DemoData, lead: User, say: Callable[[str], None] = lambda _message: None) -> list:
    """Import the manifest's files not imported before; returns their reports, in order."""
    from ascweb.importing import FileProblem, read_file
    from ascweb.imports import run_import

    reports = []
    for entry in manifest(data.manifest):
        kind = registry.import_kinds.get(entry.kind)
        if kind is None:
            raise DemoDataProblem(f"{data.manifest}: {entry.path}: no import kind {entry.kind!r}")
        try:
            upload = read_file((data_dir() / entry.path).read_bytes(), entry.path, required=kind.required)
        except FileProblem as problem:
            raise DemoDataProblem(f"{entry.path}: {problem}") from None
        if _already_imported(kind, upload.checksum, entry):
            continue
        report = run_import(
            kind,
            user=lead,
            via="demo",
            upload=upload,
            year_code=entry.year,
            number=entry.period,
            printed_in=entry.printed_in,
        )
        if not report.ok:
            raise DemoDataProblem(f"{entry.path}: " + "; ".join(str(problem) for problem in report.problems))
        reports.append(report)
        say(f"Imported {entry.path} ({kind.title}): {report.created} added, {report.changed} changed.")
    return reports


def _already_imported(kind, checksum: str, entry: DemoFile) -> bool:
    from ascweb.models import ImportRecord

    records = ImportRecord.objects.filter(kind=kind.title, checksum=checksum)
    if kind.per_period:
        records = records.filter(period__year__code=entry.year, period__number=entry.period)
    return records.exists()


def _periods(lead: User, say: Callable[[str], None]) -> None:
    """Meeting dates and publishing, from periods.toml; a period already so is left alone."""
    from ascweb.lifecycle import history_reason, period_checks, period_transition
    from ascweb.models import Period

    for entry in _toml("periods.toml")["period"]:
        period = Period.objects.filter(year__code=entry["year"], number=entry["number"]).first()
        if period is None:
            raise DemoDataProblem(f"periods.toml: no file creates Period {entry['number']} of {entry['year']}")
        meeting: date | None = entry.get("committee_meeting")
        if meeting and period.committee_meeting != meeting:
            period.committee_meeting = meeting
            period._history_user = lead
            period._change_reason = history_reason("Committee meeting from periods.toml")
            period.save(update_fields=["committee_meeting"])
        if not entry.get("publish") or period.is_published:
            continue
        if period.is_open:
            period = period_transition(user=lead, period=period, action="submit")
        # the papers leave some text out (a line they do not explain, a saving with no recovery
        # action): published as printed, each check acknowledged and recorded on the event
        left = [check.key for check in period_checks(period)]
        period = period_transition(user=lead, period=period, action="publish", acknowledged=left)
        published: datetime | None = entry.get("published")
        if published:  # the papers' own date, where publishing now would stamp today's
            period.published_at = timezone.make_aware(published)
            period._history_user = lead
            period._change_reason = history_reason("Publication date from periods.toml")
            period.save(update_fields=["published_at"])
        say(f"Published {period.title}" + (f", acknowledging {len(left)} checks the papers leave." if left else "."))
