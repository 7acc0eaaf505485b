"""The browsable API, allowed the inline style attributes of DRF's templates and nothing more."""

from rest_framework.renderers import BrowsableAPIRenderer


class CSPBrowsableAPIRenderer(BrowsableAPIRenderer):
    """DRF's HTML pages set a few ``style="..."`` attributes; their scripts are files (script-src 'self').

    The relaxation rides on the response (django-csp reads it), so JSON and CSV answers, pages and
    the admin keep the strict policy.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if response is not None:
            response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return super().render(data, accepted_media_type, renderer_context)
