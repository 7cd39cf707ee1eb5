"""The pulse: "how is it going? 1 to 5", asked to each member of an active pair every few weeks
(`bot.pulse_sweep` sends the rounds, `bot.domain.pulse` dates them), and its answer.

```mermaid
stateDiagram-v2
    [*] --> asked: a round falls (one-tap question, five buttons)
    asked --> answered: a tap -> stored, thanked
    answered --> answered: another tap in the same round -> the answer changes, no second thanks
    answered --> told: 2 or less -> the pair's referent (else the admins) told once per round
    asked --> [*]: the next round falls, or the pair ends -> the buttons are stale
```
The coordinators told of a low score learn only that the pair (its two names) may need a word
from them: never which member answered, the score, or any text.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from bot.domain.followup import LOW_PULSE
from bot.domain.pulse import KIND, pulse_key
from handlers.context import Ctx
from handlers.router import Router
from handlers.ui import Message
from messages.catalog import t
from storage.bulk_offers import BulkOffer
from storage.enums import PairState
from storage.models import Pair, PairCheck, Person, Programme, Prompt
from storage.objectives import check_of
from storage.people import coordinators_for

ACTION = "pulse"
SCORES = ("1", "2", "3", "4", "5")


def pulse_offers(
    session: Session, pairs: list[Pair], day: str, until: datetime
) -> Iterator[tuple[BulkOffer, str]]:
    """The round of `day` for both members of each pair, as offers for `Outgoing.offer_many`
    (the people's names and languages read once for the batch)."""
    people = {side for pair in pairs for side in (pair.mentor_person_id, pair.mentee_person_id)}
    rows = session.exec(
        select(Person.id, Person.display_name, Person.locale).where(col(Person.id).in_(people))
    )
    names, locales = {}, {}
    for person_id, name, locale in rows:
        names[person_id], locales[person_id] = name, locale
    for pair in pairs:
        told = "referent" if pair.referent_person_id is not None else "admins"
        context = {"pair": pair.id, "round": day, "until": until.isoformat()}
        for side in (pair.mentor_person_id, pair.mentee_person_id):
            locale = locales.get(side, "fr")
            partner = names.get(pair.partner_of(side), "")
            text = t(locale, "pulse-question", partner=partner, told=told)
            options = [{"label": t(locale, f"pulse-{score}"), "value": score} for score in SCORES]
            key = pulse_key(pair.id, side, day)  # type: ignore[arg-type]
            yield BulkOffer(side, ACTION, options, context, key), text


def _pair_for(ctx: Ctx, context: dict[str, Any]) -> Pair | None:
    """The active pair the button asks about, locked, while its round still answers."""
    pair = ctx.session.get(Pair, context["pair"], with_for_update=True)
    sides = (pair.mentor_person_id, pair.mentee_person_id) if pair is not None else ()
    late = ctx.now >= datetime.fromisoformat(context["until"])
    if pair is None or pair.state != PairState.active or ctx.me not in sides or late:
        ctx.say("error-button-stale")
        return None
    return pair


def _store(ctx: Ctx, pair: Pair, day: str, value: int) -> bool:
    """Keep the answer, or change the one given in this round; True for a first answer."""
    earlier = check_of(ctx.session, pair.id, ctx.me, KIND, day)  # type: ignore[arg-type]
    if earlier is not None:
        earlier.value, earlier.answered_at = value, ctx.now
        ctx.session.add(earlier)
        return False
    ctx.session.add(
        PairCheck(
            pair_id=pair.id,
            person_id=ctx.me,
            kind=KIND,
            due_on=day,
            value=value,
            answered_at=ctx.now,
        )
    )
    ctx.session.flush()
    return True


def _keep_buttons(ctx: Ctx) -> None:
    """The question stays open until its round ends: a second tap changes the answer."""
    for prompt_id in ctx.answered:
        prompt = ctx.session.get(Prompt, prompt_id)
        if prompt is not None and prompt.action == ACTION:
            prompt.used_at = None
            ctx.session.add(prompt)


def _tell_coordinators(ctx: Ctx, pair: Pair, day: str) -> None:
    """The pair's referent (else the programme's admins) learns, once per round, that the pair
    may need a word: the two names, nothing of who answered or what."""
    sides = (pair.mentor_person_id, pair.mentee_person_id)
    mentor = ctx.session.get(Person, pair.mentor_person_id)
    mentee = ctx.session.get(Person, pair.mentee_person_id)
    programme = ctx.session.get(Programme, pair.programme_id)
    names = {
        "mentor": mentor.display_name if mentor else "",
        "mentee": mentee.display_name if mentee else "",
        "programme": programme.name if programme else "",
    }
    for coordinator in coordinators_for(ctx.session, pair.programme_id, pair.referent_person_id):
        if coordinator in sides:
            continue  # a member who coordinates would learn what the other answered
        text = ctx.t_for(coordinator, "pulse-low", **names)
        key = f"pulse-low:{pair.id}:{day}:{coordinator}"
        ctx.notify(coordinator, Message(text), dedup_key=key)


def register(router: Router) -> None:
    @router.action(ACTION)
    def pulse(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Store the 1-5 answer; a low one tells the pair's referent."""
        pair = _pair_for(ctx, context)
        if pair is None:
            return
        if value not in SCORES:
            ctx.say("error-button-unknown")
            return
        first = _store(ctx, pair, context["round"], int(value))
        _keep_buttons(ctx)
        ctx.say("pulse-thanks" if first else "pulse-changed")
        if int(value) <= LOW_PULSE:
            _tell_coordinators(ctx, pair, context["round"])
