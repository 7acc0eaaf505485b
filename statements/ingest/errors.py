"""Why a page could not be fetched, in words a journalist can act on.

Kept apart from fetch.py so the URL rules can raise them without importing the HTTP client.
"""


class FetchError(Exception):
    """A page could not be fetched. `retryable` says whether trying again later may help."""

    retryable: bool = False

    def __init__(self, message: str, *, retryable: bool | None = None):
        super().__init__(message)
        self.message = message
        if retryable is not None:
            self.retryable = retryable

    def __str__(self) -> str:
        return self.message


class FetchRefused(FetchError):
    """Our policy forbids this fetch (a private address, a PDF, a page too large): never retried."""

    retryable = False


class FetchFailed(FetchError):
    """The network or the site failed: retryable unless the site answered that the page is not there."""

    retryable = True
