import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

from config.startup import freeze_heap_after_startup  # noqa: E402  (needs Django set up)

freeze_heap_after_startup()
