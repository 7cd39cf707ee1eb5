"""The anonymised synthesis (bot.domain.synthesis) and its text: no figure for a group under 5,
the role breakdown only when every role's group is large enough, free text only when allowed,
sorted and without names (short ones too, when capitalised), e-mail addresses or @mentions."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.domain.questions import DEFAULT_QUESTIONS, MIDTERM, Question
from bot.domain.synthesis import MIN_GROUP, Names, fold, scrub, synthesise
from handlers.wave_texts import Reader, synthesis_text
from messages.catalog import t
from storage.models import Programme, QuestionnaireWave

QUESTIONS = list(DEFAULT_QUESTIONS[MIDTERM])
BY_KEY = {question.key: question for question in QUESTIONS}
NOW = datetime(2027, 6, 20, 12, tzinfo=UTC)


def answer(engagement: int, improve: str = "", rhythm: str = "right") -> dict[str, Any]:
    found: dict[str, Any] = {"engagement": engagement, "rhythm": rhythm}
    return found | ({"improve": improve} if improve else {})


def text_of(synthesis: list[Any], locale: str = "fr") -> str:
    wave = QuestionnaireWave(
        programme_id=1,
        kind=MIDTERM,
        opens_at=NOW - timedelta(days=3),
        closes_at=NOW + timedelta(days=3),
        questions=[q.to_json() for q in QUESTIONS],
    )
    programme = Programme(slug="p", name="Programme P")
    return synthesis_text(Reader(locale, "Europe/Paris", NOW), programme, wave, synthesis)


def section(text: str, question_start: str) -> str:
    """The lines of the question whose wording starts with `question_start`."""
    block = text.split(f"▸ {question_start}", 1)[1]
    return block.split("▸", 1)[0]


def test_four_answers_show_no_figure_and_five_do() -> None:
    four = [
        ("mentee", answer(4)),
        ("mentee", answer(5)),
        ("mentor", answer(2)),
        ("mentor", answer(4)),
    ]
    said = text_of(synthesise(QUESTIONS, four, free_text=True))
    engagement = section(said, "Comment évaluez-vous votre propre engagement")
    assert "Ensemble\u202f: trop peu de réponses pour en montrer quoi que ce soit." in engagement
    assert not re.search(r"\d", engagement), engagement
    assert "Mentors" not in engagement and "Mentorés" not in engagement

    five = [*four, ("mentee", answer(1))]
    said = text_of(synthesise(QUESTIONS, five, free_text=True))
    engagement = section(said, "Comment évaluez-vous votre propre engagement")
    assert "Ensemble\u202f: 5 réponses, moyenne 3,2 sur 5" in engagement
    assert "1\u202f: 1 · 2\u202f: 1 · 3\u202f: 0 · 4\u202f: 2 · 5\u202f: 1" in engagement
    rhythm = section(said, "Le rythme de vos rencontres")
    assert "Il me convient\u202f: 5" in rhythm and "Rencontres trop espacées\u202f: 0" in rhythm
    english = text_of(synthesise(QUESTIONS, five, free_text=True), "en")
    assert "Everyone: 5 answers, mean 3.2 out of 5" in english


def test_roles_are_shown_only_when_every_role_has_five() -> None:
    mentees = [("mentee", answer(5)) for _ in range(5)]
    mentors = [("mentor", answer(1)) for _ in range(4)]
    result = {
        entry.question.key: entry
        for entry in synthesise(QUESTIONS, mentees + mentors, free_text=False)
    }
    assert result["engagement"].overall.answers == 9
    assert result["engagement"].by_role == {}, (
        "5 mentees shown beside 9 overall would give the 4 mentors away"
    )
    said = section(text_of(list(result.values())), "Comment évaluez-vous")
    assert "Mentorés" not in said and "Mentors" not in said and "9 réponses" in said

    result = synthesise(QUESTIONS, [*mentees, *mentors, ("mentor", answer(1))], free_text=False)
    engagement = next(entry for entry in result if entry.question.key == "engagement")
    assert engagement.by_role["mentee"].mean == 5 and engagement.by_role["mentor"].mean == 1
    said = section(text_of(result), "Comment évaluez-vous")
    assert (
        "Mentorés\u202f: 5 réponses, moyenne 5,0" in said
        and "Mentors\u202f: 5 réponses, moyenne 1,0" in said
    )
    expectations = next(entry for entry in result if entry.question.key == "expectations")
    assert expectations.by_role == {}, "a question asked to one role has no breakdown"


def test_a_question_asked_to_one_role_is_labelled_with_that_role() -> None:
    mentees = [("mentee", answer(4) | {"expectations": 4}) for _ in range(5)]
    mentors = [("mentor", answer(2)) for _ in range(5)]
    result = synthesise(QUESTIONS, mentees + mentors, free_text=False)
    said = section(text_of(result), "À ce stade, le mentorat répond-il à vos attentes")
    assert "Mentorés\u202f: 5 réponses, moyenne 4,0 sur 5" in said and "Ensemble" not in said
    english = text_of(result, "en").split("meet your expectations", 1)[1].split("▸")[0]
    assert "Mentees: 5 answers, mean 4.0 out of 5" in english and "Everyone" not in english
    engagement = section(text_of(result), "Comment évaluez-vous")
    assert "Ensemble\u202f: 10 réponses" in engagement, "a question asked to both: everyone"

    four = synthesise(QUESTIONS, mentees[:4] + mentors, free_text=False)
    said = section(text_of(four), "À ce stade, le mentorat répond-il à vos attentes")
    assert "Mentorés\u202f: trop peu de réponses" in said and "Ensemble" not in said


def test_withheld_free_text_says_once_which_setting_quotes_it() -> None:
    answers = [("mentee", answer(3, improve=f"idée {i}")) for i in range(10)]
    for locale in ("fr", "en"):
        said = text_of(synthesise(QUESTIONS, answers, free_text=False), locale)
        setting = t(locale, "pf-free_text_in_synthesis").rstrip("?\u202f ")
        quoted = f"«\u202f{setting}\u202f»" if locale == "fr" else f'"{setting}"'
        assert said.count(quoted) == 1, said
        assert said.endswith(t(locale, "wsyn-text-how")), "once, after the questions"
        assert "idée" not in said
    said = text_of(synthesise(QUESTIONS, answers, free_text=True))
    assert "«\u202fidée 0\u202f»" in said and t("fr", "wsyn-text-how") not in said


def test_free_text_only_when_allowed_sorted_and_without_names() -> None:
    texts = [
        "Plus de temps avec Léa Dupont",
        "Écrire à marc.durand@example.org",
        "Merci @marc pour tout",
        "Des rencontres plus régulières",
        "LEA m'a beaucoup aidé",
    ]
    answers = [("mentee", answer(3, improve=text)) for text in texts]
    names = ["Léa Dupont", "Marc Durand"]
    withheld = text_of(synthesise(QUESTIONS, answers, free_text=False, names=names))
    improve = section(withheld, "Qu'est-ce qui rendrait la suite")
    assert "Ensemble\u202f: 5 réponses libres, non diffusées" in improve
    assert "régulières" not in withheld and "Dupont" not in withheld

    shown = synthesise(QUESTIONS, answers, free_text=True, names=names)
    group = next(entry for entry in shown if entry.question.key == "improve").overall
    assert group.texts == tuple(sorted(group.texts))
    assert set(group.texts) == {
        "Plus de temps avec […]",
        "Écrire à […]",
        "Merci […] pour tout",
        "Des rencontres plus régulières",
        "[…] m'a beaucoup aidé",
    }
    said = text_of(shown)
    assert "«\u202fDes rencontres plus régulières\u202f»" in said and "Léa" not in said


def test_scrub_names_whatever_the_case_and_accents_but_not_inside_words() -> None:
    names = Names.of(["Jean-Pierre Lefèvre", "Li Wu", "Zoé Roy"])
    said = scrub("jean pierre LEFEVRE, li wu et Zoe ; le leadership de Roy, Royaume", names)
    assert said == "[…], […] et […] ; le leadership de […], Royaume", "a full name is one […]"
    assert scrub("Li m'a aidé, le reste suit", names) == "[…] m'a aidé, le reste suit"
    assert scrub("WU et li ont ri", names) == "[…] et li ont ri", "a short lower-case word stays"
    assert scrub("Liane", names) == "Liane", "never inside a word"
    short = Names.of(["Le Goff", "Al Ba"])
    assert (
        scrub("le mentorat. Le Goff et Al ; albatros", short)
        == "le mentorat. […] et […] ; albatros"
    )


def _answers() -> st.SearchStrategy[list[tuple[str, dict[str, Any]]]]:
    one = st.fixed_dictionaries(
        {"engagement": st.integers(1, 5), "rhythm": st.sampled_from(BY_KEY["rhythm"].options)},
        optional={"improve": st.text(max_size=30), "expectations": st.integers(1, 5)},
    )
    return st.lists(st.tuples(st.sampled_from(["mentor", "mentee"]), one), max_size=14)


@settings(max_examples=200, deadline=None)
@given(_answers(), st.booleans())
def test_no_figure_ever_comes_from_a_group_under_five(
    answers: list[tuple[str, dict[str, Any]]], free_text: bool
) -> None:
    for entry in synthesise(QUESTIONS, answers, free_text=free_text):
        question: Question = entry.question
        given_overall = [a for role, a in answers if question.key in a and role in question.roles]
        groups = [(entry.overall, len(given_overall))]
        for role, group in entry.by_role.items():
            groups.append(
                (group, sum(1 for who, a in answers if who == role and question.key in a))
            )
        for group, size in groups:
            if size < MIN_GROUP:
                assert not group.shown and group.answers == 0 and not group.counts
                assert group.mean is None and not group.texts
            else:
                assert group.shown and group.answers == size
        if entry.by_role:
            assert all(group.answers >= MIN_GROUP for group in entry.by_role.values())


LETTERS = st.characters(categories=("Lu", "Ll"))
NAME = (
    st.text(LETTERS, min_size=1, max_size=8)
    .map(lambda name: name[0].upper() + name[1:])
    .filter(lambda name: fold(name).isalpha() and not name[0].islower())
)
WORDS = re.compile(r"[^\W\d_]+")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(NAME, NAME), min_size=1, max_size=4),
    st.lists(st.text(max_size=12), max_size=6),
    st.lists(st.sampled_from([str.upper, str.lower, str.title, str]), min_size=8, max_size=8),
    st.randoms(use_true_random=False),
)
def test_a_given_name_never_survives_in_free_text(
    people: list[tuple[str, str]], filler: list[str], cases: list[Any], rnd: Any
) -> None:
    """Names of every length, as listed, alone or in full, whatever the case of a part of 3
    letters or more (a shorter part with its capital: "le" may be a word)."""
    names = [f"{first} {last}" for first, last in people]
    parts = {fold(part) for pair in people for part in pair}
    assume(not any(set(WORDS.findall(fold(piece))) & parts for piece in filler))
    alone = [part for pair in people for part in pair]
    written = [
        case(part) if len(fold(part)) >= 3 else part
        for case, part in zip(cases * 2, alone, strict=False)
    ]
    pieces = [*filler, *written, *names]
    rnd.shuffle(pieces)
    text = " ".join(pieces)
    answers = [("mentee", answer(3, improve=text)) for _ in range(MIN_GROUP)]
    entry = next(
        e
        for e in synthesise(QUESTIONS, answers, free_text=True, names=names)
        if e.question.key == "improve"
    )
    for shown in entry.overall.texts:
        words = set(WORDS.findall(fold(shown)))
        assert not words & parts, (text, shown, parts)
