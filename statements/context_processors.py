"""Template context every page needs: whether sample (demo) articles are on record."""

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from statements.models import Article

DEMO_CACHE_KEY = "onrecord:has-demo-articles"
DEMO_CACHE_SECONDS = 60


def has_demo_articles() -> bool:
    """One EXISTS query at most once a minute; the banner is not worth more."""
    value = cache.get(DEMO_CACHE_KEY)
    if value is None:
        value = Article.objects.filter(is_demo=True).exists()
        cache.set(DEMO_CACHE_KEY, value, DEMO_CACHE_SECONDS)
    return value


def site(request):
    # Lazy: pages that never render the banner (feeds, JSON) never touch the cache or database.
    return {"site_has_demo": SimpleLazyObject(has_demo_articles), "site_name": "onrecord"}
