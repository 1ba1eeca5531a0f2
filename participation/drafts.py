"""A consultation's draft: its sections as published, their versions, and the import
of a plain-text or Markdown file into section blocks.

``sync_sections`` runs on every publication of a consultation (wagtail_hooks connects
it to ``page_published``): each block of the draft becomes (or updates) a
``DraftSection`` keyed by the block id, and a section whose text changed gets a new
``SectionVersion``; comments keep pointing at the version they were written on."""

import re
import unicodedata
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from participation.models import DraftSection, SectionVersion


def canonical_page_id(page):
    """The id of ``page`` in the default language (the same page when it is the
    original, or when no such translation exists). Kept on the page object
    (``_canonical_id``), so one render asks once."""
    cached = getattr(page, "_canonical_id", None)
    if cached is not None:
        return cached
    original = (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE),
        )
        .values_list("pk", flat=True)
        .first()
    )  # one query, the default locale joined in (the page itself when it is the original)
    page._canonical_id = original or page.pk
    return page._canonical_id


def section_values(stream):
    """``[(block id, number, heading, body)]`` of a draft StreamField value."""
    return [
        (block.id, block.value["number"], block.value["heading"] or "", block.value["body"])
        for block in stream
        if block.block_type == "section"
    ]


@transaction.atomic
def sync_sections(page, now=None):
    """Bring the page's DraftSection rows and versions up to its (published) draft.
    A translation shares its original's sections and syncs nothing."""
    now = now or timezone.now()
    if canonical_page_id(page) != page.pk:
        return
    existing = {s.key: s for s in DraftSection.objects.select_for_update().filter(page_id=page.pk)}
    latest = {
        v.section_id: v
        for v in SectionVersion.objects.filter(section__page_id=page.pk).order_by("version")
    }
    seen = set()
    for position, (key, number, heading, body) in enumerate(section_values(page.draft)):
        key = str(key)
        seen.add(key)
        section = existing.get(key)
        if section is None:
            section = DraftSection.objects.create(
                page_id=page.pk, key=key, position=position, number=number, heading=heading
            )
            SectionVersion.objects.create(
                section=section,
                version=1,
                number=number,
                heading=heading,
                body=body,
                created_at=now,
            )
            continue
        current = latest.get(section.pk)
        changed = current is None or (current.number, current.heading, current.body) != (
            number,
            heading,
            body,
        )
        if changed:
            section.version = (current.version + 1) if current else 1
            SectionVersion.objects.create(
                section=section,
                version=section.version,
                number=number,
                heading=heading,
                body=body,
                created_at=now,
            )
        section.position, section.number, section.heading = position, number, heading
        section.removed_at = None
        section.save(update_fields=["version", "position", "number", "heading", "removed_at"])
    DraftSection.objects.filter(page_id=page.pk, removed_at__isnull=True).exclude(
        key__in=seen
    ).update(removed_at=now)


def ensure_sections(page):
    """Sync once for a live consultation that has no section rows yet (a page made
    live without the publish signal, e.g. by a data migration)."""
    page_id = canonical_page_id(page)
    if page_id == page.pk and not DraftSection.objects.filter(page_id=page_id).exists():
        sync_sections(page)


# Import of a plain-text or Markdown file -----------------------------------------------

#: The largest file the "Import text" action takes, and the most sections a draft holds
#: (``DraftStreamBlock``'s ``max_num``).
MAX_IMPORT_BYTES = 512 * 1024
MAX_SECTIONS = 300
IMPORT_EXTENSIONS = (".txt", ".md")
NUMBER_MAX = 60
HEADING_MAX = 300
PREAMBLE_NUMBERS = ("Considerandos", "Preámbulo")


class DraftImportError(ValueError):
    """The file cannot be made into sections; ``message`` (translated) says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


_UNITS = (
    r"(?:primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]"
    r"|s[ée]ptim[oa]|s[ée]tim[oa]|octav[oa]|noven[oa])"
)
_TENS = r"(?:d[ée]cim[oa]|vig[ée]sim[oa]|trig[ée]sim[oa]|cuadrag[ée]sim[oa])"
_ORDINAL = rf"(?:{_TENS}(?:\s?{_UNITS})?|und[ée]cim[oa]|duod[ée]cim[oa]|{_UNITS})"
_NUMBER = (
    r"(?P<num>"
    r"(?P<arabic>\d{1,4}(?:\.\d{1,4})*)(?P<mark>\.?\s?[º°ª]|o(?!\w))?"
    r"|(?P<roman>(?-i:[IVXLCDM]{1,8}))(?!\w)"
    rf"|(?P<ordinal>{_ORDINAL})(?!\w)"
    r"|(?P<word>[úu]nic[oa]|transitori[oa]|nuev[oa])(?!\w)"
    r")"
    r"(?P<suffix>\s?(?:bis|ter|qu[áa]ter)(?!\w)|-?(?-i:[A-Z])(?!\w))?"
    r"(?P<qualifier>\s+(?:transitori[oa]|nuev[oa])(?!\w))?"
)
#: A numbered heading at the start of a line (Markdown and emphasis already removed):
#: an article, a section, or a grouping heading (chapter, title, book, part).
NUMBERED = re.compile(
    r"(?P<keyword>art[íi]culo|art\.|art(?=\s)|article"
    r"|secci[óo]n|section"
    r"|cap[íi]tulo|chapter|t[íi]tulo|title|libro|book|parte|part)"
    rf"\s*{_NUMBER}(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_KINDS = {
    "articulo": ("article", "Artículo"),
    "art.": ("article", "Artículo"),
    "art": ("article", "Artículo"),
    "article": ("article", "Article"),
    "seccion": ("section", "Sección"),
    "section": ("section", "Section"),
    "capitulo": ("group", "Capítulo"),
    "chapter": ("group", "Chapter"),
    "titulo": ("group", "Título"),
    "title": ("group", "Title"),
    "libro": ("group", "Libro"),
    "book": ("group", "Book"),
    "parte": ("group", "Parte"),
    "part": ("group", "Part"),
}
_ORDINAL_VALUES = [
    ("cuadragesim", 40),
    ("trigesim", 30),
    ("vigesim", 20),
    ("undecim", 11),
    ("duodecim", 12),
    ("decim", 10),
    ("primer", 1),
    ("segund", 2),
    ("tercer", 3),
    ("cuart", 4),
    ("quint", 5),
    ("sext", 6),
    ("septim", 7),
    ("setim", 7),
    ("octav", 8),
    ("noven", 9),
]
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
#: First words that start a sentence, not a heading ("Artículo 3. El presente decreto
#: rige…" has no heading).
_SENTENCE_OPENERS = set(
    "el la los las lo un una unos unas se este esta estos estas dicho dicha cuando si "
    "para en con sin todo toda todos todas quien quienes cada no mediante a de que "
    "the a an this these each any when if for in no".split()
)
_RULE = re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _plain(value):
    """Lower case without accents, single spaces: "Décimo  Segundo" → "decimo segundo"."""
    value = unicodedata.normalize("NFD", value)
    value = "".join(c for c in value if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", value).strip().lower()


def _ordinal_value(word):
    word = _plain(word).replace(" ", "")
    total = 0
    while word:
        for stem, value in _ORDINAL_VALUES:
            if word.startswith(stem):
                total += value
                word = word[len(stem) :].lstrip("oa")
                break
        else:
            return None
    return total or None


def _roman_value(roman):
    values = [_ROMAN[c] for c in roman.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def decode_text(data):
    """The text of an uploaded file's bytes: UTF-8 (with or without a BOM), UTF-16 with
    a BOM (Notepad's "Unicode"), else Windows-1252 (a superset of Latin-1); NFC, with
    ``\\n`` line ends. Raises DraftImportError for an empty file or one that is not
    text (NUL bytes, control characters, undecodable bytes)."""
    from django.utils.translation import gettext as _

    if not data.strip():
        raise DraftImportError(_("The file is empty: choose the file with the draft's text."))
    not_text = _(
        "The file is not plain text: save the draft as a .txt or .md text file "
        "(in a word processor, “Save as” plain text) and upload that file."
    )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DraftImportError(not_text) from None
    elif b"\x00" in data:
        raise DraftImportError(not_text)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise DraftImportError(not_text) from None
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x1a", "")
    text = re.sub(r"[\ufeff\u200b\u00ad]", "", text).replace("\u00a0", " ")
    if _CONTROL.search(text):
        raise DraftImportError(not_text)
    if not text.strip():
        raise DraftImportError(_("The file is empty: choose the file with the draft's text."))
    return text


def _unwrap(line):
    """``(inside, after, markdown)`` of a line: a Markdown heading's ``#`` marks and a
    leading emphasis (``**…**``, ``__…__``, ``*…*``) removed; ``after`` is the text
    after the closing emphasis (``None`` when the line starts with none)."""
    text = line.strip()
    markdown = False
    hashes = re.match(r"#{1,6}\s*", text)
    if hashes and hashes.end() < len(text):
        text, markdown = text[hashes.end() :].rstrip("# ").strip(), True
    marker = re.match(r"\*\*|__|\*|_", text)
    if not marker:
        return text, None, markdown
    marker = marker.group()
    close = text.find(marker, len(marker))
    if close == -1:
        return text[len(marker) :].strip(), "", markdown
    return text[len(marker) : close].strip(), text[close + len(marker) :].strip(), markdown


def parse_number(text):
    """``(kind, number as displayed, key)`` of a heading's start, e.g. "ARTÍCULO
    PRIMERO." → ("article", "Artículo primero", "articulo:1"), or None. The key is the
    same for "Artículo 1", "Art. 1º", "ARTÍCULO 1o." and "Artículo primero"."""
    match = NUMBERED.match(text)
    if not match:
        return None
    return _number_of(match)


def _number_of(match):
    kind, word = _KINDS[_plain(match.group("keyword"))]
    if match.group("arabic"):
        digits = ".".join(str(int(part)) for part in match.group("arabic").split("."))
        shown = digits + ("º" if match.group("mark") else "")
        value = digits
    elif match.group("roman"):
        shown = match.group("roman").upper()
        value = str(_roman_value(shown))
    elif match.group("ordinal"):
        shown = re.sub(r"\s+", " ", match.group("ordinal").strip()).lower()
        value = str(_ordinal_value(shown))
    else:
        shown = match.group("word").lower()
        value = _plain(shown)
    for part in ("suffix", "qualifier"):
        extra = (match.group(part) or "").strip()
        if extra:
            letter = len(extra.lstrip("-")) == 1
            shown += extra.lstrip("-").upper() if letter else " " + extra.lower()
            value += _plain(extra.lstrip("-"))
    base = "articulo" if kind == "article" else _plain(word)
    return kind, f"{word} {shown}"[:NUMBER_MAX], f"{base}:{value}"


def section_key(number):
    """The normalised number used to match a new section with one of the current
    draft, e.g. "Artículo 3", "ART. 3º" and "Artículo tercero" → "articulo:3"."""
    parsed = parse_number(number.strip())
    if parsed:
        return parsed[2]
    plain = _plain(number)
    if plain in {_plain(n) for n in PREAMBLE_NUMBERS}:
        return "preambulo"
    return plain


def _heading_line(line):
    """``(kind, number, key, heading, first text)`` when the line is a numbered
    heading, else None. A plain line must follow the number with punctuation or end
    there ("Artículo 5 de la Ley 1437…" is text, not a heading); a Markdown heading or
    an emphasised start needs nothing more."""
    inside, after, markdown = _unwrap(line)
    match = NUMBERED.match(inside)
    if not match:
        return None
    rest = match.group("rest")
    delimited = re.match(r"\s*(?:[.:\-–—)]|$)", rest) or "." in (match.group("mark") or "")
    if not (markdown or delimited):
        return None
    kind, number, key = _number_of(match)
    rest = re.sub(r"^\s*[.:\-–—)]*\s*", "", rest).strip().strip("*_ ")
    if markdown or (after is not None and rest):
        heading, text = _clean_heading(rest), (after or "")
    else:
        heading, text = _split_heading(rest if after is None else after)
    if len(heading) > HEADING_MAX:
        heading, text = "", f"{heading} {text}".strip()
    if heading and not text:  # "Artículo 3. Vigencia." alone: the text if none follows
        text_if_alone = (after or rest) if after is not None else rest
    else:
        text_if_alone = ""
    return kind, number, key, heading, text, text_if_alone


def _clean_heading(text):
    return re.sub(r"[\s.:\-–—*_]+$", "", text).strip("*_ ")


def _looks_like_heading(text):
    words = text.split()
    if not words or len(text) > 120 or len(words) > 12:
        return False
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    first = words[0].strip("¿¡\"'“(").lower()
    if _plain(first) in _SENTENCE_OPENERS:
        return False
    # "Modifíquese", "Créase", "Adóptese": an imperative with "se" starts a sentence.
    return not (first.endswith("se") and first != _plain(first))


def _split_heading(rest):
    """ "OBJETO. El presente decreto…" → ("OBJETO", "El presente decreto…"): a short
    first phrase that reads as a title is the heading, the rest starts the text."""
    rest = rest.strip()
    match = re.match(r"(.+?)[.:][\-–—]*(?:\s+|$)(.*)$", rest, re.DOTALL)
    head, tail = (match.group(1), match.group(2)) if match else (rest, "")
    head = head.strip("*_ ")
    if _looks_like_heading(head):
        return _clean_heading(head), re.sub(r"^[\s\-–—]+", "", tail).strip()
    return "", rest


def _clean_body(lines):
    kept = []
    for line in lines:
        if _RULE.match(line):
            continue
        line = re.sub(r"^\s*#{1,6}\s+", "", line.rstrip())
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        kept.append(line)
    body = "\n".join(kept).strip()
    return re.sub(r"\n{3,}", "\n\n", body)


def split_sections(text, preamble=True):
    """``[{"number", "heading", "body", "key"}]`` from a plain-text or Markdown draft.

    The sections are the articles ("Artículo 1.", "ARTÍCULO PRIMERO.", "Art. 3º",
    "**Artículo 4.**", "## Artículo 5 - Objeto", "Article 6"); a draft without articles
    (a plan or a policy) is split at its sections ("Sección 1."). "Parágrafo" lines,
    numbered or not, stay in their article.

    Chapters (and titles, books, parts, and sections when there are articles) are not
    sections: a chapter has no text of its own to comment on, support or oppose, and
    the answers matrix is answered article by article, so making it a section would
    give citizens empty targets and count it as an article. Its number and title
    ("Capítulo I. Disposiciones generales", the title on the same line or the next
    ones) are kept at the start of the heading of the chapter's first article, so the
    structure of the norm still shows.

    The text before the first article (the title, "CONSIDERANDO: Que…", "DECRETA:") is
    kept, when ``preamble`` is true, as a first section numbered "Considerandos" (or
    "Preámbulo" when it has no considerandos): the whole draft is published as
    consulted, and citizens can comment on its grounds, a usual part of the matrix.

    ``key`` is the normalised number (``section_key``). Raises DraftImportError when
    no article or section is found, when one has no text, or when there are more
    than ``MAX_SECTIONS``."""
    from django.utils.translation import gettext as _

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    parsed = [(_heading_line(line) if line.strip() else None) for line in lines]
    kinds = {found[0] for found in parsed if found}
    unit = "article" if "article" in kinds else "section" if "section" in kinds else None
    if unit is None:
        raise DraftImportError(
            _(
                "No article or section was found. Each one must start on its own line "
                "with its number, e.g. “Artículo 1.”, “ARTÍCULO PRIMERO.”, "
                "“## Artículo 1 - Objeto” or “Sección 1.”."
            )
        )
    intro, sections, group, current = [], [], None, None
    for line, found in zip(lines, parsed, strict=True):
        if found and found[0] == unit:
            _kind, number, key, heading, first, alone = found
            current = {"number": number, "heading": heading, "key": key, "lines": [first]}
            current.update(group=group, alone=alone)
            sections.append(current)
            group = None
        elif found:  # a chapter (or a grouping section): titles the next article
            _kind, number, _key, heading, first, _alone = found
            group = {"number": number, "title": [t for t in (heading, first) if t]}
        elif group is not None and line.strip() and _is_title(line, group["title"]):
            group["title"].append(_clean_heading(line.strip().strip("#*_ ")))
        elif group is not None and line.strip():
            # More than a title under a chapter: keep it as text, never drop it.
            (current["lines"] if current else intro).extend(group.pop("title"))
            group["title"] = []
            (current["lines"] if current else intro).append(line)
        elif current is not None:
            current["lines"].append(line)
        else:
            intro.append(line)
    if group is not None:  # a chapter heading after the last article: keep its words
        (current["lines"] if current else intro).extend(["", group["number"], *group["title"]])
    result = []
    intro_body = _clean_body(intro)
    if preamble and intro_body:
        number = PREAMBLE_NUMBERS[0 if re.search(r"considerando", _plain(intro_body)) else 1]
        result.append({"number": number, "heading": "", "body": intro_body, "key": "preambulo"})
    for section in sections:
        body = _clean_body(section.pop("lines"))
        alone, grouped = section.pop("alone"), section.pop("group")
        if not body and section["heading"]:
            body, section["heading"] = alone or section["heading"], ""
        if grouped is not None:
            section["heading"] = _grouped_heading(grouped, section["heading"])
        if not body:
            raise DraftImportError(
                _(
                    "%(number)s has no text. Add its text below its heading, or remove the "
                    "heading, and upload the file again."
                )
                % {"number": section["number"]}
            )
        result.append({**section, "body": body})
    if len(result) > MAX_SECTIONS:
        raise DraftImportError(
            _("The file has %(count)s sections; a draft holds at most %(max)s.")
            % {"count": len(result), "max": MAX_SECTIONS}
        )
    return result


def _is_title(line, title):
    """A line under a chapter heading is part of its title while it is short and the
    title has at most three lines."""
    return len(title) < 3 and len(line.strip()) <= 200


def _grouped_heading(group, heading):
    """ "Capítulo I. Disposiciones generales — Objeto" (the chapter's part shortened so
    the whole fits the heading field)."""
    title = " ".join(t for t in group["title"] if t)
    chapter = f"{group['number']}. {title}" if title else group["number"]
    if not heading:
        return chapter[:HEADING_MAX]
    room = HEADING_MAX - len(heading) - 3
    if room < 10:
        return heading[:HEADING_MAX]
    if len(chapter) > room:
        chapter = chapter[: room - 1].rstrip() + "…"
    return f"{chapter} — {heading}"


def parse_file(data, preamble=True):
    """``split_sections`` of an uploaded file's bytes (``decode_text``)."""
    return split_sections(decode_text(data), preamble=preamble)


def as_stream_data(sections, keep_ids=None):
    """StreamField raw data for ``sections``: a new block id for each, except those
    whose ``key`` is in ``keep_ids`` (normalised number → block id of the current
    draft), so comments on a replaced section stay linked to it."""
    keep_ids = dict(keep_ids or {})
    data = []
    for section in sections:
        block_id = keep_ids.pop(section.get("key") or section_key(section["number"]), None)
        value = {name: section[name] for name in ("number", "heading", "body")}
        data.append({"type": "section", "id": block_id or str(uuid.uuid4()), "value": value})
    return data


def current_ids(stream):
    """Normalised number → block id of a draft StreamField value (the first block of
    each number)."""
    ids = {}
    for block_id, number, _heading, _body in section_values(stream):
        ids.setdefault(section_key(number), str(block_id))
    return ids
