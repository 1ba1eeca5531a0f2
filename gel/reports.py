"""Generating the bimonthly report of a period (Decreto 387 de 2009, Artículo 8) as a
draft page, submitting it to the editors' workflow and, once an editor publishes the
Spanish report, publishing its English translation with the same frozen figures.

A report that has ever been published is never regenerated: its figures stay those
the editors approved."""

from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from wagtail.models import Locale

from transparency.models import PublicationsPage

from .bimonthly import compute_figures
from .report_page import BimonthlyReportPage

#: the slug of the transparency page the reports sit under
PARENT_SLUG = "informes-de-gestion"
SOURCE_LANGUAGE = "es"

CREATED, REFRESHED, UNCHANGED = "created", "refreshed", "unchanged"


def report_title(period, language):
    with translation.override(language):
        return _("Online government bimonthly report: %(first)s and %(second)s %(year)s") % {
            "first": MONTHS[period.start.month],
            "second": MONTHS[period.end.month],
            "year": period.start.year,
        }


def report_introduction(language):
    with translation.override(language):
        return _(
            "Report of Decreto 387 de 2009 (Artículo 8) to the Planning Office and Control "
            "Interno: the online government criteria, the action plan, the PQRSD, citizen "
            "participation and the use of the portal."
        )


def source_locale():
    return Locale.objects.get(language_code=SOURCE_LANGUAGE)


def report_parent(locale=None):
    """The Spanish "Informes de gestión, evaluación y auditoría" page."""
    return (
        PublicationsPage.objects.filter(slug=PARENT_SLUG, locale=locale or source_locale())
        .order_by("path")
        .first()
    )


def find_report(period, locale=None):
    locale = locale or source_locale()
    return BimonthlyReportPage.objects.filter(
        period_key=f"{locale.language_code}:{period.label}"
    ).first()


def previous_figures(period, locale):
    previous = find_report(period.previous(), locale)
    return previous.figures if previous is not None and previous.live else None


def is_frozen(page):
    """Published once: its figures never change again."""
    return page.live or page.first_published_at is not None


def prepare_report(period, user=None, today=None):
    """Create the draft report of ``period`` (not live, with a revision), or refresh
    its figures while it has never been published. ``(page, CREATED | REFRESHED |
    UNCHANGED)``; raises ``LookupError`` when the parent page is missing."""
    locale = source_locale()
    page = find_report(period, locale)
    if page is not None and is_frozen(page):
        return page, UNCHANGED
    figures = compute_figures(period, previous_figures(period, locale), today)
    now = timezone.now()
    if page is None:
        parent = report_parent(locale)
        if parent is None:
            raise LookupError(f"no transparency page with slug {PARENT_SLUG!r}")
        page = BimonthlyReportPage(
            title=report_title(period, SOURCE_LANGUAGE),
            slug=f"informe-gel-{period.label}",
            introduction=report_introduction(SOURCE_LANGUAGE),
            period_start=period.start,
            period_end=period.end,
            figures=figures,
            generated_at=now,
            locale=locale,
            live=False,
        )
        parent.add_child(instance=page)
        status = CREATED
    else:
        page = page.get_latest_revision_as_object()
        page.figures, page.generated_at = figures, now
        status = REFRESHED
    page.save_revision(user=user, log_action=True)
    return page, status


def system_user():
    """The requester of the automatic submission: the first active superuser."""
    return get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk").first()


def submit(page, user):
    """Start the page's workflow (the editors' approval) unless one is in progress;
    the workflow state, or None when nothing was started."""
    if page.workflow_in_progress:
        return None
    workflow = page.get_workflow()
    if workflow is None:
        return None
    return workflow.start(page, user)


def publish_translations(page):
    """After the Spanish report is published: publish its translation in every other
    locale whose report page exists (creating it under the translated parent), with the
    same frozen figures and observations and a title in that language; a translation
    published before is left as it is."""
    if page.locale.language_code != SOURCE_LANGUAGE:
        return []
    published = []
    for locale in Locale.objects.exclude(pk=page.locale_id):
        translated = page.get_translation_or_none(locale)
        if translated is not None and is_frozen(translated):
            continue
        if translated is None:
            parent = page.get_parent().get_translation_or_none(locale)
            if parent is None:
                continue
            translated = page.copy_for_translation(locale)
        translated = translated.specific
        translated.title = translated.draft_title = report_title(page.period, locale.language_code)
        translated.introduction = report_introduction(locale.language_code)
        translated.figures, translated.generated_at = page.figures, page.generated_at
        translated.observations = page.observations
        translated.save_revision().publish()
        published.append(translated)
    return published


def on_page_published(sender, instance, **kwargs):
    publish_translations(instance.specific)
