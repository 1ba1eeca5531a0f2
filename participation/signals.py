"""What happens when a consultation or debate is published: a consultation's sections
are synced (new versions for corrected sections), and, once it links its issued norm,
participants are told (participation.answers); the subscribers of the process hear of
its results, or else of the update (subscriptions.services.announce_process)."""

from wagtail.models import Locale

from participation import phases
from participation.drafts import sync_sections
from subscriptions import lists, services


def consultation_published(sender, instance, revision=None, **kwargs):
    sync_sections(instance)
    from participation.answers import notify_issued_norm

    if not notify_issued_norm(instance):
        announce_news(instance, revision)


def debate_published(sender, instance, revision=None, **kwargs):
    """A closed debate whose conclusion is published announces its results, once."""
    if instance.conclusion and instance.phase() == phases.CLOSED:
        if services.announce_process(instance, lists.RESULTS, "conclusion"):
            return
    announce_news(instance, revision)


def announce_news(page, revision):
    """A later publication of a process's page in the default language is news of that
    process (its first publication goes to the PARTICIPATION list instead)."""
    if revision is None or page.first_published_at == page.last_published_at:
        return
    if page.locale_id != Locale.get_default().pk:
        return
    services.announce_process(page, lists.PROCESS, f"revision:{revision.pk}")
