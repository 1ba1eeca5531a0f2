from .comments import Comment, Reaction
from .debates import DebateIndexPage, DebatePage, DebateProposal, with_comment_counts
from .follows import Follow, Notification
from .moderation import REASON_CHOICES, REASONS, Block, DebateHold, ModeratedWord, Report
from .profiles import Profile

__all__ = [
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
