"""Throttles for the API's writes. Counts live in the default cache (shared by every process)."""

from django.conf import settings
from rest_framework.throttling import UserRateThrottle

from common.api.throttles import AtomicCountMixin


class ArticleSubmitThrottle(AtomicCountMixin, UserRateThrottle):
    """Article submissions per token: each can hold an extraction worker for minutes."""

    scope = "article-submit"

    def get_rate(self) -> str:
        # Read per request (not at import, as DRF's rates are), so deployments and tests can set it.
        return settings.API_SUBMIT_THROTTLE
