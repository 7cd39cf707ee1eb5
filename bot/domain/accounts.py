"""Accounts as coordinators write them: `slack:TEAM/USER`, `telegram:ID`, `console:NAME`, and,
for imported applications only, `email:ADDRESS`."""

from __future__ import annotations

import re
from dataclasses import dataclass

PLATFORMS = ("slack", "telegram", "console")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
FORMS = "slack:TEAM/USER, telegram:USER_ID or console:NAME"


@dataclass(frozen=True)
class Account:
    """A platform account (`platform`, `team`, `user`), or an e-mail address (`platform` email)."""

    platform: str
    team: str
    user: str

    def __str__(self) -> str:
        if self.platform == "slack":
            return f"slack:{self.team}/{self.user}"
        return f"{self.platform}:{self.user}"


def parse_account(text: str, *, email: bool = False) -> Account:
    """The account `text` names; ValueError saying the accepted forms when it names none."""
    platform, _, rest = text.strip().partition(":")
    platform = platform.casefold()
    if email and platform == "email" and EMAIL.match(rest):
        return Account("email", "", rest.casefold())
    if platform == "slack":
        team, _, user = rest.partition("/")
        if re.fullmatch(r"[A-Z0-9]{2,32}", team) and re.fullmatch(r"[A-Z0-9]{2,32}", user):
            return Account("slack", team, user)
    elif platform == "telegram" and re.fullmatch(r"[0-9]{1,20}", rest):
        return Account("telegram", "", rest)
    elif platform == "console" and re.fullmatch(r"[^\s@]{1,64}", rest):
        return Account("console", "", rest)
    forms = FORMS + (" or email:ADDRESS" if email else "")
    raise ValueError(f"{text.strip()[:80]!r} is not an account: write {forms}")
