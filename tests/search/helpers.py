"""Helpers shared by the search tests."""

import html
import re


def search(client, query, lang="es", **params):
    """GET the search page of ``lang`` for ``query`` (and filters)."""
    return client.get(f"/{lang}/buscar/", {"q": query, **params})


def result_titles(response):
    """Plain titles of the pages and documents listed on a results page."""
    return [
        html.unescape(re.sub(r"</?mark>", "", str(hit.title))) for hit in response.context["hits"]
    ]
