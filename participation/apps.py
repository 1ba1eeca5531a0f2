from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from django.db.models.signals import pre_save

        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from cms.page_assets import register_stylesheet

        # xtd unpublishes every reply of a comment that stops being public, and shifts
        # the thread's nested counts on every save; here a hidden or withdrawn comment
        # leaves a placeholder and its replies stay (participation.models.comments).
        pre_save.disconnect(publish_or_unpublish_on_pre_save, sender="participation.Comment")
        register_stylesheet("participation/css/participation.css")

        from cms.account_sections import register_account_section
        from participation import account

        register_account_section(account.SECTION)

        from cms.personal_data import PersonalDataHandler, register_personal_data
        from participation.personal_data import erase_participation, export_participation

        register_personal_data(
            PersonalDataHandler(
                key="participation",
                export=export_participation,
                erase=erase_participation,
                order=40,
            )
        )

        from cms.consents import register_withdrawal
        from cms.models import Consent
        from participation.contributions import withdraw_comuna

        register_withdrawal(Consent.Purpose.COMUNA, withdraw_comuna)

        from wagtail.signals import page_published

        from participation import signals
        from participation.models import ConsultationPage

        page_published.connect(signals.consultation_published, sender=ConsultationPage)
        # A new consultation or debate is e-mailed to the subscribers of that list.
        from participation.models import DebatePage
        from subscriptions import lists

        lists.register(ConsultationPage, lists.PARTICIPATION)
        lists.register(DebatePage, lists.PARTICIPATION)
        # ... and each one takes subscriptions to its own news and results.
        lists.register_process(ConsultationPage)
        lists.register_process(DebatePage)
        page_published.connect(signals.debate_published, sender=DebatePage)
        # The consultation page's sub-routes are served by views registered by name
        # (participation.routes): importing them registers them.
        # A consultation's draft in the norms library stays a draft while comments wait
        # for an answer (transparency runs the guards other apps register).
        from participation.answers import draft_norm_guard
        from participation.views import consultations, matrix, results  # noqa: F401
        from transparency import norm_guards

        norm_guards.register(draft_norm_guard)
