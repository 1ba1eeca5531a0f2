"""Relevance rules on top of the full-text score, the same on SQLite and PostgreSQL.

The database ranks the matches (BM25 on SQLite, ``ts_rank`` on PostgreSQL); the first
``CANDIDATES`` of them are then reordered by explainable rules, strongest first:

1. a norm whose type, number and year are those the query names ("decreto 387",
   "dec 387 de 2009", "acuerdo 5") comes first;
2. pages whose *title* holds more of the query's words (or their synonyms) come before
   pages that only mention them in the body;
   among those, a title that starts with (or holds) the query's words in order, or
   starts with its first word, first;
3. for a trámite-like query ("pagar predial", "certificado de residencia", or the name
   of a dependency) trámites come before other pages;
4. otherwise the database's order is kept."""

import re
from dataclasses import dataclass
from functools import lru_cache

from transparency.models.norms import TYPE_WORDS

from .text import fold, query_terms

#: How many of the best database matches the rules reorder (the rest keep their order).
CANDIDATES = 100

#: Norm types as citizens write them (folded) → ``NormPage.norm_type`` values: the
#: norm listing's own words (Spanish and English) plus plurals and abbreviations.
NORM_TYPES = {
    **{fold(word): norm_type for word, norm_type in TYPE_WORDS.items()},
    "decretos": "decreto",
    "dec": "decreto",
    "acuerdos": "acuerdo",
    "acdo": "acuerdo",
    "leyes": "ley",
    "resoluciones": "resolucion",
    "res": "resolucion",
    "resol": "resolucion",
    "circulares": "circular",
    "ordenanzas": "ordenanza",
}
#: A title word shorter than this never stands for a longer query word ("se" ≠ "secretaría").
MIN_STEM = 4
#: Words between a norm's type, number and year ("Decreto No. 387 de 2009").
CONNECTORS = frozenset(
    {"de", "del", "of", "no", "n", "nº", "no°", "nro", "num", "numero", "number"}
)
NUMBER_RE = re.compile(r"^\d{1,6}$")

#: Words that make a query trámite-like (folded stems: a query word starting with one).
PROCEDURE_WORDS = (
    "tramit",
    "pagar",
    "pago",
    "paz y salvo",
    "certificad",
    "certificacion",
    "constancia",
    "licencia",
    "permiso",
    "solicit",
    "inscrib",
    "inscripcion",
    "registr",
    "afili",
    "matricul",
    "renova",
    "declara",
    "liquida",
    "impuesto",
    "sacar",
    "expedi",
    "requisito",
    "concepto",
    "querella",
    "denuncia",
    "adopta",
    "adopcion",
    "pqr",
    "peticion",
    "queja",
    "reclamo",
)


@dataclass(frozen=True)
class NormReference:
    """The norm a query names: a number, and its type and year when given."""

    number: str
    norm_type: str = ""
    year: int | None = None


def norm_reference(query):
    """The norm ``query`` names ("decreto 387", "dec. 387 de 2009", "Acuerdo 05"), or
    None. A bare number counts only when it is not a year alone."""
    words = [fold(word) for word in re.findall(r"\w+", query)]
    words = [word for word in words if word not in CONNECTORS]
    norm_type, numbers = "", []
    for word in words:
        if word in NORM_TYPES and not norm_type:
            norm_type = NORM_TYPES[word]
        elif NUMBER_RE.match(word):
            numbers.append(word)
        else:
            return None
    if not numbers or len(numbers) > 2:
        return None
    year = None
    if len(numbers) == 2:
        if len(numbers[1]) != 4:
            return None
        year = int(numbers[1])
    elif not norm_type and len(numbers[0]) == 4 and numbers[0].startswith(("19", "20")):
        return None
    return NormReference(str(int(numbers[0])), norm_type, year)


@lru_cache(maxsize=8192)
def word_stem(word):
    """A crude Spanish stem for comparing titles: folded, without the usual verb,
    plural and gender endings ("pagar", "pago", "pagos" → "pag")."""
    word = fold(word)
    for ending in (
        "aciones",
        "iciones",
        "cion",
        "ciones",
        "ar",
        "er",
        "ir",
        "os",
        "as",
        "es",
        "o",
        "a",
        "s",
    ):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=4096)
def _stems(text):
    """The stems of every word of ``text`` (a title: compared with every query)."""
    return tuple(word_stem(word) for word in re.findall(r"\w+", text))


@lru_cache(maxsize=4096)
def _phrase_stems(phrase):
    """The stems of ``phrase``'s words outside stopwords (a query's, a synonym's or a
    title's words: the same phrases and titles are compared again and again)."""
    return tuple(word_stem(word) for word in query_terms(phrase))


def _has_words(title_stems, phrase):
    """Whether every word of ``phrase`` (outside stopwords) is among ``title_stems``."""
    stems = _phrase_stems(phrase)
    return bool(stems) and all(
        any(
            title.startswith(stem) or (len(title) >= MIN_STEM and stem.startswith(title))
            for title in title_stems
        )
        for stem in stems
    )


def title_coverage(title, terms, per_term, whole):
    """How many of the query's terms (or one of their alternatives) the title holds;
    a title holding a whole-query synonym counts as holding every term."""
    stems = _stems(title)
    if any(_has_words(stems, alternative) for alternative in whole):
        return len(terms)
    return sum(
        1
        for term, alternatives in zip(terms, per_term, strict=True)
        if _has_words(stems, term) or any(_has_words(stems, alt) for alt in alternatives)
    )


def phrase_position(title, terms):
    """How well the title holds the query's words in order (stopwords ignored on both
    sides): 3 when it starts with them, 2 when it holds them elsewhere, 1 when it
    starts with the first of them, 0 otherwise."""
    title_stems = _phrase_stems(title)
    stems = [word_stem(term) for term in terms]
    if not stems or not title_stems:
        return 0
    if len(stems) > 1:
        for start in range(len(title_stems) - len(stems) + 1):
            window = title_stems[start : start + len(stems)]
            if all(word.startswith(stem) for word, stem in zip(window, stems, strict=True)):
                return 3 if start == 0 else 2
    return 1 if title_stems[0].startswith(stems[0]) else 0


def is_procedure_query(terms):
    """Whether the query reads like a trámite a citizen wants to do."""
    folded = " ".join(fold(term) for term in terms)
    return any(re.search(r"\b" + re.escape(word), folded) for word in PROCEDURE_WORDS)


def names_one_of(names, terms, per_term, whole):
    """Whether the query names one of ``names`` (dependencies: "secretaría de salud",
    "rentas"): every query word is in the name."""
    return any(title_coverage(name, terms, per_term, whole) == len(terms) for name in names)


def rerank(
    candidates,
    terms,
    per_term,
    whole,
    *,
    norm_matches=(),
    procedure_type_id=None,
    dependency_names=(),
):
    """``candidates`` (pk, title, content type id), best database match first,
    reordered by the rules of this module; returns the pks. A query that names a
    dependency counts as trámite-like: its services are what the citizen looks for."""
    exact = set(norm_matches)
    procedure_query = procedure_type_id is not None and (
        is_procedure_query(terms) or names_one_of(dependency_names, terms, per_term, whole)
    )

    # The query's words in order, or a synonym's phrase for the whole query.
    phrases = [terms, *(alternative.split() for alternative in whole)]
    if len(terms) == 1:
        phrases += [alternative.split() for alternative in per_term[0]]

    def key(item):
        position, (pk, title, content_type_id) = item
        return (
            pk not in exact,
            -title_coverage(title, terms, per_term, whole),
            -max(phrase_position(title, phrase) for phrase in phrases),
            not (procedure_query and content_type_id == procedure_type_id),
            position,
        )

    return [pk for _position, (pk, _t, _c) in sorted(enumerate(candidates), key=key)]
