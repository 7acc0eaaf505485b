"""Rate limits counted atomically in the shared cache.

DRF's throttles keep each client's request history as a list that they read and write back without
a lock: two processes answering one client at the same moment each write their own list and one
of the counts is lost, so under load every process keeps its own budget. Here a client's count is
one cache counter, created by the first request of a period (``cache.add``) and raised with
``cache.incr``, which Redis does in one step; the period runs from that first request.
"""

from __future__ import annotations

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle


class AtomicCountMixin:
    """``allow_request`` for a ``SimpleRateThrottle``: one atomic counter per client and period."""

    # Not DRF's key: its history lists may still be in a shared cache during a deployment.
    cache_format = "throttle_%(scope)s_count_%(ident)s"

    def allow_request(self: SimpleRateThrottle, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.cache.add(self.key, 0, self.duration)
        try:
            count = self.cache.incr(self.key)
        except ValueError:  # the period ended between add and incr: this request opens the next
            self.cache.add(self.key, 1, self.duration)
            count = 1
        return count <= self.num_requests

    def wait(self: SimpleRateThrottle) -> float:
        # The counter does not say when its period began: a client is told the longest it may wait.
        return float(self.duration)


class SharedAnonRateThrottle(AtomicCountMixin, AnonRateThrottle):
    """Anonymous clients by address, one budget across every web process."""
