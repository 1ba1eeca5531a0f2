"""The debate page and the index cost a fixed number of queries: the thread is read in
one query, the viewer's reactions, reports and follows in one each, whatever the
number of comments (30 or 300) or of the viewer's own."""

import pytest

from participation import contributions, moderation
from participation.models import Comment, Reaction

pytestmark = pytest.mark.django_db

#: a ceiling for the whole page (base template, menus, settings included)
MAX_QUERIES = 45


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
