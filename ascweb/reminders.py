"""Reminders by email: each finance officer with items outstanding (carried forward or
missing, ascweb.workspace) in an open period is sent the list, with links to each page that
puts them right, through Django's email backend (settings.EMAIL_BACKEND)."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from ascweb import workspace
from ascweb.forms import long_date
from ascweb.models import Period
from ascweb.timetable import deadline_text


def _message(period: Period, sections: list[workspace.Section], due: str) -> tuple[str, str]:
    outstanding = [
        (section, item) for section in sections for item in section.items if item.state in workspace.OUTSTANDING
    ]
    count = len(outstanding)
    subject = f"{period.title}: {count} item{'s' if count != 1 else ''} to finish" + (f", {due.lower()}" if due else "")
    lines = [f"You have {count} item{'s' if count != 1 else ''} to finish in {period.title}."]
    if period.submission_deadline:
        lines.append(f"The submission deadline is {long_date(period.submission_deadline)}: {due.lower()}.")
    lines.append("")
    site = settings.ASCWEB_SITE_URL
    for section, item in outstanding:
        where = f"{section.title}, {item.group}" if item.group else section.title
        lines.append(f"- {where}: {item.label} ({item.state})\n  {site}{item.url}")
    lines += ["", f"Your workspace: {site}{reverse('workspace', args=[period.year.code, period.number])}"]
    return subject, "\n".join(lines) + "\n"


def send_reminders(*, days_before: int | None = None) -> list[str]:
    """Send the reminders of every open period (with `days_before`, only of a period whose
    deadline is that many days away or fewer); returns what was done, line by line."""
    today = timezone.localdate()
    said = []
    for period in Period.objects.select_related("year").filter(status=Period.Status.OPEN):
        deadline = period.submission_deadline
        if days_before is not None and (deadline is None or (deadline - today).days > days_before):
            said.append(f"{period.title}: the deadline is not within {days_before} days; nobody emailed.")
            continue
        due = deadline_text(period, today)
        emailed, finished = 0, 0
        for officer in workspace.officers():
            sections = workspace.sections(period, officer)
            if workspace.OfficerProgress(officer, workspace.counts(i for s in sections for i in s.items)).finished:
                finished += 1
                continue
            if not officer.email:
                said.append(f"{period.title}: {officer.username} has items to finish but no email address.")
                continue
            subject, body = _message(period, sections, due)
            send_mail(subject, body, None, [officer.email])
            emailed += 1
        said.append(f"{period.title}: emailed {emailed} officer(s); {finished} finished.")
    return said
