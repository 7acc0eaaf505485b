"""The OpenAPI schema class: every operation documents the errors every endpoint can answer."""

from drf_spectacular.openapi import AutoSchema

STRICT_NOTE = (
    "Unknown query parameters and malformed values (a page_size that is not a positive whole number, "
    "a cursor not handed out by this API, an unknown topic) are answered 400 in the error shape "
    '{"error": {"code", "message", "fields"}}, naming what the endpoint accepts.'
)
BAD_INPUT = {"description": "Invalid input or an unknown query parameter: " + STRICT_NOTE}


class StrictAutoSchema(AutoSchema):
    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is not None:
            operation.setdefault("responses", {}).setdefault("400", BAD_INPUT)
        return operation
