"""participation.drafts: splitting a plain-text or Markdown draft into sections, and
decoding the uploaded bytes (real layouts of Colombian decrees, Markdown, Windows
files). The admin action that uses them: test_draft_import_admin.py."""

import pytest

from participation import drafts
from participation.drafts import DraftImportError, decode_text, section_key, split_sections

DECREE = """ALCALDÍA MUNICIPAL DE SOACHA
DECRETO No. ___ DE 2026
(          )
"Por medio del cual se reglamenta la participación ciudadana en línea"

EL ALCALDE MUNICIPAL DE SOACHA, en uso de sus facultades constitucionales y legales,

CONSIDERANDO:

Que el artículo 2 de la Constitución Política establece los fines esenciales del Estado.

Que el Artículo 5 de la Ley 1757 de 2015 dispone…

DECRETA:

CAPÍTULO I
DISPOSICIONES GENERALES

ARTÍCULO PRIMERO. OBJETO. El presente decreto tiene por objeto reglamentar la
participación ciudadana por medios electrónicos.

PARÁGRAFO. Lo dispuesto aplica también a los corregimientos.

ARTÍCULO SEGUNDO. Ámbito de aplicación.
Aplica a todas las dependencias de la Alcaldía.

PARÁGRAFO 1. Las entidades descentralizadas podrán adoptarlo.
PARÁGRAFO 2. Los plazos se cuentan en días calendario.

CAPÍTULO II. DE LAS CONSULTAS

ARTÍCULO 3o. Plazo. Los proyectos se publicarán durante quince (15) días calendario.

Artículo 10.- Vigencia. El presente decreto rige a partir de su publicación.

PUBLÍQUESE Y CÚMPLASE
"""


def numbers(sections):
    return [s["number"] for s in sections]


def test_a_colombian_decree_with_considerandos_chapters_and_paragraphs():
    sections = split_sections(DECREE)
    assert numbers(sections) == [
        "Considerandos",
        "Artículo primero",
        "Artículo segundo",
        "Artículo 3º",
        "Artículo 10",
    ]
    preamble, first, second, third, tenth = sections
    assert preamble["body"].startswith("ALCALDÍA MUNICIPAL DE SOACHA")
    assert "Que el Artículo 5 de la Ley 1757" in preamble["body"]  # text, not a heading
    assert preamble["body"].endswith("DECRETA:")
    assert first["heading"] == "Capítulo I. DISPOSICIONES GENERALES — OBJETO"
    assert first["body"] == (
        "El presente decreto tiene por objeto reglamentar la\n"
        "participación ciudadana por medios electrónicos.\n\n"
        "PARÁGRAFO. Lo dispuesto aplica también a los corregimientos."
    )
    assert second["heading"] == "Ámbito de aplicación"
    assert "PARÁGRAFO 1." in second["body"] and "PARÁGRAFO 2." in second["body"]
    assert third["heading"] == "Capítulo II. DE LAS CONSULTAS — Plazo"
    assert tenth["heading"] == "Vigencia"
    assert tenth["body"].startswith("El presente decreto rige")
    assert "PUBLÍQUESE" in tenth["body"]  # the closing formula stays with the last article
    assert [s["key"] for s in sections] == [
        "preambulo",
        "articulo:1",
        "articulo:2",
        "articulo:3",
        "articulo:10",
    ]


def test_the_preamble_can_be_left_out():
    sections = split_sections(DECREE, preamble=False)
    assert numbers(sections)[0] == "Artículo primero"


def test_a_preamble_without_considerandos_is_a_preambulo():
    sections = split_sections("Proyecto de plan\n\nArtículo 1. Objeto. Texto.")
    assert numbers(sections) == ["Preámbulo", "Artículo 1"]


def test_no_preamble_no_introductory_section():
    assert numbers(split_sections("\n\nArtículo 1. Texto del artículo.")) == ["Artículo 1"]


@pytest.mark.parametrize(
    ("line", "number", "key"),
    [
        ("Artículo 1. Texto.", "Artículo 1", "articulo:1"),
        ("ARTÍCULO 2º. Texto.", "Artículo 2º", "articulo:2"),
        ("ARTÍCULO 2°. Texto.", "Artículo 2º", "articulo:2"),
        ("ARTÍCULO 1o. Texto.", "Artículo 1º", "articulo:1"),
        ("Artículo 1.º Texto.", "Artículo 1º", "articulo:1"),
        ("Artículo 10.- Texto.", "Artículo 10", "articulo:10"),
        ("Artículo 10: Texto.", "Artículo 10", "articulo:10"),
        ("Art. 3 Texto.", None, None),  # not delimited: text
        ("Art. 3. Texto.", "Artículo 3", "articulo:3"),
        ("Art 3. Texto.", "Artículo 3", "articulo:3"),
        ("ARTICULO 4. Sin tilde.", "Artículo 4", "articulo:4"),
        ("Article 5. Text.", "Article 5", "articulo:5"),
        ("ARTÍCULO PRIMERO. Texto.", "Artículo primero", "articulo:1"),
        ("ARTÍCULO TERCERO. Texto.", "Artículo tercero", "articulo:3"),
        ("ARTÍCULO SÉPTIMO. Texto.", "Artículo séptimo", "articulo:7"),
        ("ARTÍCULO NOVENO. Texto.", "Artículo noveno", "articulo:9"),
        ("ARTÍCULO DÉCIMO. Texto.", "Artículo décimo", "articulo:10"),
        ("ARTÍCULO UNDÉCIMO. Texto.", "Artículo undécimo", "articulo:11"),
        ("ARTÍCULO DÉCIMO PRIMERO. Texto.", "Artículo décimo primero", "articulo:11"),
        ("ARTÍCULO DÉCIMO SEGUNDO. Texto.", "Artículo décimo segundo", "articulo:12"),
        ("Artículo decimosegundo. Texto.", "Artículo decimosegundo", "articulo:12"),
        ("ARTÍCULO VIGÉSIMO PRIMERO. Texto.", "Artículo vigésimo primero", "articulo:21"),
        ("ARTÍCULO ÚNICO. Texto.", "Artículo único", "articulo:unico"),
        ("ARTÍCULO 5 BIS. Texto.", "Artículo 5 bis", "articulo:5bis"),
        ("Artículo 5A. Texto.", "Artículo 5A", "articulo:5a"),
        ("ARTÍCULO 12 TRANSITORIO. Texto.", "Artículo 12 transitorio", "articulo:12transitorio"),
        ("Artículo 2.2.3.1.1. Objeto.", "Artículo 2.2.3.1.1", "articulo:2.2.3.1.1"),
        ("Artículo\u00a07. Con espacio duro.", "Artículo 7", "articulo:7"),
        ("   Artículo 8. Sangrado.", "Artículo 8", "articulo:8"),
    ],
)
def test_article_heading_layouts(line, number, key):
    found = drafts._heading_line(decode_text(line.encode()))
    if number is None:
        assert found is None
    else:
        assert found[1:3] == (number, key)


@pytest.mark.parametrize(
    "line",
    [
        "Artículo 5 de la Ley 1437 de 2011 establece que",
        "artículo 209 superior dispone",
        "Parágrafo 1. Texto.",
        "PARÁGRAFO TRANSITORIO. Texto.",
        "Arte y cultura. Texto.",
        "Artículos 1 y 2. Texto.",
        '"Artículo 5. Objeto." (texto citado)',
        "Título II de la Ley 1757",
    ],
)
def test_lines_that_are_not_headings(line):
    assert drafts._heading_line(line) is None


@pytest.mark.parametrize(
    ("rest", "heading", "body"),
    [
        ("OBJETO. El presente decreto.", "OBJETO", "El presente decreto."),
        ("Objeto. El presente decreto.", "Objeto", "El presente decreto."),
        ("Definiciones: Para efectos.", "Definiciones", "Para efectos."),
        ("OBJETO.- El presente.", "OBJETO", "El presente."),
        ("El presente decreto rige a partir de su publicación.", "", None),
        ("Para efectos del presente decreto se adoptan las siguientes definiciones:", "", None),
        ("Modifíquese el artículo 5 del Decreto 100. Texto.", "", None),
        ("Créase el Consejo. Texto.", "", None),
    ],
)
def test_a_short_first_phrase_is_the_heading_a_sentence_is_text(rest, heading, body):
    section = split_sections(f"Artículo 1. {rest}\nMás texto.")[0]
    assert section["heading"] == heading
    assert section["body"] == (body or rest) + "\nMás texto."


def test_a_lone_sentence_is_the_text_not_the_heading():
    only = split_sections("ARTÍCULO 3. Vigencia.")[0]
    assert (only["heading"], only["body"]) == ("", "Vigencia.")
    sections = split_sections("ARTÍCULO 3. El presente decreto rige desde su publicación.")
    assert sections[0]["heading"] == ""
    assert sections[0]["body"] == "El presente decreto rige desde su publicación."


def test_heading_on_its_own_line_and_text_below():
    section = split_sections("ARTÍCULO 1. OBJETO.\n\nEl presente decreto.\n\nSegundo párrafo.")[0]
    assert section["heading"] == "OBJETO"
    assert section["body"] == "El presente decreto.\n\nSegundo párrafo."


def test_markdown_headings_and_bold():
    text = """# Proyecto de acuerdo

## Artículo 1 - Objeto

El presente **acuerdo** regula.

### Parágrafo

Dentro del artículo.

**Artículo 2.** Las dependencias publicarán.

**Artículo 3. Vigencia.** Rige desde su publicación.

#### **ARTÍCULO 4°.- DEROGATORIAS.**
Deroga lo contrario.

---

* Artículo 5 de la Ley 1757, citado en una lista.
"""
    sections = split_sections(text)
    assert numbers(sections) == [
        "Preámbulo",
        "Artículo 1",
        "Artículo 2",
        "Artículo 3",
        "Artículo 4º",
    ]
    assert sections[0]["body"] == "Proyecto de acuerdo"
    assert sections[1]["heading"] == "Objeto"
    assert sections[1]["body"] == "El presente acuerdo regula.\n\nParágrafo\n\nDentro del artículo."
    assert (sections[2]["heading"], sections[2]["body"]) == ("", "Las dependencias publicarán.")
    assert (sections[3]["heading"], sections[3]["body"]) == (
        "Vigencia",
        "Rige desde su publicación.",
    )
    assert sections[4]["heading"] == "DEROGATORIAS"
    assert sections[4]["body"].startswith("Deroga lo contrario.")
    assert "---" not in sections[4]["body"]


def test_a_markdown_heading_needs_no_punctuation():
    section = split_sections("## Artículo 4 Objeto del decreto\nTexto.")[0]
    assert (section["number"], section["heading"]) == ("Artículo 4", "Objeto del decreto")


def test_chapter_title_on_the_same_line_or_below_and_other_groupings():
    text = """TÍTULO I
DE LA PARTICIPACIÓN

CAPÍTULO I. Principios

Artículo 1. Texto uno.

CAPÍTULO II
DE LAS CONSULTAS
EN LÍNEA

Artículo 2. Plazos. Texto dos.
Artículo 3. Texto tres.
"""
    sections = split_sections(text)
    assert numbers(sections) == ["Artículo 1", "Artículo 2", "Artículo 3"]
    # The nearest grouping heading titles the article; the title is never lost.
    assert sections[0]["heading"] == "Capítulo I. Principios"
    assert sections[1]["heading"] == "Capítulo II. DE LAS CONSULTAS EN LÍNEA — Plazos"
    assert sections[2]["heading"] == ""


def test_sections_when_there_are_no_articles():
    text = "Plan de movilidad\n\nSección 1. Diagnóstico. Texto.\n\nSECCIÓN 2. Metas.\nTexto."
    sections = split_sections(text)
    assert numbers(sections) == ["Preámbulo", "Sección 1", "Sección 2"]
    assert [s["key"] for s in sections[1:]] == ["seccion:1", "seccion:2"]


def test_with_articles_a_seccion_groups_them():
    sections = split_sections("SECCIÓN 1. Del consejo\n\nArtículo 1. Texto.\nArtículo 2. Otro.")
    assert numbers(sections) == ["Artículo 1", "Artículo 2"]
    assert sections[0]["heading"] == "Sección 1. Del consejo"


def test_long_text_under_a_chapter_is_kept():
    long_line = "Texto largo " * 30
    sections = split_sections(f"Artículo 1. Uno.\nCAPÍTULO II\n{long_line}\nArtículo 2. Dos.")
    assert long_line.strip() in sections[0]["body"] or long_line.strip() in sections[1]["body"]


def test_a_chapter_after_the_last_article_is_kept_as_text():
    sections = split_sections("Artículo 1. Uno.\n\nCAPÍTULO FINAL\n")
    assert numbers(sections) == ["Artículo 1"]


@pytest.mark.parametrize(
    "text",
    [
        "Un texto sin artículos.\nNi secciones.",
        "CAPÍTULO I\nDISPOSICIONES\nSolo capítulos.",
        "Que el artículo 5 de la Ley dispone.",
        "   \n\n  ",
    ],
)
def test_no_article_is_a_clear_error(text):
    with pytest.raises(DraftImportError) as refused:
        split_sections(text)
    assert "Artículo 1." in refused.value.message


def test_an_article_without_text_is_a_clear_error():
    with pytest.raises(DraftImportError) as refused:
        split_sections("Artículo 1. Texto.\nARTÍCULO 2.\n\nArtículo 3. Texto.")
    assert "Artículo 2" in refused.value.message


def test_more_sections_than_a_draft_holds():
    text = "\n".join(f"Artículo {n}. Texto {n}." for n in range(1, drafts.MAX_SECTIONS + 2))
    with pytest.raises(DraftImportError) as refused:
        split_sections(text)
    assert str(drafts.MAX_SECTIONS) in refused.value.message
    assert len(split_sections(text.rsplit("\n", 1)[0])) == drafts.MAX_SECTIONS


def test_max_sections_is_the_draft_blocks_limit():
    from participation.models.consultations import DraftStreamBlock

    assert DraftStreamBlock().meta.block_counts["section"]["max_num"] == drafts.MAX_SECTIONS


def test_long_headings_fit_the_fields():
    long_heading = "Encabezado " * 40
    section = split_sections(f"## Artículo 1. {long_heading}\nTexto.")[0]
    assert len(section["heading"]) <= drafts.HEADING_MAX
    assert long_heading.strip() in section["body"]
    chapter = "TÍTULO " * 50
    section = split_sections(f"CAPÍTULO I. {chapter}\nArtículo 1. Objeto. Texto.")[0]
    assert len(section["heading"]) <= drafts.HEADING_MAX
    assert section["heading"].endswith("— Objeto")
    assert all(len(s["number"]) <= drafts.NUMBER_MAX for s in split_sections(DECREE))


# decoding ----------------------------------------------------------------------------


def test_utf8_with_a_bom_and_windows_line_ends():
    data = "\ufeffARTÍCULO 1. OBJETO.\r\nTexto con tildes: acción.\r\n\r\nArtículo 2. Dos.\r\n"
    sections = split_sections(decode_text(data.encode("utf-8")))
    assert numbers(sections) == ["Artículo 1", "Artículo 2"]
    assert "\r" not in sections[0]["body"] and sections[0]["body"] == "Texto con tildes: acción."


def test_old_mac_line_ends():
    assert numbers(split_sections(decode_text(b"Art\xc3\xadculo 1. Uno.\rArt. 2. Dos."))) == [
        "Artículo 1",
        "Artículo 2",
    ]


@pytest.mark.parametrize(
    ("encoding", "quoted"), [("latin-1", "«principales»"), ("cp1252", "“principales”")]
)
def test_latin1_and_windows_1252_files(encoding, quoted):
    text = f"ARTÍCULO PRIMERO. Señalización. Las vías {quoted} de Soacha, año 2026.\n"
    sections = split_sections(decode_text(text.encode(encoding)))
    assert sections[0]["number"] == "Artículo primero"
    assert sections[0]["heading"] == "Señalización"
    assert sections[0]["body"] == f"Las vías {quoted} de Soacha, año 2026."


def test_utf16_from_notepad():
    data = "Artículo 1. Objeto. Señal.".encode("utf-16")
    assert split_sections(decode_text(data))[0]["body"] == "Señal."


def test_decomposed_accents_from_a_mac_are_composed():
    data = "Arti\u0301culo 1. Objeto. Acción.".encode()
    section = split_sections(decode_text(data))[0]
    assert section["number"] == "Artículo 1" and section["heading"] == "Objeto"


@pytest.mark.parametrize(
    "data",
    [
        b"Art\x00culo 1. Texto",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n\x01\x02\x03 stream",
        b"PK\x03\x04\x14\x00\x06\x00",
        "Artículo 1. texto\x07 con campana".encode(),
        b"\x81\x8d\x8f\x90\x9d",  # neither UTF-8 nor Windows-1252
    ],
)
def test_binary_content_is_refused(data):
    with pytest.raises(DraftImportError) as refused:
        decode_text(data)
    assert ".txt" in refused.value.message


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"])
def test_empty_files_are_refused(data):
    with pytest.raises(DraftImportError) as refused:
        decode_text(data)
    assert "vacío" in str(refused.value.message)


def test_pdf_to_text_form_feeds_are_line_ends():
    sections = split_sections(decode_text(b"Art. 1. Uno.\x0cArt. 2. Dos."))
    assert numbers(sections) == ["Artículo 1", "Artículo 2"]


# matching with the current draft -------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("Artículo 3", "articulo:3"),
        ("ARTÍCULO 3º", "articulo:3"),
        ("Art. 3", "articulo:3"),
        ("Artículo tercero", "articulo:3"),
        ("artículo 03", "articulo:3"),
        ("Article 3", "articulo:3"),
        ("Considerandos", "preambulo"),
        ("Preámbulo", "preambulo"),
        ("Anexo técnico", "anexo tecnico"),
    ],
)
def test_section_key_normalises_numbers(number, key):
    assert section_key(number) == key


def test_as_stream_data_keeps_the_ids_of_known_numbers():
    sections = split_sections("Artículo 1. Uno.\nArtículo 2. Dos.\nArtículo 2. Repetido.")
    data = drafts.as_stream_data(sections, keep_ids={"articulo:2": "id-dos", "articulo:9": "x"})
    ids = [block["id"] for block in data]
    assert ids[1] == "id-dos"
    assert len(set(ids)) == 3  # the repeated number gets a new id
    assert data[0]["value"] == {"number": "Artículo 1", "heading": "", "body": "Uno."}
    assert all(block["type"] == "section" for block in data)
