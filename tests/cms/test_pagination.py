"""One pagination for every listing: a bad or too-high page number answers 200 with
the nearest real page (first for junk or numbers below 1, last past the end), and the
links keep the current filters, encoded once."""

from django.test import RequestFactory
from django.urls import reverse

import pytest

from cms.pagination import paginate, query_without_page
from home.models import NewsIndexPage
from transparency.models import DirectoryPage, NormIndexPage, ProcedureIndexPage


def _news():
    return NewsIndexPage.objects.get(slug="actualidad", locale__language_code="es").url


def _norms():
    return NormIndexPage.objects.get(locale__language_code="es").url


def _procedures():
    return ProcedureIndexPage.objects.get(locale__language_code="es").url


def _officials():
    return DirectoryPage.objects.get(directory="officials", locale__language_code="es").url


#: (name, url, extra query, page parameter, context name of the page, signed in as superuser)
LISTINGS = [
    ("news", _news, {}, "page", "page_obj", False),
    ("norms", _norms, {}, "page", "page_obj", False),
    ("procedures", _procedures, {}, "page", "page_obj", False),
    ("officials", _officials, {}, "page", "page_obj", False),
    ("search", lambda: reverse("search:search"), {"q": "secretaria"}, "page", "page_obj", False),
    ("anonymous answers", lambda: reverse("pqr:anonymous_answers"), {}, "page", "page_obj", False),
    ("pqr inbox", lambda: reverse("pqr_admin:inbox"), {}, "p", "page_obj", True),
    ("survey moderation", lambda: reverse("surveys_admin:moderation"), {}, "p", "answers", True),
    ("page feedback", lambda: reverse("surveys_admin:feedback_report"), {}, "p", "comments", True),
]


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        ("abc", "first"),
        ("9" * 5000, "first"),
        ("9" * 50, "last"),
        ("0", "first"),
        ("-3", "first"),
        ("9999", "last"),
    ],
)
@pytest.mark.parametrize("listing", LISTINGS, ids=[row[0] for row in LISTINGS])
def test_bad_page_number_is_the_same_on_every_listing(
    client, demo_site, superuser, listing, raw, where
):
    """Every listing answers a bad page number with 200 and the first or last page."""
    _name, url, query, param, context_name, staff = listing
    if staff:
        client.force_login(superuser)
    response = client.get(url(), {**query, param: raw})
    assert response.status_code == 200
    page = response.context[context_name]
    expected = 1 if where == "first" else page.paginator.num_pages
    assert page.number == expected


def _request(query):
    return RequestFactory().get("/listado/", query)


def test_clamps_with_a_notice():
    notices = []
    page = paginate(_request({"page": "7"}), list(range(25)), 10, notices)
    assert page.number == 3 and list(page) == [20, 21, 22, 23, 24]
    assert len(notices) == 1 and "7" in notices[0]


def test_a_good_page_has_no_notice_and_other_parameter_names_work():
    notices = []
    page = paginate(_request({"p": "2", "page": "x"}), list(range(25)), 10, notices, param="p")
    assert page.number == 2 and notices == []


def test_empty_listing_is_one_empty_page():
    page = paginate(_request({"page": "5"}), [], 10)
    assert page.number == 1 and list(page) == []


def test_query_without_page_is_encoded_once():
    request = _request({"q": "Secretaría de", "page": "3", "estado": "abierto"})
    assert query_without_page(request) == "q=Secretar%C3%ADa+de&estado=abierto"


def test_partial_keeps_the_filters_and_parameter_name(client, demo_site, superuser):
    """The admin inbox's next link keeps its filters (it used to drop them)."""
    from django.template.loader import render_to_string

    page = paginate(_request({"p": "2"}), list(range(30)), 10, param="p")
    html = render_to_string(
        "includes/pagination.html",
        {"page_obj": page, "page_param": "p", "extra_query": "estado=abierto&tipo=Q"},
    )
    assert 'href="?estado=abierto&amp;tipo=Q&amp;p=1"' in html
    assert 'href="?estado=abierto&amp;tipo=Q&amp;p=3"' in html


@pytest.mark.parametrize(
    "extra_query",
    [
        {"categoria": "boletin"},
        "categoria=boletin",
        "categoria=boletin&page=1",
    ],
    ids=["mapping", "encoded", "stale page"],
)
def test_links_keep_a_filter_given_as_a_mapping_or_a_string(extra_query):
    """A mapping of filters is encoded, never printed as a Python dict
    (``?%7B%27categoria%27…``), and a stale page number is not repeated."""
    from django.template.loader import render_to_string

    page = paginate(_request({"page": "2"}), list(range(30)), 10)
    html = render_to_string(
        "includes/pagination.html", {"page_obj": page, "extra_query": extra_query}
    )
    assert 'href="?categoria=boletin&amp;page=1"' in html
    assert 'href="?categoria=boletin&amp;page=3"' in html
    assert "%7B" not in html and "{" not in html


def test_links_encode_each_value_once_and_escape_markup():
    from django.http import QueryDict
    from django.template.loader import render_to_string

    from cms.pagination import page_query

    assert page_query({"q": "Secretaría de", "tag": ["a", "b"]}, "p", 2) == (
        "?q=Secretar%C3%ADa+de&tag=a&tag=b&p=2"
    )
    assert page_query(QueryDict("q=%22%3E%3Cx&p=9"), "p", 3) == "?q=%22%3E%3Cx&p=3"
    assert page_query("", "page", 2) == "?page=2"
    page = paginate(_request({"page": "1"}), list(range(30)), 10)
    html = render_to_string(
        "includes/pagination.html", {"page_obj": page, "extra_query": {"q": '"><script>'}}
    )
    assert "<script>" not in html
    assert 'href="?q=%22%3E%3Cscript%3E&amp;page=2"' in html
