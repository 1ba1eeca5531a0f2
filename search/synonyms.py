"""Query expansion with the editors' synonyms (``search.models.Synonym``).

A word of the query that has a synonym also matches the synonym's alternatives
("pqrs" also finds "pqrsd"); a synonym whose word is a phrase applies when the whole
query is that phrase ("adulto mayor" → "colombia mayor"). The table is small and read
once per cache generation."""

from . import cache as search_cache
from .text import fold, query_terms

#: The Spanish list a new portal starts with (search/migrations/0005 seeds a copy; editors
#: change it in the admin): what citizens of a Colombian municipality type → what the
#: portal's pages say.
DEFAULT_SYNONYMS = {
    "pqrs": "pqrsd",
    "pqr": "pqrsd",
    "pqrds": "pqrsd",
    "predial": "impuesto predial",
    "ica": "industria y comercio",
    "rit": "registro de industria y comercio",
    "sisben": "sisbén",
    "pot": "plan de ordenamiento territorial",
    "pae": "alimentación escolar",
    "pase": "licencia de conducción",
    "dec": "decreto",
    "res": "resolución",
    "resol": "resolución",
    "acdo": "acuerdo",
    "vacuna": "vacunación",
    "vacunas": "vacunación",
    "estrato": "estratificación",
    "certificado": "certificación",
    "derecho de peticion": "pqrsd",
    "adulto mayor": "colombia mayor",
    "tercera edad": "personas mayores",
}


def key(text):
    """How a synonym's word or a query is compared: words only, no stopwords, folded."""
    return fold(" ".join(query_terms(text)))


def synonym_table(request=None):
    """{folded word or phrase: [alternatives]} from the editors' synonyms (cached, and
    read once per ``request`` when there is one)."""
    from .engine import request_memo
    from .models import Synonym

    def compute():
        return {key(row.term): row.alternative_list() for row in Synonym.objects.all()}

    return request_memo(
        request, "synonyms", lambda: search_cache.cached_table("synonyms", [], compute)
    )


def expand(terms, request=None):
    """The alternatives of a query: ``(per_term, whole)`` where ``per_term[i]`` lists
    the other spellings of ``terms[i]`` and ``whole`` those of the whole query when it
    is a phrase with a synonym. Each alternative is a string of one or more words."""
    table = synonym_table(request)
    if not table or not terms:
        return [[] for _term in terms], []
    per_term = [list(table.get(fold(term), [])) for term in terms]
    whole = list(table.get(fold(" ".join(terms)), [])) if len(terms) > 1 else []
    return per_term, whole
