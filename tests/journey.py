"""Scripts that bring people to a given point of the journey, through the console."""

from __future__ import annotations

from tests.conftest import Dialog

MENTOR_FORM = [
    "Ministère A", "DRH", "Paul Durand", "Directeur", "20", "4", "Lyon",
    "1, 2, 4", "Partager mon expérience", "Transmettre", "Mardis après-midi", "1", "1, 2",
]  # fmt: skip
MENTEE_FORM = [
    "Agence B", "-", "Sophie Martin", "Cheffe de service", "3", "1", "Lyon",
    "1, 2", "Prendre du recul", "Progresser", "Le matin", "1", "1",
]  # fmt: skip


def apply(dialog: Dialog, name: str, role: str, answers: list[str]) -> str:
    """`name` applies in `role` ("1" mentee, "2" mentor, "3" both) with `answers`."""
    return dialog("\n".join([f"@{name}", "/apply", role, *answers]))


def active_pair(dialog: Dialog, mentor: str = "marc", mentee: str = "lea") -> str:
    """A mentor and a mentee applied, picked, accepted and signed: the pair is active."""
    said = apply(dialog, mentor, "2", MENTOR_FORM)
    said += apply(dialog, mentee, "1", MENTEE_FORM)
    said += dialog(f"@{mentee}\n1\n@{mentor}\n1\n1\n@{mentee}\n1")
    assert "Votre binôme est lancé" in said, said
    return said
