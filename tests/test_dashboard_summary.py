"""The follow-up at scale: the `/admin` menu and Slack's App Home (republished after every event
of a coordinator) read the summary summed by the database, not every pair's row; « Tous les
binômes » reads one page of rows with LIMIT/OFFSET. The summary's figures are the dashboard's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta

from cryptography.fernet import MultiFernet
from sqlalchemy import event, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bench.followup_seed import seed_followup
from handlers.core import Core
from handlers.home import home_view
from storage.enums import GrantRole, PairState
from storage.followup import dashboard, listed_count, pair_page, summary
from storage.models import Pair, Person, Programme
from storage.people import grant
from storage.types import utcnow
from tests.conftest import Dialog

PAIRS = 120
ROWS_QUERY = "mentee_name"  # the label of the query reading every pair's row


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements run on `engine` meanwhile."""
    seen: list[str] = []

    def keep(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def seeded(
    engine: Engine,
    cipher: MultiFernet,
    slug: str = "grand",
    now: datetime | None = None,
    **dates: object,
) -> int:
    """A programme of PAIRS pairs seen at `now`; its ended pairs keep a pause that still runs."""
    now = now or utcnow()
    with Session(engine) as session:
        programme = Programme(slug=slug, name="Grand programme", **dates)
        session.add(programme)
        session.commit()
        assert programme.id is not None
        programme_id = programme.id
    seed_followup(engine, programme_id, PAIRS, cipher, now)
    ended = col(Pair.state).in_((PairState.completed, PairState.withdrawn))
    with Session(engine) as session:
        session.execute(
            update(Pair)
            .where(col(Pair.programme_id) == programme_id, ended)
            .values(paused_until=now + timedelta(days=3))
        )
        session.commit()
    return programme_id


def test_the_summary_summed_in_sql_is_the_dashboards(engine: Engine, cipher: MultiFernet) -> None:
    now = utcnow()
    dated = {"starts_at": now - timedelta(days=160), "ends_at": now + timedelta(days=60)}
    for programme_id in (
        seeded(engine, cipher, now=now),  # whole days from `now`: pairs on a step's boundary
        seeded(engine, cipher, "dated", now, **dated),
    ):
        with Session(engine) as session:
            programme = session.get(Programme, programme_id)
            assert programme is not None
            first = session.exec(select(Pair).where(Pair.programme_id == programme_id)).first()
            assert first is not None
            for scope in (
                {},
                {"referent_id": first.referent_person_id},
                {"viewer_id": first.mentor_person_id},
            ):
                board = dashboard(session, programme, now, **scope)
                assert board.totals.paused and board.totals.on_pace < board.totals.held
                assert summary(session, programme, now, **scope) == replace(board, rows=())


def test_the_menu_and_the_home_read_no_pair_row(
    dialog: Dialog, core: Core, engine: Engine, cipher: MultiFernet
) -> None:
    programme_id = seeded(engine, cipher)
    dialog("@admin\n/admin langue")  # the admin exists
    with statements(engine) as seen:
        menu = dialog("/admin")
    assert "Rencontres" in menu and "Suivi des binômes" in menu
    assert not any(ROWS_QUERY in statement for statement in seen), "the menu builds no row"
    with Session(engine) as session:
        ada = Person(display_name="Ada", locale="fr", timezone="Europe/Paris")
        session.add(ada)
        session.commit()
        grant(session, ada.id, GrantRole.admin, programme_id)  # type: ignore[arg-type]
        session.commit()
        with statements(engine) as seen:
            home = home_view(session, ada, core.router, core.cipher, utcnow())
        session.rollback()
    assert home.followup and "Rencontres" in "\n".join(home.followup[0].lines)
    assert not any(ROWS_QUERY in statement for statement in seen), "the home builds no row"


def test_every_pair_is_listed_a_page_at_a_time_read_with_limit(
    dialog: Dialog, engine: Engine, cipher: MultiFernet
) -> None:
    programme_id = seeded(engine, cipher)
    dialog("@admin\n/admin suivi")
    with statements(engine) as seen:
        second = dialog("Tous les binômes\nBinômes suivants")
    page_reads = [s for s in seen if ROWS_QUERY in s]
    assert len(page_reads) == 2 and all("LIMIT" in s and "OFFSET" in s for s in page_reads)
    with Session(engine) as session:
        programme = session.get(Programme, programme_id)
        assert programme is not None
        total = listed_count(session, programme)
        rows = pair_page(session, programme, utcnow(), (40, 40))
        everyone = dashboard(session, programme, utcnow()).rows
    assert f"Binômes 41 à 80 sur {total}" in second
    assert [row.pair_id for row in rows] == [row.pair_id for row in everyone][40:80]
    shown = re.findall(r"• (p\d+) et (p\d+)", second.split("Binômes 41 à 80")[1])
    assert len(shown) == 40
