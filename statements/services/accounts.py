"""Staff accounts for the two review roles, made in one step so they work at first login."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

ANALYSTS = "Analysts"  # review and correct statements, people and offices
EDITORS = "Editors"  # also topics, merges and deletions


@transaction.atomic
def analyst_account_set(*, username: str, password: str | None, editor: bool = False, email: str = ""):
    """Create or update a staff account in the Analysts group (and Editors with ``editor``).

    An existing user keeps their password unless a new one is given; a new user needs one.
    Raises django's ValidationError for a weak password, ValueError for a missing one.
    """
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        if not password:
            raise ValueError("A new account needs a password.")
        user = User(username=username, email=email)
    if password:
        validate_password(password, user)
        user.set_password(password)
    user.is_staff = True
    user.is_active = True
    if email:
        user.email = email
    user.save()
    roles = [Group.objects.get(name=ANALYSTS)]
    if editor:
        roles.append(Group.objects.get(name=EDITORS))
    user.groups.remove(*Group.objects.filter(name__in=[ANALYSTS, EDITORS]))
    user.groups.add(*roles)
    return user
