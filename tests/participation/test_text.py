"""Citizens' text renders as text: the only markup is the paragraphs, line breaks and
http(s) links that participation.text makes, with rel="nofollow ugc noopener"."""

from html.parser import HTMLParser

import pytest

from participation.text import matches_word_list, render_plain
from tests.participation.xss_payloads import PAYLOADS


class Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def markup_of(html):
    parser = Markup()
    parser.feed(str(html))
    return parser.tags


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_render_as_text(payload):
    for tag, attrs in markup_of(render_plain(payload)):
        assert tag in ("p", "br", "a"), (payload, tag)
        if tag == "a":
            assert set(attrs) == {"href", "rel"}
            assert attrs["rel"] == "nofollow ugc noopener"
            assert attrs["href"].lower().startswith(("http://", "https://"))
            assert not any(c in attrs["href"] for c in "<>\"'")


def test_links_become_safe_anchors_and_punctuation_stays_out():
    html = str(render_plain("Vea https://www.soacha-cundinamarca.gov.co/tramites, por favor."))
    assert (
        '<a href="https://www.soacha-cundinamarca.gov.co/tramites" rel="nofollow ugc noopener">'
        in html
    )
    assert "</a>, por favor." in html


def test_paragraphs_and_line_breaks():
    assert str(render_plain("uno\ndos\n\ntres")) == "<p>uno<br>dos</p><p>tres</p>"


def test_ampersands_in_links_are_escaped_once():
    html = str(render_plain("https://ejemplo.gov.co/?a=1&b=2"))
    assert 'href="https://ejemplo.gov.co/?a=1&amp;b=2"' in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eso es una ESTUPIDEZ", True),
        ("Eso es una estupidez.", True),
        ("estupideces", False),
        ("Muy buena idea", False),
    ],
)
def test_word_list_matches_whole_words_without_case_or_accents(text, expected):
    assert matches_word_list(text, ["estupidez", "idiota"]) is expected
