"""Who applied to a programme, grouped as coordinators follow them, and the rows of the export.

`application_groups` reads a programme's applications, people and pairs in three queries and
sorts each application into one group (`GROUPS`, in the order shown): waiting for the person's
confirmation (imported), eligible mentors (with places left), mentees waiting for a mentor,
mentees waiting for a mentor's answer, ineligible (with the rule), matched, withdrawn. Drafts are
not shown. Entries carry names and roles only, never ids. The command line and the chat's
`/admin` render the same groups.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from bot.domain.accounts import Account
from bot.domain.eligibility import RULE_ANSWERS
from storage.application_import import EMAIL_KEY
from storage.enums import ApplicationStatus, PairState, Role
from storage.matching import HOLDING, with_people
from storage.models import Application, Identity, Pair, Person, Programme

GROUPS = (
    "awaiting_confirmation",
    "mentors",
    "mentees_waiting",
    "mentees_asked",
    "ineligible",
    "matched",
    "withdrawn",
)
FORMED = (PairState.awaiting_charter, PairState.active, PairState.completed)


@dataclass(frozen=True)
class Entry:
    """One application in a group: whose, which role, and what the group says about it.

    `places`: an eligible mentor's places left; `partner`: the mentor asked, or paired with;
    `rule`, `required`, `given`: the eligibility rule an ineligible application fails.
    """

    name: str
    role: str
    places: int = 0
    partner: str = ""
    rule: str = ""
    required: int = 0
    given: int = 0


def application_groups(session: Session, programme: Programme) -> dict[str, list[Entry]]:
    """Every group of `GROUPS` (possibly empty), entries sorted by name."""
    rows = with_people(session, programme)
    pairs = session.exec(
        select(Pair).where(Pair.programme_id == programme.id).order_by(col(Pair.id))
    ).all()
    names = _names(session, {p.mentor_person_id for p in pairs}, rows)
    taken: dict[int, int] = defaultdict(int)
    partner: dict[int, tuple[str, str]] = {}  # mentee -> (state, mentor's name), latest pair
    for pair in pairs:
        if pair.state in HOLDING:
            taken[pair.mentor_person_id] += 1
        if pair.state == PairState.proposed or pair.state in FORMED:
            partner[pair.mentee_person_id] = (pair.state, names.get(pair.mentor_person_id, "?"))
    groups: dict[str, list[Entry]] = {name: [] for name in GROUPS}
    for application, person in rows:
        assert person.id is not None
        placed = _place(application, person, programme, taken, partner.get(person.id))
        if placed is not None:
            groups[placed[0]].append(placed[1])
    for entries in groups.values():
        entries.sort(key=lambda entry: (entry.name.casefold(), entry.role))
    return groups


def _names(session: Session, wanted: set[int], rows: Any) -> dict[int, str]:
    known = {person.id: person.display_name for _, person in rows}
    missing = wanted - set(known)
    if missing:
        for person in session.exec(select(Person).where(col(Person.id).in_(missing))):
            known[person.id] = person.display_name
    return known  # type: ignore[return-value]


def _place(
    application: Application,
    person: Person,
    programme: Programme,
    taken: dict[int, int],
    pair: tuple[str, str] | None,
) -> tuple[str, Entry] | None:
    """The group of one application, with its entry; None for a draft."""
    name, role, status = person.display_name, application.role, application.status
    if status == ApplicationStatus.submitted:
        return "awaiting_confirmation", Entry(name, role)
    if status == ApplicationStatus.withdrawn:
        return "withdrawn", Entry(name, role)
    if status == ApplicationStatus.ineligible:
        return "ineligible", _ineligible(application, person, programme)
    if status == ApplicationStatus.matched:
        return "matched", Entry(name, role, partner=pair[1] if pair else "")
    if status != ApplicationStatus.eligible:
        return None
    if role == Role.mentor:
        places = programme.mentor_capacity - taken.get(person.id, 0)  # type: ignore[arg-type]
        return "mentors", Entry(name, role, places=max(places, 0))
    if pair is not None and pair[0] == PairState.proposed:
        return "mentees_asked", Entry(name, role, partner=pair[1])
    return "mentees_waiting", Entry(name, role)


def _ineligible(application: Application, person: Person, programme: Programme) -> Entry:
    rule = application.ineligible_reason
    required = int(programme.eligibility.get(application.role, {}).get(rule, 0) or 0)
    given = int(application.answers.get(RULE_ANSWERS.get(rule, ""), 0) or 0)
    return Entry(person.display_name, application.role, rule=rule, required=required, given=given)


@dataclass(frozen=True)
class Exported:
    """One application as the export writes it."""

    role: str
    name: str
    account: str
    answers: dict[str, Any]
    status: str


def exported_applications(session: Session, programme: Programme) -> list[Exported]:
    """The programme's applications (drafts aside), each with its person's first account, or
    the e-mail address of a person not reached yet."""
    rows = session.exec(
        select(Application, Person)
        .join(Person, col(Person.id) == col(Application.person_id))
        .where(
            Application.programme_id == programme.id,
            Application.status != ApplicationStatus.draft,
        )
        .order_by(col(Person.display_name), col(Application.role))
    ).all()
    ids = {person.id for _, person in rows}
    accounts: dict[int, str] = {}
    for identity in session.exec(
        select(Identity).where(col(Identity.person_id).in_(ids)).order_by(col(Identity.id))
    ):
        account = Account(identity.platform, identity.team, identity.user_key)
        accounts.setdefault(identity.person_id, str(account))
    found = []
    for application, person in rows:
        answers = dict(application.answers)
        email = answers.pop(EMAIL_KEY, "")
        account = accounts.get(person.id) or (f"email:{email}" if email else "")  # type: ignore[arg-type]
        found.append(
            Exported(application.role, person.display_name, account, answers, application.status)
        )
    return found
