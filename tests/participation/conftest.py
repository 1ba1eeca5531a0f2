"""Participation fixtures: a debate index under the demo home with an open debate, a
closed one and an announced one, and participants (verified, unverified, blocked)."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page

import pytest


@pytest.fixture
def debate_index(demo_site):
    from participation.models import DebateIndexPage

    index = DebateIndexPage.objects.filter(locale__language_code="es").first()
    if index is None:
        home = Page.objects.get(pk=demo_site.root_page_id)
        index = DebateIndexPage(title="Debates de prueba", slug="debates-prueba")
        home.add_child(instance=index)
    return index


def make_debate(index, slug, opens, closes, **extra):
    from participation.models import DebatePage

    now = timezone.now()
    debate = DebatePage(
        title=extra.pop("title", f"Debate {slug}"),
        slug=slug,
        question=extra.pop("question", "¿Qué opina?"),
        opens_at=now + opens,
        closes_at=now + closes,
        **extra,
    )
    index.add_child(instance=debate)
    debate.save_revision().publish()
    return debate


@pytest.fixture
def debate(debate_index):
    return make_debate(debate_index, "debate-abierto", -timedelta(days=1), timedelta(days=10))


@pytest.fixture
def closed_debate(debate_index):
    return make_debate(debate_index, "debate-cerrado", -timedelta(days=20), -timedelta(days=1))


@pytest.fixture
def announced_debate(debate_index):
    return make_debate(debate_index, "debate-anunciado", timedelta(days=2), timedelta(days=20))


@pytest.fixture
def citizens(make_user):
    """Five verified citizens."""
    return [make_user(f"ciudadano{n}@debate.example") for n in range(1, 6)]


@pytest.fixture
def citizen(citizens):
    return citizens[0]


@pytest.fixture
def unverified(django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        username="sinverificar@debate.example", email="sinverificar@debate.example"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return user


@pytest.fixture
def blocked(make_user):
    from participation.models import Block

    user = make_user("bloqueado@debate.example")
    Block.objects.create(user=user, reason="Insultos repetidos")
    return user


@pytest.fixture
def moderator(make_user):
    return make_user("moderador@debate.example", groups=["Moderadores"])


@pytest.fixture
def without_demo_contributions(demo_site):
    """Start from no comments, reactions, reports, follows, proposals or profiles, so a
    test can count what it made (the demo's debates have all of those); rolled back
    with the test."""
    from participation.models import (
        Comment,
        DebateProposal,
        Follow,
        Notification,
        Profile,
        Reaction,
        Report,
    )

    for model in (Notification, Follow, Report, Reaction, Comment, DebateProposal, Profile):
        model.objects.all().delete()


# Consultations: an index under the demo home and consultations in each phase, with a
# few sections. Shared by every tests/participation/test_consultation_*.py.

SECTION_TEXTS = [
    ("Artículo 1", "Objeto", "El presente decreto regula el uso de las ciclorrutas."),
    ("Artículo 2", "Ámbito", "Aplica en las seis comunas y los dos corregimientos."),
    ("Artículo 3", "Horario", "Las ciclorrutas funcionan de 5 a. m. a 10 p. m."),
    ("Artículo 4", "Vigencia", "Rige a partir de su publicación."),
]


def draft_data(sections=SECTION_TEXTS):
    from participation.drafts import as_stream_data

    return as_stream_data([{"number": n, "heading": h, "body": b} for n, h, b in sections])


@pytest.fixture
def consultation_index(demo_site):
    from participation.models import ConsultationIndexPage

    index = ConsultationIndexPage.objects.filter(locale__language_code="es").first()
    if index is None:
        home = Page.objects.get(pk=demo_site.root_page_id)
        index = ConsultationIndexPage(title="Consultas de prueba", slug="consultas-prueba")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_consultation(index, slug, opens, closes, sections=SECTION_TEXTS, **extra):
    """A published consultation opening and closing ``opens``/``closes`` from now; a
    window under 15 days gets a justification unless one is given."""
    from participation.models import ConsultationPage

    now = timezone.now()
    if closes - opens < timedelta(days=15):
        extra.setdefault("short_window_justification", "Urgencia sanitaria declarada.")
    page = ConsultationPage(
        title=extra.pop("title", f"Consulta {slug}"),
        slug=slug,
        kind=extra.pop("kind", "norm"),
        summary=extra.pop("summary", "<p>Qué cambia y para quién.</p>"),
        opens_at=now + opens,
        closes_at=now + closes,
        draft=draft_data(sections),
        **extra,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def open_consultation(consultation_index):
    return make_consultation(
        consultation_index, "consulta-abierta", -timedelta(days=1), timedelta(days=20)
    )


@pytest.fixture
def announced_consultation(consultation_index):
    return make_consultation(
        consultation_index, "consulta-anunciada", timedelta(days=2), timedelta(days=20)
    )


@pytest.fixture
def closed_consultation(consultation_index):
    return make_consultation(
        consultation_index, "consulta-cerrada", -timedelta(days=30), -timedelta(days=1)
    )


def sections_of(page):
    """The DraftSection rows of a consultation, in order."""
    from participation.models import DraftSection

    return list(DraftSection.objects.filter(page_id=page.canonical_id).order_by("position"))
