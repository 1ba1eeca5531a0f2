"""A consultation's draft: its sections as published, their versions, and the import
of a plain-text or Markdown file into section blocks.

``sync_sections`` runs on every publication of a consultation (wagtail_hooks connects
it to ``page_published``): each block of the draft becomes (or updates) a
``DraftSection`` keyed by the block id, and a section whose text changed gets a new
``SectionVersion``; comments keep pointing at the version they were written on."""

import re
import uuid

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from participation.models import DraftSection, SectionVersion


def canonical_page_id(page):
    """The id of ``page`` in the default language (the same page when it is the
    original, or when no such translation exists)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page.pk
    original = (
        Page.objects.filter(translation_key=page.translation_key, locale=default)
        .values_list("pk", flat=True)
        .first()
    )
    return original or page.pk


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


#: "Artículo 1.", "ARTÍCULO 2º.", "Art. 3", "## Artículo 4 - Objeto", "Article 5",
#: "Parágrafo transitorio" stays inside its article.
HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?P<number>(?:art[íi]culo|art\.|article|secci[óo]n|section|cap[íi]tulo)"
    r"\s+[\w]+[º°o]?)\s*[.:\-–—]?\s*(?P<heading>.*?)\s*$",
    re.IGNORECASE,
)
MAX_IMPORT_BYTES = 512 * 1024


class DraftImportError(ValueError):
    """The file cannot be split into sections; the message says why."""


def _heading_and_text(rest):
    """ "OBJETO. El presente decreto…" → ("OBJETO", "El presente decreto…"): a short
    first sentence is the heading, the rest of the line starts the text."""
    rest = rest.strip().strip("*_ ")
    head, dot, tail = rest.partition(". ")
    if dot and len(head) <= 120:
        return head.strip("*_ "), tail.strip()
    if len(rest) <= 120:
        return rest.rstrip("."), ""
    return "", rest


def split_sections(text):
    """``[{"number", "heading", "body"}]`` from a plain-text or Markdown draft, split at
    headings like "Artículo 1." (text before the first heading is ignored as the
    preamble); raises DraftImportError when no heading is found."""
    sections = []
    current = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = HEADING.match(line)
        if match:
            if current:
                sections.append(current)
            number = re.sub(r"\s+", " ", match.group("number")).strip().rstrip(".")
            heading, first_line = _heading_and_text(match.group("heading"))
            current = {"number": number[:60], "heading": heading, "lines": [first_line]}
        elif current is not None:
            current["lines"].append(line.rstrip())
    if current:
        sections.append(current)
    result = []
    for section in sections:
        body = "\n".join(section.pop("lines")).strip()
        body = re.sub(r"\n{3,}", "\n\n", body)
        result.append({**section, "body": body or section["heading"]})
    if not result:
        raise DraftImportError("no headings")
    return result


def as_stream_data(sections):
    """StreamField raw data for ``sections`` (new block ids)."""
    return [
        {"type": "section", "id": str(uuid.uuid4()), "value": dict(section)} for section in sections
    ]
