"""Misspellings: when a search finds nothing, each unknown word of the query is
replaced by the closest word of the visible pages' titles (or of a synonym), with
Python's difflib, the same on SQLite and PostgreSQL. Small and explainable: a word
is "known" when a title holds it; "recidencia" becomes "residencia", "liscencia"
becomes "licencia"."""

import difflib
import re

from . import cache as search_cache
from .engine import visible_pages
from .synonyms import synonym_table
from .text import fold, plural_variants, query_terms

#: Words shorter than this are never corrected (abbreviations, numbers).
MIN_LENGTH = 4
#: How alike a word and its correction must be (difflib ratio, 0..1).
CUTOFF = 0.75


def vocabulary(locale):
    """Folded words of the titles of this language's visible pages, and the synonyms'
    words (cached per content generation)."""

    def compute():
        words = set()
        titles = visible_pages(locale).values_list("title", flat=True)
        for title in titles.iterator():
            words.update(fold(word) for word in re.findall(r"\w+", title))
        for phrase in synonym_table():
            words.update(phrase.split())
        return sorted(word for word in words if len(word) >= MIN_LENGTH and not word.isdigit())

    return search_cache.cached("vocabulary", [locale.pk], compute)


def correction(query, locale):
    """The query with its unknown words replaced by the closest known ones, or None
    when no word needs (or has) a correction."""
    terms = query_terms(query)
    if not terms:
        return None
    words = vocabulary(locale)
    known = set(words)
    corrected, changed = [], False
    for term in terms:
        folded = fold(term)
        if len(folded) < MIN_LENGTH or folded.isdigit() or known & set(plural_variants(term)):
            corrected.append(term)
            continue
        close = difflib.get_close_matches(folded, words, n=1, cutoff=CUTOFF)
        if close:
            changed = True
        corrected.append(close[0] if close else term)
    return " ".join(corrected) if changed else None
