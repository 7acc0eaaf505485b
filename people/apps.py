from django.apps import AppConfig


class PeopleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "people"
    verbose_name = "People and offices"

    def ready(self):
        from common import record_version
        from people import checks  # noqa: F401 - registers the data checks

        # Everything here is on the public record (people, offices, countries, their history).
        record_version.watch_tables(
            *(model._meta.db_table for model in self.get_models(include_auto_created=True))
        )
        record_version.install()
