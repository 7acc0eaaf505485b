"""HTML pages about people and countries: who they are, the offices they held and what they said.

They live on the statements side because their lists are of statements; people itself knows
nothing of statements.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from common.paging import page_number
from people import selectors as people_selectors
from people.models import Person, Tenure
from statements import selectors, stances

PAGE_SIZE = 20
PEOPLE_PER_PAGE = 50


@require_safe
def person_list(request):
    people = (
        Person.objects.filter(merged_into__isnull=True)
        .select_related("country")
        .order_by("sort_name", "name")
    )
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_statement_counts(page.object_list)
    return render(request, "people/person_list.html", {"page": page})


@require_safe
def person_detail(request, slug):
    try:
        person = people_selectors.person_get(slug=slug)
    except Person.DoesNotExist:
        raise Http404("No person with this name on record.") from None
    if person.slug != slug:  # merged into another record
        return redirect(person, permanent=True)
    page = page_number(request)
    topic_stances = selectors.person_topic_stances(person_id=person.pk)
    # ?topic=slug narrows the statements to one of the topics this person spoke on.
    topic = next((row for row in topic_stances if row["topic__slug"] == request.GET.get("topic")), None)
    statements = selectors.statements_for_person(person_id=person.pk)
    if topic:
        statements = selectors.statements_with_topic(statements, slug=topic["topic__slug"])
    statements, has_next = selectors.statement_page(statements, page=page, size=PAGE_SIZE)
    tenures = list(person.tenures.all())
    evidence = selectors.tenure_evidence_by_tenure(t.pk for t in tenures if t.source == Tenure.Source.TEXT)
    for tenure in tenures:
        tenure.evidence_list = evidence.get(tenure.pk, [])
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "verified_tenures": [t for t in tenures if t.source != Tenure.Source.TEXT],
            "text_tenures": [t for t in tenures if t.source == Tenure.Source.TEXT],
            "stance_histories": stances.person_stance_histories(person_id=person.pk),
            "other_names": people_selectors.person_other_names(person),
            "current": people_selectors.current_tenures(person),
            "topic_stances": topic_stances,
            "topic": topic,
            "statements": statements,
            "page": page,
            "has_next": has_next,
        },
    )


@require_safe
def country_detail(request, code):
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        raise Http404("Countries are addressed by their two-letter code.")
    country = people_selectors.country_get(code=code)
    if country is None:
        raise Http404("No such country.")
    if code != country.code.lower():
        return redirect(country, permanent=True)
    people = selectors.people_of_country(country=country)
    statements, _ = selectors.statement_page(
        selectors.statements_of_country(code=country.code), page=1, size=PAGE_SIZE
    )
    return render(
        request,
        "people/country_detail.html",
        {"country": country, "people": people, "statements": statements},
    )
