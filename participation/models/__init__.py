from .comments import Comment, Reaction
from .consultations import (
    ConsultationIndexPage,
    ConsultationOutcome,
    ConsultationPage,
    DraftSection,
    ObservationAnswer,
    SectionPosition,
    SectionVersion,
)
from .debates import DebateIndexPage, DebatePage, DebateProposal, with_comment_counts
from .follows import Follow, Notification
from .moderation import REASON_CHOICES, REASONS, Block, DebateHold, ModeratedWord, Report
from .participa import SECTION_CHOICES, ParticipaPage, ParticipaSection
from .profiles import Profile

__all__ = [
    "SECTION_CHOICES",
    "ConsultationIndexPage",
    "ConsultationOutcome",
    "ConsultationPage",
    "DraftSection",
    "ObservationAnswer",
    "ParticipaPage",
    "ParticipaSection",
    "SectionPosition",
    "SectionVersion",
    "REASONS",
    "REASON_CHOICES",
    "Block",
    "Comment",
    "DebateHold",
    "DebateIndexPage",
    "DebatePage",
    "DebateProposal",
    "Follow",
    "ModeratedWord",
    "Notification",
    "Profile",
    "Reaction",
    "Report",
    "with_comment_counts",
]
