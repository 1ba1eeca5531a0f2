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
