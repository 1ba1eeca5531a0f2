"""``manage.py seed_bench_consultations``: a concluded consultation for ``make bench``
with 50 sections and 2,000 comments by 400 distinct bench citizens, every comment on a
section's version and answered in the published matrix, with supports and oppositions.

Run by scripts/bench.py after ``load_demo_content`` (it runs every app's
``seed_bench_*`` command), on the bench's own database only: the citizen-facing demo
never has it. The comments are bulk-inserted, one table of the comment model at a time
(Django's ``bulk_create`` refuses multi-table models): the bench needs their number,
not what the comment service does for each. Idempotent: a bench consultation that
exists is kept, and bench citizens that exist are reused."""

import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress
from django_comments.models import Comment as BaseComment
from django_comments_xtd.models import XtdComment

from participation.drafts import as_stream_data
from participation.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationOutcome,
    ConsultationPage,
    DraftSection,
    ObservationAnswer,
    Profile,
    SectionPosition,
    SectionVersion,
)
from participation.models.profiles import COMUNA_CHOICES

SLUG = "bench-50-secciones"
SECTIONS = 50
COMMENTS = 2000
CITIZENS = 400
#: comments answered together: 2,000 comments, 400 answers
PER_ANSWER = 5
BATCH = 500
SEED = 387
DECISIONS = [choice for choice, _label in ObservationAnswer.DECISION_CHOICES]
TEXTS = [
    "Propongo aclarar el alcance de este artículo para las comunas con más población.",
    "Este plazo es muy corto; sugiero ampliarlo a treinta días calendario.",
    "Estoy de acuerdo, pero falta decir qué dependencia responde por su cumplimiento.",
    "El texto debería incluir a los corregimientos de manera explícita.",
    "Pido que la información se publique también en formatos abiertos.",
    "No estoy de acuerdo con este artículo: repite lo que ya dice la ley.",
]


class Command(BaseCommand):
    help = "Create the bench consultation (50 sections, 2,000 comments). Bench only."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("Bench consultations need DEMO_CONTENT_ALLOWED (a bench database).")
        index = ConsultationIndexPage.objects.filter(locale__language_code="es").first()
        if index is None:
            raise CommandError("No consultation index: run load_demo_content first.")
        with transaction.atomic():
            if ConsultationPage.objects.child_of(index).filter(slug=SLUG).exists():
                self.stdout.write(f"{SLUG}: kept")
                return
            users = bench_citizens(CITIZENS)
            page = consultation(index, SECTIONS)
            made = comments(page, users, COMMENTS)
            self.stdout.write(f"{SLUG}: {SECTIONS} sections, {made} comments")


def bench_citizens(count):
    """``count`` verified bench citizens with profiles (comunas for most), reused."""
    User = get_user_model()
    names = [f"bench-ciudadano-{n:04d}" for n in range(count)]
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    missing = [User(username=name, email=f"{name}@bench.example") for name in names]
    missing = [user for user in missing if user.username not in existing]
    for user in missing:
        user.set_unusable_password()  # bench citizens never sign in
    User.objects.bulk_create(missing, batch_size=BATCH)
    users = list(User.objects.filter(username__in=names).order_by("username"))
    verified = set(EmailAddress.objects.filter(user__in=users).values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in users
            if user.pk not in verified
        ],
        batch_size=BATCH,
    )
    with_profile = set(Profile.objects.filter(user__in=users).values_list("user_id", flat=True))
    now = timezone.now()
    comunas = [key for key, _label in COMUNA_CHOICES]
    Profile.objects.bulk_create(
        [
            Profile(
                user=user,
                nickname=user.username.replace("-", "_"),
                comuna=comunas[n % len(comunas)] if n % 4 else "",
                comuna_consent_at=now if n % 4 else None,
            )
            for n, user in enumerate(users)
            if user.pk not in with_profile
        ],
        batch_size=BATCH,
    )
    return users


def consultation(index, sections):
    now = timezone.now()
    draft = as_stream_data(
        [
            {
                "number": f"Artículo {n}",
                "heading": f"Disposición {n}",
                "body": (
                    f"Texto del artículo {n} del proyecto de decreto de prueba de carga. "
                    "La Administración Municipal adoptará las medidas necesarias para su "
                    "cumplimiento dentro de los plazos previstos en el presente decreto."
                ),
            }
            for n in range(1, sections + 1)
        ]
    )
    page = ConsultationPage(
        title=f"Consulta de prueba de carga ({sections} secciones)",
        slug=SLUG,
        introduction="Consulta generada por manage.py seed_bench_consultations para make bench.",
        kind=ConsultationPage.KIND_NORM,
        summary="<p>Proyecto de decreto de prueba con muchas observaciones ya respondidas.</p>",
        draft=draft,
        opens_at=now - timedelta(days=40),
        closes_at=now - timedelta(days=10),
        conclusion="<p>Se respondieron todas las observaciones recibidas.</p>",
    )
    index.add_child(instance=page)
    page.save_revision().publish()  # syncs the sections (participation.signals)
    return page


def comments(page, users, total):
    """Bulk-insert ``total`` answered comments on the page's sections, positions, and
    the published matrix. Returns the number of comments."""
    rng = random.Random(SEED)  # noqa: S311 - bench data, reproducible
    sections = list(DraftSection.objects.filter(page=page).order_by("position"))
    versions = {v.section_id: v for v in SectionVersion.objects.filter(section__in=sections)}
    content_type = ContentType.objects.get_for_model(ConsultationPage)
    site = Site.objects.get_current()
    start = page.opens_at
    span = (page.closes_at - page.opens_at).total_seconds()
    nicknames = dict(Profile.objects.filter(user__in=users).values_list("user_id", "nickname"))
    rows = []
    for n in range(total):
        user = users[n % len(users)]
        section = sections[n % len(sections)]
        rows.append(
            Comment(
                content_type=content_type,
                object_pk=str(page.pk),
                site=site,
                page_id=page.pk,
                user=user,
                user_name=nicknames.get(user.pk, user.username),
                user_email="",
                comment=rng.choice(TEXTS),
                language="es",
                status=Comment.PUBLISHED,
                is_public=True,
                is_removed=False,
                submit_date=start + timedelta(seconds=span * (n + 0.5) / total),
                section_version=versions[section.pk],
                level=0,
                order=1,
            )
        )
    insert_comments(rows)
    answer_all(page, rows, rng)
    positions = [
        SectionPosition(
            section=sections[n % len(sections)],
            user=users[n // len(sections)],
            value=SectionPosition.SUPPORT if rng.random() < 0.7 else SectionPosition.OPPOSE,
        )
        for n in range(min(len(users) * len(sections), total // 2))
    ]
    SectionPosition.objects.bulk_create(positions, batch_size=BATCH)
    ConsultationOutcome.objects.update_or_create(
        page_id=page.pk, defaults={"matrix_published_at": timezone.now() - timedelta(days=2)}
    )
    return len(rows)


def insert_comments(rows):
    """The three tables of a comment (django_comments, xtd, participation), each in
    batches; every comment is the root of its own thread."""
    for first in range(0, len(rows), BATCH):
        batch = rows[first : first + BATCH]
        bases = [
            BaseComment(
                **{
                    field.attname: getattr(row, field.attname)
                    for field in BaseComment._meta.concrete_fields
                    if not field.primary_key
                }
            )
            for row in batch
        ]
        BaseComment.objects.bulk_create(bases)
        for row, base in zip(batch, bases, strict=True):
            row.id = row.comment_ptr_id = row.xtdcomment_ptr_id = base.pk
            row.thread_id = row.parent_id = base.pk
        for model in (XtdComment, Comment):
            model._base_manager._insert(batch, fields=model._meta.local_concrete_fields, raw=True)


def answer_all(page, rows, rng):
    """Answers for every comment, ``PER_ANSWER`` comments each."""
    answered_at = page.closes_at + timedelta(days=3)
    groups = [rows[n : n + PER_ANSWER] for n in range(0, len(rows), PER_ANSWER)]
    answers = ObservationAnswer.objects.bulk_create(
        [
            ObservationAnswer(
                page_id=page.pk,
                decision=DECISIONS[n % len(DECISIONS)],
                text=f"Respuesta {n + 1}: la observación se estudió con la dependencia "
                "responsable y se tuvo en cuenta en el texto definitivo cuando procedía.",
                answered_at=answered_at,
            )
            for n in range(len(groups))
        ],
        batch_size=BATCH,
    )
    rng.shuffle(answers)  # decisions not in section order
    for answer, group in zip(answers, groups, strict=True):
        Comment.objects.filter(pk__in=[row.pk for row in group]).update(answer=answer)
