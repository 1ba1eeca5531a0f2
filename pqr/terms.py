"""Legal terms for PQRSD, in one place so the legal office can review them.

Terms are business days counted from the day after filing (Ley 1755 de 2015 art. 14;
habeas data: Ley 1581 de 2012 arts. 14-15). Change them here, never in the code that
uses them."""

import datetime

GENERAL = "general"
DOCUMENTS = "documents"
CONSULTATION = "consultation"
COMPLAINT = "complaint"
CLAIM = "claim"
SUGGESTION = "suggestion"
REPORT = "report"
PRAISE = "praise"
DATA_CONSULTATION = "data_consultation"
DATA_CLAIM = "data_claim"

#: business days to answer, by petition type
TERMS = {
    GENERAL: 15,
    DOCUMENTS: 10,
    CONSULTATION: 30,
    COMPLAINT: 15,
    CLAIM: 15,
    SUGGESTION: 15,
    REPORT: 15,
    PRAISE: 15,
    DATA_CONSULTATION: 10,
    DATA_CLAIM: 15,
}

#: filings at or after this local time start their term one business day later
OFFICE_CLOSES_AT = datetime.time(17, 0)
TIME_ZONE = "America/Bogota"

#: an extension may set a new due date at most this many times the base term away
EXTENSION_CAP_FACTOR = 2

#: "due soon" threshold for the inbox and the daily reminder, in business days
DUE_SOON_DAYS = 3

#: version of the privacy notice the filing form shows (recorded with each consent)
PRIVACY_POLICY_VERSION = "2026-01"

#: attachments
MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
MAX_DESCRIPTION_CHARS = 10_000

#: habeas data (Ley 1581 arts. 14-15): an extension adds at most these business days
#: to the term instead of doubling it
EXTENSION_DAYS = {
    DATA_CONSULTATION: 5,
    DATA_CLAIM: 8,
}

#: incomplete petitions (Ley 1755 art. 17; habeas-data claims: Ley 1581 art. 15).
#: Completion may be requested within these business days of filing ...
COMPLETION_REQUEST_WINDOW_DAYS = 10
COMPLETION_REQUEST_WINDOW_DAYS_BY_TYPE = {DATA_CLAIM: 5}
#: ... the petitioner then has these calendar months to supply what is missing ...
COMPLETION_PERIOD_MONTHS = 1
COMPLETION_PERIOD_MONTHS_BY_TYPE = {DATA_CLAIM: 2}
#: ... extendable once, on request, by these months (0: no extension)
COMPLETION_EXTENSION_MONTHS = 1
COMPLETION_EXTENSION_MONTHS_BY_TYPE = {DATA_CLAIM: 0}

#: a petition addressed to the wrong authority is forwarded within these business days
#: of filing (Ley 1755 art. 21; habeas-data claims: Ley 1581 art. 15); later is "late"
TRANSFER_DAYS = 5
TRANSFER_DAYS_BY_TYPE = {DATA_CLAIM: 2}

#: answers to anonymous petitions without an address are published on the website;
#: like a notice under CPACA art. 69, each stays "on notice" for these business days
ANONYMOUS_NOTICE_DAYS = 5
ANONYMOUS_ANSWERS_PER_PAGE = 20


def completion_window(petition_type):
    return COMPLETION_REQUEST_WINDOW_DAYS_BY_TYPE.get(petition_type, COMPLETION_REQUEST_WINDOW_DAYS)


def completion_months(petition_type):
    return COMPLETION_PERIOD_MONTHS_BY_TYPE.get(petition_type, COMPLETION_PERIOD_MONTHS)


def completion_extension_months(petition_type):
    return COMPLETION_EXTENSION_MONTHS_BY_TYPE.get(petition_type, COMPLETION_EXTENSION_MONTHS)


def transfer_days(petition_type):
    return TRANSFER_DAYS_BY_TYPE.get(petition_type, TRANSFER_DAYS)
