"""An active pair's life: consent, agreement, objectives, status, pause, withdrawal, sweeps."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.fernet import MultiFernet
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.sweeps import run_sweeps
from storage.db import session_scope
from storage.models import Meeting, Objective, Outbox, Pair, PrivateNote
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, MENTOR_FORM, active_pair, apply

pytestmark = pytest.mark.usefixtures("programme")


def agreed_pair(dialog: Dialog) -> str:
    said = active_pair(dialog)
    said += dialog("@marc\n1\n@lea\n1")
    assert "Vous avez tous les deux confirmé" in said
    said += dialog("@lea\n1\nRéussir ma prise de poste\n2\n1\n1")
    assert "Votre accord est enregistré, avec un objectif" in said, said
    return said


def test_consent_then_agreement_with_a_private_objective(
    dialog: Dialog, engine: Engine, cipher: MultiFernet
) -> None:
    said = agreed_pair(dialog)
    assert "[marc] lea a enregistré votre accord, avec un objectif." in said
    with Session(engine) as session:
        objective = session.exec(select(Objective)).one()
        assert objective.private and objective.text is None
        note = session.exec(select(PrivateNote)).one()
        assert b"prise de poste" not in note.ciphertext
        assert cipher.decrypt(note.ciphertext).decode() == "Réussir ma prise de poste"
    listing = dialog("@marc\n/objectives")
    assert "1. Réussir ma prise de poste (en cours) (privé)" in listing
    assert "objectifs comme atteint" in dialog("@marc\n1")
    assert "(atteint)" in dialog("@lea\n/objectives")


def test_objectives_need_one_to_five_lines(dialog: Dialog) -> None:
    active_pair(dialog)
    dialog("@marc\n1\n@lea\n1")
    lines = "; ".join(f"objectif {n}" for n in range(6))
    said = dialog(f"@lea\n1\n{lines}")
    assert "(1/4)" in said
    said = dialog("2\n1\n1")
    assert "Vous avez écrit 6 objectifs" in said
    assert "(1/4) Quels sont vos objectifs" in said


def test_a_reported_link_ends_the_pair_and_offers_new_mentors(
    dialog: Dialog, engine: Engine
) -> None:
    active_pair(dialog)
    other = list(MENTOR_FORM)
    other[0] = "Ministère C"
    apply(dialog, "nina", "2", other)
    said = dialog("@marc\n2")
    assert "[lea] Un lien ou un enjeu professionnel a été signalé" in said
    assert "[lea] Voici le mentor que je vous propose" in said and "nina" in said
    with Session(engine) as session:
        assert session.exec(select(Pair)).first().state == "withdrawn"  # type: ignore[union-attr]


def test_status_gives_the_next_step_with_its_button(dialog: Dialog) -> None:
    assert "Candidater" in dialog("@zoe\n/status")
    agreed_pair(dialog)
    said = dialog("@lea\n/status")
    assert "aucune rencontre tenue pour l'instant" in said and "Mes rencontres" in said


def test_status_resumes_a_form_in_progress(dialog: Dialog) -> None:
    dialog("@lea\n/apply\n1\nAgence B\n-")
    said = dialog("/status")
    assert "au milieu d'un formulaire" in said and "(3/13)" in said


def test_pause_stops_nudges_and_withdrawal_tells_the_other(dialog: Dialog, engine: Engine) -> None:
    agreed_pair(dialog)
    said = dialog("@lea\n/pause\ndans 3 mois\n1")
    assert (
        "Le binôme est en pause jusqu'au" in said
        and "[marc] lea a mis votre binôme en pause" in said
    )
    with Session(engine) as session:
        pair = session.exec(select(Pair)).one()
        assert pair.paused_until is not None
    assert run_sweeps(engine, utcnow() + timedelta(days=70))["nudge_cadence"] == 0
    said = dialog("@marc\n/withdraw\n1\nTrop de charge en ce moment")
    assert "[lea] marc a quitté votre binôme" in said
    assert "[lea] Voici" not in said or "propose" in said
    with Session(engine) as session:
        note = session.exec(
            select(PrivateNote).where(PrivateNote.subject == "withdraw_reason")
        ).one()
        assert b"charge" not in note.ciphertext


def test_an_unanswered_request_goes_to_the_next_choice(dialog: Dialog, engine: Engine) -> None:
    apply(dialog, "marc", "2", MENTOR_FORM)
    other = list(MENTOR_FORM)
    other[0] = "Ministère C"
    apply(dialog, "nina", "2", other)
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    said += dialog("@lea\n1")
    first = "marc" if "[marc] Un mentoré vous a choisi" in said else "nina"
    second = "nina" if first == "marc" else "marc"
    later = utcnow() + timedelta(days=4)
    assert run_sweeps(engine, later)["expire_requests"] == 1
    assert run_sweeps(engine, later)["expire_requests"] == 0
    said = dialog("@lea\n/status")
    assert f"[{first}] Votre délai pour répondre" in said
    assert (
        f"n'a pas répondu à temps. J'ai transmis votre demande à votre choix suivant, {second}"
        in said
    )
    assert f"[{second}] Un mentoré vous a choisi" in said


def test_cadence_nudges_once_and_flags_a_stalled_pair(dialog: Dialog, engine: Engine) -> None:
    agreed_pair(dialog)
    dialog("@admin\n/help")
    start = utcnow()
    assert run_sweeps(engine, start + timedelta(days=45))["nudge_cadence"] == 2
    assert run_sweeps(engine, start + timedelta(days=46))["nudge_cadence"] == 0
    assert run_sweeps(engine, start + timedelta(days=57))["nudge_cadence"] == 2
    assert run_sweeps(engine, start + timedelta(days=90))["nudge_cadence"] == 1
    said = dialog("@lea\n/help")
    assert "[admin] Le binôme marc / lea ne s'est pas réuni" in said
    assert "[lea] Petit rappel" in said and "[lea] Cela fait plus de 8 semaines" in said


def test_fit_is_asked_once_after_the_first_meeting(dialog: Dialog, engine: Engine) -> None:
    agreed_pair(dialog)
    with session_scope(engine) as session:
        pair = session.exec(select(Pair)).one()
        session.add(
            Meeting(pair_id=pair.id, scheduled_at=utcnow() - timedelta(days=1), status="held",
                    created_by_person_id=pair.mentee_person_id)
        )  # fmt: skip
    assert run_sweeps(engine)["ask_fit_after_first_meeting"] == 2
    assert run_sweeps(engine)["ask_fit_after_first_meeting"] == 0
    said = dialog("@lea\n1\n@marc\n2")
    assert "[lea] Merci, bonne continuation" in said
    assert "[lea] Après votre première rencontre, le binôme a choisi de s'arrêter" in said
    with Session(engine) as session:
        assert (
            len(session.exec(select(Outbox).where(Outbox.dedup_key.startswith("fit:"))).all()) == 2
        )  # type: ignore[union-attr]


def test_a_mentee_who_leaves_may_change_mentor(dialog: Dialog) -> None:
    agreed_pair(dialog)
    other = list(MENTOR_FORM)
    other[0] = "Ministère C"
    apply(dialog, "nina", "2", other)
    said = dialog("@lea\n/withdraw\n1\n-")
    assert "[marc] lea a quitté votre binôme" in said
    assert "Souhaitez-vous être accompagné par un autre mentor" in said
    said = dialog("1")
    assert "Voici le mentor que je vous propose" in said and "nina" in said
    assert "marc :" not in said


def test_a_reason_for_leaving_is_never_shown_to_the_other_side(dialog: Dialog) -> None:
    agreed_pair(dialog)
    dialog("@marc\n/withdraw\n1\nJe déménage au Canada")
    exported = dialog("@lea\n/export") + dialog("@marc\n/export")
    lea_file, marc_file = (
        line.split("-> ")[1].rsplit(" (", 1)[0] for line in exported.splitlines() if "-> " in line
    )
    from pathlib import Path

    assert "Canada" not in Path(lea_file).read_text(encoding="utf-8")
    assert "Canada" in Path(marc_file).read_text(encoding="utf-8")


def test_both_members_consenting_at_the_same_moment_get_the_agreement_once(
    dialog: Dialog, engine: Engine, core
) -> None:
    import threading

    from handlers.ui import Inbound
    from storage.models import Prompt

    for i in range(3):
        active_pair(dialog, mentor=f"m{i}", mentee=f"e{i}")
    with Session(engine) as session:
        consents = session.exec(
            select(Prompt).where(Prompt.action == "consent", Prompt.used_at.is_(None))  # type: ignore[union-attr]
        ).all()
        clicks = [
            (p.person_id, p.id, [o["value"] for o in p.options].index("yes")) for p in consents
        ]
    assert len(clicks) == 6
    barrier = threading.Barrier(len(clicks))

    def click(person_id: int, prompt_id: int, option: int) -> None:
        barrier.wait()
        core.handle(Inbound(person_id, prompt_id=prompt_id, option=option))

    threads = [threading.Thread(target=click, args=c) for c in clicks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    with Session(engine) as session:
        offers = session.exec(select(Prompt).where(Prompt.action == "agreement")).all()
        pairs = session.exec(select(Pair)).all()
    assert sorted(p.person_id for p in offers) == sorted(p.mentee_person_id for p in pairs)
