from django.apps import AppConfig

# Feed polling bookkeeping (last poll, next poll, failures) is not on any public page, and topic
# tallies are derived from the record by triggers (compacting them changes no count).
NOT_ON_RECORD = {"Feed", "TopicTally"}


class StatementsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "statements"
    verbose_name = "Statements and sources"

    def ready(self):
        from django.db.models.signals import post_migrate

        from common import record_version
        from statements import search_index, topic_tallies

        post_migrate.connect(search_index.repair_after_migrate, sender=self)
        post_migrate.connect(topic_tallies.repair_after_migrate, sender=self)

        record_version.watch_tables(
            *(
                model._meta.db_table
                for model in self.get_models(include_auto_created=True)
                if model.__name__ not in NOT_ON_RECORD
            )
        )
        record_version.install()
