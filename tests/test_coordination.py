"""The coordinators' `/admin`, the home page, invitation links, and what adapters ask the core."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from handlers.core import Core
from handlers.mentions import plain_refs
from handlers.ui import Form, Inbound
from storage.models import AuditEvent, ConversationState, Outbox, Pair, Person, Prompt
from storage.types import utcnow
from tests.conftest import Dialog
from tests.journey import MENTEE_FORM, active_pair, apply


def _person(engine: Engine, name: str) -> int:
    from storage.models import Identity

    with Session(engine) as session:
        return session.exec(select(Identity.person_id).where(Identity.user_key == name)).one()


def test_admin_is_refused_to_participants_and_audited(dialog: Dialog, engine: Engine) -> None:
    said = dialog("@alice\n/admin")
    assert "réservée aux coordinateurs" in said
    assert "/admin" not in dialog("/help")
    with Session(engine) as session:
        assert [e.action for e in session.exec(select(AuditEvent))] == ["admin.refused"]


def test_admin_shows_counts_and_overdue_pairs_never_notes(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    active_pair(dialog)
    dialog("@lea\n/objectives\nPrendre du recul; Mieux déléguer\n1\n1")
    said = dialog("@admin\n/admin")
    assert "Suivi de « Programme de mentorat" in said or "lien d'invitation : /start demo" in said
    assert "Binômes : 1 actif" in said
    assert "0 binôme sans rencontre depuis trop longtemps" in said
    assert "Prendre du recul" not in said
    with Session(engine) as session:
        pair = session.exec(select(Pair)).one()
        pair.activated_at = utcnow() - timedelta(days=200)
        session.add(pair)
        session.commit()
    assert "1 binôme sans rencontre depuis trop longtemps" in dialog("/admin")
    assert "/admin" in dialog("/help")
    assert "commandes de coordination" in dialog("/admin nimportequoi")
    with Session(engine) as session:
        actions = [e.action for e in session.exec(select(AuditEvent))]
    assert actions.count("admin.figures") == 2


def test_home_says_what_status_says_and_changes_nothing(
    dialog: Dialog, core: Core, engine: Engine, programme: int
) -> None:
    dialog("@lea\n/start")
    lea = _person(engine, "lea")

    def counts() -> tuple[int, int, int]:
        with Session(engine) as session:
            return tuple(  # type: ignore[return-value]
                session.exec(select(func.count()).select_from(table)).one()
                for table in (Prompt, Outbox, ConversationState)
            )

    before = counts()
    home = core.home(lea)
    assert counts() == before
    assert home.actions[0].command == "apply"
    assert [a.command for a in home.actions[1:]] == ["language", "privacy", "help"]
    assert home.heading == "Programme de mentorat"
    assert home.followup == ()
    active_pair(dialog)
    home = core.home(lea)
    assert home.heading != "Programme de mentorat"
    assert plain_refs(home.lines[0]).startswith("Votre binôme avec marc est lancé")
    assert home.actions[0].command == "status" and home.actions[0].label == "Continuer"
    admin_home = core.home(core.identify("console", "admin"))
    [followup] = admin_home.followup
    assert "Binômes : 1 actif" in followup.lines and followup.action.command == "admin suivi demo"


def test_home_offers_to_resume_a_form_and_the_core_gives_it_back(
    core: Core, engine: Engine, programme: int
) -> None:
    lea = core.identify("slack", "U1", team="T1", locale="en-GB", timezone="Europe/London")
    assert core.find("slack", "U1", team="T1") == lea
    assert core.find("slack", "U1", team="T2") is None
    assert core.locale_of(lea) == "en"
    core.handle(Inbound(lea, text="/apply"), modal_forms=True)
    with Session(engine) as session:
        prompt = session.exec(select(Prompt).order_by(col(Prompt.id).desc())).first()
    replies = core.handle(Inbound(lea, prompt_id=prompt.id, option=0), modal_forms=True)
    assert isinstance(replies[-1].item, Form)
    form = core.current_form(lea)
    assert form is not None and form.form_id == "application"
    home = core.home(lea)
    assert home.actions[0].command == "status" and home.actions[0].label == "Resume the form"


def test_an_invitation_link_chooses_the_programme_to_apply_to(
    dialog: Dialog, engine: Engine, programme: int
) -> None:
    from storage.models import Programme

    with Session(engine) as session:
        other = Programme(slug="Cadres-2027", name="Premiers managers 2027")
        session.add(other)
        session.commit()
        other_id = other.id
    said = dialog("@lea\n/start nope")
    assert "ne correspond à aucun programme" in said
    said = dialog("/start cadres-2027")
    assert "Premiers managers 2027" in said
    with Session(engine) as session:
        assert session.get(Person, _person(engine, "lea")).programme_id == other_id
    said = apply(dialog, "lea", "1", [a for i, a in enumerate(MENTEE_FORM) if i != 7])
    assert "(1/12)" in said, "a programme without topics does not ask for them"
    with Session(engine) as session:
        from storage.models import Application

        assert session.exec(select(Application.programme_id)).one() == other_id


def test_menus_and_coordinator_accounts(core: Core) -> None:
    participant = dict(core.menu("en"))
    assert "status" in participant and "admin" not in participant
    coordinator = dict(core.menu("fr", coordinator=True))
    assert coordinator["admin"].startswith("coordination")
    admin = Core(core.engine, core.cipher, admins=[("telegram", "", "42")])
    admin.identify("telegram", "42", chat_key="42")
    admin.identify("telegram", "43", chat_key="43")
    assert admin.coordinator_accounts("telegram") == [("", "42", "42")]
    assert admin.is_coordinator(admin.find("telegram", "42"))
    assert not admin.is_coordinator(admin.find("telegram", "43"))
