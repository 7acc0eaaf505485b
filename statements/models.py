"""Sources and what was said in them: outlets, feeds, articles, statements, citations, topics."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from people.models import DatePrecision


class Outlet(models.Model):
    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=253, unique=True, help_text="Registered domain, lower case.")
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("outlet-detail", args=[self.pk])


class Feed(models.Model):
    url = models.URLField(max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds")
    enabled = models.BooleanField(default=True, help_text="Disabled feeds are not polled.")
    poll_interval_minutes = models.PositiveIntegerField(default=30)
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    entries_seen = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url"]

    def __str__(self):
        return self.title or self.url


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        FETCHED = "fetched", "Fetched"
        EXTRACTED = "extracted", "Extracted"
        FAILED = "failed", "Failed"
        DUPLICATE = "duplicate", "Duplicate of another article"

    class Origin(models.TextChoices):
        URL = "url", "URL"
        TEXT = "text", "Pasted text"
        FILE = "file", "File"
        FEED = "feed", "Feed"
        IMPORT = "import", "Bulk import"

    url = models.URLField(
        max_length=2000, null=True, blank=True, unique=True, help_text="Canonical URL; empty for pasted text."
    )
    submitted_url = models.URLField(max_length=2000, blank=True, help_text="The URL as given, before canonicalising.")
    content_hash = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        help_text="SHA-256 of the normalised body text: the same text under two URLs is one article.",
    )
    title = models.CharField(max_length=500, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    feed = models.ForeignKey(Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    author = models.CharField(max_length=300, blank=True)
    language = models.CharField(
        max_length=10,
        blank=True,
        help_text='Language of the text ("en", "fr"), as detected from the text; empty when undecided. '
        "Statements are extracted from English only: another language fails the article with a message.",
    )
    published = models.DateField(null=True, blank=True, db_index=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="Body text; citation offsets point into it.")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.TEXT)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    error = models.TextField(blank=True, help_text="Why the last attempt failed, in words a person can act on.")
    attempts = models.PositiveIntegerField(
        default=0,
        help_text="Extraction runs that died (started, never finished) since the last success.",
    )
    extraction_started_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the running extraction started; empty when none runs."
    )
    task_due_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the task for the article's next step was handed to the queue (or is due to retry); "
        "empty when the queue could not be reached: the reconciler sends it again.",
    )
    requeues = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Times the reconciler re-sent this step because no task finished it; reset on progress.",
    )
    extraction_count = models.PositiveIntegerField(
        default=0, help_text="How many runs have saved statements from this article (first run and re-runs)."
    )
    extractor_version = models.CharField(max_length=20, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text="Set when the fetched text turned out to be an article already on record.",
    )
    is_demo = models.BooleanField(default=False, help_text="Sample article about fictional politicians.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-published", "-id"]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self):
        return self.title or self.url or f"Article {self.pk}"

    def get_absolute_url(self):
        return reverse("article-detail", args=[self.pk])


class Topic(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=140, unique=True)
    description = models.TextField(blank=True)
    keywords = models.JSONField(
        default=list, blank=True, help_text="Words and phrases that put a statement in this topic."
    )
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")
    is_suggested = models.BooleanField(
        default=False, help_text="Proposed by the extractor; hidden from the public until an analyst accepts it."
    )
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("topic-detail", args=[self.slug])


class Statement(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INDIRECT = "indirect", "Reported speech"
        MIXED = "mixed", "Reported speech with quoted words"

    class DateBasis(models.TextChoices):
        EXPLICIT = "explicit", "Date given in the text"
        RELATIVE = "relative", "Relative to publication (e.g. 'last month')"
        PUBLISHED = "published", "Publication date of the article"
        INGESTED = "ingested", "Unknown: on or before the day the article was put on record (no publication date)"
        UNKNOWN = "unknown", "Unknown"

    class ReviewStatus(models.TextChoices):
        UNREVIEWED = "unreviewed", "Unreviewed"
        VERIFIED = "verified", "Verified"
        CORRECTED = "corrected", "Corrected by an analyst"
        REJECTED = "rejected", "Rejected (not a statement)"

    speaker = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    speaker_organization = models.ForeignKey(
        "people.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text='For statements by an institution ("the Kremlin said").',
    )
    speaker_text = models.CharField(max_length=300, help_text="The speaker as written in the first citation.")
    quote = models.TextField(
        help_text="The speaker's words from the first citation, without the quotation marks around them."
    )
    quoted_spans = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "For reported speech with quoted words: [start, end] ranges of the quote that the "
            "speaker's own words fill, printed inside quotation marks. Pages put the marks back."
        ),
    )
    quote_key = models.CharField(
        max_length=64,
        db_index=True,
        editable=False,
        help_text="Hash of speaker and normalised quote: the natural key used to merge reports of one remark.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, db_index=True)
    cue = models.CharField(max_length=60, blank=True, help_text='Speech verb or noun: "said", "according to".')
    said_on = models.DateField(null=True, blank=True, db_index=True)
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    date_basis = models.CharField(max_length=10, choices=DateBasis.choices, default=DateBasis.PUBLISHED)
    tenure = models.ForeignKey(
        "people.Tenure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text="The office the speaker held when this was said.",
    )
    targets = models.ManyToManyField(
        "people.Person", blank=True, related_name="mentioned_in", help_text="Persons it is about or addressed to."
    )
    topics = models.ManyToManyField(Topic, through="StatementTopic", related_name="statements")
    platform = models.CharField(max_length=40, blank=True, help_text='Where it was said: "X", "television".')
    confidence = models.FloatField(default=0.5)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    analyst_note = models.TextField(blank=True)
    reject_reason = models.CharField(
        max_length=300, blank=True, help_text="Why an analyst rejected it; empty unless rejected."
    )
    extractor_version = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords(excluded_fields=["quote_key"])

    class Meta:
        ordering = ["-said_on", "-id"]
        indexes = [
            models.Index(fields=["speaker", "-said_on"]),
            models.Index(fields=["-said_on", "-id"]),
            models.Index(fields=["review_status", "-said_on"]),
            # The review queue: what is left to review, least confident first.
            models.Index(fields=["review_status", "confidence", "id"], name="statement_review_queue"),
            # The same walk across every review status.
            models.Index(fields=["confidence", "id"], name="statement_confidence_order"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["quote_key"], name="unique_statement_quote_key"),
            models.CheckConstraint(
                condition=~Q(speaker__isnull=False, speaker_organization__isnull=False),
                name="statement_one_speaker_kind",
            ),
        ]

    def __str__(self):
        return f"{self.speaker_text}: {self.quote[:60]}"

    def get_absolute_url(self):
        return reverse("statement-detail", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        """An analyst's decision: re-extraction must not overwrite it."""
        return self.review_status != self.ReviewStatus.UNREVIEWED


class Citation(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="citations")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    start = models.PositiveIntegerField(help_text="Offset of the quote's first character in the article text.")
    end = models.PositiveIntegerField(help_text="Offset just past the quote's last character.")
    text = models.TextField(help_text="The quote exactly as printed here: article.text[start:end].")
    speaker_text = models.CharField(max_length=300, blank=True)
    cue = models.CharField(max_length=60, blank=True)
    extractor_version = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article_id", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="unique_citation_span"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="citation_nonempty_span"),
        ]

    def __str__(self):
        return f"{self.article_id}[{self.start}:{self.end}]"


class StatementTopic(models.Model):
    class Stance(models.TextChoices):
        SUPPORT = "support", "Support"
        OPPOSE = "oppose", "Oppose"
        NEUTRAL = "neutral", "Neutral"
        UNCLEAR = "unclear", "Unclear"

    class AssignedBy(models.TextChoices):
        MODEL = "model", "Extractor (suggestion)"
        ANALYST = "analyst", "Analyst"

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="statement_topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="statement_topics")
    relevance = models.FloatField(default=0.0, help_text="How strongly the statement belongs to the topic (0–1).")
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.UNCLEAR, db_index=True)
    stance_confidence = models.FloatField(default=0.0)
    assigned_by = models.CharField(max_length=10, choices=AssignedBy.choices, default=AssignedBy.MODEL)
    stance_confirmed = models.BooleanField(
        default=False, help_text="An analyst confirmed the stance; until then it is shown as a suggestion."
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["statement", "topic"], name="unique_statement_topic")]
        indexes = [models.Index(fields=["topic", "stance"])]

    def __str__(self):
        return f"{self.statement_id} in {self.topic_id} ({self.stance})"


class TenureEvidence(models.Model):
    """An article that showed a person in an office: what a tenure found in text rests on.

    Tenures read from text span the dates articles have shown the person in office; each row
    here is one article's part of that span, so a page can say "seen in office from … to …".
    """

    class Basis(models.TextChoices):
        IN_OFFICE = "in_office", "Named as holding the office"
        FORMER = "former", "Named as a former holder"

    tenure = models.ForeignKey("people.Tenure", on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tenure_evidence")
    seen_on = models.DateField(
        help_text="The date the article shows the person in office (or, when former, out of it by)."
    )
    basis = models.CharField(max_length=10, choices=Basis.choices, default=Basis.IN_OFFICE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["seen_on", "id"]
        constraints = [models.UniqueConstraint(fields=["tenure", "article"], name="unique_tenure_evidence")]
        indexes = [models.Index(fields=["tenure", "seen_on"])]
        verbose_name_plural = "tenure evidence"

    def __str__(self):
        return f"tenure {self.tenure_id} seen in article {self.article_id} on {self.seen_on}"


class TopicTally(models.Model):
    """+1/-1 rows counting a topic's statements by speaker and by month, written by triggers.

    See statements/topic_tallies.py. Plain ids, not foreign keys: the rows follow the links
    (a deleted topic's rows sum to zero and are dropped when compacted), never the other way.
    """

    topic_id = models.BigIntegerField()
    speaker_id = models.BigIntegerField(null=True, help_text="With no month: the speaker counted (empty: none).")
    month = models.DateField(null=True, help_text="First day of the month counted; empty on speaker rows.")
    stance = models.CharField(max_length=10, choices=StatementTopic.Stance.choices)
    n = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["topic_id", "month"], name="topictally_topic_month"),
            models.Index(fields=["speaker_id"], name="topictally_speaker"),
        ]

    def __str__(self):
        return f"topic {self.topic_id} speaker {self.speaker_id} month {self.month} {self.stance}: {self.n:+d}"
