from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        from cms.blocks import register_block_template
        from cms.page_assets import register_after_content, register_stylesheet

        # The survey page's sub-routes are served by views that register themselves
        # (surveys/routes.py): the model imports no view.
        from surveys.views import exports, results, survey  # noqa: F401

        register_block_template("quick_poll", "surveys/blocks/quick_poll_block.html")
        register_stylesheet("surveys/css/surveys.css")
        register_after_content("surveys/includes/page_feedback.html")

        from cms.account_sections import register_account_section
        from surveys import account

        register_account_section(account.SECTION)

        from cms.personal_data import PersonalDataHandler, register_personal_data
        from surveys.personal_data import erase_surveys, export_surveys

        register_personal_data(
            PersonalDataHandler(key="surveys", export=export_surveys, erase=erase_surveys, order=30)
        )
