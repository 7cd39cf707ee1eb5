"""The cases around the main journey: application window, editing, proposals, capacity,
a new charter version."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.db import session_scope
from storage.models import Application, Pair, Programme
from storage.programmes import default_charter_texts, set_charter
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, MENTOR_FORM, active_pair, apply

pytestmark = pytest.mark.usefixtures("programme")


def move_window(engine: Engine, opens_in: int, closes_in: int) -> None:
    with session_scope(engine) as session:
        programme = session.exec(select(Programme)).one()
        programme.applications_open_at = utcnow() + timedelta(days=opens_in)
        programme.applications_close_at = utcnow() + timedelta(days=closes_in)
        session.add(programme)


def test_the_application_window_is_respected(dialog: Dialog, engine: Engine) -> None:
    move_window(engine, 3, 30)
    assert "ouvriront le" in dialog("@zoe\n/apply")
    move_window(engine, -30, -1)
    assert "Aucun programme n'accepte de candidatures" in dialog("/apply")


def test_a_window_closing_during_the_form_keeps_the_answers_out(
    dialog: Dialog, engine: Engine
) -> None:
    dialog("@zoe\n/apply\n1\n" + "\n".join(MENTEE_FORM[:-1]))
    move_window(engine, -30, -1)
    assert "sont closes" in dialog(MENTEE_FORM[-1])
    with Session(engine) as session:
        assert session.exec(select(Application)).first() is None


def test_an_application_is_read_edited_and_withdrawn_until_matching(
    dialog: Dialog, engine: Engine
) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    said = dialog("/application")
    assert "Candidature de mentor : retenue" in said and "Directeur, Ministère A" in said
    said = dialog("1\n" + "\n".join(["="] * 3) + "\nDirectrice générale\n" + "\n".join(["="] * 9))
    assert "remplit les conditions" in said
    with Session(engine) as session:
        assert session.exec(select(Application)).one().answers["job"] == "Directrice générale"
    assert "retirée" in dialog("/application\n2\n1")
    assert "pas de candidature en cours" in dialog("/application")


def test_other_proposals_once_then_declining_all_tells_the_coordinators(dialog: Dialog) -> None:
    dialog("@admin\n/help")
    for n, org in enumerate(["A", "C", "D", "E"]):
        form = list(MENTOR_FORM)
        form[0] = f"Ministère {org}"
        apply(dialog, f"mentor{n}", "2", form)
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    assert "Voici 3 mentors" in said and "Voir d'autres propositions" in said
    [unseen] = [f"mentor{n}" for n in range(4) if f"mentor{n}" not in said]
    said = dialog("@lea\n4")
    assert "Voici le mentor que je vous propose" in said and unseen in said
    assert "Voir d'autres propositions" not in said
    said = dialog("2")
    assert "Les coordinateurs sont prévenus" in said
    assert "[admin] lea n'a retenu aucun des mentors proposés" in said


def test_a_mentor_is_never_asked_beyond_capacity(dialog: Dialog, engine: Engine) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    apply(dialog, "tom", "1", MENTEE_FORM)
    dialog("@lea\n1")
    said = dialog("@tom\n1")
    assert "n'a plus de place" in said
    with Session(engine) as session:
        assert len(session.exec(select(Pair)).all()) == 1


def test_a_new_charter_version_is_asked_again(dialog: Dialog, engine: Engine) -> None:
    active_pair(dialog)
    with session_scope(engine) as session:
        pair = session.exec(select(Pair)).one()
        texts = default_charter_texts()
        set_charter(session, pair.programme_id, {**texts, "fr": texts["fr"] + "\n10. Ajout."})
    said = dialog("@lea\n/status")
    assert (
        "il vous reste à accepter la charte" in said
        and "version 2" in said
        and "10. Ajout." in said
    )
    assert "nouvelle version est enregistrée" in dialog("1")
