"""A programme's matching preferences (`in_person`, `[weights]`): the file, the chat form, the
stored programme, and the reasons a mentee reads, in French and in English."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from bot.cli import app
from bot.domain.hard_rules import RULES
from bot.domain.matching import Profile
from bot.domain.places import locate
from bot.domain.preferences import Weights, explain
from bot.domain.programme_settings import WEIGHT_KEYS, MatchWeights, read_toml, to_toml
from messages.catalog import join_clauses, t
from storage.models import Programme
from tests.conftest import Dialog
from tests.test_typography import ENGLISH_SPACED, french_faults

runner = CliRunner()
NARROW, NO_BREAK = "\u202f", "\u00a0"
FILE = """\
slug = "proches-2027"
name = "Mentorat de proximité"
in_person = true

[weights]
topics = 5
distance = 4.5
organisation = 0
"""


def cli(db_url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", db_url])
    return result.exit_code, result.output


def programme_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "programme.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_weights_are_the_engines_with_its_defaults() -> None:
    assert tuple(MatchWeights.model_fields) == WEIGHT_KEYS
    assert MatchWeights().model_dump() == asdict(Weights())


def test_a_file_with_weights_and_in_person_loads_and_round_trips() -> None:
    settings = read_toml(FILE)
    assert not isinstance(settings, list), settings
    assert settings.in_person is True
    weights = settings.weights.model_dump()
    assert Weights.of(weights) == Weights(topics=5, distance=4.5, organisation=0)
    again = read_toml(to_toml(settings))
    assert again == settings
    plain = read_toml('slug = "p"\nname = "P"\n')
    assert not isinstance(plain, list)
    assert plain.in_person is False and plain.weights.model_dump() == asdict(Weights())


@pytest.mark.parametrize(
    ("line", "key", "said"),
    [
        ("topics = 11", "weights.topics", "a weight is a number from 0 to 10"),
        ("distance = -1", "weights.distance", "a weight is a number from 0 to 10"),
        ('format = "x"', "weights.format", "a weight is a number from 0 to 10"),
        ("experience = true", "weights.experience", "a weight is a number from 0 to 10"),
        ("availability = nan", "weights.availability", "a weight is a number from 0 to 10"),
        ("colour = 2", "weights.colour", "unknown weight: the weights are topics, expectations"),
    ],
)
def test_a_wrong_weight_is_refused_naming_its_key(line: str, key: str, said: str) -> None:
    errors = read_toml(f'slug = "p"\nname = "P"\n[weights]\n{line}\n')
    assert isinstance(errors, list)
    assert [(e.key, e.message[: len(said)]) for e in errors] == [(key, said)]


def test_the_programme_stores_its_preferences_and_prints_them_back(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    path = programme_file(tmp_path, FILE)
    code, said = cli(db_url, "programme", "apply", str(path))
    assert code == 0, said
    with Session(engine) as session:
        programme = session.exec(select(Programme)).one()
        assert programme.in_person is True
        assert Weights.of(programme.weights) == Weights(topics=5, distance=4.5, organisation=0)
    code, shown = cli(db_url, "programme", "show", "proches-2027", "--toml")
    assert code == 0, shown
    assert "in_person = true" in shown and "[weights]" in shown and "distance = 4.5" in shown
    path.write_text(shown, encoding="utf-8")
    code, said = cli(db_url, "programme", "apply", str(path))
    assert code == 0 and "unchanged" in said, said
    path.write_text(shown.replace("distance = 4.5", "distance = 1.0"), encoding="utf-8")
    code, said = cli(db_url, "programme", "apply", str(path))
    assert code == 0 and "updated: weights" in said, said
    with Session(engine) as session:
        assert session.exec(select(Programme)).one().weights["distance"] == 1.0


def test_a_file_with_wrong_weights_saves_nothing_and_names_each_key(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    path = programme_file(
        tmp_path,
        'slug = "p"\nname = "P"\nin_person = "oui"\n'
        '[weights]\ntopics = 11\ndistance = -1\nformat = "x"\ncolour = 2\n',
    )
    code, said = cli(db_url, "programme", "apply", str(path))
    assert code == 2
    for key in ("in_person", "weights.topics", "weights.distance", "weights.format"):
        assert f"programme.toml: {key}: " in said, (key, said)
    assert "weights.colour: unknown weight: the weights are topics, expectations" in said
    with Session(engine) as session:
        assert session.exec(select(Programme)).all() == []


@pytest.mark.parametrize(
    ("language", "section", "shown", "asked", "hint", "changed"),
    [
        (
            "Français",
            f"Programme{NARROW}: réglages, ouverture\nModifier les réglages",
            f"par mentor{NARROW}; rencontres en personne, la distance compte",
            f"Les rencontres se font-elles de préférence en personne{NARROW}?",
            "se règle dans le fichier du programme",
            "est modifié : Les rencontres se font-elles de préférence en personne",
        ),
        (
            "English",
            "Programme: settings, opening\nEdit the settings",
            "per mentor; meetings in person, distance counts",
            "Do pairs preferably meet in person?",
            "is set in the programme file",
            "updated: Do pairs preferably meet in person?",
        ),
    ],
)
def test_the_chat_form_sets_in_person_and_keeps_the_files_weights(
    dialog: Dialog,
    db_url: str,
    engine: Engine,
    tmp_path: Path,
    language: str,
    section: str,
    shown: str,
    asked: str,
    hint: str,
    changed: str,
) -> None:
    assert cli(db_url, "programme", "apply", str(programme_file(tmp_path, FILE)))[0] == 0
    dialog(f"@admin\n/language\n{language}")
    said = dialog(f"/admin\n{section}\n" + "\n".join(["="] * 15))
    assert shown in said and asked in said and hint in said, said
    said = dialog("2\n" + "\n".join(["="] * 12))
    assert changed.replace(" : ", f"{NARROW}: ") in said, said
    with Session(engine) as session:
        programme = session.exec(select(Programme)).one()
        assert programme.in_person is False
        assert Weights.of(programme.weights) == Weights(topics=5, distance=4.5, organisation=0)


REASONS = {
    "reason-topics": {"topics": "budget, RH"},
    "reason-expectations": {},
    "reason-experience": {"years": 12},
    "reason-format": {},
    "reason-availability": {},
    "reason-other-organisation": {},
    "reason-other-unit": {},
    "reason-same-city": {"city": "Lyon"},
    "reason-distance": {"km": 35},
    "reason-committee": {},
}


def english_faults(text: str) -> list[str]:
    return [match.group(0) for match in ENGLISH_SPACED.finditer(text)]


@pytest.mark.parametrize("key", sorted(REASONS))
def test_every_reason_reads_well_in_both_languages(key: str) -> None:
    french, english = t("fr", key, **REASONS[key]), t("en", key, **REASONS[key])
    assert french != english and "{" not in french + english and "reason-" not in french
    assert french_faults(french) == [] and english_faults(english) == []
    assert not french[0].isupper() and not english[0].isupper()  # clauses of one sentence


def test_reasons_count_and_measure_in_each_language() -> None:
    assert t("fr", "reason-topics", topics="budget, RH") == f"sujets en commun{NARROW}: budget, RH"
    assert t("fr", "reason-experience", years=1) == "1 an d'expérience"
    assert t("fr", "reason-experience", years=12) == "12 ans d'expérience"
    assert t("en", "reason-experience", years=1) == "1 year of experience"
    assert t("en", "reason-experience", years=12) == "12 years of experience"
    assert t("fr", "reason-distance", km=35) == f"à 35{NO_BREAK}km de votre ville"
    assert t("fr", "reason-distance", km=1234) == f"à 1{NARROW}234{NO_BREAK}km de votre ville"
    assert t("en", "reason-distance", km=1234) == f"1,234{NO_BREAK}km from your town"


def test_the_reasons_the_engine_gives_make_one_sentence_in_each_language() -> None:
    lyon, grenoble = locate("Lyon"), locate("Grenoble")
    assert lyon is not None and grenoble is not None
    mentee = Profile(
        1, 1, "Léa", organisation="Ville", unit="RH", location="Lyon",
        topics=frozenset({"budget", "RH", "droit"}), formats=frozenset({"video"}), years=2,
        expectations="apprendre à construire un budget et manager une équipe",
        availability="le mardi matin", coordinates=lyon,
    )  # fmt: skip
    mentor = Profile(
        2, 2, "Marc", organisation="Région", unit="Finances", location="Grenoble",
        topics=frozenset({"budget", "RH"}), formats=frozenset({"video", "phone"}), years=20,
        expectations="construire un budget, manager une équipe en transition",
        availability="mardi matin ou jeudi", coordinates=grenoble,
    )  # fmt: skip
    _, reasons = explain(mentee, mentor, Weights(), in_person=True)
    keys = {str(reason["key"]) for reason in reasons}
    assert keys == set(REASONS) - {"reason-committee", "reason-other-unit", "reason-same-city"}
    for locale, faults in (("fr", french_faults), ("en", english_faults)):
        clauses = [
            t(locale, str(r["key"]), **{k: v for k, v in r.items() if k != "key"}) for r in reasons
        ]
        sentence = t(locale, "proposals-why", reasons=join_clauses(clauses, locale))
        assert faults(sentence) == [], sentence
        assert "budget, RH" in sentence and f"93{NO_BREAK}km" in sentence, sentence
    assert f"{NARROW}; " in join_clauses(["a", "b"], "fr")


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_every_rule_that_leaves_mentors_out_is_said(locale: str) -> None:
    faults = french_faults if locale == "fr" else english_faults
    for rule in RULES:
        for count in (1, 3):
            text = t(locale, f"match-left-{rule}", count=count)
            assert text.startswith(f"{count} (") and text.endswith(")"), text
            assert faults(text) == [], text
    assert t("fr", "match-left-declined", count=1) == "1 (déjà refusé par le mentoré)"
    assert t("fr", "match-left-declined", count=2) == "2 (déjà refusés par le mentoré)"
    assert t("en", "match-left-declined", count=2) == "2 (already turned down by the mentee)"
