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
    ]


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
