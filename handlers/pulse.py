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

from datetime import datetime
from typing import Any

from bot.domain.followup import LOW_PULSE
from handlers.context import Ctx
from handlers.outgoing import Outgoing
from handlers.router import Router
from handlers.ui import Message
from storage.enums import PairState
from storage.models import Pair, PairCheck, Person, Prompt
from storage.objectives import check_of
from storage.people import coordinators_for

ACTION = "pulse"
KIND = "pulse"
SCORES = ("1", "2", "3", "4", "5")


def ask_pulse_of(out: Outgoing, pair: Pair, day: str, until: datetime) -> int:
    """Ask both members of `pair` the round of `day` (once each); how many were asked."""
    asked = 0
    for side in (pair.mentor_person_id, pair.mentee_person_id):
        partner = out.session.get(Person, pair.partner_of(side))
        text = out.t_for(side, "pulse-question", partner=partner.display_name if partner else "")
        options = [(out.t_for(side, f"pulse-{score}"), score) for score in SCORES]
        context = {"pair": pair.id, "round": day, "until": until.isoformat()}
        key = f"pulse:{pair.id}:{side}:{day}"
        asked += out.offer(side, text, options, ACTION, context, dedup_key=key, supersede=False)
    return asked


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
    names = {
        "mentor": mentor.display_name if mentor else "",
        "mentee": mentee.display_name if mentee else "",
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
