"""Which articles showed a person in an office: the evidence behind tenures read from text."""

from __future__ import annotations

import datetime as dt

from people.models import Tenure
from statements.models import Article, TenureEvidence


def tenure_evidence_record(
    *, tenure: Tenure, article: Article, seen_on: dt.date, former: bool
) -> TenureEvidence:
    """Note that ``article`` showed ``tenure`` on ``seen_on``; idempotent per (tenure, article)."""
    basis = TenureEvidence.Basis.FORMER if former else TenureEvidence.Basis.IN_OFFICE
    evidence, _ = TenureEvidence.objects.get_or_create(
        tenure=tenure, article=article, defaults={"seen_on": seen_on, "basis": basis}
    )
    return evidence
