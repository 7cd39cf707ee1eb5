"""Nobody stranded: after every way a pair or a request ends (a withdrawal, a reported link, the
mentor's erasure, "none suits me", a decline, a silence) and for a mentee who applied before any
mentor, the mentee gets the engine's fresh proposals when a free mentor fits, never the mentor
just left nor one turned down; when nobody fits they are told so truthfully, /status says they
wait, and the next mentor to arrive brings proposals without anyone asking.

Each journey runs through the console, on the demo programme (`on_apply`, one place per mentor,
three proposals)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine

from bot.sweeps import run_sweeps
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, MENTOR_FORM, apply

pytestmark = pytest.mark.usefixtures("programme")

NNBSP = "\u202f"
NONE_SUITS = "Aucune ne me convient"
NO_MENTOR = "Je n'ai pas de mentor disponible à vous proposer pour le moment"
WAITING = "j'attends qu'un mentor disponible corresponde à votre profil"
NEW_MENTORS = f"Bonne nouvelle{NNBSP}: un nouveau mentor a rejoint le programme"
PLACE_FREED = f"Bonne nouvelle{NNBSP}: un mentor qui correspond à votre profil est maintenant"


def mentor(dialog: Dialog, name: str, organisation: str = "Ministère C", manager: str = "") -> str:
    """`name` applies as a mentor (another organisation than the mentees', 20 years)."""
    form = list(MENTOR_FORM)
    form[0] = organisation
    if manager:
        form[2] = manager
    return apply(dialog, name, "2", form)


def lines_of(said: str, name: str) -> str:
    return "\n".join(line for line in said.splitlines() if line.startswith(f"[{name}] "))


def offered(said: str, mentee: str) -> list[str]:
    """The mentors `mentee` was offered to pick in `said`, in order."""
    return re.findall(rf"Choisir \d+{NNBSP}: (\w+)$", lines_of(said, mentee), re.MULTILINE)


def number(said: str, mentee: str, name: str) -> str:
    """The number of `name` among the last proposals `mentee` was shown."""
    found = re.findall(rf"Choisir (\d+){NNBSP}: {name}$", lines_of(said, mentee), re.MULTILINE)
    assert found, said
    return found[-1]


def formed(dialog: Dialog, said: str, mentee: str, name: str, *, signed: bool = False) -> str:
    """`mentee` picks `name` among the proposals in `said`; the mentor accepts (and both sign)."""
    script = f"@{mentee}\n{number(said, mentee, name)}\n@{name}\n1"
    if signed:
        script += f"\n1\n@{mentee}\n1"
    out = dialog(script)
    assert f"[{mentee}] Bonne nouvelle{NNBSP}: {name} a accepté" in out, out
    if signed:
        assert "Votre binôme est lancé" in out, out
    return out


def waits_then_gets_the_next_mentor(dialog: Dialog, mentee: str, left: set[str]) -> None:
    """/status says the mentee waits; a mentor who arrives is proposed, not those left."""
    assert WAITING in dialog(f"@{mentee}\n/status")
    said = mentor(dialog, "zed")
    told = lines_of(said, mentee)
    assert NEW_MENTORS in told, said
    assert offered(said, mentee) == ["zed"], said
    assert not left & set(offered(said, mentee))


def test_a_mentor_who_withdraws_leaves_the_mentee_fresh_proposals(dialog: Dialog) -> None:
    mentor(dialog, "marc")
    mentor(dialog, "nina")
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    assert sorted(offered(said, "lea")) == ["marc", "nina"]
    formed(dialog, said, "lea", "marc")
    said = dialog("@marc\n/withdraw\n1\n-")
    assert "[lea] marc a quitté votre binôme" in said
    assert offered(said, "lea") == ["nina"], "shown before and not picked: proposed again"
    formed(dialog, said, "lea", "nina")
    said = dialog("@nina\n/withdraw\n1\n-")
    assert NO_MENTOR in lines_of(said, "lea") and offered(said, "lea") == []
    waits_then_gets_the_next_mentor(dialog, "lea", {"marc", "nina"})


def test_a_reported_link_leaves_the_mentee_fresh_proposals(dialog: Dialog) -> None:
    mentor(dialog, "marc")
    mentor(dialog, "nina")
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    formed(dialog, said, "lea", "marc", signed=True)
    said = dialog("@marc\n2")
    assert "[lea] Un lien ou un enjeu professionnel a été signalé" in said
    assert offered(said, "lea") == ["nina"], said
    formed(dialog, said, "lea", "nina", signed=True)  # lea signed before: her "1" consents
    said = dialog("@nina\n2")
    assert "[lea] Un lien ou un enjeu professionnel a été signalé" in said
    assert NO_MENTOR in lines_of(said, "lea") and offered(said, "lea") == []
    waits_then_gets_the_next_mentor(dialog, "lea", {"marc", "nina"})


def test_a_mentor_who_erases_leaves_the_mentee_fresh_proposals(dialog: Dialog) -> None:
    mentor(dialog, "marc")
    mentor(dialog, "nina")
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    formed(dialog, said, "lea", "marc", signed=True)
    said = dialog("@marc\n/erase\n1") + dialog("@lea\n/help")
    assert "votre mentor a quitté le programme" in lines_of(said, "lea"), said
    assert offered(said, "lea") == ["nina"], said
    formed(dialog, said, "lea", "nina", signed=True)
    said = dialog("@nina\n/erase\n1") + dialog("@lea\n/help")
    told = lines_of(said, "lea")
    assert "votre mentor a quitté le programme" in told and NO_MENTOR in told, said
    assert offered(said, "lea") == []
    waits_then_gets_the_next_mentor(dialog, "lea", set())


def test_none_suits_me_gives_fresh_proposals_never_the_refused_ones(dialog: Dialog) -> None:
    dialog("@admin\n/help")
    for name in ("marc", "nina", "paul", "jean"):
        mentor(dialog, name)
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    refused = set(offered(said, "lea"))
    assert len(refused) == 3
    said = dialog(f"@lea\n{NONE_SUITS}")
    assert "je ne vous proposerai plus ces mentors. Voici d'autres propositions" in said, said
    fresh = offered(said, "lea")
    assert len(fresh) == 1 and not refused & set(fresh), said
    assert "[admin]" not in said, "the coordinators are told only when nobody fits"
    said = dialog(NONE_SUITS)
    assert "Les coordinateurs sont prévenus" in lines_of(said, "lea")
    assert "[admin] lea n'a retenu aucun des mentors proposés" in said
    assert offered(said, "lea") == []
    assert "Aucun des mentors proposés ne vous convenait" in dialog("@lea\n/status")
    said = mentor(dialog, "zed")
    assert NEW_MENTORS in lines_of(said, "lea") and offered(said, "lea") == ["zed"], said


def test_a_mentor_who_declines_leaves_fresh_proposals_then_the_truth(dialog: Dialog) -> None:
    mentor(dialog, "marc")
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    assert offered(said, "lea") == ["marc"]
    said = mentor(dialog, "nina")
    assert "[lea]" not in said, "lea has a proposal to pick from: nothing to say"
    said = dialog("@lea\n1\n@marc\n2")
    told = lines_of(said, "lea")
    assert "marc ne peut pas vous accompagner cette fois. Je vous propose d'autres mentors" in told
    assert offered(said, "lea") == ["nina"], said
    said = dialog(f"@marc\n-\n@lea\n{number(said, 'lea', 'nina')}\n@nina\n2")
    told = lines_of(said, "lea")
    assert "nina ne peut pas vous accompagner cette fois." in told and NO_MENTOR in told, said
    assert "Je vous propose d'autres mentors" not in told, "never promised when none fits"
    waits_then_gets_the_next_mentor(dialog, "lea", {"marc", "nina"})


def test_a_silent_mentor_is_skipped_for_fresh_proposals_then_the_truth(
    dialog: Dialog, engine: Engine
) -> None:
    mentor(dialog, "marc")
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    mentor(dialog, "nina")
    dialog("@lea\n1")
    assert run_sweeps(engine, utcnow() + timedelta(days=4))["expire_requests"] == 1
    said = dialog("@lea\n/help")
    assert "marc n'a pas répondu à temps. Je vous propose d'autres mentors" in said, said
    assert offered(said, "lea") == ["nina"], said
    dialog(f"@lea\n{number(said, 'lea', 'nina')}")
    assert run_sweeps(engine, utcnow() + timedelta(days=8))["expire_requests"] == 1
    said = dialog("@lea\n/help")
    told = lines_of(said, "lea")
    assert "nina n'a pas répondu à temps." in told and NO_MENTOR in told, said
    assert "Je vous propose d'autres mentors" not in told, "never promised when none fits"
    assert offered(said, "lea") == []
    waits_then_gets_the_next_mentor(dialog, "lea", {"marc", "nina"})


def test_a_mentee_who_applied_before_any_mentor_gets_the_first_who_fits(dialog: Dialog) -> None:
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    assert NO_MENTOR in said
    assert "Je vous écris dès qu'un mentor qui vous correspond est disponible" in said, said
    assert WAITING in dialog("@lea\n/status")
    said = mentor(dialog, "boss", manager="lea")
    assert "[lea]" not in said, "a mentor in her line of management does not fit"
    said = mentor(dialog, "marc")
    assert NEW_MENTORS in lines_of(said, "lea") and offered(said, "lea") == ["marc"], said


def test_a_freed_place_goes_to_the_mentee_waiting_for_it(dialog: Dialog) -> None:
    mentor(dialog, "marc")
    said = apply(dialog, "lea", "1", MENTEE_FORM)
    formed(dialog, said, "lea", "marc")
    said = apply(dialog, "zoe", "1", MENTEE_FORM)
    assert NO_MENTOR in said
    said = dialog("@lea\n/withdraw\n1\n-")
    assert PLACE_FREED in lines_of(said, "zoe") and offered(said, "zoe") == ["marc"], said
    assert offered(said, "lea") == [], "lea is asked whether she wants another mentor"


def test_a_mentee_who_erases_frees_the_place_for_the_mentee_waiting(dialog: Dialog) -> None:
    mentor(dialog, "marc")
    apply(dialog, "lea", "1", MENTEE_FORM)
    dialog("@lea\n1")
    assert NO_MENTOR in apply(dialog, "zoe", "1", MENTEE_FORM), "marc's place is held"
    said = dialog("@lea\n/erase\n1") + dialog("@zoe\n/help")
    assert "n'est plus d'actualité" in lines_of(said, "marc")
    assert PLACE_FREED in lines_of(said, "zoe") and offered(said, "zoe") == ["marc"], said
