"""The states and kinds the tables hold, as string enums (stored as plain text)."""

from enum import StrEnum


class Role(StrEnum):
    mentor = "mentor"
    mentee = "mentee"


class GrantRole(StrEnum):
    admin = "admin"
    referent = "referent"


class ApplicationStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    eligible = "eligible"
    ineligible = "ineligible"
    withdrawn = "withdrawn"
    matched = "matched"


class PairState(StrEnum):
    proposed = "proposed"
    awaiting_charter = "awaiting_charter"
    active = "active"
    completed = "completed"
    withdrawn = "withdrawn"
    declined = "declined"
    expired = "expired"


class MeetingStatus(StrEnum):
    planned = "planned"
    held = "held"
    cancelled = "cancelled"
    no_show = "no_show"


class OutboxStatus(StrEnum):
    pending = "pending"
    sent = "sent"
    failed = "failed"
