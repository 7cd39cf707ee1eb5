"""The two private checks a pair's members are asked: consent at the start, fit after the first
meeting. Sending them lives here, apart from their answers (handlers/agreement.py), so that the
charter and the scheduler can ask without importing the flows."""

from __future__ import annotations

from handlers.outgoing import Outgoing
from storage.models import Pair
from storage.objectives import check_of


def ask_consent(out: Outgoing, pair: Pair, only: int | None = None) -> None:
    """Ask both sides (or `only` one) to confirm consent and that no hierarchy or stake exists."""
    for side in (only,) if only else (pair.mentor_person_id, pair.mentee_person_id):
        options = [(out.t_for(side, "consent-yes"), "yes"), (out.t_for(side, "consent-no"), "no")]
        out.offer(side, out.t_for(side, "consent-question"), options, "consent", {"pair": pair.id})


def ask_fit(out: Outgoing, pair: Pair) -> int:
    """After the first meeting held, ask each side privately whether the pair fits (once)."""
    asked = 0
    for side in (pair.mentor_person_id, pair.mentee_person_id):
        if check_of(out.session, pair.id, side, "fit") is None:
            options = [(out.t_for(side, "fit-yes"), "yes"), (out.t_for(side, "fit-no"), "no")]
            text = out.t_for(side, "fit-question")
            key = f"fit:{pair.id}:{side}"
            asked += out.offer(side, text, options, "fit", {"pair": pair.id}, dedup_key=key)
    return asked
