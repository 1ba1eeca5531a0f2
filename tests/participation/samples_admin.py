"""Fuzz samples (tests/fuzz_samples.py) for participation's admin routes (reached by
a superuser; who else may see them is in matrix_admin.py), and ``moderation_items``,
the one of each kind of item a moderator decides on that the samples point at."""

from datetime import timedelta
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, Site


def _citizen(email):
    from allauth.account.models import EmailAddress

    user, created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email}
    )
    if created:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def debate_index():
    """The Spanish debate index (created under the home page when the demo has none)."""
    from participation.models import DebateIndexPage

    index = DebateIndexPage.objects.filter(locale__language_code="es").first()
    if index is None:
        home = Page.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
        index = DebateIndexPage(title="Debates de moderación", slug="debates-moderacion")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def open_debate(index, slug="debate-moderacion", **extra):
    from participation.models import DebatePage

    existing = DebatePage.objects.child_of(index).filter(slug=slug).first()
    if existing is not None:
        return existing
    now = timezone.now()
    debate = DebatePage(
        title=extra.pop("title", f"Debate {slug}"),
        slug=slug,
        question="¿Qué opina de la moderación?",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=10),
        **extra,
    )
    index.add_child(instance=debate)
    debate.save_revision().publish()
    return debate


def moderation_items(demo=None):
    """A debate with a held comment (three reports), a reply to it waiting for approval,
    a reported debate, a pending proposal and a block; made once per ``demo``."""
    if demo is not None and getattr(demo, "moderation", None) is not None:
        return demo.moderation
    from participation import contributions, moderation
    from participation.models import ModeratedWord

    people = [_citizen(f"muestra{n}@moderacion.example") for n in range(1, 6)]
    debate = open_debate(debate_index())
    reported = open_debate(debate_index(), "debate-reportado")
    held = contributions.post_comment(people[0], debate, "Un comentario <b>polémico</b>", "es")
    word, _created = ModeratedWord.objects.get_or_create(word="palabrota-de-muestra")
    reply = contributions.post_comment(
        people[1], debate, "Respuesta con palabrota-de-muestra", "es", parent=held
    )
    for person in people[1:4]:
        contributions.report(person, "offensive", "Insulta <i>a</i> otros", comment=held)
    held.refresh_from_db()
    contributions.report(people[2], "spam", "Publicidad", debate=reported)
    proposal = contributions.propose_debate(
        people[3], "Ciclovía en la autopista", "Propongo discutir\n\nuna ciclovía.", None, "es"
    )
    block = moderation.block_user(people[4], None, "Insultos repetidos")
    items = SimpleNamespace(
        people=people,
        debate=debate,
        reported_debate=reported,
        held=held,
        reply=reply,
        proposal=proposal,
        block=block,
        word=word,
    )
    if demo is not None:
        demo.moderation = items
    return items


def _queue_urls(d):
    moderation_items(d)
    return [
        "/admin/moderacion/",
        "/admin/moderacion/?tab=comments&order=reports&p=1",
        "/admin/moderacion/?tab=debates&order=oldest",
        "/admin/moderacion/?tab=proposals&order=newest",
        "/admin/moderacion/?tab=recent",
    ]


STAFF_SAMPLES = {
    "admin/moderacion/": _queue_urls,
    "admin/moderacion/lote/": lambda d: [],
    "admin/moderacion/comentarios/<int:pk>/": lambda d: [
        f"/admin/moderacion/comentarios/{moderation_items(d).held.pk}/",
        f"/admin/moderacion/comentarios/{moderation_items(d).reply.pk}/",
    ],
    "admin/moderacion/debates/<int:pk>/": lambda d: [
        f"/admin/moderacion/debates/{moderation_items(d).reported_debate.pk}/"
    ],
    "admin/moderacion/propuestas/<int:pk>/": lambda d: [
        f"/admin/moderacion/propuestas/{moderation_items(d).proposal.pk}/"
    ],
    "admin/moderacion/bloqueos/": lambda d: ["/admin/moderacion/bloqueos/?p=1"],
    "admin/moderacion/bloqueos/<int:pk>/levantar/": lambda d: [],
}


# Consultations: the "Import text" action ------------------------------------------------


def import_consultation(demo=None):
    """A published Spanish consultation (with its index under the home page when the
    demo has none) whose import page the samples point at; made once per ``demo``."""
    if demo is not None and getattr(demo, "import_consultation", None) is not None:
        return demo.import_consultation
    from participation.models import ConsultationIndexPage, ConsultationPage

    page = ConsultationPage.objects.filter(slug="consulta-importar-muestra").first()
    if page is None:
        index = ConsultationIndexPage.objects.filter(locale__language_code="es").first()
        if index is None:
            home = Page.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)
            index = ConsultationIndexPage(title="Consultas de muestra", slug="consultas-muestra")
            home.add_child(instance=index)
            index.save_revision().publish()
        now = timezone.now()
        page = ConsultationPage(
            title="Consulta para importar",
            slug="consulta-importar-muestra",
            kind=ConsultationPage.KIND_NORM,
            summary="<p>Muestra.</p>",
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=20),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    if demo is not None:
        demo.import_consultation = page
    return page


STAFF_SAMPLES["admin/participacion/consultas/<int:pk>/importar-texto/"] = lambda d: [
    f"/admin/participacion/consultas/{import_consultation(d).pk}/importar-texto/"
]
