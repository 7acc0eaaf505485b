"""GET /api/v1/export/popolo/: people, organisations, offices and tenures as one Popolo JSON document."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.errors import ERROR_RESPONSES
from common.api.strict import StrictQueryParamsMixin
from people.models import Tenure
from people.popolo import popolo_export
from statements.models import TenureEvidence


@extend_schema(
    summary="People and offices as Popolo JSON",
    description="Every person on record (merged records left out), the organisations and posts (offices) "
    "they held, their memberships (tenures) with start and end dates in Popolo's precision (YYYY, YYYY-MM "
    "or YYYY-MM-DD), and countries as areas. Each membership's first source is the tenure itself, its note "
    "saying how it was found (found in article text and unverified, entered or verified by an analyst, or "
    "imported); further sources are the articles the tenure was seen in. See "
    "https://www.popoloproject.com/specs/ for the format.",
    responses={
        200: OpenApiResponse(response=OpenApiTypes.OBJECT, description="A Popolo document."),
        **ERROR_RESPONSES,
    },
)
class PopoloExportView(StrictQueryParamsMixin, APIView):
    def get(self, request):
        tenure_template = request.build_absolute_uri(reverse("api:tenure-detail", args=[987654321]))

        def tenure_url(tenure: Tenure) -> str:
            return tenure_template.replace("987654321", str(tenure.pk), 1)

        def sources_for(tenures: list[Tenure]) -> dict[int, list[dict]]:
            return tenure_article_sources(request, tenures)

        data = popolo_export(tenure_url=tenure_url, sources_for=sources_for)
        response = Response(data)
        response["Content-Disposition"] = 'inline; filename="onrecord-popolo.json"'
        return response


def tenure_article_sources(request, tenures: list[Tenure]) -> dict[int, list[dict]]:
    """The articles each tenure was seen in (its evidence), as Popolo links: one query for all."""
    evidence = TenureEvidence.objects.filter(tenure__in=[tenure.pk for tenure in tenures]).select_related(
        "article"
    )
    sources: dict[int, list[dict]] = {}
    for row in evidence.only(
        "tenure_id", "seen_on", "basis", "article__title", "article__url", "article__id"
    ):
        article = row.article
        seen = f"{row.get_basis_display()} in {article.title or 'an article'}, {row.seen_on.isoformat()}"
        links = sources.setdefault(row.tenure_id, [])
        links.append({"url": request.build_absolute_uri(article.get_absolute_url()), "note": seen})
        if article.url:
            links.append({"url": article.url, "note": f"{seen} (original)"})
    return sources
