"""The admin report's period."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: the longest period the report shows at once
MAX_DAYS = 366


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if start > end:
                raise ValidationError(_("The first day must not be after the last day."))
            if (end - start).days + 1 > MAX_DAYS:
                raise ValidationError(
                    _("Choose a period of at most %(days)s days.") % {"days": MAX_DAYS}
                )
        return data


def default_period(today):
    """The last 30 days, today included."""
    return today - datetime.timedelta(days=29), today
