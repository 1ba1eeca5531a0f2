"""Text helpers for Spanish-aware search: query terms, plural variants and highlighting.

They work on a one-character-per-character "folded" copy of the text (lower case,
accents removed) so a match found in the folded copy maps back to the same positions in
the original text, and the excerpt can show the original accents."""

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

#: A pasted essay must not become a query with hundreds of terms.
MAX_TERMS = 12
#: Words too common to help; PostgreSQL drops them too, SQLite's FTS5 would require them.
STOPWORDS = frozenset(
    "a al con de del el en la las lo los o para por que se su sus un una y "
    "and for in of on or the to".split()
)
WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def fold_char(char):
    """One character lower-cased and without its accent, still one character."""
    return unicodedata.normalize("NFD", char)[0].lower()[:1] or char


class _FoldTable(dict):
    """``str.translate`` table: code point → its folded character, filled on first use
    (at most ``FOLD_TABLE_SIZE`` entries are kept; others are computed each time)."""

    def __missing__(self, code):
        folded = fold_char(chr(code))
        if len(self) < FOLD_TABLE_SIZE:
            self[code] = folded
        return folded


FOLD_TABLE_SIZE = 4096
_FOLD_TABLE = _FoldTable()


def fold(text):
    """Lower-case ``text`` and strip accents, keeping exactly one character per input
    character ("Trámite" -> "tramite"). ASCII text only needs lower-casing; other text
    goes through one ``str.translate`` (the same as ``fold_char`` per character)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def query_terms(query):
    """The query's words, lower case, without punctuation, stopwords or repeats.

    Only ``\\w`` runs survive, so quotes, operators and SQL-looking fragments never
    reach a full-text parser. Stopwords are kept when the query has nothing else."""
    words = [word.lower() for word in WORD_RE.findall(query)]
    terms = [word for word in words if fold(word) not in STOPWORDS] or words
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def plural_variants(term):
    """Singular and plural forms of a Spanish (or English) word, accents removed:
    enough light stemming for SQLite, whose full-text index has no Spanish stemmer."""
    word = fold(term)
    variants = {word}
    if word.isdigit() or len(word) < 3:
        return sorted(variants)
    if word.endswith("ces"):
        variants.add(word[:-3] + "z")
    if word.endswith("es") and len(word) > 4:
        variants.add(word[:-2])
    if word.endswith("s"):
        variants.add(word[:-1])
    else:
        variants.update({word + "s", word + "es"})
        if word.endswith("z"):
            variants.add(word[:-1] + "ces")
    return sorted(variants)


def stem(term):
    """The shortest plural variant: the prefix a highlighted word must start with."""
    return min(plural_variants(term), key=len)


def match_spans(text, terms):
    """(start, end) of every word in ``text`` that starts with one of the terms' stems,
    compared without accents or case."""
    stems = sorted({stem(term) for term in terms if term}, key=len, reverse=True)
    if not stems or not text:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*")
    return [match.span() for match in pattern.finditer(fold(text))]


def highlight(text, terms):
    """``text`` escaped, with the words matching ``terms`` wrapped in <mark>.

    Every piece of the text is escaped before the markup is added, so user or editor
    text can never inject HTML."""
    parts, position = [], 0
    for start, end in match_spans(text, terms):
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped


def excerpt(texts, terms, width=220):
    """A window of about ``width`` characters around the first match in the first text
    that has one (or the start of the first non-empty text), highlighted."""
    texts = [" ".join(str(text).split()) for text in texts if text and str(text).strip()]
    if not texts:
        return ""
    chosen, first = texts[0], 0
    for text in texts:
        spans = match_spans(text, terms)
        if spans:
            chosen, first = text, spans[0][0]
            break
    start = max(0, first - width // 3)
    if start:
        start = chosen.find(" ", start) + 1 or start
    end = min(len(chosen), start + width)
    if end < len(chosen):
        end = chosen.rfind(" ", start, end) if chosen.rfind(" ", start, end) > start else end
    snippet = chosen[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(chosen) else ""
    return mark_safe(f"{prefix}{highlight(snippet, terms)}{suffix}")  # noqa: S308 - escaped
