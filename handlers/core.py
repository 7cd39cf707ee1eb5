"""The conversation core: one entry point that every adapter calls.

`Core.identify` turns a platform account into a person; `Core.handle` runs one inbound event in
one transaction (load person and state, decide, store, produce the replies).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from handlers import (
    admin,
    admin_applications,
    admin_followup,
    admin_invitations,
    admin_journal,
    admin_matching,
    admin_programmes,
    admin_questionnaires,
    admin_referents,
    admin_roles,
    admin_tracking,
    after_end,
    agreement,
    apply,
    broadcast,
    charter,
    forms,
    home,
    imported,
    language,
    link,
    matching_flow,
    meetings,
    objectives,
    privacy,
    pulse,
    questionnaires,
    reasons,
    status,
    timezone,
    welcome,
    withdraw,
)
from handlers.context import Ctx
from handlers.forms import current_form
from handlers.home import home_view
from handlers.outgoing import Outgoing
from handlers.router import Router
from handlers.text import clean
from handlers.ui import Choice, File, Form, Home, Inbound, Message, Reply, Retire
from messages.catalog import supported, t
from storage.conversations import (
    clear_state,
    closed_shown,
    forget_shown,
    load_state,
    mark_shown,
)
from storage.database_faults import READ_ONLY_LOG, database_read_only
from storage.db import session_scope
from storage.models import Identity, InboundReceipt, Person, RoleGrant
from storage.outage import database_unreachable
from storage.people import bootstrap_admin, find_identity, identify
from storage.sealed import bind_cipher
from storage.types import utcnow

log = logging.getLogger(__name__)
MODULES = (
    welcome,
    admin,
    admin_followup,
    admin_applications,
    imported,
    admin_programmes,
    admin_roles,
    admin_referents,
    admin_journal,
    admin_invitations,
    admin_matching,
    broadcast,
    admin_tracking,
    admin_questionnaires,
    status,
    apply,
    matching_flow,
    charter,
    agreement,
    pulse,
    objectives,
    meetings,
    withdraw,
    reasons,
    questionnaires,
    after_end,
    home,
    language,
    timezone,
    link,
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
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.clock = clock
        # Invitation templates by platform, with `{code}` (a Telegram deep link, say): adapters
        # set theirs when they know them, so coordinators see links that work.
        self.links: dict[str, str] = {}
        self.cipher = cipher
        bind_cipher(engine, cipher)
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
        timezone_known: bool = False,
        chat_key: str = "",
    ) -> int:
        """The id of the person behind this account (created, and made admin if bootstrapped).

        `timezone_known`: the platform gave the person's own zone (Slack's profile), not a guess.
        """
        with session_scope(self.engine) as session:
            person = identify(
                session,
                platform,
                user_key,
                team=team,
                display_name=clean(display_name),  # a platform's profile: typed by a person
                locale=supported(locale) if locale else self.default_locale,
                timezone=timezone if known_zone(timezone) else self.default_timezone,
                timezone_chosen=timezone_known and known_zone(timezone),
                chat_key=chat_key,
            )
            if (platform, team, user_key) in self.admins:
                bootstrap_admin(session, person.id)  # type: ignore[arg-type]
            return person.id  # type: ignore[return-value]

    def find(
        self, platform: str, user_key: str, team: str = "", *, named: bool = False
    ) -> int | None:
        """The person behind this account if it is known (so no profile lookup is needed); with
        `named`, None too for one without a name yet (an account a coordinator gave a role
        before it ever wrote: the platform's profile has to name it)."""
        with Session(self.engine) as session:
            identity = find_identity(session, platform, team, user_key)
            if identity is None:
                return None
            person = session.get(Person, identity.person_id) if named else None
            if person is not None and not person.display_name and person.erased_at is None:
                return None
            return identity.person_id

    def locale_of(self, person_id: int) -> str:
        with Session(self.engine) as session:
            person = session.get(Person, person_id)
            return person.locale if person is not None else self.default_locale

    def is_coordinator(self, person_id: int) -> bool:
        with Session(self.engine) as session:
            return admin.is_coordinator(session, person_id)

    def current_form(self, person_id: int) -> Form | None:
        """The form waiting for this person as a modal, to open it again."""
        with Session(self.engine) as session:
            person = session.get(Person, person_id)
            if person is None:
                return None
            return current_form(self._ctx(session, person, self.clock(), modal_forms=True))

    def close_form(self, person_id: int, form_id: str) -> bool:
        """Forget the form `form_id` waiting as a modal, which the person closed; False when
        that form is not the one waiting (another was opened since, or it was submitted)."""
        with session_scope(self.engine) as session:
            person = session.get(Person, person_id)
            if person is None:
                return False
            state = load_state(session, person_id)
            data = state.data or {}
            if state.flow != "form" or state.step != "modal" or data.get("form") != form_id:
                return False
            clear_state(session, state)
            return True

    def shown(self, prompt_id: int, where: dict[str, Any]) -> None:
        """Remember where an adapter showed a prompt's buttons (platform, chat, message, what
        redrawing it needs), so that they can be taken away once the prompt is answered by
        typing or replaced (see `retired_buttons`)."""
        with session_scope(self.engine) as session:
            mark_shown(session, prompt_id, where)

    def home(self, person_id: int, now: datetime | None = None) -> Home:
        """The person's home page; computing it changes nothing (its transaction is undone)."""
        with Session(self.engine) as session:
            person = session.get(Person, person_id)
            if person is None:
                raise LookupError(f"no person {person_id}")
            try:
                return home_view(session, person, self.router, self.cipher, now or self.clock())
            finally:
                session.rollback()

    def menu(self, locale: str, coordinator: bool = False) -> list[tuple[str, str]]:
        """Commands for a platform's command menu: (name without slash, short description)."""
        entries = [(e.names[0], t(locale, e.help_key)) for e in self.router.listed if e.help_key]
        if coordinator:
            entries.append(("admin", t(locale, "help-cmd-admin")))
        return entries

    def coordinator_accounts(self, platform: str) -> list[tuple[str, str, str]]:
        """(team, user_key, chat_key) of every coordinator's account on `platform`."""
        with Session(self.engine) as session:
            rows = session.exec(
                select(Identity.team, Identity.user_key, Identity.chat_key)
                .join(RoleGrant, col(RoleGrant.person_id) == col(Identity.person_id))
                .where(Identity.platform == platform, col(RoleGrant.revoked_at).is_(None))
                .distinct()
            ).all()
            return [(team, user_key, chat_key) for team, user_key, chat_key in rows]

    def accounts_in(self, person_ids: set[int], platform: str, team: str) -> dict[int, str]:
        """The user key, on `platform` in workspace `team`, of each of these people who has one
        (how Slack mentions a person named in a text)."""
        if not person_ids:
            return {}
        with Session(self.engine) as session:
            rows = session.exec(
                select(Identity.person_id, Identity.user_key).where(
                    Identity.platform == platform,
                    Identity.team == team,
                    col(Identity.person_id).in_(person_ids),
                )
            ).all()
            return {person_id: user_key for person_id, user_key in rows}

    def defer(self, replies: list[Reply]) -> None:
        """Queue replies a platform could not take now; the delivery worker sends them later."""
        with session_scope(self.engine) as session:
            out = Outgoing(session, self.clock())
            for reply in replies:
                if isinstance(reply.item, Message | Choice | File):
                    out.notify(reply.person_id, reply.item)

    def _ctx(self, session: Session, person: Person, now: datetime, modal_forms: bool) -> Ctx:
        return Ctx(
            session=session,
            person=person,
            state=load_state(session, person.id),  # type: ignore[arg-type]
            now=now,
            cipher=self.cipher,
            router=self.router,
            modal_forms=modal_forms,
            links=dict(self.links),
        )

    def handle(
        self,
        inbound: Inbound,
        *,
        modal_forms: bool = False,
        receipt: tuple[str, str] | None = None,
        now: datetime | None = None,
    ) -> list[Reply]:
        """Run one inbound event; `receipt` (source, key) makes a redelivered event a no-op.

        A bug in a flow is logged and answered with an apology; an unreachable database is
        raised (see `storage.outage`), nothing having been stored, for the adapter to retry.
        """
        try:
            with session_scope(self.engine) as session:
                if receipt is not None and not _first_receipt(session, *receipt):
                    return []
                person = session.get(Person, inbound.person_id)
                if person is None:
                    raise LookupError(f"no person {inbound.person_id}")
                ctx = self._ctx(session, person, now or self.clock(), modal_forms)
                self.router.dispatch(ctx, inbound)
                return [*retired_buttons(ctx, inbound.prompt_id), *ctx.replies]
        except IntegrityError:
            if receipt is not None:
                log.info("event %s already handled by another worker", receipt)
                return []
            raise
        except Exception as exc:
            if database_unreachable(exc):
                raise  # the adapter keeps the event and offers it again once the database is back
            if database_read_only(exc):  # an operator's fix, not a bug: say so, no traceback
                log.warning(READ_ONLY_LOG)
                text = t(self.locale_of(inbound.person_id), "database-read-only")
                return [Reply(inbound.person_id, Message(text))]
            log.exception("failed to handle %s of person %s", _kind(inbound), inbound.person_id)
            return [Reply(inbound.person_id, Message(self._internal_error(inbound.person_id)))]

    def _internal_error(self, person_id: int) -> str:
        with Session(self.engine) as session:
            person = session.get(Person, person_id)
            return t(person.locale if person else self.default_locale, "error-internal")


def retired_buttons(ctx: Ctx, clicked: int | None) -> list[Reply]:
    """A Retire for each of the person's shown prompts now answered or replaced; the clicked
    one's message the adapter marks itself."""
    retired = []
    for prompt in closed_shown(ctx.session, ctx.me):
        where, label = prompt.shown, ctx.answered.get(prompt.id or 0)
        forget_shown(ctx.session, prompt)
        if prompt.id == clicked or not where:
            continue
        note = ctx.t("typed-chosen", label=label) if label is not None else None
        retired.append(Reply(ctx.me, Retire(where, note)))
    return retired


def _kind(inbound: Inbound) -> str:
    """What kind of input it was, for logs that never carry its text."""
    if inbound.form_id is not None:
        return f"form {inbound.form_id}"
    if inbound.prompt_id is not None:
        return f"choice on prompt {inbound.prompt_id}"
    return f"text of {len(inbound.text or '')} characters"


def known_zone(name: str | None) -> bool:
    """Whether `name` is an IANA time zone this machine knows (platforms may send anything)."""
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


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
