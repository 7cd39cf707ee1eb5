"""`/status` once the programme has ended, in French and in English: a member of a completed
pair is told what is left (review, questionnaire) and keeps the log; someone whose pair never
formed is told the programme is over. Both get a way forward, and no other state's text."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from bot.sweeps import run_sweeps
from handlers.core import Core
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, MENTOR_FORM, apply
from tests.lifecycle_data import AFTER_END, BEFORE_CLOSE, apply_programme, programme_file

SAYS = {
    "completed": {
        "fr": "votre binôme avec marc s'est achevé le",
        "en": "your pair with marc was completed on",
    },
    "programme_ended": {
        "fr": "«\u202fMentorat des cadres 2031\u202f» est terminé. Merci",
        "en": '"Mentorat des cadres 2031" has ended. Thank you',
    },
}
STALE = {
    "fr": ("j'attends qu'un mentor", "Votre candidature\u202f:", "Prochaine étape"),
    "en": ("I am waiting for an available mentor", "Your application:", "Next step"),
}
LOG = {"fr": "Revoir notre journal", "en": "See our log"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_status_after_the_end_of_the_programme(
    core: Core, dialog: Dialog, db_url: str, engine: Engine, tmp_path: Path, lang: str
) -> None:
    apply_programme(db_url, programme_file(tmp_path, matching='"on_apply"', waves=False))
    core.clock = lambda: BEFORE_CLOSE
    for name in ("marc", "lea", "zoe"):
        dialog(f"@{name}\n/language {lang}")
    apply(dialog, "marc", "2", MENTOR_FORM)
    apply(dialog, "lea", "1", MENTEE_FORM)
    dialog("@lea\n1\n@marc\n1\n1\n@lea\n1")
    apply(dialog, "zoe", "1", MENTEE_FORM)
    run_sweeps(engine, AFTER_END)
    core.clock = lambda: AFTER_END + timedelta(hours=1)
    for who, state, forward in (("lea", "completed", LOG[lang]), ("zoe", "programme_ended", "")):
        said = dialog(f"@{who}\n/status")
        text = "\n".join(line for line in said.splitlines() if line.startswith(f"[{who}] "))
        assert SAYS[state][lang] in text, text
        assert all(says[lang] not in text for name, says in SAYS.items() if name != state)
        assert all(stale not in text for stale in STALE[lang]), text
        assert "   1. " in text and forward in text, text


@pytest.mark.parametrize(
    ("lang", "says", "heading"),
    [
        ("1", "aucun n'accepte de candidatures pour le moment", "Voici les commandes"),
        ("2", "none is taking applications at the moment", "Here are the commands"),
    ],
)
def test_with_no_programme_open_status_offers_no_dead_end(
    dialog: Dialog, lang: str, says: str, heading: str
) -> None:
    """No programme to apply to: /status says so and its button leads to the help, not to an
    application that cannot start."""
    dialog(f"@lea\n/start\n{lang}")
    assert says in dialog("@lea\n/status")
    assert heading in dialog("@lea\n1")
