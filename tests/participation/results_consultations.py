"""Consultations for the results, certificate and comuna tests (their own, apart from
the shared fixtures of conftest.py): a draft decree and its final text, published under
a consultation index of the demo home, and comments and positions made directly."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.utils import timezone

#: the draft and the final text of the tests: article 3 changed, 4 removed, 6 added
DRAFT = [
    ("Artículo 1", "Objeto", "El presente decreto regula las ventas informales en Soacha."),
    ("Artículo 2", "Ámbito", "Aplica en el espacio público de las seis comunas."),
    ("Artículo 3", "Horarios", "Las ventas podrán funcionar de 6:00 a 20:00 horas."),
    ("Artículo 4", "Multas", "Quien incumpla pagará una multa."),
    ("Artículo 5", "Vigencia", "Rige desde su publicación."),
]
FINAL = [
    ("ARTÍCULO 1º", "Objeto", "El presente decreto regula las ventas informales en Soacha."),
    ("Art. 2", "Ámbito", "Aplica en el espacio público de las seis comunas."),
    ("Artículo 3", "Horarios", "Las ventas podrán funcionar de 7:00 a 19:00 horas."),
    ("Artículo 5", "Vigencia", "Rige desde su publicación."),
    ("Artículo 6", "Acompañamiento", "La Secretaría de Gobierno acompañará a los vendedores."),
]


def stream(sections):
    return [
        {"type": "section", "value": {"number": n, "heading": h, "body": b}} for n, h, b in sections
    ]


def consultation_index(home):
    from participation.models import ConsultationIndexPage

    index = ConsultationIndexPage.objects.child_of(home).first()
    if index is None:
        index = ConsultationIndexPage(title="Consultas", slug="consultas-resultados")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_consultation(home, slug, opens, closes, final=True, **extra):
    """A published consultation open from ``now + opens`` to ``now + closes``."""
    from participation.models import ConsultationPage

    now = timezone.now()
    page = ConsultationPage(
        title=extra.pop("title", f"Consulta {slug}"),
        slug=slug,
        kind=ConsultationPage.KIND_NORM,
        summary="<p>Qué cambia para los vendedores informales.</p>",
        draft=stream(DRAFT),
        final_text=stream(FINAL) if final else [],
        opens_at=now + opens,
        closes_at=now + closes,
        short_window_justification="Urgencia sanitaria.",
        conclusion=extra.pop("conclusion", "<p>Se amplió el horario de acompañamiento.</p>"),
        **extra,
    )
    consultation_index(home).add_child(instance=page)
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


def set_period(page, opens, closes):
    """Move the consultation's dates (e.g. close it after comments were made)."""
    from participation.models import ConsultationPage

    now = timezone.now()
    ConsultationPage.objects.filter(pk=page.pk).update(opens_at=now + opens, closes_at=now + closes)
    page.opens_at, page.closes_at = now + opens, now + closes


def close(page):
    set_period(page, -timedelta(days=20), -timedelta(days=1))


def sections(page):
    from participation.models import DraftSection

    return list(DraftSection.objects.filter(page_id=page.pk).order_by("position"))


def add_comment(page, user, text, status="published", section=None, when=None):
    """A comment written straight to the database (any phase, any status)."""
    from participation.contributions import profile_for
    from participation.models import Comment

    profile = profile_for(user)
    version = section.versions.order_by("-version").first() if section else None
    comment = Comment(
        content_type=ContentType.objects.get_for_model(page),
        object_pk=str(page.pk),
        site=Site.objects.get_current(),
        page_id=page.pk,
        user=user,
        user_name=profile.nickname,
        user_email="",
        comment=text,
        language="es",
        status=status,
        parent_id=0,
        section_version=version,
        submit_date=when or timezone.now(),
    )
    comment.save()
    return comment


def add_position(section, user, value):
    from participation.models import SectionPosition

    return SectionPosition.objects.create(section=section, user=user, value=value)


def give_comuna(user, comuna, consent=True):
    from participation.contributions import profile_for
    from participation.models import Profile

    profile = profile_for(user)
    Profile.objects.filter(pk=profile.pk).update(
        comuna=comuna, comuna_consent_at=timezone.now() if consent else None
    )


def publish_matrix(page):
    from participation.models import ConsultationOutcome

    ConsultationOutcome.objects.update_or_create(
        page_id=page.pk, defaults={"matrix_published_at": timezone.now()}
    )
