"""Demo consultations and the "Participa" landing
(``participation/data/demo_consultations.json``), loaded by ``participation.demo``.

Under "Participa", the "Consultas ciudadanas" index with two consultations on draft
decrees, each in Spanish and English:

- an open one (12 articles) with observations on several articles and on the whole
  draft, a reply, and supports and oppositions;
- a concluded one: its observations all answered in the matrix (two identical ones
  share one answer), the matrix published, a conclusion, a final text that differs from
  the draft (one article added, one removed, several changed), and its draft and issued
  decrees in the normatividad library.

Comments go through ``participation.contributions.post_comment`` on the section
version they were written on, positions through ``contributions.take_position``, the
answers and the matrix's publication through ``participation.answers``.
Deterministic (fixed block ids) and idempotent: a consultation that exists is kept as
it is, with its comments; the landing's sections are filled once (``finish``, after the
surveys demo made its index), and an editor's later changes are kept."""

import inspect
import json
import uuid
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page

from participation import answers, contributions
from participation.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    DraftSection,
    ParticipaPage,
    ParticipaSection,
    SectionPosition,
    SectionVersion,
)
from transparency.models import NormIndexPage, NormPage

DATA = Path(__file__).resolve().parent / "data" / "demo_consultations.json"
#: Block ids of the demo drafts are derived from this namespace, so the final text can
#: name the draft's sections and a second load builds the very same streams.
BLOCK_NAMESPACE = uuid.UUID("5f0c6b1e-0d3a-4f3e-9a57-387200900012")
COMMENTS_EMAIL = "participacion@alcaldiasoacha.gov.co"


def read_data():
    return json.loads(DATA.read_text(encoding="utf-8"))


# The consultation index -----------------------------------------------------------


def ensure_index(loader, participa, conduct, spec):
    index = ConsultationIndexPage.objects.child_of(participa).first()
    created = 0
    if index is None:
        index = ConsultationIndexPage(
            title=spec["title"]["es"],
            slug=spec["slug"],
            introduction=spec["introduction"]["es"],
            code_of_conduct=conduct,
        )
        participa.add_child(instance=index)
        index.save_revision().publish()
        created = 1
    loader.ensure_translation(
        index, spec, code_of_conduct=conduct.get_translation_or_none(loader.en) or conduct
    )
    return index, created


# Streams ----------------------------------------------------------------------------


def block_id(slug, n):
    return str(uuid.uuid5(BLOCK_NAMESPACE, f"{slug}/{n}"))


def draft_stream(spec, lang):
    return [
        {
            "type": "section",
            "id": block_id(spec["slug"], n),
            "value": {
                "number": article["number"][lang],
                "heading": article["heading"][lang],
                "body": article["body"][lang],
            },
        }
        for n, article in enumerate(spec["articles"])
    ]


def final_stream(spec, lang):
    """The final text: each entry keeps a draft article (``from``, its block id, with
    a changed heading or body where given) or adds one (``from`` null); draft articles
    no entry names were removed. Numbered again in order."""
    blocks = []
    for n, entry in enumerate(spec["final"], 1):
        source = spec["articles"][entry["from"]] if entry["from"] is not None else {}
        heading = entry.get("heading") or source.get("heading")
        body = entry.get("body") or source.get("body")
        blocks.append(
            {
                "type": "section",
                "id": block_id(spec["slug"], entry["from"])
                if entry["from"] is not None
                else block_id(spec["slug"], f"final-{n}"),
                "value": {
                    "number": f"Artículo {n}" if lang == "es" else f"Article {n}",
                    "heading": heading[lang],
                    "body": body[lang],
                },
            }
        )
    return blocks


# The normatividad library ------------------------------------------------------------


def ensure_norm(loader, spec, issue_date, **extra):
    """A NormPage of the demo's normatividad library (and its English translation),
    created once; None when the library is missing."""
    library = NormIndexPage.objects.filter(locale=loader.es).order_by("path").first()
    if library is None:
        return None
    norm = NormPage.objects.child_of(library).filter(slug=spec["slug"]).first()
    fields = {
        "norm_type": spec["type"],
        "number": spec["number"],
        "year": issue_date.year,
        "issue_date": issue_date,
        "publication_date": issue_date,
        "issuer": "Alcalde Municipal de Soacha",
        "in_force": spec["type"] != "proyecto",
        **extra,
    }
    if norm is None:
        label = NormPage(norm_type=spec["type"], number=spec["number"], year=issue_date.year)
        norm = NormPage(
            title=label.label_in("es"),
            slug=spec["slug"],
            epigraph=spec["epigraph"]["es"],
            **fields,
        )
        library.add_child(instance=norm)
        norm.save_revision().publish()
    label = NormPage(norm_type=spec["type"], number=spec["number"], year=norm.year)
    titled = {**spec, "title": {"es": norm.title, "en": label.label_in("en")}}
    loader.ensure_translation(norm, titled, epigraph=spec["epigraph"]["en"])
    return norm


# Participation ----------------------------------------------------------------------


def _accepts_section_version():
    return "section_version" in inspect.signature(contributions.post_comment).parameters


def post(user, page, text, version=None, parent=None):
    """A comment through the service, on ``version`` of a section (or on the whole
    draft): passed to the service when it takes it, else set right after."""
    if version is not None and parent is None and _accepts_section_version():
        return contributions.post_comment(user, page, text, "es", section_version=version)
    comment = contributions.post_comment(user, page, text, "es", parent=parent)
    if parent is not None:
        version = parent.section_version
    if version is not None and comment.section_version_id != version.pk:
        Comment.objects.filter(pk=comment.pk).update(section_version=version)
        comment.section_version = version
    return comment


def versions_by_article(page):
    """``{article number in the data (1-based): its current SectionVersion}``."""
    sections = DraftSection.objects.filter(page_id=page.pk, removed_at__isnull=True).order_by(
        "position"
    )
    current = {
        (v.section_id, v.version): v for v in SectionVersion.objects.filter(section__in=sections)
    }
    return {n: current[(s.pk, s.version)] for n, s in enumerate(sections, 1)}


def take_positions(page, specs, citizens):
    """Supports and oppositions through ``contributions.take_position`` (rows written
    directly where the service is missing)."""
    sections = dict(enumerate(DraftSection.objects.filter(page_id=page.pk).order_by("position"), 1))
    service = getattr(contributions, "take_position", None)
    for item in specs:
        user, section = citizens[item["by"]], sections[item["article"]]
        if service is not None:
            service(user, page, section, item["value"])
        else:
            SectionPosition.objects.update_or_create(
                section=section, user=user, defaults={"value": item["value"]}
            )


def spread_dates(comments, start, end):
    """Submit dates in posting order over ``[start, end]`` (a reply after its parent)."""
    span = (end - start).total_seconds()
    for n, comment in enumerate(comments):
        when = start + timedelta(seconds=span * (n + 0.5) / len(comments))
        Comment.objects.filter(pk=comment.pk).update(submit_date=when)


# Consultations ----------------------------------------------------------------------


def ensure_consultation(loader, index, spec, citizens, official):
    page = ConsultationPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    created = 0
    now = timezone.now()
    opens = now - timedelta(days=spec["opens_days_ago"])
    concluded = spec["state"] == "concluded"
    closes = (
        now - timedelta(days=spec["closes_days_ago"])
        if concluded
        else now + timedelta(days=spec["closes_in_days"])
    )
    draft_norm = None
    if spec.get("draft_norm"):
        draft_norm = ensure_norm(
            loader,
            spec["draft_norm"],
            opens.date(),
            comment_deadline=closes.date(),
            comment_email=COMMENTS_EMAIL,
        )
    issued_norm = None
    if spec.get("issued_norm"):
        issued_norm = ensure_norm(
            loader,
            spec["issued_norm"],
            (now - timedelta(days=spec["issued_days_ago"])).date(),
        )
    dependency = loader.dependencies.get(spec["dependency"], {})
    if page is None:
        page = ConsultationPage(
            title=spec["title"]["es"],
            slug=spec["slug"],
            introduction=spec["introduction"]["es"],
            kind=spec["kind"],
            summary=spec["summary"]["es"],
            draft=draft_stream(spec, "es"),
            dependency=dependency.get("es"),
            draft_norm=draft_norm,
            # open while the observations are written: the services refuse them otherwise
            opens_at=opens,
            closes_at=max(closes, now + timedelta(days=1)),
        )
        index.add_child(instance=page)
        page.save_revision().publish()  # syncs the sections (participation.signals)
        created += 1 + participate(page, spec, citizens, opens, min(closes, now))
        if concluded:
            conclude(page, spec, official, closes, now, issued_norm)
        page.closes_at = closes
        page.save_revision().publish()
    english = {
        "summary": spec["summary"]["en"],
        "draft": draft_stream(spec, "en"),
        "dependency": dependency.get("en"),
        "draft_norm": draft_norm.get_translation_or_none(loader.en) if draft_norm else None,
    }
    if concluded:
        english["conclusion"] = spec["conclusion"]["en"]
        english["final_text"] = final_stream(spec, "en")
        english["issued_norm"] = (
            issued_norm.get_translation_or_none(loader.en) if issued_norm else None
        )
    loader.ensure_translation(page, spec, **english)
    return page, created


def participate(page, spec, citizens, start, end):
    """Post the observations and replies, take the positions; returns the objects made."""
    versions = versions_by_article(page)
    posted, order = {}, []
    for item in spec["comments"]:
        parent = posted.get(item.get("parent"))
        version = versions.get(item.get("article")) if item.get("article") else None
        comment = post(citizens[item["author"]], page, item["text"], version, parent)
        posted[item["key"]] = comment
        order.append(comment)
    take_positions(page, spec.get("positions", []), citizens)
    spread_dates(order, start + timedelta(hours=6), end - timedelta(hours=3))
    page._demo_comments = posted
    return len(order) + len(spec.get("positions", []))


def conclude(page, spec, official, closes, now, issued_norm):
    """Answer every observation once the consultation closed, publish the matrix (the
    services refuse both before the closing date, so the page closes first), write the
    conclusion and the final text, and link the issued decree (allowed once every
    comment is answered)."""
    posted = page._demo_comments
    page.closes_at = closes
    for n, item in enumerate(spec["answers"]):
        comments = [posted[key] for key in item["comments"]]
        answers.answer_comments(
            page,
            comments,
            item["decision"],
            item["text"],
            official,
            now=closes + timedelta(days=2, hours=n),
        )
    answers.publish_matrix(page, official, now=now - timedelta(days=spec["matrix_days_ago"]))
    page.conclusion = spec["conclusion"]["es"]
    page.final_text = final_stream(spec, "es")
    page.issued_norm = issued_norm


# The Participa landing ---------------------------------------------------------------


def page_at(loader, path, locale):
    """The live page at ``path`` below the home page, in ``locale`` when translated."""
    home = loader.home
    page = Page.objects.filter(url_path=f"{home.url_path}{path}/", locale=loader.es).first()
    if page is None:
        return None
    if locale.pk != loader.es.pk:
        page = page.get_translation_or_none(locale)
    return page if page is not None and page.live else None


def fill_landing(loader, participa, spec):
    """The six sections of each language's landing, once: a landing that has sections
    (an editor's) is kept. Returns the sections created."""
    if not isinstance(participa, ParticipaPage):
        return 0  # an older database's "Participa" standard page: left as it is
    created = 0
    for locale in (loader.es, loader.en):
        landing = participa.get_translation_or_none(locale)
        if landing is None:
            continue
        landing = landing.specific
        if ParticipaSection.objects.filter(page=landing).exists():
            continue
        lang = locale.language_code
        landing.intro = spec["intro"][lang]
        rows = []
        for order, section in enumerate(spec["sections"]):
            processes = [
                page
                for path in section["processes"]
                if (page := page_at(loader, path, locale)) is not None
            ]
            row = ParticipaSection(
                sort_order=order,
                key=section["key"],
                intro=section["intro"][lang],
                upcoming=section["upcoming"][lang],
            )
            row.processes = processes
            rows.append(row)
        landing.participa_sections = rows
        landing.save_revision().publish()
        created += len(rows)
    return created


# Entry points (called by participation.demo) ------------------------------------------


def load(loader, participa, conduct, citizens):
    data = read_data()
    index, created = ensure_index(loader, participa, conduct, data["index"])
    official = get_user_model().objects.filter(email__iexact=data["official"]).first()
    for spec in data["consultations"]:
        _page, n = ensure_consultation(loader, index, spec, citizens, official)
        created += n
    return created


def finish(loader, participa):
    return fill_landing(loader, participa, read_data()["participa"])
