"""Fuzz samples (tests/fuzz_samples.py) for participation's public routes: route ->
function of the demo returning URLs to GET; POST_SAMPLES(d) lists (url, data) pairs for
POST-only endpoints. ``sample_debate`` and ``sample_comment`` find an open debate and
a published comment in the demo, or make them when the demo has none."""

import time
from datetime import timedelta

from django.core import signing
from django.utils import timezone

#: the author of the sample comment: no role of tests/role_matrix.py
SAMPLE_AUTHOR = "autora-muestra@participacion.example"


def _sample_author():
    from django.contrib.auth import get_user_model

    from allauth.account.models import EmailAddress

    user, created = get_user_model().objects.get_or_create(
        username=SAMPLE_AUTHOR, defaults={"email": SAMPLE_AUTHOR}
    )
    if created:
        EmailAddress.objects.create(user=user, email=SAMPLE_AUTHOR, verified=True, primary=True)
    return user


def _debate_index():
    from wagtail.models import Page, Site

    from participation.models import DebateIndexPage

    index = DebateIndexPage.objects.live().filter(locale__language_code="es").first()
    if index is None:
        home = Page.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
        index = DebateIndexPage(title="Debates", slug="debates-muestra")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def sample_debate():
    """A live, open Spanish debate that no moderator holds."""
    from participation.models import DebatePage

    now = timezone.now()
    debate = (
        DebatePage.objects.live()
        .public()
        .filter(
            locale__language_code="es",
            opens_at__lte=now,
            closes_at__gt=now,
            hold__isnull=True,
        )
        .order_by("path")
        .first()
    )
    if debate is None:
        debate = DebatePage(
            title="Debate de muestra",
            slug="debate-muestra",
            question="¿Qué debería mejorar en su barrio?",
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=30),
        )
        _debate_index().add_child(instance=debate)
        debate.save_revision().publish()
    return debate


def sample_comment():
    """A published first-level comment of ``sample_debate`` by someone of no role."""
    from participation import contributions, moderation
    from participation.models import Comment

    debate = sample_debate()
    author = _sample_author()
    comment = Comment.objects.filter(
        page=debate, user=author, status=Comment.PUBLISHED, level=0
    ).first()
    if comment is None:
        comment = contributions.post_comment(author, debate, "Comentario de muestra.", "es")
        if comment.status != Comment.PUBLISHED:
            moderation.approve_comment(comment, None)
    return comment


def _consultation_index():
    from wagtail.models import Page, Site

    from participation.models import ConsultationIndexPage

    index = ConsultationIndexPage.objects.live().filter(locale__language_code="es").first()
    if index is None:
        home = Page.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
        index = ConsultationIndexPage(title="Consultas", slug="consultas-muestra")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def sample_consultation():
    """A live, open Spanish consultation with sections (made when the demo has none)."""
    from participation.drafts import as_stream_data, ensure_sections
    from participation.models import ConsultationPage, DraftSection

    now = timezone.now()
    pages = (
        ConsultationPage.objects.live()
        .public()
        .filter(locale__language_code="es", opens_at__lte=now, closes_at__gt=now)
    )
    for page in pages.order_by("path"):
        ensure_sections(page)
        if DraftSection.objects.filter(page_id=page.pk, removed_at__isnull=True).exists():
            return page
    page = ConsultationPage(
        title="Consulta de muestra",
        slug="consulta-muestra",
        kind="norm",
        summary="<p>Resumen.</p>",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
        draft=as_stream_data(
            [
                {"number": "Artículo 1", "heading": "Objeto", "body": "Texto del objeto."},
                {"number": "Artículo 2", "heading": "Vigencia", "body": "Rige desde hoy."},
            ]
        ),
    )
    _consultation_index().add_child(instance=page)
    page.save_revision().publish()
    return page


def sample_section():
    """The first current section of ``sample_consultation``."""
    from participation.models import DraftSection

    page = sample_consultation()
    return DraftSection.objects.filter(page_id=page.pk, removed_at__isnull=True).first()


def sample_section_comment():
    """A published comment on ``sample_section`` by someone of no role."""
    from participation import contributions, moderation
    from participation.models import Comment

    section = sample_section()
    author = _sample_author()
    comment = Comment.objects.filter(
        section_version__section=section, user=author, status=Comment.PUBLISHED, level=0
    ).first()
    if comment is None:
        comment = contributions.comment_on_consultation(
            author, sample_consultation(), "Observación de muestra.", "es", section=section
        )
        if comment.status != Comment.PUBLISHED:
            moderation.approve_comment(comment, None)
    return comment


def section_page_with_a_comment(d):
    """The sample section's page once it shows a comment (its reply, reaction and
    report forms), and the consultation's page."""
    comment = sample_section_comment()
    section = comment.section_version.section
    page = sample_consultation()
    return [page.url, f"{page.url}seccion/{section.key}/"]


def sample_profile():
    from participation import contributions

    return contributions.profile_for(sample_comment().user)


def debate_with_a_comment(d):
    """The sample debate's page, once it shows a comment (its reply, reaction, report
    and follow forms)."""
    sample_comment()
    return [sample_debate().url]


def shown_a_minute_ago(form_class):
    """A render time the minimum-fill check accepts, so junk reaches the services."""
    return signing.dumps(time.time() - 60, salt=form_class.human_check_salt)


P = "/es/participacion"

PUBLIC_SAMPLES = {
    "<lang>/participacion/seguimiento/cancelar/<uuid:token>/": lambda d: [
        "/es/participacion/seguimiento/cancelar/00000000-0000-0000-0000-000000000000/"
    ],
    # POST-only: their forms are on the debate page (and in POST_SAMPLES).
    "<lang>/participacion/debates/<int:page_id>/comentar/": debate_with_a_comment,
    "<lang>/participacion/debates/<int:page_id>/seguir/": lambda d: [
        sample_debate().get_parent().url + "?status=open&order=most_commented"
    ],
    "<lang>/participacion/comentarios/<int:pk>/reaccion/": lambda d: [],
    "<lang>/participacion/debates/<int:page_id>/reportar/": lambda d: [
        f"{P}/debates/{sample_debate().pk}/reportar/"
    ],
    "<lang>/participacion/debates/proponer/": lambda d: [f"{P}/debates/proponer/"],
    "<lang>/participacion/comentarios/<int:pk>/editar/": lambda d: [
        f"{P}/comentarios/{sample_comment().pk}/editar/"
    ],
    "<lang>/participacion/comentarios/<int:pk>/retirar/": lambda d: [
        f"{P}/comentarios/{sample_comment().pk}/retirar/"
    ],
    "<lang>/participacion/comentarios/<int:pk>/reportar/": lambda d: [
        f"{P}/comentarios/{sample_comment().pk}/reportar/"
    ],
    "<lang>/participacion/perfil/": lambda d: [f"{P}/perfil/"],
    # Consultations: the page, a section, a version (POST endpoints in POST_SAMPLES).
    "<ConsultationPage>/": lambda d: [sample_consultation().url + "?page=x"],
    "<ConsultationPage>/seccion/<str:key>/": section_page_with_a_comment,
    "<ConsultationPage>/seccion/<str:key>/version/<int:version>/": lambda d: [
        f"{sample_consultation().url}seccion/{sample_section().key}/version/1/",
        f"{sample_consultation().url}seccion/{sample_section().key}/version/99/",
    ],
    "<lang>/participacion/consultas/<int:page_id>/comentar/": section_page_with_a_comment,
    "<lang>/participacion/consultas/<int:page_id>/posicion/<str:key>/": lambda d: [
        sample_consultation().get_parent().url + "?page=2"
    ],
    "<lang>/participacion/perfil/<int:pk>/": lambda d: [
        f"{P}/perfil/{sample_profile().pk}/?page=1"
    ],
}


def POST_SAMPLES(d):  # noqa: N802
    from participation.forms import CommentForm, EditCommentForm, ProposalForm, ReportForm

    debate = sample_debate()
    comment = sample_comment()
    return [
        (
            f"{P}/debates/{debate.pk}/comentar/",
            {
                "comment": "Texto",
                "language": "es",
                "parent": str(comment.pk),
                "notify": "on",
                "rendered": shown_a_minute_ago(CommentForm),
            },
        ),
        (f"{P}/comentarios/{comment.pk}/reaccion/", {"value": "agree"}),
        (f"{P}/debates/{debate.pk}/seguir/", {"thread": str(comment.pk), "unfollow": "1"}),
        (
            f"{P}/comentarios/{comment.pk}/editar/",
            {"comment": "Otro texto", "rendered": shown_a_minute_ago(EditCommentForm)},
        ),
        (f"{P}/comentarios/{comment.pk}/retirar/", {}),
        (
            f"{P}/comentarios/{comment.pk}/reportar/",
            {"reason": "spam", "text": "Publicidad", "rendered": shown_a_minute_ago(ReportForm)},
        ),
        (
            f"{P}/debates/{debate.pk}/reportar/",
            {"reason": "spam", "text": "Publicidad", "rendered": shown_a_minute_ago(ReportForm)},
        ),
        (
            f"{P}/debates/proponer/",
            {
                "title": "Tema",
                "description": "Texto",
                "dependency": "secretaria-salud",
                "rendered": shown_a_minute_ago(ProposalForm),
            },
        ),
        (f"{P}/perfil/", {"nickname": "vecina-de-soacha"}),
        *consultation_post_samples(),
    ]


def consultation_post_samples():
    from participation.forms import ConsultationCommentForm

    page = sample_consultation()
    section = sample_section()
    comment = sample_section_comment()
    return [
        (
            f"{P}/consultas/{page.pk}/comentar/",
            {
                "comment": "Observación",
                "language": "es",
                "section": section.key,
                "parent": str(comment.pk),
                "rendered": shown_a_minute_ago(ConsultationCommentForm),
            },
        ),
        (
            f"{P}/consultas/{page.pk}/comentar/",
            {
                "comment": "Sobre todo el borrador",
                "language": "en",
                "section": "",
                "rendered": shown_a_minute_ago(ConsultationCommentForm),
            },
        ),
        (f"{P}/consultas/{page.pk}/posicion/{section.key}/", {"value": "support"}),
        (
            f"{P}/consultas/{page.pk}/posicion/{section.key}/",
            {"value": "none", "back": "section"},
        ),
    ]


# Consultations: the public answers matrix and its downloads (views/matrix.py)


def _matrix_urls(d, suffix):
    from tests.participation.samples_admin import answers_consultation

    base = answers_consultation(d).page.url + suffix
    return [base, f"{base}?section=general", f"{base}?section=999999&decision=nada&page=0"]


PUBLIC_SAMPLES.update(
    {
        "<ConsultationPage>/matriz/": lambda d: _matrix_urls(d, "matriz/"),
        "<ConsultationPage>/matriz/csv/": lambda d: _matrix_urls(d, "matriz/csv/"),
        "<ConsultationPage>/matriz/xlsx/": lambda d: _matrix_urls(d, "matriz/xlsx/"),
    }
)


# Results pages and participation certificates (consultations and debates)


def sample_consultation_for_results():
    """A live Spanish consultation (the demo's, or a closed one made here with a draft
    and a final text)."""
    from wagtail.models import Page, Site

    from participation.models import ConsultationPage
    from tests.participation.results_consultations import consultation_index, make_consultation

    page = (
        ConsultationPage.objects.live()
        .public()
        .filter(locale__language_code="es")
        .order_by("path")
        .first()
    )
    if page is None:
        home = Page.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
        consultation_index(home)
        page = make_consultation(home, "consulta-muestra", -timedelta(days=20), -timedelta(days=1))
    return page


RESULTS_SAMPLES = {
    "<ConsultationPage>/resultados/": lambda d: [
        sample_consultation_for_results().url + "resultados/"
    ],
    "<ConsultationPage>/certificado/": lambda d: [
        sample_consultation_for_results().url + "certificado/?descargar=1"
    ],
    "<DebatePage>/": lambda d: [sample_debate().url],
    "<DebatePage>/resultados/": lambda d: [sample_debate().url + "resultados/"],
    "<DebatePage>/certificado/": lambda d: [sample_debate().url + "certificado/?descargar=1"],
    "<lang>/participacion/certificados/verificar/": lambda d: [
        f"{P}/certificados/verificar/?codigo=abc:def",
        f"{P}/certificados/verificar/",
    ],
}
PUBLIC_SAMPLES.update(RESULTS_SAMPLES)
