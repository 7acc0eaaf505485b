"""HTML pages about people and countries."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from people import selectors
from people.models import Country, Person


@require_safe
def person_list(request):
    page = Paginator(selectors.person_list_with_counts().order_by("sort_name", "name"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "people/person_list.html", {"page": page})


@require_safe
def person_detail(request, slug):
    try:
        person = selectors.person_get(slug=slug)
    except Person.DoesNotExist:
        raise Http404("No person with this name on record.") from None
    if person.slug != slug:  # merged into another record
        return redirect(person, permanent=True)
    return render(request, "people/person_detail.html", {"person": person})


@require_safe
def country_detail(request, code):
    try:
        country = selectors.country_get(code=code)
    except Country.DoesNotExist:
        raise Http404("No such country.") from None
    if code != country.code.lower():
        return redirect(country, permanent=True)
    return render(request, "people/country_detail.html", {"country": country})
