"""The core's factories: financial years, periods and the personas (tests/conftest.py says what
each persona may see)."""

import factory
from django.contrib.auth.models import Group, User

from ascweb import permissions
from ascweb.models import FinancialYear, Period


class FinancialYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinancialYear
        django_get_or_create = ("code",)

    start_year = 2030
    code = factory.LazyAttribute(lambda o: FinancialYear.code_for(o.start_year))


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Period

    year = factory.SubFactory(FinancialYearFactory)
    number = 1
    status = Period.Status.PUBLISHED


class UserFactory(factory.django.DjangoModelFactory):
    """A user (the same one again for the same username) with a role: `UserFactory(role=LEAD)`."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            permissions.sync_roles()
            self.groups.add(Group.objects.get(name=extracted))


# The personas' usernames and roles, as the Norfolk demo users have them.
PERSONAS = {
    "lead": permissions.LEAD,
    "officer": permissions.OFFICER,
    "officer2": permissions.OFFICER,
    "member": permissions.MEMBER,
}


def persona(username: str) -> User:
    """One of the personas, made if the data set has not made them already."""
    return UserFactory(username=username, role=PERSONAS[username])


def publish_acknowledging(period: Period, lead: User) -> Period:
    """Publish a submitted period as the lead, acknowledging every check left (each recorded)."""
    from ascweb.lifecycle import period_checks, period_transition

    left = [check.key for check in period_checks(period)]
    return period_transition(user=lead, period=period, action="publish", acknowledged=left)
