"""Misspellings: when a search finds nothing, each unknown word of the query is
replaced by the closest word of the visible pages' titles (or of a synonym), with
Python's difflib, the same on SQLite and PostgreSQL. Small and explainable: a word
is "known" when a title holds it; "recidencia" becomes "residencia", "liscencia"
becomes "licencia"."""

import difflib

from . import cache as search_cache
from .engine import visible_pages
from .synonyms import synonym_table
from .text import WORD_RE, fold, plural_variants, query_terms

#: Words shorter than this are never corrected (abbreviations, numbers).
MIN_LENGTH = 4
#: How alike a word and its correction must be (difflib ratio, 0..1).
CUTOFF = 0.75


def vocabulary(locale, request=None):
    """Folded words of the titles of this language's visible pages, and the synonyms'
    words (cached per content generation)."""

    def compute():
        # Each distinct word is folded once: titles share most of their words.
        titles = visible_pages(locale, request).values_list("title", flat=True)
        words = {fold(word) for word in set(WORD_RE.findall("\n".join(titles)))}
        for phrase in synonym_table(request):
            words.update(phrase.split())
        return sorted(word for word in words if len(word) >= MIN_LENGTH and not word.isdigit())

    return search_cache.cached_table("vocabulary", [locale.pk], compute)


def correctable(term):
    """Whether a query word may be corrected: long enough and not a number."""
    folded = fold(term)
    return len(folded) >= MIN_LENGTH and not folded.isdigit()


def correction(query, locale, request=None):
    """The query with its unknown words replaced by the closest known ones, or None
    when no word needs (or has) a correction."""
    terms = query_terms(query)
    if not any(correctable(term) for term in terms):
        return None  # the titles' vocabulary is not even read
    words = vocabulary(locale, request)
    known = set(words)
    corrected, changed = [], False
    for term in terms:
        folded = fold(term)
        if not correctable(term) or known & set(plural_variants(term)):
            corrected.append(term)
            continue
        close = difflib.get_close_matches(folded, words, n=1, cutoff=CUTOFF)
        if close:
            changed = True
        corrected.append(close[0] if close else term)
    return " ".join(corrected) if changed else None
