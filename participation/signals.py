"""What happens when a consultation is published: its sections are synced (new
versions for corrected sections), and, once it links its issued norm, participants
are told (participation.answers)."""

from participation.drafts import sync_sections


def consultation_published(sender, instance, **kwargs):
    sync_sections(instance)
    from participation.answers import notify_issued_norm

    notify_issued_norm(instance)
