"""Absolute links from API rows to their HTML pages, cheaply.

A list of 200 statements links 200 statements and 200 speakers: rather than resolve the URL
pattern each time, resolve it once per request with a placeholder and fill the key in.
"""

from django.urls import reverse

_PLACEHOLDER = {"int": 987654321, "slug": "key-placeholder"}


def page_url(serializer, name: str, key, kind: str = "int") -> str:
    """The absolute URL of page `name` for `key`; the pattern is resolved once per request."""
    context = serializer.context  # shared by every nested serializer of one response
    templates = context.setdefault("_page_url_templates", {})
    template = templates.get(name)
    if template is None:
        placeholder = _PLACEHOLDER[kind]
        url = reverse(name, args=[placeholder])
        request = context.get("request")
        template = (request.build_absolute_uri(url) if request else url).replace(str(placeholder), "{}", 1)
        templates[name] = template
    return template.format(key)
