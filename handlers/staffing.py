"""Staffing a programme, whoever does it (a chat section or a command): granting and revoking
roles, giving pairs their referent. Each change is audited and told to the person it concerns,
in their language; the caller has checked the role of whoever acts.
"""

from __future__ import annotations

from typing import Any

from handlers.outgoing import Outgoing
from storage.audit import record
from storage.enums import GrantRole
from storage.models import Pair, Person, Programme
from storage.people import grant, revoke
from storage.referents import spread


def change_role(
    out: Outgoing,
    actor: int | None,
    how: str,
    role: GrantRole,
    person: Person,
    programme: Programme | None,
    **details: Any,
) -> bool:
    """Grant (`how` "grant") or revoke a role in `programme` (None: every programme); False
    when nothing changed (already held, or not held)."""
    assert person.id is not None
    scope = programme.id if programme is not None else None
    change = grant if how == "grant" else revoke
    changed = change(out.session, person.id, role, scope)
    target = programme.slug if programme is not None else ""
    record(
        out.session,
        actor,
        f"role.{how}",
        target,
        person=person.id,
        role=role,
        changed=changed,
        **details,
    )
    if changed:
        role_word = out.t_for(person.id, f"roles-role-{role}")
        if programme is None:
            out.tell(person.id, f"roles-told-{how}-all", role=role_word)
        else:
            out.tell(person.id, f"roles-told-{how}", role=role_word, programme=programme.name)
    return changed


def pair_names(out: Outgoing, pair: Pair) -> dict[str, str]:
    """The pair's members by name, as texts about the pair name them."""
    mentor = out.session.get(Person, pair.mentor_person_id)
    mentee = out.session.get(Person, pair.mentee_person_id)
    return {
        "mentor": (mentor.display_name if mentor else "") or "?",
        "mentee": (mentee.display_name if mentee else "") or "?",
    }


def assign_referent(
    out: Outgoing,
    actor: int | None,
    programme: Programme,
    pair: Pair,
    referent_id: int,
    **details: Any,
) -> None:
    """Make `referent_id` the pair's referent, and tell them which pair they now follow."""
    previous = pair.referent_person_id
    pair.referent_person_id = referent_id
    out.session.add(pair)
    record(
        out.session,
        actor,
        "referents.assign",
        programme.slug,
        pair=pair.id,
        referent=referent_id,
        previous=previous,
        **details,
    )
    if previous != referent_id:
        names = pair_names(out, pair)
        out.tell(referent_id, "referents-told-pair", programme=programme.name, **names)


def spread_referents(
    out: Outgoing, actor: int | None, programme: Programme, **details: Any
) -> dict[int, int]:
    """Spread the pairs nobody follows over the referents; tell each how many it was given."""
    assert programme.id is not None
    given = spread(out.session, programme.id)
    record(
        out.session,
        actor,
        "referents.spread",
        programme.slug,
        given={str(k): v for k, v in given.items()},
        **details,
    )
    for referent, count in given.items():
        out.tell(referent, "referents-told-spread", programme=programme.name, count=count)
    return given
