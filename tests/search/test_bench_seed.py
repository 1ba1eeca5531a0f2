"""The benchmark seed (search/bench_seed.py): a real, valid page tree and real index
entries written in bulk, added once and only topped up on later runs."""

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

from home.models import StandardPage
from search.bench_seed import ARCHIVE_SLUG, DOCUMENT_PREFIX, seed

from .helpers import result_titles, search

pytestmark = pytest.mark.django_db


def tree_problems():
    return [problem for problem in Page.find_problems() if problem]


def test_seed_builds_a_valid_searchable_tree_once(client, demo_site):
    assert seed(pages=5, documents=3) == {
        "added_pages": 5,
        "added_documents": 3,
        "indexed_pages": 5,
        "indexed_documents": 3,
        "pages": 5,
        "documents": 3,
    }
    assert tree_problems() == []
    archive = StandardPage.objects.get(slug=ARCHIVE_SLUG)
    pages = list(StandardPage.objects.child_of(archive).live().public())
    assert len(pages) == 5 and archive.numchild == 5
    page = pages[0]
    assert client.get(page.url).status_code == 200
    assert page.title in result_titles(search(client, page.title))
    document = get_document_model().objects.filter(title__startswith=DOCUMENT_PREFIX).first()
    assert document.title in result_titles(search(client, document.title, type="document"))

    assert seed(pages=5, documents=3)["added_pages"] == 0
    again = seed(pages=7, documents=3)
    assert (again["added_pages"], again["indexed_pages"], again["pages"]) == (2, 2, 7)
    assert tree_problems() == []
    assert len({page.path for page in StandardPage.objects.child_of(archive)}) == 7
