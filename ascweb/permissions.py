"""Who may do what: named predicates, used by views, templates and tests alike.

Roles are Django groups, declared here and synced by `manage.py sync_roles`:
- Finance officer: edits the lines of the expenditure areas assigned to them, and the savings
  workstreams and statements (reserves, capital, iBCF) assigned to them, while the period is
  open.
- Finance lead: everything an officer may, for every area; creates, submits, publishes and
  re-opens periods; sees fidelity notes.
- Committee member: reads published periods only. Never a draft figure.
Superusers (council IT) administer users through the Django admin.
"""

from django.contrib.auth.models import AnonymousUser, Group, User

OFFICER = "Finance officer"
LEAD = "Finance lead"
MEMBER = "Committee member"
ROLES = (OFFICER, LEAD, MEMBER)

AnyUser = User | AnonymousUser


def _groups(user: AnyUser) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_ascweb_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._ascweb_groups = cached  # one query per request, however many checks
    return cached


def is_lead(user: AnyUser) -> bool:
    return LEAD in _groups(user)


def is_officer(user: AnyUser) -> bool:
    return OFFICER in _groups(user)


def is_finance(user: AnyUser) -> bool:
    """Finance staff see draft (unpublished) periods; nobody else does."""
    return is_lead(user) or is_officer(user)


def is_member(user: AnyUser) -> bool:
    return MEMBER in _groups(user)


def can_view_period(user: AnyUser, period) -> bool:
    if period.is_published:
        return is_finance(user) or is_member(user)
    return is_finance(user)


def can_manage_periods(user: AnyUser) -> bool:
    return is_lead(user)


def assigned_area_ids(user: AnyUser) -> set[int]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_ascweb_areas", None)
    if cached is None:
        cached = set(user.areas.values_list("area_id", flat=True))
        user._ascweb_areas = cached
    return cached


def can_edit_area(user: AnyUser, area, period) -> bool:
    """Figures are typed only into an open period, by a lead or the area's officer."""
    if not period.is_open:
        return False
    if is_lead(user):
        return True
    return is_officer(user) and area.id in assigned_area_ids(user)


def can_see_area_form(user: AnyUser, area) -> bool:
    """Whether the area's entry form exists for this user at all (else 404)."""
    return is_lead(user) or (is_officer(user) and area.id in assigned_area_ids(user))


def sync_roles() -> list[str]:
    """Create the role groups; returns the names created."""
    created = []
    for name in ROLES:
        _, was_created = Group.objects.get_or_create(name=name)
        if was_created:
            created.append(name)
    return created


# --- What is assigned to officers beyond expenditure areas -----------------------------------
# A savings workstream, the reserves and provisions statement, the capital programme, the iBCF
# scheme updates: each app keeps who is assigned what (an ascweb.models.Assignment) and hands
# these predicates the assignments of the thing asked about. A finance lead may edit them all;
# an officer only what is assigned to them; nobody once the period is submitted or published.


def is_assigned(user: AnyUser, assignments) -> bool:
    """Whether `assignments` include this user: a queryset of one thing's Assignment rows, or
    the assigned users' ids already read (a page that lists many things reads them at once)."""
    if not user.is_authenticated:
        return False
    if isinstance(assignments, (set, frozenset)):
        return user.pk in assignments
    return assignments.filter(user_id=user.pk).exists()


def can_see_assigned_form(user: AnyUser, assignments) -> bool:
    """Whether the thing's entry form is open to this user at all (others: 403)."""
    return is_lead(user) or (is_officer(user) and is_assigned(user, assignments))


def can_edit_assigned(user: AnyUser, period, assignments) -> bool:
    """Whether this user may save the thing's figures at the period now."""
    return period.is_open and can_see_assigned_form(user, assignments)
