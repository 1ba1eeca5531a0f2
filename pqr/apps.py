from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PqrConfig(AppConfig):
    name = "pqr"
    verbose_name = _("PQRSD")

    def ready(self):
        from cms.account_sections import register_account_section
        from cms.assessment_facts import publish

        from . import account, checks  # noqa: F401 - checks registers the system check

        register_account_section(account.SECTION)

        from cms.personal_data import PersonalDataHandler, register_personal_data

        from .personal_data import erase_petitions, export_petitions

        register_personal_data(
            PersonalDataHandler(
                key="petitions", export=export_petitions, erase=erase_petitions, order=20
            )
        )
        publish("pqr.petition_terms", petition_terms)
        publish("pqr.period_figures", period_figures)


def period_figures(start, end):
    """The PQRSD figures of a period for the GEL bimonthly report (``stats.period_figures``)."""
    from .stats import period_figures

    return period_figures(start, end)


def petition_terms():
    """The types a citizen may file and the legal term of each in business days (the
    filing form states them), for the GEL criterion "Plazos de respuesta"."""
    from . import terms
    from .models import PUBLIC_TYPES

    return [
        (str(petition_type.label), terms.TERMS.get(petition_type)) for petition_type in PUBLIC_TYPES
    ]
