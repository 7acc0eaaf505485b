"""Page numbers of the paged HTML lists."""

# Deeper pages than this are not browsed by people; the API's cursors serve programs.
MAX_HTML_PAGE = 10_000


def page_number(request) -> int:
    """The ?page= of a paged HTML list, clamped to 1..MAX_HTML_PAGE; anything else is page 1."""
    try:
        return max(1, min(int(request.GET.get("page", 1)), MAX_HTML_PAGE))
    except ValueError:
        return 1
