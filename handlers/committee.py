"""A committee's manual pair: the hard rules still checked, then the normal journey.

`committee_pair(out, programme, mentee_id, mentor_id, reason)` checks that both have live
applications in the right roles, the mentee is not already in a pair being formed or running,
and no hard rule (`bot.domain.hard_rules`) is broken; it returns a `Refusal` naming the rule,
or stores a proposal marked as the committee's and asks the mentor (`ask_mentor`), who accepts
or declines as for any request. The committee's words stay in `Pair.committee_reason` and the
audit; the mentor and the mentee read "proposed by the programme's committee".
`mentorbot pair` and the admins' "Former un binôme" form both call it; a committee draft's
publication too, and its moves are checked by `check_pair` (`handlers.committee_draft`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, update

from bot.domain.cohort import COMMITTEE_REASON
from bot.domain.hard_rules import Chains, Limits, broken_rule, management_chains
from bot.domain.matching import Profile
from bot.domain.preferences import explain
from handlers.matching_flow import ask_mentor
from handlers.outgoing import Outgoing
from messages.catalog import format_when
from storage.cohort import application_of, candidate, is_holding, settings_of
from storage.enums import ApplicationStatus, Role
from storage.matching import latest_round, mentor_profile, profile, with_people
from storage.models import Application, Pair, Person, Programme, Proposal

MENTEE_RULES = ("mentee_application", "mentee_paired", "mentee_proposed")


@dataclass(frozen=True)
class Refusal:
    """A rule the pair would break: its name, the form field it concerns, the text's values."""

    rule: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def field(self) -> str:
        if self.rule == "reason":
            return "reason"
        return "mentee" if self.rule in MENTEE_RULES else "mentor"

    @property
    def key(self) -> str:
        return f"committee-refused-{self.rule}"


@dataclass(frozen=True)
class Checked:
    """Both applications and the mentor's profile, once every rule holds."""

    mentee: Application
    mentor: Application
    mentor_profile: Profile
    mentee_profile: Profile


def _name(session: Session, person_id: int) -> str:
    person = session.get(Person, person_id)
    return (person.display_name if person else "") or "?"


def programme_chains(session: Session, programme: Programme) -> dict[str, frozenset[str]]:
    """The management chains of everyone who applied to the programme (any role, any status)."""
    rows = with_people(session, programme)
    return management_chains(profile(application, person) for application, person in rows)


def pair_score(
    programme: Programme, mentee: Profile, mentor: Profile
) -> tuple[float, list[dict[str, Any]]]:
    """The engine's score and reasons for this pair, with the programme's settings."""
    settings = settings_of(programme)
    return explain(
        mentee, mentor, settings.weights, in_person=settings.in_person, seed=settings.seed
    )


def refusal(
    session: Session, programme: Programme, rule: str, mentee_id: int, mentor_id: int
) -> Refusal:
    """The refusal of `rule` for these two people, with the names its text shows."""
    params = {
        "mentee": _name(session, mentee_id),
        "mentor": _name(session, mentor_id),
        "capacity": programme.mentor_capacity,
    }
    return Refusal(rule, params)


def check_pair(
    session: Session,
    programme: Programme,
    mentee_id: int,
    mentor_id: int,
    chains: Chains | None = None,
) -> Checked | Refusal:
    """Whether the committee may pair these two people in the programme, and if not, why.
    `chains` (`programme_chains`) may be given when many pairs are checked at once."""
    params = refusal(session, programme, "", mentee_id, mentor_id).params
    assert programme.id is not None
    mentee_app = application_of(session, programme.id, mentee_id, Role.mentee)
    if mentee_app is not None and (
        mentee_app.status == ApplicationStatus.matched
        or is_holding(session, programme.id, mentee_id)
    ):
        return Refusal("mentee_paired", params)
    if mentee_app is None or mentee_app.status != ApplicationStatus.eligible:
        return Refusal("mentee_application", params)
    mentor_app = application_of(session, programme.id, mentor_id, Role.mentor)
    mentor = mentor_profile(session, programme, mentor_id)
    if mentor_app is None or mentor is None:
        return Refusal("mentor_application", params)
    mentee_person = session.get(Person, mentee_id)
    assert mentee_person is not None
    found = candidate(session, mentee_app, mentee_person)
    limits = Limits(
        programme.other_organisation, found.paired_before, found.proposed, found.declined
    )
    chains = chains if chains is not None else programme_chains(session, programme)
    rule = broken_rule(found.mentee, mentor, limits, committee=True, chains=chains)
    if rule is not None:
        return Refusal(rule, params)
    return Checked(mentee_app, mentor_app, mentor, found.mentee)


def committee_pair(
    out: Outgoing,
    programme: Programme,
    mentee_id: int,
    mentor_id: int,
    reason: str,
    chains: Chains | None = None,
) -> Pair | Refusal:
    """Form the committee's pair (the mentor is asked) or say which rule refuses it.

    `reason` is the committee's, kept for coordinators; the mentor and mentee never read it."""
    checked = check_pair(out.session, programme, mentee_id, mentor_id, chains)
    if isinstance(checked, Refusal):
        return checked
    mentee_app = checked.mentee
    # Proposals the mentee had not picked from are replaced by the committee's choice.
    out.session.execute(
        update(Proposal)
        .where(
            col(Proposal.mentee_application_id) == mentee_app.id,
            col(Proposal.status) == "shown",
        )
        .values(status="superseded")
    )
    score, reasons = pair_score(programme, checked.mentee_profile, checked.mentor_profile)
    proposal = Proposal(
        programme_id=programme.id,
        mentee_application_id=mentee_app.id,
        mentor_application_id=checked.mentor.id,
        round=latest_round(out.session, mentee_app.id) + 1,  # type: ignore[arg-type]
        rank=1,
        score=score,
        reasons=[{"key": COMMITTEE_REASON}, *reasons],
    )
    out.session.add(proposal)
    out.session.flush()
    pair = ask_mentor(out, programme, proposal)
    pair.committee_reason = reason.strip()[:500]
    out.session.add(pair)
    mentee = out.session.get(Person, mentee_id)
    assert mentee is not None and pair.answer_due_at is not None
    out.tell(
        mentee_id,
        "committee-proposed-mentee",
        programme=programme.name,
        name=_name(out.session, mentor_id),
        when=format_when(pair.answer_due_at, mentee.locale, mentee.timezone),
    )
    return pair
