"""Spanish pages use Colombian formats (Django's es_CO module), with the portal's one
date-time style. The three contexts (CONTRIBUTING.md, "Dates"):

- DATE_FORMAT, prose and e-mails: "15 de diciembre de 2026";
- DATETIME_FORMAT, prose, history and e-mails: "15 de diciembre de 2026, 12:36" (24 h);
- SHORT_DATE_FORMAT / SHORT_DATETIME_FORMAT, dense tables: "15/12/2026", "15/12/2026 12:36".

ISO dates ("2026-12-15") are for machines only (``<time datetime>``, CSV exports)."""

from django.conf.locale.es_CO.formats import *  # noqa: F403

DATE_FORMAT = r"j \d\e F \d\e Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
