"""Citizens' text is plain text: escaped, with web addresses turned into safe links
and line breaks kept. Nothing else a user typed is ever rendered as HTML."""

import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

# http(s) addresses only: javascript:, data: and every other scheme stay text.
URL = re.compile(r"\bhttps?://[^\s<>\"'`]+", re.IGNORECASE)
TRAILING = ".,;:!?)]}"


def render_plain(text):
    """HTML for a citizen's text: escaped paragraphs and ``rel="nofollow ugc noopener"``
    links."""
    parts = []
    position = 0
    for match in URL.finditer(text):
        url = match.group(0)
        stripped = url.rstrip(TRAILING)
        parts.append(escape(text[position : match.start()]))
        parts.append(
            format_html('<a href="{}" rel="nofollow ugc noopener">{}</a>', stripped, stripped)
        )
        position = match.start() + len(stripped)
    parts.append(escape(text[position:]))
    html = "".join(parts)
    paragraphs = [p.replace("\n", "<br>") for p in re.split(r"\n{2,}", html.replace("\r", ""))]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs if p.strip()))  # noqa: S308


def normalise(text):
    """Lower case without accents, for the word list."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches_word_list(text, words):
    """Whether ``text`` contains any of ``words`` as a whole word or phrase."""
    haystack = normalise(text)
    return any(
        re.search(rf"(?<!\w){re.escape(normalise(word))}(?!\w)", haystack)
        for word in words
        if word.strip()
    )
