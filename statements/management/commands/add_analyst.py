"""Make a working review account: staff, in the Analysts group (and Editors with --editor)."""

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from statements.services.accounts import analyst_account_set


class Command(BaseCommand):
    help = "Create or update an analyst's (or, with --editor, an editor's) admin account."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--editor", action="store_true", help="Also an editor: topics, merges, deletions."
        )
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of prompting.",
        )
        parser.add_argument(
            "--keep-password", action="store_true", help="Existing account: change the role only."
        )

    def handle(self, *args, username, editor, email, password_from_env, keep_password, **options):
        password = self._password(password_from_env, keep_password)
        try:
            user = analyst_account_set(username=username, password=password, editor=editor, email=email)
        except ValidationError as exc:
            raise CommandError("Password refused: " + " ".join(exc.messages)) from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        role = "editor" if editor else "analyst"
        self.stdout.write(self.style.SUCCESS(f"{user.get_username()} can sign in at /admin/ as an {role}."))

    def _password(self, variable: str | None, keep: bool) -> str | None:
        if keep:
            return None
        if variable:
            value = os.environ.get(variable)
            if not value:
                raise CommandError(f"The environment variable {variable} is empty or not set.")
            return value
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return first
