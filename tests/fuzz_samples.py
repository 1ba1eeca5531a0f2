"""Concrete URLs, built from the Soacha demo, for every pattern of tests/url_inventory.py.

``SAMPLES`` maps each route to a function of the demo (``Demo``) returning the URLs to
request with GET (an empty list for a POST-only endpoint, whose forms are found on the
pages that show them or listed in ``POST_ONLY``); ``STAFF_ONLY`` routes are reached by
the role matrices instead (tests/<app>/test_role_matrix.py)."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Page

from cms.models import Consent, DataPolicyVersion
from home.models import EventIndexPage, EventPage, NewsIndexPage
from pqr import workflow
from pqr.filing import file_case
from pqr.models import Attachment, Case, Status
from surveys.models import SurveyPage
from tests.private_content import PrivateContent, create_private_content


@dataclass
class Demo:
    pages: list  # one live Spanish page of each page type
    surveys: list
    news_index: Page
    event_index: Page
    event: Page
    case: Case
    attachment: Attachment
    document: Document
    private: PrivateContent
    tracked: dict = field(default_factory=dict)  # status -> (case, tracking code)


def _tracked_cases(user):
    """An answered case (its tracking page shows the rating form) and one waiting to
    be completed (the completion form), both of ``user`` and with their codes."""
    official = get_user_model().objects.filter(is_superuser=True).first()
    tracked = {}
    for status in (Status.ANSWERED, Status.INCOMPLETE):
        filed = file_case(dict(SAMPLE_PETITION), user=user)
        workflow.transition(filed.case, Status.IN_PROCESS, official)
        if status == Status.ANSWERED:
            workflow.transition(filed.case, status, official, answer="Respuesta de fondo.")
        else:
            workflow.transition(filed.case, status, official, message="Falta la dirección.")
        tracked[status] = (filed.case, filed.code)
    return tracked


def load_demo(site, citizen=None):
    seen, pages = set(), []
    for page in Page.objects.live().filter(locale__language_code="es").specific().order_by("path"):
        if type(page) not in seen and page.depth > 1:
            seen.add(type(page))
            pages.append(page)
    case = Case.objects.order_by("pk").first()
    attachment = Attachment(case=case, name="carta.txt", content_type="text/plain", size=5)
    attachment.file.save("carta.txt", ContentFile(b"carta"), save=False)
    attachment.save()
    return Demo(
        pages=pages,
        surveys=list(SurveyPage.objects.live().filter(locale__language_code="es")),
        news_index=NewsIndexPage.objects.live().first(),
        event_index=EventIndexPage.objects.live().first(),
        event=EventPage.objects.live().first(),
        case=case,
        attachment=attachment,
        document=Document.objects.order_by("pk").first(),
        private=create_private_content(site),
        tracked=_tracked_cases(citizen),
    )


def _user_consents():
    """The petition consents of the signed-in citizen's tracked cases (its own, so the
    citizen pass reaches the withdrawal form)."""
    return Consent.objects.filter(user__isnull=False, purpose="petition").order_by("-pk")[:1]


def _process(d):
    """The demo's debate (a process one may subscribe to)."""
    return next(page for page in d.pages if type(page).__name__ == "DebatePage")


def _report(d):
    """The demo's GEL bimonthly report (the published one of the last complete period)."""
    return next(page for page in d.pages if type(page).__name__ == "BimonthlyReportPage")


def _survey_urls(d, suffix):
    return [s.url + suffix for s in d.surveys]


#: a valid web petition (the shape of the filing form's cleaned data)
SAMPLE_PETITION = {
    "petition_type": "general",
    "subject": "Hueco en la vía",
    "description": "Hay un hueco grande en la calle 13.",
    "name": "Ana Pérez",
    "email": "ana@test.example",
    "answer_channel": "email",
    "consent": True,
}

SAMPLES = {
    "admin/login/": lambda d: ["/admin/login/?next=/admin/"],
    "documentos/^(\\d+)/(.*)$": lambda d: [
        d.document.url,
        d.private.document.url,
        d.private.group_document.url,
    ],
    "documentos/authenticate_with_password/<int:restriction_id>/": lambda d: [
        f"/documentos/authenticate_with_password/{d.private.collection_restriction.pk}/"
        f"?next={d.private.document.url}"
    ],
    "sitemap.xml": lambda d: ["/sitemap.xml"],
    "robots.txt": lambda d: ["/robots.txt"],
    "favicon.ico": lambda d: ["/favicon.ico"],
    "i18n/setlang/": lambda d: [],
    "<lang>/cuentas/signup/": lambda d: ["/es/cuentas/signup/"],
    "<lang>/cuentas/login/": lambda d: ["/es/cuentas/login/", "/en/cuentas/login/"],
    "<lang>/cuentas/logout/": lambda d: ["/es/cuentas/logout/"],
    "<lang>/cuentas/inactive/": lambda d: ["/es/cuentas/inactive/"],
    "<lang>/cuentas/reauthenticate/": lambda d: ["/es/cuentas/reauthenticate/"],
    "<lang>/cuentas/email/": lambda d: ["/es/cuentas/email/"],
    "<lang>/mi-cuenta/": lambda d: ["/es/mi-cuenta/", "/en/mi-cuenta/"],
    "<lang>/mi-cuenta/autorizaciones/<int:pk>/retirar/": lambda d: [
        f"/es/mi-cuenta/autorizaciones/{consent.pk}/retirar/" for consent in _user_consents()
    ],
    "<lang>/mi-cuenta/mis-datos/": lambda d: ["/es/mi-cuenta/mis-datos/"],
    "<lang>/mi-cuenta/mis-datos/<str:token>/": lambda d: [
        "/es/mi-cuenta/mis-datos/no-es-un-token/",
        "/en/mi-cuenta/mis-datos/no-es-un-token/",
    ],
    "<lang>/mi-cuenta/eliminar/": lambda d: ["/es/mi-cuenta/eliminar/", "/en/mi-cuenta/eliminar/"],
    "<lang>/mi-cuenta/eliminada/": lambda d: ["/es/mi-cuenta/eliminada/"],
    "<lang>/politica-de-datos/": lambda d: ["/es/politica-de-datos/", "/en/politica-de-datos/"],
    "<lang>/politica-de-datos/version-<int:number>/": lambda d: [
        "/es/politica-de-datos/version-1/",
        "/en/politica-de-datos/version-1/",
    ],
    "<lang>/cuentas/confirm-email/": lambda d: ["/es/cuentas/confirm-email/"],
    "<lang>/cuentas/password/change/": lambda d: ["/es/cuentas/password/change/"],
    "<lang>/cuentas/password/set/": lambda d: ["/es/cuentas/password/set/"],
    "<lang>/cuentas/password/reset/": lambda d: ["/es/cuentas/password/reset/"],
    "<lang>/cuentas/login/code/confirm/": lambda d: ["/es/cuentas/login/code/confirm/"],
    "<lang>/cuentas/^confirm-email/(?P<key>[-:\\w]+)/$": lambda d: [
        "/es/cuentas/confirm-email/abc/"
    ],
    "<lang>/cuentas/password/reset/key/done/": lambda d: ["/es/cuentas/password/reset/key/done/"],
    "<lang>/cuentas/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": lambda d: [
        "/es/cuentas/password/reset/key/1-abc/"
    ],
    "<lang>/cuentas/password/reset/done/": lambda d: ["/es/cuentas/password/reset/done/"],
    "<lang>/cuentas/2fa/": lambda d: ["/es/cuentas/2fa/"],
    "<lang>/cuentas/2fa/authenticate/": lambda d: ["/es/cuentas/2fa/authenticate/"],
    "<lang>/cuentas/2fa/reauthenticate/": lambda d: ["/es/cuentas/2fa/reauthenticate/"],
    "<lang>/cuentas/2fa/totp/activate/": lambda d: ["/es/cuentas/2fa/totp/activate/"],
    "<lang>/cuentas/2fa/totp/deactivate/": lambda d: ["/es/cuentas/2fa/totp/deactivate/"],
    "<lang>/cuentas/2fa/recovery-codes/": lambda d: ["/es/cuentas/2fa/recovery-codes/"],
    "<lang>/cuentas/2fa/recovery-codes/generate/": lambda d: [
        "/es/cuentas/2fa/recovery-codes/generate/"
    ],
    "<lang>/cuentas/2fa/recovery-codes/download/": lambda d: [
        "/es/cuentas/2fa/recovery-codes/download/"
    ],
    "<lang>/buscar/": lambda d: ["/es/buscar/?q=agua", "/en/buscar/?q=water"],
    "<lang>/buscar/sugerencias/": lambda d: ["/es/buscar/sugerencias/?q=agu"],
    "<lang>/pqrsd/": lambda d: ["/es/pqrsd/"],
    "<lang>/pqrsd/radicado/<str:radicado>/": lambda d: [f"/es/pqrsd/radicado/{d.case.radicado}/"],
    "<lang>/pqrsd/consulta/": lambda d: [
        "/es/pqrsd/consulta/",
        f"/es/pqrsd/consulta/?radicado={d.case.radicado}&codigo=ABCD-1234",
        *(f"/es/pqrsd/consulta/?radicado={c.radicado}&codigo={k}" for c, k in d.tracked.values()),
    ],
    # Opened after the code links above put the cases in this browser's session, so
    # their rating and completion forms are fuzzed too.
    "<lang>/pqrsd/consulta/caso/<str:radicado>/": lambda d: [
        f"/es/pqrsd/consulta/caso/{d.case.radicado}/",
        *(f"/es/pqrsd/consulta/caso/{case.radicado}/" for case, _code in d.tracked.values()),
    ],
    "<lang>/pqrsd/consulta/calificar/": lambda d: [],
    "<lang>/pqrsd/consulta/completar/": lambda d: [],
    "<lang>/pqrsd/respuestas-anonimas/": lambda d: ["/es/pqrsd/respuestas-anonimas/?page=1"],
    "<lang>/pqrsd/adjuntos/<int:pk>/": lambda d: [f"/es/pqrsd/adjuntos/{d.attachment.pk}/"],
    "<lang>/pqrsd/mis-peticiones/": lambda d: ["/es/pqrsd/mis-peticiones/"],
    "<lang>/pqrsd/mis-peticiones/<str:radicado>/": lambda d: [
        f"/es/pqrsd/mis-peticiones/{d.case.radicado}/",
        *(f"/es/pqrsd/mis-peticiones/{case.radicado}/" for case, _code in d.tracked.values()),
    ],
    "<lang>/pqrsd/estadisticas/": lambda d: ["/es/pqrsd/estadisticas/?year=2026"],
    "<lang>/pqrsd/estadisticas.csv": lambda d: ["/es/pqrsd/estadisticas.csv?year=2026"],
    "<lang>/encuestas/votar/": lambda d: [],
    "<lang>/encuestas/valoracion/": lambda d: [],
    "<lang>/mapa-del-sitio/": lambda d: ["/es/mapa-del-sitio/"],
    "<lang>/suscripciones/": lambda d: ["/es/suscripciones/", "/en/suscripciones/?lista=events"],
    "<lang>/suscripciones/pendiente/": lambda d: ["/es/suscripciones/pendiente/"],
    "<lang>/gobierno-en-linea/autoevaluacion/": lambda d: ["/es/gobierno-en-linea/autoevaluacion/"],
    "<lang>/gobierno-en-linea/plan-de-accion/": lambda d: ["/en/gobierno-en-linea/plan-de-accion/"],
    "<lang>/suscripciones/confirmar/<str:token>/": lambda d: ["/es/suscripciones/confirmar/abc/"],
    "<lang>/suscripciones/baja/<str:token>/": lambda d: [
        "/es/suscripciones/baja/1-abc/",
        "/es/suscripciones/baja/abc/",
    ],
    "<lang>/suscripciones/proceso/<int:page_id>/": lambda d: [
        f"/es/suscripciones/proceso/{_process(d).pk}/",
        "/es/suscripciones/proceso/999999/",
    ],
    "<lang>/suscripciones/proceso/<int:page_id>/atom/": lambda d: [
        f"/en/suscripciones/proceso/{_process(d).pk}/atom/",
        "/es/suscripciones/proceso/999999/atom/",
    ],
    "<lang>/suscripciones/atom/<str:list_key>/": lambda d: [
        "/es/suscripciones/atom/news/",
        "/es/suscripciones/atom/nada/",
    ],
    "<lang>/suscripciones/resumen/baja/<str:token>/": lambda d: [
        "/es/suscripciones/resumen/baja/1-daily-abc/",
        "/es/suscripciones/resumen/baja/abc/",
    ],
    "<lang>/estadisticas-de-uso/": lambda d: [
        "/es/estadisticas-de-uso/",
        "/en/estadisticas-de-uso/",
    ],
    "uso/v/": lambda d: [],
    "<lang>/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        lambda d: [
            f"/es/_util/authenticate_with_password/{d.private.page_restriction.pk}/"
            f"{d.private.page.pk}/?next={d.private.page.url}"
        ]
    ),
    "<lang>/_util/login/": lambda d: ["/es/_util/login/?next=/es/"],
    "<lang>/^((?:[\\w\\-]+/)*)$": lambda d: [
        *(page.url for page in d.pages),
        "/en/",
        d.private.page.url,
    ],
    "<BimonthlyReportPage>/": lambda d: [_report(d).url],
    "<BimonthlyReportPage>/pdf/": lambda d: [_report(d).url + "pdf/"],
    "<EventIndexPage>/": lambda d: [d.event_index.url + "?year=2026&month=12"],
    "<EventIndexPage>/ical/": lambda d: [d.event_index.url + "ical/"],
    "<EventPage>/": lambda d: [d.event.url],
    "<EventPage>/ical/": lambda d: [d.event.url + "ical/"],
    "<NewsIndexPage>/": lambda d: [d.news_index.url + "?page=1"],
    "<NewsIndexPage>/rss/": lambda d: [d.news_index.url + "rss/"],
    "<NewsIndexPage>/atom/": lambda d: [d.news_index.url + "atom/"],
    "<SurveyPage>/": lambda d: _survey_urls(d, ""),
    "<SurveyPage>/gracias/": lambda d: _survey_urls(d, "gracias/"),
    "<SurveyPage>/resultados/": lambda d: _survey_urls(d, "resultados/"),
    "<SurveyPage>/^resultados/(?P<fmt>csv|json|xlsx)/$": lambda d: [
        *_survey_urls(d, "resultados/csv/"),
        *_survey_urls(d, "resultados/json/"),
        *_survey_urls(d, "resultados/xlsx/"),
    ],
    "<SurveyPage>/^respuestas/(?P<fmt>csv|json|xlsx)/$": lambda d: [
        *_survey_urls(d, "respuestas/csv/"),
        *_survey_urls(d, "respuestas/xlsx/"),
    ],
}

#: admin views of the portal: not public; fuzzed with GET as a superuser (their POST
#: forms are staff tools) and probed per role by tests/<app>/test_role_matrix.py
STAFF_ONLY = {
    "admin/pqrsd/": lambda d: ["/admin/pqrsd/?status=received&open=all"],
    "admin/pqrsd/<int:pk>/": lambda d: [f"/admin/pqrsd/{d.case.pk}/"],
    "admin/pqrsd/verbal/": lambda d: ["/admin/pqrsd/verbal/"],
    "admin/encuestas/": lambda d: ["/admin/encuestas/"],
    "admin/encuestas/<int:pk>/": lambda d: [f"/admin/encuestas/{s.pk}/" for s in d.surveys],
    "admin/encuestas/valoracion/": lambda d: ["/admin/encuestas/valoracion/?p=1"],
    "admin/encuestas/moderacion/": lambda d: ["/admin/encuestas/moderacion/?p=1"],
    "admin/encuestas/moderacion/<int:pk>/": lambda d: [],
    "admin/reports/busquedas/": lambda d: ["/admin/reports/busquedas/?days=30"],
    "admin/reports/suscripciones/": lambda d: ["/admin/reports/suscripciones/"],
    "admin/gel/instantanea/": lambda d: [],
    "admin/reports/plan-gel/": lambda d: ["/admin/reports/plan-gel/"],
    "admin/reports/uso/": lambda d: ["/admin/reports/uso/?start=2026-01-01&end=2026-01-31"],
    "admin/reports/uso.csv": lambda d: ["/admin/reports/uso.csv?start=2026-01-01&end=2026-01-31"],
    "admin/politica-de-datos/edit/<int:pk>/": lambda d: [
        f"/admin/politica-de-datos/edit/{DataPolicyVersion.objects.get(number=1).pk}/"
    ],
}


def _portal_post_only(d):
    """POST endpoints with the fields a real form sends, for those no GET page shows
    (a poll is only on pages whose editors added one; rating and completion only for a
    case in the right state)."""
    home = d.pages[0]
    return [
        ("/es/encuestas/votar/", {"page": home.pk, "poll": "p", "option": "o", "next": "/es/"}),
        ("/es/encuestas/valoracion/", {"page": home.pk, "feedback-useful": "1", "next": "/es/"}),
        (
            "/es/pqrsd/consulta/calificar/",
            {"radicado": d.case.radicado, "codigo": "ABCD-1234", "score": "5", "comment": "x"},
        ),
        (
            "/es/pqrsd/consulta/completar/",
            {"radicado": d.case.radicado, "codigo": "ABCD-1234", "text": "x"},
        ),
        ("/i18n/setlang/", {"language": "en", "next": "/es/"}),
        ("/uso/v/", {"page": home.pk}),
    ]


# Participation keeps its samples beside its tests: public routes and admin routes.
from tests.participation.samples_admin import STAFF_SAMPLES  # noqa: E402
from tests.participation.samples_public import POST_SAMPLES, PUBLIC_SAMPLES  # noqa: E402

SAMPLES.update(PUBLIC_SAMPLES)
STAFF_ONLY.update(STAFF_SAMPLES)


def post_only(d):
    """Every POST-only endpoint the fuzz test sends junk to: the portal's and
    participation's."""
    return _portal_post_only(d) + POST_SAMPLES(d)
