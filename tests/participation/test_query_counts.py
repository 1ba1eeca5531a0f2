"""The debate page and the index cost a fixed number of queries: the thread is read in
one query, the viewer's reactions, reports and follows in one each, whatever the
number of comments (30 or 300) or of the viewer's own."""

import pytest

from participation import contributions, moderation
from participation.models import Comment, Reaction

pytestmark = pytest.mark.django_db

#: a ceiling for the whole page (base template, menus, settings included)
MAX_QUERIES = 30


def grow_thread(debate, citizens, moderator, total):
    """Comments up to ``total``: threads three levels deep, every status, reactions,
    reports and follows, the viewer's (citizens[0]) own among them."""
    made = Comment.objects.filter(page=debate).count()
    while made < total:
        author = citizens[made % 4]
        root = contributions.post_comment(author, debate, f"Raíz {made}", "es")
        reply = contributions.post_comment(
            citizens[(made + 1) % 4], debate, f"Respuesta {made}", "en", parent=root
        )
        contributions.post_comment(
            citizens[(made + 2) % 4], debate, f"Más {made}", "es", parent=reply
        )
        contributions.react(citizens[(made + 1) % 4], root, Reaction.AGREE)
        contributions.react(citizens[0], reply, Reaction.DISAGREE)
        if made % 6 == 0:
            moderation.hide_comment(root, moderator, "spam")
        elif made % 6 == 3:
            reporter = citizens[1] if author == citizens[0] else citizens[0]
            contributions.report(reporter, "spam", comment=root)
            contributions.follow(citizens[0], debate, thread=root)
        else:
            Comment.objects.filter(pk=reply.pk).update(status=Comment.PENDING, is_public=False)
        made += 3


def count_queries(client, url, django_assert_max_num_queries):
    client.get(url)  # warm the caches (menus, site root paths) like any later request
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("viewer", ["anonymous", "participant", "moderator"])
def test_the_debate_page_costs_the_same_for_30_and_300_comments(
    client, debate, citizens, moderator, viewer, django_assert_max_num_queries, capsys
):
    contributions.follow(citizens[0], debate)
    if viewer == "participant":
        client.force_login(citizens[0])
    elif viewer == "moderator":
        client.force_login(moderator)
    grow_thread(debate, citizens, moderator, 30)
    small = count_queries(client, debate.url, django_assert_max_num_queries)
    grow_thread(debate, citizens, moderator, 300)
    assert Comment.objects.filter(page=debate).count() >= 300
    large = count_queries(client, debate.url, django_assert_max_num_queries)
    with capsys.disabled():
        print(f"\ndebate page, {viewer}: {small} queries with 30 comments, {large} with 300")  # noqa: T201
    assert small == large


def test_the_index_costs_the_same_for_few_and_many_debates(
    client, debate_index, citizens, django_assert_max_num_queries
):
    from datetime import timedelta

    from tests.participation.conftest import make_debate

    client.force_login(citizens[0])
    url = debate_index.url + "?order=most_commented&status=open"
    for n in range(2):
        make_debate(debate_index, f"pocos-{n}", -timedelta(days=1), timedelta(days=3))
    few = count_queries(client, url, django_assert_max_num_queries)
    for n in range(12):
        make_debate(debate_index, f"muchos-{n}", -timedelta(days=1), timedelta(days=3))
    many = count_queries(client, url, django_assert_max_num_queries)
    assert few == many


# Consultations: the main page and a section's page cost the same queries for 20 and
# for 2,000 comments over 50 sections (rows made in bulk, not through the services).

CONSULTATION_SECTIONS = [
    (f"Artículo {n}", f"Tema {n}", f"Texto del artículo {n}.") for n in range(1, 51)
]


def bulk_comments(page, users, versions, total):
    """``total`` more published comments on ``page``, spread over ``versions`` (a
    ``None`` among them: the whole draft), through the three tables of the
    multi-table Comment model (bulk_create cannot write a child model's table, so
    the child rows are inserted raw, as loaddata does)."""
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site
    from django.utils import timezone

    from django_comments.models import Comment as BaseComment
    from django_comments_xtd.models import XtdComment

    content_type = ContentType.objects.get_for_model(page)
    site = Site.objects.get_current()
    now = timezone.now()
    bases = BaseComment.objects.bulk_create(
        BaseComment(
            content_type=content_type,
            object_pk=str(page.pk),
            site=site,
            user=users[n % len(users)],
            user_name=f"persona{n}",
            comment=f"Observación {n}",
            submit_date=now,
            is_public=True,
            is_removed=False,
        )
        for n in range(total)
    )
    xtd = [
        XtdComment(comment_ptr_id=b.pk, thread_id=b.pk, parent_id=b.pk, level=0, order=1)
        for b in bases
    ]
    XtdComment._base_manager._insert(xtd, fields=XtdComment._meta.local_concrete_fields, raw=True)
    rows = [
        Comment(
            xtdcomment_ptr_id=b.pk,
            page_id=page.pk,
            status=Comment.PUBLISHED,
            language="es",
            section_version=versions[n % len(versions)],
        )
        for n, b in enumerate(bases)
    ]
    Comment._base_manager._insert(rows, fields=Comment._meta.local_concrete_fields, raw=True)


@pytest.fixture
def big_consultation(consultation_index):
    from datetime import timedelta

    from tests.participation.conftest import make_consultation

    return make_consultation(
        consultation_index,
        "consulta-grande",
        -timedelta(days=1),
        timedelta(days=20),
        sections=CONSULTATION_SECTIONS,
    )


@pytest.mark.parametrize("viewer", ["anonymous", "participant"])
def test_a_consultation_costs_the_same_for_20_and_2000_comments(
    client, big_consultation, citizens, viewer, django_assert_max_num_queries, capsys
):
    from participation.models import SectionPosition, SectionVersion

    versions = list(SectionVersion.objects.filter(section__page=big_consultation))
    assert len(versions) == 50
    targets = [None, *versions]  # one in 51 on the whole draft, the first among them
    if viewer == "participant":
        client.force_login(citizens[0])
    section = versions[4].section  # the 6th comment, the viewer's, is on it
    section_url = f"{big_consultation.url}seccion/{section.key}/"
    bulk_comments(big_consultation, citizens, targets, 20)
    SectionPosition.objects.bulk_create(
        SectionPosition(section=v.section, user=citizens[0], value=1) for v in versions[:10]
    )
    small = count_queries(client, big_consultation.url, django_assert_max_num_queries)
    small_section = count_queries(client, section_url, django_assert_max_num_queries)
    bulk_comments(big_consultation, citizens, targets, 1980)
    SectionPosition.objects.bulk_create(
        SectionPosition(section=v.section, user=u, value=(1 if n % 2 else -1))
        for n, u in enumerate(citizens[1:])
        for v in versions
    )
    assert Comment.objects.filter(page=big_consultation).count() == 2000
    large = count_queries(client, big_consultation.url, django_assert_max_num_queries)
    large_section = count_queries(client, section_url, django_assert_max_num_queries)
    with capsys.disabled():
        print(  # noqa: T201
            f"\nconsultation, {viewer}: main page {small}/{large} queries, "
            f"section page {small_section}/{large_section} (20/2000 comments)"
        )
    assert small == large
    assert small_section == large_section
    html = client.get(big_consultation.url).content.decode()
    assert "Artículo 50" in html


def test_the_consultation_index_costs_the_same_for_few_and_many(
    client, consultation_index, citizens, django_assert_max_num_queries
):
    from datetime import timedelta

    from tests.participation.conftest import make_consultation

    client.force_login(citizens[0])
    for n in range(2):
        make_consultation(consultation_index, f"pocas-{n}", -timedelta(days=1), timedelta(20))
    few = count_queries(client, consultation_index.url, django_assert_max_num_queries)
    for n in range(12):
        make_consultation(consultation_index, f"muchas-{n}", -timedelta(days=n), timedelta(20))
    many = count_queries(client, consultation_index.url, django_assert_max_num_queries)
    assert few == many
