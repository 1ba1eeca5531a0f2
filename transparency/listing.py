"""Filtered, paginated listings that never fail on bad input.

Citizens and crawlers send anything: an unknown type, a year "abc", page 9999, a
5,000-character query. Each listing binds a small Django form to the query string,
keeps the filters that are valid, ignores the others and says so in plain language,
and always answers a normal page (HTTP 200); the page number is read by
cms.pagination like every listing's."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.pagination import paginate

PER_PAGE = 20
#: Longer search terms are cut here; nothing useful is longer than a norm's epígrafe.
MAX_QUERY_LENGTH = 200
#: How much of an invalid value the notice quotes back.
ECHO_LENGTH = 40


def _echo(value):
    value = str(value)
    return value if len(value) <= ECHO_LENGTH else value[:ECHO_LENGTH] + "…"


class ListingFilterForm(forms.Form):
    """Base for every listing's filters: a free-text ``q`` cut to MAX_QUERY_LENGTH."""

    q = forms.CharField(
        label=_("Search by name"), required=False, strip=True, widget=forms.SearchInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notices = []

    def clean_q(self):
        value = self.cleaned_data.get("q", "")
        if len(value) > MAX_QUERY_LENGTH:
            self.notices.append(
                gettext("Your search was too long: only its first %(count)s characters were used.")
                % {"count": MAX_QUERY_LENGTH}
            )
            value = value[:MAX_QUERY_LENGTH].strip()
        return value


def read_filters(form_class, request, **form_kwargs):
    """Bind ``form_class`` to the query string; return (valid values, display form,
    notices). Invalid filters are dropped with a notice instead of an error page."""
    data = request.GET.copy()
    data.pop("page", None)
    bound = form_class(data, **form_kwargs)
    bound.is_valid()
    notices = list(bound.notices)
    for name in bound.errors:
        field = bound.fields.get(name)
        label = field.label if field is not None else name
        notices.append(
            gettext("“%(value)s” is not a valid value for “%(field)s”: that filter was ignored.")
            % {"value": _echo(data.get(name, "")), "field": label}
        )
    values = {
        name: value
        for name, value in bound.cleaned_data.items()
        if value not in (None, "", False, [])
    }
    display = form_class(initial=values, **form_kwargs)
    return values, display, notices


def query_string(values):
    """The active filters as a query string for the pagination links."""
    pairs = []
    for name, value in values.items():
        if hasattr(value, "pk"):
            value = value.pk
        elif value is True:
            value = "1"
        pairs.append((name, value))
    return urlencode(pairs)


def listing_context(request, queryset, values, form, notices):
    """What every listing template reads: the filter form, the active filters, the
    notices, the requested page of ``queryset`` and the query string for its links."""
    return {
        "filter_form": form,
        "filters": values,
        "notices": notices,
        "page_obj": paginate(request, queryset, PER_PAGE, notices),
        "extra_query": query_string(values),
    }
