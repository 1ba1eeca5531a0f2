"""The search form: validates the query and the filters a citizen can change."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: Longer input is cut, never rejected: a pasted paragraph still gets results.
MAX_QUERY_LENGTH = 200
FIRST_YEAR = 2000


def year_choices():
    return [("", _("Any year"))] + [
        (str(year), str(year)) for year in range(timezone.localdate().year, FIRST_YEAR - 1, -1)
    ]


class SearchForm(forms.Form):
    """GET form of the search page. Invalid filters are dropped (the search still runs)
    rather than shown as errors, since they only come from tampered links."""

    q = forms.CharField(
        label=_("Search terms"), required=False, strip=True, widget=forms.SearchInput
    )
    type = forms.RegexField(
        label=_("Type"), required=False, regex=r"^[a-z0-9_]+(\.[a-z0-9_]+)?$", widget=forms.Select
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    dependency = forms.ChoiceField(label=_("Dependency"), required=False)

    def __init__(self, data, *, dependency_choices=()):
        data = data.copy()
        data["q"] = data.get("q", "")[: MAX_QUERY_LENGTH * 4].strip()[:MAX_QUERY_LENGTH]
        super().__init__(data)
        self.set_type_choices([])
        self.fields["year"].choices = year_choices()
        self.fields["dependency"].choices = [("", _("All dependencies")), *dependency_choices]
        self.fields["q"].widget.attrs.update({"maxlength": MAX_QUERY_LENGTH, "autocomplete": "off"})

    def set_type_choices(self, facets):
        """Offer the result types found for this query, each with its count."""
        self.fields["type"].widget.choices = [("", _("All types"))] + [
            (value, f"{label} ({count})") for value, label, count in facets
        ]

    def cleaned_value(self, name):
        """The field's clean value, or its empty value when it did not validate."""
        self.is_valid()
        if name in self.errors:
            return self.fields[name].empty_value if name == "year" else ""
        return self.cleaned_data.get(name) or ("" if name != "year" else None)
