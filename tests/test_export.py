"""`/export`: a JSON file a person can read (names, local dates, words) and a short summary,
holding the person's own data only."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Dialog
from tests.journey import active_pair

pytestmark = pytest.mark.usefixtures("programme")

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
CODES = ("in_person", "awaiting_charter", "no_show", "meeting_note", "action_items", "video")
NOTE = "Elle hésite entre deux postes"


def exported(dialog: Dialog, who: str) -> tuple[str, Any, str]:
    """What `who` is told on /export, the file's data, and its raw text."""
    said = dialog(f"@{who}\n/export")
    path = Path(said.split("-> ")[1].rsplit(" (", 1)[0])
    raw = path.read_text(encoding="utf-8")
    return said, json.loads(raw), raw


def a_pair_that_met(dialog: Dialog) -> None:
    active_pair(dialog)
    dialog("@lea\n/meeting\nPlanifier une rencontre\nmardi prochain 14h\n1\n45\n2")
    answers = ["hier 10h", "1", "90", "2", "1, 4", "télétravail, budget", NOTE, "Appeler Paul"]
    dialog("\n".join(["@lea", "/meeting", "Noter une rencontre qui a eu lieu", *answers]))


def keys_of(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [*data, *(k for value in data.values() for k in keys_of(value))]
    if isinstance(data, list):
        return [k for value in data for k in keys_of(value)]
    return []


def assert_readable(raw: str, data: Any) -> None:
    assert not ISO_DAY.search(raw), ISO_DAY.search(raw)
    assert not [k for k in keys_of(data) if k.endswith("_id") or k in ("id", "person_id")]
    assert not [code for code in CODES if f'"{code}"' in raw]
    assert "ciphertext" not in raw and "user_key" not in raw


def test_the_french_export_reads_in_french_with_names_and_local_dates(dialog: Dialog) -> None:
    a_pair_that_met(dialog)
    said, data, raw = exported(dialog, "lea")
    assert "[lea] Voici ce que je conserve à votre sujet\u202f:" in said
    assert "[lea] • 1 binôme" in said
    assert "[lea] • 2 rencontres, dont une tenue" in said
    assert re.search(r"\[lea\] • \d+ notes? privée", said)
    assert data["Vous"]["Nom"] == "lea" and data["Vous"]["Langue"] == "Français"
    [pair] = data["Binômes"]
    assert (pair["Mentor"], pair["Mentoré"], pair["État"]) == ("marc", "lea", "en cours")
    planned, held = sorted(data["Rencontres"], key=lambda m: m["Statut"])
    assert planned["Statut"] == "prévue" and held["Statut"] == "tenue"
    assert planned["Avec"] == "marc" and planned["Durée"] == "45 min"
    assert planned["Format"] == "En présentiel"
    assert re.fullmatch(r"mardi \d{1,2}(er)? \w+ \d{4}, 14:00", planned["Date"])
    assert NOTE in raw
    assert_readable(raw, data)


def test_the_english_export_reads_in_english(dialog: Dialog) -> None:
    a_pair_that_met(dialog)
    dialog("@marc\n/language en")
    said, data, raw = exported(dialog, "marc")
    assert "[marc] Here is what I keep about you:" in said
    assert "[marc] • 2 meetings, one of them held" in said
    assert "octets" not in said and re.search(r"\(\d[\d.]* (bytes|KB)\)", said)
    assert data["You"]["Language"] == "English"
    [pair] = data["Pairs"]
    assert (pair["Mentor"], pair["Mentee"], pair["State"]) == ("marc", "lea", "under way")
    assert sorted(m["Status"] for m in data["Meetings"]) == ["held", "planned"]
    assert all(m["With"] == "lea" for m in data["Meetings"])
    assert not re.search(r"\b(rencontre|binôme|prévue|Visioconférence)\b", raw)
    assert_readable(raw, data)


def test_someone_with_nothing_yet_is_told_so_plainly(dialog: Dialog) -> None:
    said, data, raw = exported(dialog, "nina")
    assert "[nina] Votre parcours de mentorat est encore vide" in said
    assert data["Vous"]["Nom"] == "nina"
    assert_readable(raw, data)
