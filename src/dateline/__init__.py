"""dateline: an auditable database of who did and said what, to whom, where and when, according to whom."""

from dateline.model import (
    Actor,
    Analysis,
    Article,
    Claim,
    Dateline,
    Entity,
    Event,
    Failure,
    Place,
    Record,
    Role,
    Span,
    Speaker,
    Statement,
    TimeExpr,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "Claim",
    "Dateline",
    "Entity",
    "Event",
    "Failure",
    "Place",
    "Record",
    "Role",
    "Span",
    "Speaker",
    "Statement",
    "TimeExpr",
    "__version__",
]
