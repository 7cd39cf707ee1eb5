"""`/status` in every state a person can be in, built through the real flows in the console, in
French and in English: it names the state, offers a way forward (a button or a command), and
says nothing of any other state."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, MENTOR_FORM
from tests.lifecycle_data import cli

pytestmark = pytest.mark.usefixtures("programme")

Build = Callable[[Dialog], str]

# What identifies each state's /status, in each language.
SAYS: dict[str, dict[str, str]] = {
    "no_programme": {
        "fr": "Vous ne participez encore à aucun programme",
        "en": "You are not taking part in any programme yet",
    },
    "invited": {
        "fr": "Vous êtes invité au programme «\u202fProgramme de mentorat (démonstration)\u202f»",
        "en": "You are invited to the programme “Programme de mentorat (démonstration)”",
    },
    "in_form": {
        "fr": "Vous êtes au milieu d'un formulaire",
        "en": "You are in the middle of a form",
    },
    "ineligible": {
        "fr": "Votre candidature de mentor au programme «\u202fProgramme de mentorat "
        "(démonstration)\u202f» n'a pas pu être retenue",
        "en": "Your application as mentor to the programme “Programme de mentorat "
        "(démonstration)” could not be accepted",
    },
    "mentor_available": {
        "fr": "Votre candidature de mentor au programme «\u202fProgramme de mentorat "
        "(démonstration)\u202f» est retenue",
        "en": "Your mentor application to the programme “Programme de mentorat "
        "(démonstration)” is accepted",
    },
    "waiting_proposals": {
        "fr": "j'attends qu'un mentor disponible corresponde à votre profil",
        "en": "I am waiting for an available mentor who fits your profile",
    },
    "choosing": {
        "fr": "Des mentors vous ont été proposés",
        "en": "Mentors have been proposed to you",
    },
    "none_suited": {
        "fr": "Aucun des mentors proposés ne vous convenait",
        "en": "None of the proposed mentors suited you",
    },
    "request_sent": {"fr": "Votre demande est chez marc", "en": "Your request is with marc"},
    "request_received": {
        "fr": "lea vous a choisi comme mentor",
        "en": "lea chose you as their mentor",
    },
    "charter_to_sign": {
        "fr": "il vous reste à accepter la charte",
        "en": "what remains is to accept the charter",
    },
    "charter_waiting": {
        "fr": "j'attends que lea l'accepte aussi",
        "en": "I am waiting for lea to accept it too",
    },
    "consent_to_give": {
        "fr": "confirmez d'abord votre engagement",
        "en": "first confirm your commitment",
    },
    "objectives_to_set": {
        "fr": "Prochaine étape\u202f: fixer vos objectifs ensemble",
        "en": "Next step: set your objectives together",
    },
    "active": {
        "fr": "Prochaine étape\u202f: planifier votre prochaine rencontre",
        "en": "Next step: plan your next meeting",
    },
    "paused": {"fr": "est en pause jusqu'au", "en": "is paused until"},
    "withdrew": {
        "fr": "Vous avez quitté votre binôme avec marc le",
        "en": "You left your pair with marc on",
    },
    "left_by_partner": {
        "fr": "lea a quitté votre binôme le",
        "en": "lea left your pair on",
    },
}

# A button (a numbered option in the console) or a command, per language.
WAY_FORWARD = {
    "fr": ("   1. ", "/"),
    "en": ("   1. ", "/"),
}


def _lang(dialog: Dialog, lang: str, *names: str) -> None:
    for name in names:
        dialog(f"@{name}\n/language {lang}")


def _apply(dialog: Dialog, name: str, role: str, answers: list[str]) -> None:
    dialog("\n".join([f"@{name}", "/apply", role, *answers]))


def _mentor_and_mentee(dialog: Dialog) -> None:
    _apply(dialog, "marc", "2", MENTOR_FORM)
    _apply(dialog, "lea", "1", MENTEE_FORM)


def _signed(dialog: Dialog) -> None:
    _mentor_and_mentee(dialog)
    dialog("@lea\n1\n@marc\n1\n1\n@lea\n1")


def _agreed(dialog: Dialog) -> None:
    _signed(dialog)
    dialog("@marc\n1\n@lea\n1\n@lea\n1\nRéussir ma prise de poste\n2\n1\n1")


def no_programme(dialog: Dialog) -> str:
    return "lea"


def invited(dialog: Dialog) -> str:
    dialog("@lea\n/start demo")
    return "lea"


def in_form(dialog: Dialog) -> str:
    dialog("@lea\n/apply\n1\nAgence B")
    return "lea"


def ineligible(dialog: Dialog) -> str:
    _apply(dialog, "lea", "2", MENTEE_FORM)
    return "lea"


def mentor_available(dialog: Dialog) -> str:
    _apply(dialog, "marc", "2", MENTOR_FORM)
    return "marc"


def waiting_proposals(dialog: Dialog) -> str:
    _apply(dialog, "lea", "1", MENTEE_FORM)
    return "lea"


def choosing(dialog: Dialog) -> str:
    _mentor_and_mentee(dialog)
    return "lea"


def none_suited(dialog: Dialog) -> str:
    _mentor_and_mentee(dialog)
    dialog("@lea\n3")
    return "lea"


def request_sent(dialog: Dialog) -> str:
    _mentor_and_mentee(dialog)
    dialog("@lea\n1")
    return "lea"


def request_received(dialog: Dialog) -> str:
    request_sent(dialog)
    return "marc"


def charter_to_sign(dialog: Dialog) -> str:
    request_sent(dialog)
    dialog("@marc\n1")
    return "lea"


def charter_waiting(dialog: Dialog) -> str:
    request_sent(dialog)
    dialog("@marc\n1\n1")
    return "marc"


def consent_to_give(dialog: Dialog) -> str:
    _signed(dialog)
    return "lea"


def objectives_to_set(dialog: Dialog) -> str:
    _signed(dialog)
    dialog("@marc\n1\n@lea\n1")
    return "lea"


def active(dialog: Dialog) -> str:
    _agreed(dialog)
    return "lea"


def paused(dialog: Dialog) -> str:
    _agreed(dialog)
    dialog("@lea\n/pause\ndans 3 mois\n1")
    return "marc"


def withdrew(dialog: Dialog) -> str:
    _agreed(dialog)
    dialog("@lea\n/withdraw\n1\n-")
    return "lea"


def left_by_partner(dialog: Dialog) -> str:
    withdrew(dialog)
    return "marc"


def choosing_after_the_mentor_left(dialog: Dialog) -> str:
    _agreed(dialog)
    _apply(dialog, "nina", "2", ["Ministère C", *MENTOR_FORM[1:]])
    dialog("@marc\n/withdraw\n1\n-")
    return "lea"


BUILDS: dict[str, tuple[str, Build]] = {
    build.__name__: (build.__name__, build)
    for build in (
        no_programme, invited, in_form, ineligible, mentor_available, waiting_proposals,
        choosing, none_suited, request_sent, request_received, charter_to_sign,
        charter_waiting, consent_to_give, objectives_to_set, active, paused, withdrew,
        left_by_partner,
    )
} | {"choosing_after_the_mentor_left": ("choosing", choosing_after_the_mentor_left)}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("case", list(BUILDS))
def test_status_names_the_state_and_a_way_forward(dialog: Dialog, case: str, lang: str) -> None:
    _lang(dialog, lang, "marc", "lea", "nina")
    state, build = BUILDS[case]
    speaker = build(dialog)
    said = dialog(f"@{speaker}\n/status")
    mine = [line for line in said.splitlines() if line.startswith(f"[{speaker}] ")]
    text = "\n".join(mine)
    assert SAYS[state][lang] in text, text
    others = [name for name, says in SAYS.items() if name != state and says[lang] in text]
    assert others == [], text
    button, command = WAY_FORWARD[lang]
    assert button in text or command in text, text


def test_after_a_withdrawal_both_still_read_their_meeting_log_but_no_private_reason(
    dialog: Dialog,
) -> None:
    _agreed(dialog)
    answers = ["hier 10h", "1", "90", "2", "1", "budget", "Notre note de binôme", "Appeler Paul"]
    dialog("\n".join(["@marc", "/meeting", "Noter une rencontre qui a eu lieu", *answers]))
    dialog("@lea\n/withdraw\n1\nMa raison confidentielle")
    said = dialog("@lea\n/meeting")
    assert "Votre binôme est terminé" in said and "1. Mes anciennes rencontres" in said
    said = dialog("1")
    assert "[lea] Votre journal de rencontres avec marc\u202f:" in said
    assert "Notre note de binôme" in said and "Appeler Paul" in said
    said = dialog("@marc\n/pastmeetings")
    assert "Votre journal de rencontres avec lea" in said and "Notre note de binôme" in said
    assert "Ma raison confidentielle" not in said
    said = dialog("@marc\n/status\n1")
    assert "Votre journal de rencontres avec lea" in said


@pytest.mark.parametrize("admin", [True, False])
def test_a_withdrawal_promises_only_who_is_told_and_what_is_to_come(
    dialog: Dialog, admin: bool
) -> None:
    if admin:
        dialog("@admin\n/help")
    _agreed(dialog)
    said = dialog("@lea\n/withdraw")
    if admin:
        assert "Votre binôme et les coordinateurs du programme seront prévenus." in said
    else:
        assert "Votre binôme sera prévenu." in said and "coordinateurs" not in said
    assert "référent" not in said
    said = dialog("1")
    assert "Une dernière rencontre pour clore l'échange est bienvenue." in said
    assert "Vous recevrez le questionnaire de fin de parcours." in said
    told = "\n".join(line for line in said.splitlines() if line.startswith("[marc]"))
    assert ("Les coordinateurs sont prévenus." in told) is admin
    assert "référent" not in told
    assert "Vous recevrez le questionnaire de fin de parcours" in dialog("@lea\n-\n2\n/status")


def test_leaving_a_pair_that_never_started_promises_no_questionnaire(dialog: Dialog) -> None:
    _apply(dialog, "marc", "2", MENTOR_FORM)
    _apply(dialog, "lea", "1", MENTEE_FORM)
    dialog("@lea\n1\n@marc\n1")
    said = dialog("@lea\n/withdraw\n1")
    assert "C'est noté, vous quittez ce binôme." in said
    assert "questionnaire" not in said and "dernière rencontre" not in said
    said = dialog("@lea\n-\n2\n/status")
    assert "Vous avez quitté votre binôme avec marc" in said
    assert "questionnaire" not in said.split("Vous avez quitté")[1]


def test_none_suits_me_then_status_waits_for_new_proposals_and_old_buttons_are_gone(
    dialog: Dialog,
) -> None:
    none_suited(dialog)
    said = dialog("@lea\n/proposals")
    assert "Vous n'avez pas de proposition de mentor en attente." in said
    said = dialog("@lea\n/status")
    assert "Aucun des mentors proposés ne vous convenait" in said
    assert "il vous reste à choisir" not in said


def test_a_pair_with_a_referent_is_told_its_referent_is(dialog: Dialog, db_url: str) -> None:
    _agreed(dialog)
    dialog("@rita\n/help")
    for args in (
        ("role", "grant", "referent", "console:rita", "--programme", "demo"),
        ("referents", "assign", "--programme", "demo", "--pair", "1", "--referent", "console:rita"),
    ):
        code, printed = cli(db_url, *args)
        assert code == 0, printed
    said = dialog("@marc\n/withdraw")
    assert "Votre binôme et votre référent seront prévenus." in said
    said = dialog("1")
    assert "[lea] marc a quitté votre binôme. Votre référent est prévenu." in said
    assert "[rita] Le mentor marc a quitté son binôme avec lea" in said
