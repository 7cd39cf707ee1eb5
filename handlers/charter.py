"""The charter: both sides accept the current version explicitly; the pair is active only then.

A new version of the charter (a programme replacing its text) asks both again.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from handlers.consent import ask_consent
from handlers.context import Ctx
from handlers.outgoing import Outgoing
from handlers.router import Router
from messages.catalog import supported
from storage.enums import PairState
from storage.models import CharterAcceptance, CharterVersion, Pair
from storage.programmes import current_charter


def charter_text(charter: CharterVersion, locale: str) -> tuple[str, str]:
    """The charter in `locale` (else French, else any), and the language it is in."""
    for candidate in (supported(locale), "fr", *charter.texts):
        if candidate in charter.texts:
            return charter.texts[candidate], candidate
    raise LookupError(f"charter {charter.id} has no text")


def has_accepted(out: Outgoing, person_id: int, charter: CharterVersion) -> bool:
    return (
        out.session.exec(
            select(CharterAcceptance).where(
                CharterAcceptance.person_id == person_id, CharterAcceptance.charter_id == charter.id
            )
        ).first()
        is not None
    )


def send_charter(out: Outgoing, pair: Pair, person_id: int) -> None:
    """Send the current charter with its accept button, unless already accepted."""
    charter = current_charter(out.session, pair.programme_id)
    assert charter is not None, "every programme has a charter"
    if has_accepted(out, person_id, charter):
        return
    text, _ = charter_text(charter, out.locale_of(person_id))
    intro = out.t_for(person_id, "charter-intro", version=charter.version)
    options = [(out.t_for(person_id, "charter-accept"), "accept")]
    out.offer(
        person_id,
        f"{intro}\n\n{text}",
        options,
        "charter",
        {"pair": pair.id, "charter": charter.id},
    )


def register(router: Router) -> None:
    @router.action("charter")
    def accept(ctx: Ctx, _value: str, context: dict[str, Any]) -> None:
        """Record the acceptance; when both sides have accepted, the pair becomes active.

        The pair is locked first, so two acceptances at once are taken in turn."""
        pair = ctx.session.get(Pair, context["pair"], with_for_update=True)
        charter = current_charter(ctx.session, pair.programme_id) if pair else None
        sides = (pair.mentor_person_id, pair.mentee_person_id) if pair else ()
        if (
            pair is None
            or charter is None
            or ctx.me not in sides
            or pair.state
            not in (
                PairState.awaiting_charter,
                PairState.active,
            )
        ):
            ctx.say("error-button-stale")
            return
        if charter.id != context["charter"]:
            ctx.say("charter-changed")
            send_charter(ctx, pair, ctx.me)
            return
        if has_accepted(ctx, ctx.me, charter):
            ctx.say("error-button-used")
            return
        _, language = charter_text(charter, ctx.person.locale)
        ctx.session.add(
            CharterAcceptance(
                person_id=ctx.me,
                charter_id=charter.id,
                sha256=charter.sha256,
                locale=language,
                accepted_at=ctx.now,
            )
        )
        ctx.session.flush()
        if pair.state == PairState.active:
            ctx.say("charter-accepted-again")
        elif not all(has_accepted(ctx, side, charter) for side in sides):
            ctx.say("charter-accepted-waiting")
        else:
            pair.state, pair.activated_at = PairState.active, ctx.now
            ctx.session.add(pair)
            for side in sides:
                ctx.tell(side, "pair-active")
            ask_consent(ctx, pair)
