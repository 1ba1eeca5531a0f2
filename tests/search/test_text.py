"""Unit tests of the text helpers: folding, terms, plural variants, highlighting."""

from search.text import excerpt, fold, highlight, plural_variants, query_terms


def test_fold_keeps_length_and_drops_accents():
    """Folding lower-cases, strips accents and keeps one character per character."""
    assert fold("Trámite ÑANDÚ") == "tramite nandu"
    assert len(fold("İstanbul")) == len("İstanbul")


def test_query_terms_drop_punctuation_stopwords_and_repeats():
    """Only words survive; stopwords go unless nothing else is left."""
    assert query_terms('"Decreto 387 de 2009" OR 1=1; --') == ["decreto", "387", "2009", "1"]
    assert query_terms("de la") == ["de", "la"]
    assert len(query_terms("palabra " * 50 + " ".join(f"p{i}" for i in range(50)))) == 12


def test_plural_variants():
    """Singular and plural forms are generated both ways, without accents."""
    assert "licencia" in plural_variants("licencias")
    assert "licencias" in plural_variants("licencia")
    assert "construccion" in plural_variants("construcciones")
    assert "luz" in plural_variants("luces")
    assert plural_variants("387") == ["387"]


def test_highlight_escapes_then_marks():
    """Text is escaped first; matches (accent-insensitive) are wrapped in <mark>."""
    assert highlight("<i>Trámites</i>", ["tramite"]) == "&lt;i&gt;<mark>Trámites</mark>&lt;/i&gt;"


def test_excerpt_centres_on_the_first_match():
    """The excerpt starts near the first match and marks it."""
    text = "uno " * 100 + "licencia final"
    result = excerpt(["", text], ["licencias"])
    assert result.startswith("… ") and "<mark>licencia</mark>" in result
