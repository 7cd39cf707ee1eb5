"""Questionnaire waves run by coordinators: `/admin questionnaires` in the chat and `mentorbot
wave` / `mentorbot synthesis` on the command line; opening asked first, invitations sent once,
response rates, the anonymised synthesis for admins once a wave has closed, a referent's own
pairs' answers (who asked to talk first), refusals audited, the journal in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select
from typer.testing import CliRunner

from bot.cli import app
from bot.domain.questions import wave_closes
from bot.sweeps import invite_to_open_waves
from handlers.admin_questionnaires import ACTION
from handlers.core import Core
from handlers.ui import Inbound
from handlers.wave_texts import Reader
from messages.catalog import format_local_day
from storage.conversations import open_prompt
from storage.db import session_scope
from storage.enums import PairState
from storage.models import AuditEvent, Outbox, Pair, Programme, QuestionnaireAnswer, RoleGrant
from storage.people import identify
from storage.questionnaires import pair_for_wave, role_in, save_answer
from storage.types import utcnow
from storage.wave_results import programme_waves
from tests.conftest import Dialog

pytestmark = pytest.mark.usefixtures("programme")
runner = CliRunner()
MARKER = "ZQX merci à {name}"
MENTEES = ["Léa Martin", "Inès Roux", "Hugo Petit", "Sarah Blanc", "Tom Girard"]
MENTORS = ["Marc Durand", "Anne Morel", "Paul Lefèvre", "Zoé Faure", "Jean Perrin"]
DASH = "\u2013"  # between a pair's mentee and mentor
NAMES = {f"e{i}": n for i, n in enumerate(MENTEES)} | {f"m{i}": n for i, n in enumerate(MENTORS)}


def cli(db_url: str, *args: str) -> tuple[int, str]:
    """The exit code and the output, its lines joined (the error console wraps at 80)."""
    result = runner.invoke(app, [*args, "--db", db_url], terminal_width=200)
    return result.exit_code, " ".join(result.output.split(" \n"))


def person(session: Session, name: str) -> int:
    found = identify(session, "console", name, display_name=NAMES.get(name, name))
    session.flush()
    assert found.id is not None
    return found.id


def seed(
    engine: Engine, programme: int, pairs: int, referents: dict[int, str] | None = None
) -> None:
    """`pairs` active pairs m0/e0, m1/e1, ... (pair i followed by `referents[i]`), a pair still
    proposed (never asked), an admin "boss" and the referents."""
    referents = referents or {}
    with session_scope(engine) as session:
        session.add(
            RoleGrant(person_id=person(session, "boss"), role="admin", programme_id=programme)
        )
        for name in sorted(set(referents.values())):
            session.add(
                RoleGrant(person_id=person(session, name), role="referent", programme_id=programme)
            )
        follow = {i: person(session, name) for i, name in referents.items()}
        for i in range(pairs):
            session.add(
                Pair(
                    programme_id=programme,
                    mentor_person_id=person(session, f"m{i}"),
                    mentee_person_id=person(session, f"e{i}"),
                    referent_person_id=follow.get(i),
                    state=PairState.active,
                    activated_at=utcnow() - timedelta(days=30),
                )
            )
        session.add(
            Pair(
                programme_id=programme,
                mentor_person_id=person(session, "mx"),
                mentee_person_id=person(session, "ex"),
                state=PairState.proposed,
            )
        )


def answer(
    engine: Engine,
    programme: int,
    kind: str,
    name: str,
    engagement: int,
    talk: str = "no",
    improve: str | None = None,
) -> None:
    """`name` sends (or edits) answers to the wave of `kind`, with a marker in its free text
    unless `improve` says what it is."""
    with session_scope(engine) as session:
        wave = programme_waves(session, programme)[kind]
        who = person(session, name)
        pair = pair_for_wave(session, wave, who)
        assert pair is not None
        values = {
            "engagement": engagement,
            "rhythm": "right",
            "expectations": engagement,  # asked to mentees only: a mentor's is never read
            "improve": MARKER.format(name=NAMES.get(name, name)) if improve is None else improve,
            "referent_talk": talk,
        }
        save_answer(session, wave, pair, who, role_in(pair, who), values, utcnow())


def closing_day() -> str:
    """The day a wave opened now closes, as a French reader in Paris reads it."""
    return format_local_day(wave_closes(utcnow(), "Europe/Paris"), "fr", "Europe/Paris")


def synthesis_outcomes(engine: Engine) -> list[tuple[str, str]]:
    with Session(engine) as session:
        rows = session.exec(
            select(AuditEvent.action, AuditEvent.details)
            .where(AuditEvent.action == "questionnaires.synthesis")
            .order_by(col(AuditEvent.id))
        ).all()
    return [(action, details.get("outcome", "")) for action, details in rows]


def invitations(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(
            select(func.count())
            .select_from(Outbox)
            .where(col(Outbox.dedup_key).startswith("wave:"))
        ).one()


def audited(engine: Engine, prefix: str) -> list[tuple[str, str]]:
    with Session(engine) as session:
        rows = session.exec(
            select(AuditEvent.action, AuditEvent.details)
            .where(col(AuditEvent.action).startswith(prefix))
            .order_by(col(AuditEvent.id))
        ).all()
    return [(action, details.get("via", "")) for action, details in rows]


def test_an_admin_opens_and_closes_a_wave_in_the_chat_and_reads_the_rates(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 3)
    said = dialog("@boss\n/admin questionnaires")
    assert "• questionnaire de mi-parcours\u202f: pas encore ouvert" in said
    assert "1. Ouvrir le questionnaire de mi-parcours" in said
    said = dialog("Ouvrir le questionnaire de mi-parcours")
    until = f"{closing_day()} inclus"
    assert (
        "Ouvrir le questionnaire de mi-parcours et inviter 6 personnes\u202f? "
        f"Il restera ouvert jusqu'au {until}." in said
    ), "the proposed pair is not asked"
    said = dialog("Non, ne rien ouvrir")
    assert "Le questionnaire de mi-parcours n'a pas été ouvert." in said
    assert invitations(engine) == 0
    said = dialog("@boss\n/admin questionnaires\nOuvrir le questionnaire de mi-parcours")
    said = dialog("Oui, ouvrir")
    assert f"Le questionnaire de mi-parcours est ouvert jusqu'au {until}. " in said
    assert "6 personnes sont invitées à y répondre." in said
    assert f"• questionnaire de mi-parcours\u202f: ouvert jusqu'au {until}" in said
    assert "Synthèse du" not in said, "no synthesis while answers arrive"
    assert (
        "La synthèse anonyme du questionnaire de mi-parcours sera lisible une fois le "
        f"questionnaire clos, après le {closing_day()}" in said
    )
    assert invitations(engine) == 6
    assert invite_to_open_waves(engine, utcnow()) == 0 and invitations(engine) == 6
    said = dialog("@e0\n/questionnaire")
    assert "Questionnaire de mi-parcours" in said

    answer(engine, programme, "midterm", "e0", 4)
    answer(engine, programme, "midterm", "m1", 3)
    said = dialog("@boss\n/admin questionnaires")
    assert "ouvert jusqu'au" in said
    assert "réponses\u202f: 2 sur 6 (33\u202f%)\u202f; mentorés\u202f: 1 sur 3 (33\u202f%)" in said
    assert "Ouvrir le questionnaire de mi-parcours" not in said
    said = dialog("Clore le questionnaire de mi-parcours")
    assert (
        "Le questionnaire de mi-parcours est clos\u202f: 2 des 6 personnes invitées ont répondu. "
        "Les personnes qui le remplissaient encore en seront averties en l'envoyant." in said
    )
    assert "• questionnaire de mi-parcours\u202f: clos le " in said
    assert "Synthèse du questionnaire de mi-parcours" in said
    said = dialog("@e1\n/questionnaire")
    assert "clos le" in said
    said = dialog("@boss\n/admin questionnaires\nRouvrir le questionnaire de mi-parcours")
    assert "Rouvrir le questionnaire de mi-parcours\u202f? Personne de nouveau à inviter." in said
    said = dialog("Oui, ouvrir")
    assert "est rouvert jusqu'au" in said and "Aucune nouvelle personne à inviter." in said
    assert invitations(engine) == 6, "reopening never invites twice"
    with Session(engine) as session:
        kept = session.exec(select(func.count()).select_from(QuestionnaireAnswer)).one()
    assert kept == 2
    assert audited(engine, "questionnaires.") == [
        ("questionnaires.open", "chat"),
        ("questionnaires.close", "chat"),
        ("questionnaires.open", "chat"),
    ]


def test_the_chat_invites_a_first_batch_and_the_sweep_the_others(
    dialog: Dialog, engine: Engine, programme: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("handlers.admin_questionnaires.INVITE_NOW", 4)
    seed(engine, programme, 3)
    said = dialog(
        "@boss\n/admin questionnaires\nOuvrir le questionnaire de fin de parcours\nOui, ouvrir"
    )
    assert "4 personnes sont invitées à y répondre. Les autres membres seront invités" in said
    assert invitations(engine) == 4
    assert invite_to_open_waves(engine, utcnow()) == 2 and invitations(engine) == 6
    monkeypatch.setattr("handlers.admin_questionnaires.INVITE_NOW", 6)
    said = dialog("@boss\n/admin questionnaires\nOuvrir le questionnaire de mi-parcours\n1")
    assert "6 personnes sont invitées à y répondre." in said and "Les autres" not in said


def test_waves_and_synthesis_on_the_command_line(
    dialog: Dialog, db_url: str, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 5)
    code, said = cli(db_url, "synthesis", "--programme", "demo", "--kind", "final")
    assert code == 2 and "mentorbot wave open --programme demo --kind final" in said
    code, said = cli(db_url, "wave", "open", "--programme", "demo", "--kind", "final")
    assert code == 0 and "The final questionnaire is open until" in said
    assert "10 people are invited to answer it." in said
    code, said = cli(db_url, "wave", "open", "--programme", "demo", "--kind", "final")
    assert code == 0 and "already open" in said and "mentorbot wave close" in said
    assert invitations(engine) == 10
    for i, name in enumerate(["e0", "e1", "m0", "m1"]):
        answer(engine, programme, "final", name, 1 + i)
    code, said = cli(db_url, "synthesis", "--programme", "demo", "--kind", "final")
    assert code == 2 and "can be read once the questionnaire has closed" in said
    assert "`mentorbot wave close --programme demo --kind final` closes it now." in said
    assert "mean" not in said and "too few" not in said
    code, said = cli(db_url, "wave", "close", "--programme", "demo", "--kind", "final")
    assert code == 0 and "4 of the 10 invited people answered" in said
    code, said = cli(db_url, "synthesis", "--programme", "demo", "--kind", "final")
    assert code == 0 and "Everyone: too few answers to show anything." in said
    assert "mean" not in said and "ZQX" not in said
    code, said = cli(db_url, "wave", "close", "--programme", "demo", "--kind", "final")
    assert code == 0 and "The final questionnaire was already closed on " in said
    assert "mentorbot wave open" not in said
    assert cli(db_url, "wave", "open", "--programme", "demo", "--kind", "final")[0] == 0
    answer(engine, programme, "final", "e2", 5)
    assert cli(db_url, "wave", "close", "--programme", "demo", "--kind", "final")[0] == 0
    code, said = cli(db_url, "synthesis", "--programme", "demo", "--kind", "final")
    assert (
        code == 0
        and "Everyone: 5 answers, mean 3.0 out of 5 — 1: 1 · 2: 1 · 3: 1 · 4: 1 · 5: 1" in said
    )
    engagement = said.split("▸ How would you rate your own engagement", 1)[1].split("▸")[0]
    assert "Mentees" not in engagement, "3 mentees and 2 mentors: no breakdown"
    code, said = cli(db_url, "wave", "close", "--programme", "demo", "--kind", "midterm")
    assert (
        code == 2 and "The mid-term questionnaire is not open: there is nothing to close." in said
    )
    assert "`mentorbot wave open --programme demo --kind midterm` opens it now." in said
    for bad in (("--kind", "annual"), ("--programme", "nope")):
        args = {"--programme": "demo", "--kind": "final"} | dict([bad])
        code, said = cli(db_url, "wave", "open", *[x for pair in args.items() for x in pair])
        assert code == 2, said
    assert (
        "use --kind midterm or --kind final"
        in cli(db_url, "wave", "open", "--programme", "demo", "--kind", "x")[1]
    )

    dialog("@e3\n/start")
    code, said = cli(
        db_url, "wave", "open", "--programme", "demo", "--kind", "midterm", "--as", "console:e3"
    )
    assert code == 1 and "refused" in said
    code, said = cli(
        db_url, "synthesis", "--programme", "demo", "--kind", "final", "--as", "console:e3"
    )
    assert code == 1
    assert audited(engine, "questionnaires.") == [
        ("questionnaires.open", "cli"),
        ("questionnaires.open", "cli"),
        ("questionnaires.synthesis", "cli"),
        ("questionnaires.close", "cli"),
        ("questionnaires.synthesis", "cli"),
        ("questionnaires.close", "cli"),
        ("questionnaires.open", "cli"),
        ("questionnaires.close", "cli"),
        ("questionnaires.synthesis", "cli"),
        ("questionnaires.close", "cli"),
        ("questionnaires.open.refused", "cli"),
        ("questionnaires.synthesis.refused", "cli"),
    ]


def test_the_synthesis_in_the_chat_waits_for_the_close_and_quotes_free_text_only_when_allowed(
    dialog: Dialog, core: Core, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 5)
    dialog("@boss\n/admin questionnaires\nOuvrir le questionnaire de mi-parcours\nOui, ouvrir")
    for i in range(5):
        answer(engine, programme, "midterm", f"e{i}", 5)
        answer(engine, programme, "midterm", f"m{i}", 2)
    with session_scope(engine) as session:
        boss = person(session, "boss")
        options = [{"label": "synthesis", "value": "synthesis:midterm"}]
        forged = open_prompt(session, boss, ACTION, options, {"programme": programme}).id
    replies = core.handle(Inbound(boss, prompt_id=forged, option=0))
    said = "\n".join(getattr(reply.item, "text", "") for reply in replies)
    assert "sera lisible une fois le questionnaire clos" in said
    assert "moyenne" not in said and "réponses libres" not in said
    said = dialog("@boss\nClore le questionnaire de mi-parcours")
    assert "10 des 10 personnes invitées ont répondu" in said
    said = dialog("Synthèse du questionnaire de mi-parcours")
    assert "Synthèse anonyme du questionnaire de mi-parcours" in said
    assert "Ensemble\u202f: 10 réponses, moyenne 3,5 sur 5" in said
    assert "Mentorés\u202f: 5 réponses, moyenne 5,0 sur 5" in said
    expectations = said.split("répond-il à vos attentes")[1].split("▸")[0]
    assert "Mentorés\u202f: 5 réponses, moyenne 5,0 sur 5" in expectations
    assert "Ensemble" not in expectations, "asked to mentees only"
    assert "10 réponses libres, non diffusées." in said and "ZQX" not in said
    assert said.count("Pour les citer, activez «\u202fCiter les réponses libres") == 1
    with session_scope(engine) as session:
        found = session.get(Programme, programme)
        assert found is not None
        found.free_text_in_synthesis = True
    said = dialog("@boss\n/admin questionnaires\nSynthèse du questionnaire de mi-parcours")
    assert said.count("«\u202fZQX merci à […]\u202f»") == 20, "10 overall, 5 per role"
    assert not any(part in said for name in MENTEES + MENTORS for part in name.split())
    assert "Pour les citer" not in said
    assert [outcome for _, outcome in synthesis_outcomes(engine)] == [
        "not_closed",
        "shown",
        "shown",
    ]


def test_opening_the_final_wave_says_the_mid_term_one_stays_open(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 2)
    dialog("@boss\n/admin questionnaires\nOuvrir le questionnaire de mi-parcours\nOui, ouvrir")
    said = dialog("@boss\n/admin questionnaires\nOuvrir le questionnaire de fin de parcours")
    assert "Ouvrir le questionnaire de fin de parcours et inviter 4 personnes\u202f?" in said
    assert (
        "Le questionnaire de mi-parcours est encore ouvert, "
        f"jusqu'au {closing_day()} inclus\u202f: il le restera" in said
    )
    assert "choisissez «\u202fClore le questionnaire de mi-parcours\u202f»" in said
    said = dialog("Oui, ouvrir")
    assert "Le questionnaire de fin de parcours est ouvert jusqu'au" in said
    for wave in ("mi-parcours", "fin de parcours"):
        assert f"• questionnaire de {wave}\u202f: ouvert jusqu'au {closing_day()} inclus" in said
    assert "Clore le questionnaire de mi-parcours" in said


def test_the_journal_says_what_was_done_with_the_questionnaires(
    dialog: Dialog, db_url: str, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 1, referents={0: "ref1"})
    dialog("@boss\n/admin questionnaires\nOuvrir le questionnaire de mi-parcours\nOui, ouvrir")
    dialog("@ref1\n/admin questionnaires\nRéponses de mes binômes au questionnaire de mi-parcours")
    dialog("@boss\n/admin questionnaires\nClore le questionnaire de mi-parcours")
    dialog("Synthèse du questionnaire de mi-parcours")
    said = dialog("@boss\n/admin journal")
    for done in (
        "ouverture d'un questionnaire",
        "lecture des réponses de ses binômes à un questionnaire",
        "clôture d'un questionnaire",
        "lecture de la synthèse anonyme d'un questionnaire",
    ):
        assert f"\u202f: {done}" in said, done
    assert "autre action de coordination" not in said


def test_a_wave_closing_at_the_end_of_a_day_reads_as_that_day() -> None:
    end = wave_closes(datetime(2026, 11, 22, 3, tzinfo=UTC), "Europe/Paris")
    paris = Reader("fr", "Europe/Paris", end)
    assert paris.until(end) == "dimanche 13 décembre 2026 inclus"
    assert paris.on(end) == "dimanche 13 décembre 2026"
    assert Reader("en", "Europe/Paris", end).until(end) == "Sunday 13 December 2026 inclusive"
    london = Reader("en", "Europe/London", end)
    assert london.until(end) == "Sunday 13 December 2026, 22:59", "not the end of a day there"
    by_hand = end - timedelta(days=2, hours=5)
    assert paris.on(by_hand) == "vendredi 11 décembre 2026, 18:59"


def test_a_referent_reads_its_own_pairs_answers_and_an_admin_none(
    dialog: Dialog, core: Core, db_url: str, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 3, referents={0: "ref1", 1: "ref2", 2: "ref1"})
    assert cli(db_url, "wave", "open", "--programme", "demo", "--kind", "midterm")[0] == 0
    for name in ("e0", "m0", "e1", "m1", "e2", "m2"):
        answer(engine, programme, "midterm", name, 4, talk="yes" if name != "e0" else "no")
    said = dialog("@ref1\n/admin questionnaires")
    assert "Ouvrir" not in said and "Clore" not in said and "Synthèse" not in said
    said = dialog("Réponses de mes binômes au questionnaire de mi-parcours")
    first, third = f"Léa Martin {DASH} Marc Durand", f"Hugo Petit {DASH} Paul Lefèvre"
    talk = (
        f"3 personnes souhaitent échanger avec vous\u202f: Marc Durand (binôme {first}), "
        f"Hugo Petit (binôme {third}), Paul Lefèvre (binôme {third})."
    )
    assert talk in said and said.index(talk) < said.index(f"Binôme {first}")
    assert said.index(f"Binôme {first}") < said.index(f"Binôme {third}")
    assert "Mentoré Léa Martin, réponses envoyées le" in said
    assert said.index("Mentoré Léa Martin") < said.index("Mentor Marc Durand")
    engagement = "• Comment évaluez-vous votre propre engagement dans le mentorat\u202f?"
    assert f"{engagement} → 4 sur 5" in said and "? → Il me convient" in said
    assert "«\u202fZQX merci à Léa Martin\u202f»" in said and "ZQX merci à Marc Durand" in said
    assert "Inès" not in said and "Anne" not in said, "never another referent's pair"
    dialog("@boss\n/admin questionnaires\nClore le questionnaire de mi-parcours")
    said = dialog(
        "@ref2\n/admin questionnaires\nRéponses de mes binômes au questionnaire de mi-parcours"
    )
    assert "2 personnes souhaitent échanger avec vous" in said and "Léa" not in said

    said = dialog("@boss\n/admin questionnaires")
    assert "Réponses de mes binômes" not in said and "ZQX" not in said
    with session_scope(engine) as session:
        boss = person(session, "boss")
        options = [{"label": "answers", "value": "answers:midterm"}]
        forged = open_prompt(session, boss, ACTION, options, {"programme": programme}).id
    replies = core.handle(Inbound(boss, prompt_id=forged, option=0))
    said = "\n".join(getattr(reply.item, "text", "") for reply in replies)
    assert "Vous ne suivez aucun binôme de ce programme" in said and "ZQX" not in said
    said = dialog("@boss\n/admin questionnaires\nSynthèse du questionnaire de mi-parcours")
    assert "ZQX" not in said and "Ensemble\u202f: 6 réponses" in said
    assert "Mentorés\u202f: trop peu de réponses" in said, "3 mentees: nothing shown"
    with session_scope(engine) as session:
        ref1 = person(session, "ref1")
        options = [{"label": "open", "value": "open:final"}]
        forged = open_prompt(session, ref1, ACTION, options, {"programme": programme}).id
    replies = core.handle(Inbound(ref1, prompt_id=forged, option=0))
    assert "réservée aux coordinateurs" in replies[0].item.text  # type: ignore[union-attr]
    assert audited(engine, "questionnaires.open.refused") == [
        ("questionnaires.open.refused", "chat")
    ]
    code, said = cli(db_url, "synthesis", "--programme", "demo", "--kind", "midterm")
    assert code == 0 and "Everyone: 6 free-text answers, not shown." in said
    assert "set `free_text_in_synthesis = true` in the programme's file" in said

    said = dialog("@e0\n/admin questionnaires")
    assert "réservée aux coordinateurs" in said and "ZQX" not in said
    with Session(engine) as session:
        refused = session.exec(
            select(AuditEvent.action).where(AuditEvent.action == "admin.refused")
        ).all()
    assert refused


def test_a_referent_reads_the_response_rates_of_its_own_pairs_only(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 3, referents={0: "rita", 1: "remi", 2: "remi"})
    dialog("@boss\n/admin questionnaires\nOuvrir le questionnaire de mi-parcours\nOui, ouvrir")
    answer(engine, programme, "midterm", "e1", 4)
    answer(engine, programme, "midterm", "m2", 4)
    said = dialog("@rita\n/admin questionnaires")
    assert (
        "réponses de vos binômes\u202f: 0 sur 2 (0\u202f%)\u202f; "
        "mentorés\u202f: 0 sur 1 (0\u202f%)\u202f; mentors\u202f: 0 sur 1 (0\u202f%)" in said
    ), "nothing of Rémi's pairs"
    said = dialog("@remi\n/admin questionnaires")
    assert (
        "réponses de vos binômes\u202f: 2 sur 4 (50\u202f%)\u202f; "
        "mentorés\u202f: 1 sur 2 (50\u202f%)\u202f; mentors\u202f: 1 sur 2 (50\u202f%)" in said
    )
    said = dialog("@boss\n/admin questionnaires")
    assert "• questionnaire de mi-parcours" in said and "vos binômes" not in said
    assert "réponses\u202f: 2 sur 6 (33\u202f%)\u202f; mentorés\u202f: 1 sur 3 (33\u202f%)" in said


def test_the_synthesis_removes_the_names_of_referents_admins_and_short_first_names(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    seed(engine, programme, 5, referents={0: "rita"})
    with session_scope(engine) as session:
        for account, name in (("rita", "Rita Lemoine"), ("gaby", "Gabrielle Vasseur")):
            identify(session, "console", account, display_name=name).display_name = name
        session.add(RoleGrant(person_id=person(session, "gaby"), role="admin", programme_id=None))
        identify(session, "console", "m4", display_name="Li Wu").display_name = "Li Wu"
        found = session.get(Programme, programme)
        assert found is not None
        found.free_text_in_synthesis = True
    dialog("@boss\n/admin questionnaires\nOuvrir le questionnaire de mi-parcours\nOui, ouvrir")
    texts = [
        "Rita Lemoine nous a bien suivis",
        "Merci à Gabrielle pour le séminaire",
        "Li m'a aidé, le reste suit",
        "Madame LEMOINE est disponible",
        "Vasseur a tout organisé",
    ]
    for i, text in enumerate(texts):
        answer(engine, programme, "midterm", f"e{i}", 4, improve=text)
    dialog("@boss\n/admin questionnaires\nClore le questionnaire de mi-parcours")
    said = dialog("Synthèse du questionnaire de mi-parcours")
    for quoted in (
        "[…] nous a bien suivis",
        "Merci à […] pour le séminaire",
        "[…] m'a aidé, le reste suit",
        "Madame […] est disponible",
        "[…] a tout organisé",
    ):
        assert f"«\u202f{quoted}\u202f»" in said, quoted
    for name in ("Rita", "Lemoine", "LEMOINE", "Gabrielle", "Vasseur", "Li "):
        assert name not in said, name
