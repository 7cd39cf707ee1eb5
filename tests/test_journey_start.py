"""From application to an active pair, with the cases around the mentor's answer."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.models import CharterAcceptance, Pair
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, MENTOR_FORM, active_pair, apply

pytestmark = pytest.mark.usefixtures("programme")


def test_a_mentee_and_a_mentor_reach_an_active_pair(dialog: Dialog, engine: Engine) -> None:
    said = active_pair(dialog)
    assert "[lea] Pourquoi : sujets en commun : management d'équipe, prise de poste" in said
    assert "[marc] Ses attentes : Prendre du recul" in said
    with Session(engine) as session:
        pair = session.exec(select(Pair)).one()
        assert pair.state == "active" and pair.activated_at is not None
        signed = session.exec(select(CharterAcceptance)).all()
        assert len(signed) == 2 and len({s.sha256 for s in signed}) == 1


def test_a_mentor_below_the_rules_is_told_which_rule(dialog: Dialog) -> None:
    answers = list(MENTOR_FORM)
    answers[4] = "4"
    said = apply(dialog, "jeune", "2", answers)
    assert "au moins 10 ans d'expérience (vous avez indiqué 4)" in said


def test_a_decline_sends_the_mentee_back_with_fresh_proposals(dialog: Dialog) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    other = list(MENTOR_FORM)
    other[0] = "Ministère C"
    apply(dialog, "nina", "2", other)
    apply(dialog, "lea", "1", MENTEE_FORM)
    said = dialog("@lea\n1")
    asked = "marc" if "[marc] Un mentoré vous a choisi" in said else "nina"
    said = dialog(f"@{asked}\n2\nPas disponible ce semestre")
    assert "[lea]" in said and "ne peut pas vous accompagner" in said
    assert f"[{asked}] Merci, c'est noté." in said
