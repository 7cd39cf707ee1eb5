"""`mentorbot audit [--programme SLUG] [--since DATE]`: the audit log as a table.

Times are shown in this machine's time zone; who acted is shown by account (by name when the
person has none, `operator` for this command line without `--as`). Reading the log is itself
audited. Without `--programme` the whole log is shown, to an admin of every programme only.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated

import typer
from rich.table import Table
from sqlmodel import Session

from bot.commands.common import AsOption, DbOption, fail, local_time, operator, out
from storage.audit import events
from storage.models import AuditEvent, Person
from storage.roles import accounts_of

HIDDEN = ("via", "by", "digest")
PEOPLE = ("person", "referent", "previous")


def parse_since(text: str) -> datetime:
    """An ISO date (midnight here) or date-time (here, unless it says its zone)."""
    try:
        moment = (
            datetime.combine(date.fromisoformat(text), time())
            if len(text.strip()) == 10
            else datetime.fromisoformat(text.strip())
        )
    except ValueError as exc:
        raise fail(
            f"--since: {text!r} is not a date: write 2027-03-01 or 2027-03-01T14:00."
        ) from exc
    return moment if moment.tzinfo is not None else moment.astimezone()


def audit_log(
    programme: Annotated[
        str | None, typer.Option("--programme", help="Only this programme's events.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date (2027-03-01) or time on.")
    ] = None,
    db: DbOption = None,
    as_account: AsOption = None,
) -> None:
    """The audit log: when, who, action, target."""
    since_at = parse_since(since) if since else None
    who = operator(db, as_account)
    with who.session() as session:
        found = who.programme(session, programme) if programme else None
        who.check(session, found, "audit.read")
        rows = events(session, target=found.slug if found else None, since=since_at)
        table = _table(session, rows)
        who.audit(session, "audit.read", found.slug if found else "", since=since, count=len(rows))
    if not rows:
        out.print("No event.", highlight=False)
        return
    out.print(table)


def _table(session: Session, rows: list[AuditEvent]) -> Table:
    people = {e.actor_person_id for e in rows if e.actor_person_id is not None}
    for event in rows:
        details = event.details or {}
        people |= {v for k, v in details.items() if k in PEOPLE and isinstance(v, int)}
        people |= {int(k) for k in details.get("given") or {} if str(k).isdigit()}
    accounts = accounts_of(session, sorted(people))
    zone = datetime.now().astimezone().tzname()
    table = Table(f"when ({zone})", "who", "action", "target")
    for event in rows:
        table.add_row(
            local_time(event.at),
            _who(session, accounts, event),
            event.action,
            _target(session, accounts, event),
        )
    return table


def _label(session: Session, accounts: dict[int, str], person_id: int) -> str:
    person = session.get(Person, person_id)
    return accounts.get(person_id) or (person.display_name if person else "") or "?"


def _who(session: Session, accounts: dict[int, str], event: AuditEvent) -> str:
    if event.actor_person_id is None:
        return str((event.details or {}).get("by", "operator"))
    return _label(session, accounts, event.actor_person_id)


def _target(session: Session, accounts: dict[int, str], event: AuditEvent) -> str:
    """The target, and what the event concerns (people by account)."""
    shown: list[str] = [event.target] if event.target else []
    for key, value in (event.details or {}).items():
        if key in HIDDEN or value is None:
            continue
        if key in PEOPLE and isinstance(value, int):
            value = _label(session, accounts, value)
        elif key == "given" and isinstance(value, dict):  # pairs given per referent
            value = ", ".join(f"{_label(session, accounts, int(k))}: {n}" for k, n in value.items())
        shown.append(f"{key}={value}")
    return " ".join(shown)
