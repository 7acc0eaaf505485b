"""One error shape for every API failure: {"error": {"code", "message", "fields"?}}."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

# The error responses every operation documents in the OpenAPI schema.
ERROR_RESPONSES = {
    400: OpenApiResponse(description='Invalid input: {"error": {"code", "message", "fields"}}'),
    404: OpenApiResponse(description='Not found: {"error": {"code": "not_found", "message"}}'),
    429: OpenApiResponse(description="Too many requests (anonymous reads are throttled)."),
}


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    error = {"code": code, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def _flatten(detail) -> list[str] | dict:
    """ValidationError details are nested lists/dicts of ErrorDetail; make them plain."""
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        flat: list = []
        for item in detail:
            value = _flatten(item)
            flat.extend(value if isinstance(value, list) else [value])
        return flat
    return [str(detail)]


def _first_message(fields: dict | list) -> str:
    if isinstance(fields, list):
        return fields[0] if fields else "Invalid input."
    for name, value in fields.items():
        message = _first_message(value)
        return message if name == "non_field_errors" else f"{name}: {message}"
    return "Invalid input."


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"

    def __init__(self):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
        super().__init__(
            f"The request body is larger than {limit:g} MB; an article's text is at most "
            f"{settings.INGEST_MAX_TEXT_CHARS:,} characters."
        )


def exception_handler(exc, context):
    """DRF's handler, reshaped; Django's Http404/PermissionDenied are mapped as DRF does."""
    if isinstance(exc, RequestDataTooBig):  # a body past DATA_UPLOAD_MAX_MEMORY_SIZE: say so, in JSON
        exc = RequestTooLarge()
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a real bug: let Django log it and answer 500

    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        if isinstance(fields, list):
            body = error_body("invalid", fields[0] if fields else "Invalid input.")
        else:
            body = error_body("invalid", _first_message(fields), fields)
    elif isinstance(exc, exceptions.APIException):
        detail = exc.detail
        message = str(detail) if not isinstance(detail, list | dict) else _first_message(_flatten(detail))
        body = error_body(exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code, message)
    else:  # pragma: no cover - drf only handles APIException subclasses
        body = error_body("error", str(exc))
    response.data = body
    return response


def json_not_found(request, exception=None):
    """handler404 for /api/ paths: the same error shape as the views answer."""
    return JsonResponse(
        error_body("not_found", f"No API endpoint at {request.path}."), status=status.HTTP_404_NOT_FOUND
    )


def json_server_error(request):
    return JsonResponse(
        error_body("server_error", "The server failed to answer; the error was logged."),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )
