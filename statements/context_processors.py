"""Template context every page needs: whether sample (demo) articles are on record."""

from django.utils.functional import SimpleLazyObject

from common import record_version
from statements.models import Article

DEMO_CACHE_KEY = "onrecord:has-demo-articles"
DEMO_CACHE_SECONDS = 60


def has_demo_articles() -> bool:
    """One EXISTS query per record version (and at most once a minute)."""
    return record_version.cached(
        DEMO_CACHE_KEY, lambda: Article.objects.filter(is_demo=True).exists(), DEMO_CACHE_SECONDS
    )


def site(request):
    # Lazy: pages that never render the banner (feeds, JSON) never touch the cache or database.
    return {"site_has_demo": SimpleLazyObject(has_demo_articles), "site_name": "onrecord"}
