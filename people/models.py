"""People, the offices they hold and when: countries, persons, aliases, organisations, positions, tenures."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .normalize import normalize_name


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class Country(models.Model):
    code = models.CharField(max_length=2, primary_key=True, help_text="ISO 3166-1 alpha-2 code.")
    name = models.CharField(max_length=120)
    official_name = models.CharField(max_length=200, blank=True)
    demonyms = models.JSONField(
        default=list, blank=True, help_text='Adjectives naming the country in text: ["Russian"].'
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("country-detail", args=[self.code.lower()])


class Person(models.Model):
    name = models.CharField(max_length=200, help_text="Full name as usually written.")
    sort_name = models.CharField(max_length=200, blank=True, help_text="Surname first, for sorting.")
    slug = models.SlugField(max_length=220, unique=True)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="people")
    description = models.CharField(max_length=300, blank=True)
    wikidata_id = models.CharField(
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id is Q followed by digits, e.g. Q312.")],
        help_text="Q-number, e.g. Q312.",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text="Set when this record was merged into another; its pages redirect there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name", "name"]
        indexes = [models.Index(fields=["country", "sort_name"])]
        permissions = [("merge_person", "Can merge two records of one person")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("person-detail", args=[self.slug])


class PersonSlugRedirect(models.Model):
    """An address a person had before (a slug changed): /people/<slug>/ redirects to the person."""

    slug = models.SlugField(max_length=220, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.slug} → {self.person_id}"


class PersonAlias(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, db_index=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "person aliases"
        constraints = [models.UniqueConstraint(fields=["person", "normalized"], name="unique_alias_per_person")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class Organization(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "Government or head of state's office"
        MINISTRY = "ministry", "Ministry or agency"
        PARTY = "party", "Political party"
        LEGISLATURE = "legislature", "Legislature"
        INTERNATIONAL = "international", "International body"
        MEDIA = "media", "News organisation"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    normalized = models.CharField(max_length=200, db_index=True, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="organizations"
    )
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["normalized", "country"], name="unique_organization_per_country")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class Position(models.Model):
    title = models.CharField(max_length=200, help_text='The office: "Minister of Foreign Affairs".')
    slug = models.SlugField(max_length=220, unique=True)
    normalized = models.CharField(max_length=200, db_index=True, editable=False)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions")
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["normalized", "country", "organization"],
                name="unique_position",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.country_id})" if self.country_id else self.title

    def save(self, *args, **kwargs):
        self.normalized = normalize_name(self.title)
        super().save(*args, **kwargs)


class Tenure(models.Model):
    class Source(models.TextChoices):
        TEXT = "text", "Found in article text (unverified)"
        ANALYST = "analyst", "Entered or verified by an analyst"
        IMPORT = "import", "Imported from a reference source"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="tenures")
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="tenures")
    start = models.DateField(null=True, blank=True, help_text="First day in office; empty when unknown.")
    start_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    end = models.DateField(null=True, blank=True, help_text="Last day in office; empty while in office or unknown.")
    end_precision = models.CharField(max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY)
    last_seen = models.DateField(
        null=True,
        blank=True,
        help_text="Found in text: the latest date an article showed the person in office. The tenure "
        "stays open (end empty) after it, until a later source or an analyst ends it.",
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.TEXT)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start"]
        indexes = [
            models.Index(fields=["position", "start", "end"]),
            models.Index(fields=["person", "start", "end"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                name="tenure_end_after_start",
            )
        ]

    def __str__(self):
        span = f"{self.start or '?'} – {self.end or ''}"
        return f"{self.person} as {self.position} ({span})"

    def covers(self, day) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)
