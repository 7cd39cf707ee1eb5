"""The conversation core: one entry point that every adapter calls.

`Core.identify` turns a platform account into a person; `Core.handle` runs one inbound event in
one transaction (load person and state, decide, store, produce the replies).
"""

from __future__ import annotations

import logging
from datetime import datetime

from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from handlers import (
    agreement,
    apply,
    charter,
    forms,
    language,
    matching_flow,
    meetings,
    objectives,
    privacy,
    questionnaires,
    reasons,
    status,
    welcome,
    withdraw,
)
from handlers.context import Ctx
from handlers.router import Router
from handlers.ui import Inbound, Message, Reply
from messages.catalog import t
from storage.conversations import load_state
from storage.db import session_scope
from storage.enums import GrantRole
from storage.models import InboundReceipt, Person
from storage.people import grant, identify
from storage.types import utcnow

log = logging.getLogger(__name__)
MODULES = (
    welcome,
    status,
    apply,
    matching_flow,
    charter,
    agreement,
    objectives,
    meetings,
    withdraw,
    reasons,
    questionnaires,
    language,
    privacy,
    forms,
)


class Core:
    """The flows, wired to a database and a notes cipher."""

    def __init__(
        self,
        engine: Engine,
        cipher: MultiFernet,
        *,
        admins: list[tuple[str, str, str]] | None = None,
        default_locale: str = "fr",
        default_timezone: str = "Europe/Paris",
    ) -> None:
        self.engine = engine
        self.cipher = cipher
        self.admins = set(admins or [])
        self.default_locale = default_locale
        self.default_timezone = default_timezone
        self.router = Router()
        for module in MODULES:
            module.register(self.router)

    def identify(
        self,
        platform: str,
        user_key: str,
        *,
        team: str = "",
        display_name: str = "",
        locale: str | None = None,
        timezone: str | None = None,
        chat_key: str = "",
    ) -> int:
        """The id of the person behind this account (created, and made admin if bootstrapped)."""
        with session_scope(self.engine) as session:
            person = identify(
                session,
                platform,
                user_key,
                team=team,
                display_name=display_name,
                locale=locale or self.default_locale,
                timezone=timezone or self.default_timezone,
                chat_key=chat_key,
            )
            if (platform, team, user_key) in self.admins:
                grant(session, person.id, GrantRole.admin)  # type: ignore[arg-type]
            return person.id  # type: ignore[return-value]

    def handle(
        self,
        inbound: Inbound,
        *,
        modal_forms: bool = False,
        receipt: tuple[str, str] | None = None,
        now: datetime | None = None,
    ) -> list[Reply]:
        """Run one inbound event; `receipt` (source, key) makes a redelivered event a no-op."""
        try:
            with session_scope(self.engine) as session:
                if receipt is not None and not _first_receipt(session, *receipt):
                    return []
                person = session.get(Person, inbound.person_id)
                if person is None:
                    raise LookupError(f"no person {inbound.person_id}")
                ctx = Ctx(
                    session=session,
                    person=person,
                    state=load_state(session, inbound.person_id),
                    now=now or utcnow(),
                    cipher=self.cipher,
                    router=self.router,
                    modal_forms=modal_forms,
                )
                self.router.dispatch(ctx, inbound)
                return ctx.replies
        except IntegrityError:
            if receipt is not None:
                log.info("event %s already handled by another worker", receipt)
                return []
            raise
        except Exception:
            log.exception("failed to handle %r", inbound)
            return [Reply(inbound.person_id, Message(self._internal_error(inbound.person_id)))]

    def _internal_error(self, person_id: int) -> str:
        with Session(self.engine) as session:
            person = session.get(Person, person_id)
            return t(person.locale if person else self.default_locale, "error-internal")


def _first_receipt(session: Session, source: str, key: str) -> bool:
    """Record the event; False when it was recorded before."""
    seen = session.exec(
        select(InboundReceipt).where(InboundReceipt.source == source, InboundReceipt.key == key)
    ).first()
    if seen is not None:
        return False
    session.add(InboundReceipt(source=source, key=key))
    session.flush()
    return True
