"""Automatic checks of the interaction, transaction and transformation phases.

Each reads real content of the live site: published pages of a type (looked up by
label, see ``base``), rows recorded by the other apps, the entity settings, and the
portal's named URLs."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.contrib.forms.models import AbstractForm
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models

from cms.assessment_facts import fact
from cms.media_blocks import live_pages_with_media
from subscriptions import lists as subscription_lists

from .base import MET, NOT_MET, PARTLY, Evidence, Result, automatic, graded
from .mapped import live_path

ONLINE_LEVELS = ("interaccion", "transaccion")
#: the slug of the information security policy page in the Spanish tree
SECURITY_POLICY_SLUG = "politica-de-seguridad"
ACCESSIBILITY_REVIEW_DAYS = 365


def _served(context, name, label):
    url = context.url(name)
    return bool(url), ([Evidence(label, url)] if url else [])


def _first_live(context, label):
    return context.first_public_es(label)


def _pages_evidence(pages):
    return [Evidence(page.title, page.url or "", page) for page in pages if page is not None]


# Interaction ------------------------------------------------------------------------


@automatic("buzon-de-contactenos", _("A contact e-mail address and the online PQRSD form."))
def contact_mailbox(context):
    email = context.entity.contact_email
    served, evidence = _served(context, "pqr:file", _("PQRSD form"))
    if email:
        evidence.append(Evidence(email, f"mailto:{email}"))
    return graded([bool(email), served], evidence)


@automatic(
    "buzon-de-peticiones-quejas-y-reclamos",
    _("The online PQRSD form and the page to follow a filed request."),
)
def pqrsd_online(context):
    filed, evidence = _served(context, "pqr:file", _("PQRSD form"))
    tracked, more = _served(context, "pqr:track", _("Follow a request"))
    return graded([filed, tracked], evidence + more)


@automatic("mecanismo-de-busqueda", _("The site search over the published pages."))
def site_search(context):
    served, evidence = _served(context, "search:search", _("Search"))
    return graded([served, any(page.depth > 2 for page in context.public_pages)], evidence)


@automatic(
    "suscripcion-a-servicios-de-informacion-al-correo-electronico",
    _("Every e-mail subscription list is fed by published pages."),
)
def email_subscriptions(context):
    served, evidence = _served(context, "subscriptions:subscribe", _("Subscriptions"))
    fed = []
    for list_key in subscription_lists.LISTS:
        models = subscription_lists.models_for(list_key)
        fed.append(any(_published(context, model) for model in models))
    return graded([served, *fed], evidence)


def _published(context, model):
    """Whether a live, public page of ``model`` (any language) exists."""
    if issubclass(model, Page):
        return bool(context.public_of(model._meta.label))
    return context.public(model.objects.all()).exists()


@automatic(
    "encuestas-de-opinion",
    _("At least one published survey, open or closed, whose results are public."),
)
def opinion_surveys(context):
    surveys = context.specific_public_es("surveys.SurveyPage")
    public = [s for s in surveys if s.results_visibility == "public" or s.status() == "closed"]
    if public:
        return Result(MET, _pages_evidence(public))
    return Result(PARTLY if surveys else NOT_MET, _pages_evidence(surveys))


@automatic(
    "informacion-en-audio-yo-video",
    _("Published pages with video (WebVTT captions) or audio, each with a transcript."),
)
def audio_video(context):
    pages = live_pages_with_media(context.restricted_paths)
    return graded([bool(pages)], _pages_evidence(pages[:5]))


@automatic("descarga-de-documentos", _("Documents published for download."))
def document_downloads(context):
    documents = get_document_model().objects.filter(collection__view_restrictions__isnull=True)
    first = list(documents[:3])
    return graded([bool(first)], [Evidence(d.title, d.url) for d in first])


@automatic(
    "mecanismos-de-participacion",
    _("Published public consultations, debates and surveys."),
)
def participation_mechanisms(context):
    labels = ("participation.ConsultationPage", "participation.DebatePage", "surveys.SurveyPage")
    pages = [_first_live(context, label) for label in labels]
    return graded([page is not None for page in pages], _pages_evidence(pages))


@automatic("ayudas", _("Frequently asked questions and a glossary for the visitor."))
def help_pages(context):
    pages = [_first_live(context, label) for label in ("home.FaqPage", "home.GlossaryPage")]
    return graded([page is not None for page in pages], _pages_evidence(pages))


@automatic(
    "contratacion-en-linea",
    _("The annual procurement plan and each contract linked to its SECOP record."),
)
def procurement_online(context):
    plan = contracts = False
    evidence = []
    for page in context.specific_public_es("transparency.PublicationsPage"):
        found = False
        # The stored JSON, not the blocks: no document is fetched, whatever the entries.
        for block in page.entries.raw_data:
            value = block.get("value") or {}
            if block.get("type") == "contract" and value.get("secop_url"):
                contracts = found = True
            if (
                block.get("type") == "publication"
                and "adquisiciones" in (value.get("title") or "").lower()
            ):
                plan = found = True
        if found:
            evidence.append(Evidence(page.title, page.url or "", page))
    return graded([plan, contracts], evidence)


def served_by_portal(context, url):
    """Whether ``url`` (a procedure's online form) is a page or view of this portal,
    rather than an outside system the catalogue merely names."""
    parts = urlsplit(url)
    if not url or (parts.netloc and parts.netloc.split(":")[0] != context.site.hostname):
        return False
    return live_path(context, parts.path)[1]


def _has_live_form(context, procedure):
    """Whether ``procedure`` links a published online form page of the Spanish tree."""
    page = procedure.online_form
    return bool(page and page.live and page.locale_id == context.es_locale.pk)


def _online_procedures(context, procedures):
    """Procedures whose online form the portal itself serves: a linked online form
    page (``online_form``) or an ``online_form_url`` on this portal."""
    return [
        p
        for p in procedures
        if (p.online_form_url != "" or p.online_form_id is not None)
        and (_has_live_form(context, p) or served_by_portal(context, p.online_form_url))
    ]


@automatic(
    "formularios-para-descarga-o-diligenciamiento-en-linea",
    _("Procedures with forms to download, and forms filled in online on the portal."),
)
def procedure_forms(context):
    procedures = context.procedures
    downloads = [page for page in procedures if len(page.downloadable_forms)]
    form_models = [model for model in get_page_models() if issubclass(model, AbstractForm)]
    content_types = {ct.pk for ct in ContentType.objects.get_for_models(*form_models).values()}
    online = [
        page
        for page in context.public_pages
        if page.locale_id == context.es_locale.pk and page.content_type_id in content_types
    ][:5]
    online += _online_procedures(context, procedures)
    return graded([bool(downloads), bool(online)], _pages_evidence((online + downloads)[:5]))


def _procedures_at(context, kind, levels, online_form=False):
    """Procedures of ``kind`` at one of ``levels``; with ``online_form``, only those
    whose online form the portal itself serves."""
    procedures = [p for p in context.procedures if p.kind == kind]
    if online_form:
        # A linked, published online form makes a procedure a transaction whatever
        # level the editor chose (ProcedurePage.effective_online_level).
        found = _online_procedures(context, procedures)
        found = [p for p in found if p.online_level in levels or _has_live_form(context, p)]
    else:
        found = [
            p
            for p in procedures
            if p.online_level in levels
            or (
                p.online_form is not None
                and p.online_form.live
                and p.online_form.locale_id == context.es_locale.pk
            )
        ][:5]
    return Result(MET if found else NOT_MET, _pages_evidence(found[:5]))


@automatic(
    "tramites-en-interaccion-nivel-de-avance-bajomedioalto",
    _("At least one procedure (trámite) at the interaction level or higher."),
)
def procedures_interaction(context):
    return _procedures_at(context, "tramite", ONLINE_LEVELS)


@automatic(
    "servicios-en-interaccion-nivel-de-avance-bajomedioalto",
    _("At least one service at the interaction level or higher."),
)
def services_interaction(context):
    return _procedures_at(context, "servicio", ONLINE_LEVELS)


# Transaction ------------------------------------------------------------------------


@automatic(
    "consulta-del-estado-de-un-tramite-yo-servicio",
    _("The page where a citizen follows a filed request by its radicado."),
)
def request_status(context):
    served, evidence = _served(context, "pqr:track", _("Follow a request"))
    return graded([served], evidence)


@automatic("plazos-de-respuesta", _("Every PQRSD type a citizen may file has its legal term."))
def response_terms(context):
    terms = fact("pqr.petition_terms") or []
    served, evidence = _served(context, "pqr:file", _("PQRSD form"))
    with_term = [label for label, days in terms if days]
    return graded(
        [served, bool(terms), len(with_term) == len(terms)],
        evidence,
        note=", ".join(f"{label}: {days}" for label, days in terms if days),
    )


@automatic(
    "medicion-de-la-satisfaccion-de-los-usuarios",
    _("Citizens rate the answer to their request and the pages, and ratings are recorded."),
)
def user_satisfaction(context):
    rated, evidence = _served(context, "pqr:rate", _("Rate an answer"))
    recorded = [context.recorded("rating"), context.recorded("page_feedback")]
    return graded([rated, any(recorded)], evidence)


@automatic(
    "suscripcion-a-servicios-de-informacion-al-telefono-movil",
    _("Information lists a visitor may subscribe to by text message."),
)
def mobile_subscriptions(context):
    lists = fact("subscriptions.mobile_lists") or []
    return graded([bool(lists)], note=", ".join(str(name) for name in lists))


@automatic(
    "otro-idioma",
    _("The English tree has a live translation of a set share of the Spanish pages."),
)
def other_language(context):
    es, en = context.es_locale, context.en_locale
    spanish = [p for p in context.public_pages if p.locale_id == es.pk and p.depth > 1]
    total = len(spanish)
    if not total or en is None:
        return Result(NOT_MET)
    keys = {page.translation_key for page in spanish}
    english = [p for p in context.public_pages if p.locale_id == en.pk]
    translated = sum(1 for page in english if page.translation_key in keys)
    percent = round(100 * translated / total)
    root_key = context.site.root_page.translation_key
    home = next(  # a live translation of the home page (one not live shows no link)
        (p for p in context.live_pages if p.locale_id == en.pk and p.translation_key == root_key),
        None,
    )
    evidence = [Evidence(home.title, home.url or "")] if home else []
    if percent >= context.min_translated_percent:
        status = MET
    else:
        status = PARTLY if translated else NOT_MET
    return Result(status, evidence, note=f"{percent} % ({translated}/{total})")


@automatic("politica-de-seguridad", _("The information security policy is published."))
def security_policy(context):
    page = next(
        (
            p
            for p in context.public_pages
            if p.locale_id == context.es_locale.pk and p.slug == SECURITY_POLICY_SLUG
        ),
        None,
    )
    return graded([page is not None], _pages_evidence([page]))


@automatic(
    "monitoreo-del-desempeno-y-uso",
    _("Statistics of the portal's use (page views) and of the PQRSD service."),
)
def usage_monitoring(context):
    usage, evidence = _served(context, "usage:statistics", _("Usage statistics of the portal"))
    pqrsd, pqrsd_evidence = _served(context, "pqr:statistics", _("PQRSD report"))
    days = fact("usage.days_counted") or 0  # days with page views counted by the portal
    note = ngettext("%(days)d day counted", "%(days)d days counted", days) % {"days": days}
    return graded([usage, pqrsd], evidence + pqrsd_evidence, note=note)


@automatic(
    "tramites-en-transaccion-bajomedioalto",
    _("At least one procedure (trámite) done fully online through a form the portal serves."),
)
def procedures_transaction(context):
    return _procedures_at(context, "tramite", ("transaccion",), online_form=True)


@automatic(
    "servicios-en-transaccion-bajomedioalto",
    _("At least one service provided fully online through a form the portal serves."),
)
def services_transaction(context):
    return _procedures_at(context, "servicio", ("transaccion",), online_form=True)


# Transformation ---------------------------------------------------------------------


@automatic(
    "multiples-canales",
    _("At least three service channels: address, phone, e-mail, the online form, social media."),
)
def multiple_channels(context):
    entity = context.entity
    channels = [
        entity.address,
        entity.phone or entity.toll_free_phone,
        entity.contact_email,
        context.url("pqr:file"),
        entity.facebook_url or entity.x_url or entity.youtube_url,
    ]
    count = sum(1 for channel in channels if channel)
    status = MET if count >= 3 else PARTLY if count else NOT_MET
    return Result(status, note=str(count))


@automatic(
    "personalizacion",
    _("Accounts with their own section, e-mail subscriptions and pages by interest group."),
)
def personalisation(context):
    account, evidence = _served(context, "my_account", _("My account"))
    subscribe, more = _served(context, "subscriptions:subscribe", _("Subscriptions"))
    audience = _first_live(context, "home.AudiencePage")
    return graded(
        [account, subscribe, audience is not None], evidence + more + _pages_evidence([audience])
    )


@automatic(
    "accesibilidad-web",
    _("The accessibility statement is published and was reviewed in the last 12 months."),
)
def web_accessibility(context):
    wanted = context.entity.accessibility_page_id  # read among the live pages
    page = next((p for p in context.live_pages if p.pk == wanted), None)
    if page is None:
        return Result(NOT_MET)
    evidence = [Evidence(page.title, page.url or "", page)]
    since = timezone.now() - timedelta(days=ACCESSIBILITY_REVIEW_DAYS)
    reviewed = page.last_published_at and page.last_published_at >= since
    return Result(MET if reviewed else PARTLY, evidence)


@automatic(
    "flujos-de-informacion-automatizados-bajomedioalto",
    _("Requests flow to their dependency with recorded steps; pages pass an approval workflow."),
)
def automated_flows(context):
    return graded([context.recorded("case_event"), context.recorded("workflow")])
