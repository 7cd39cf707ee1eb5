"""The `/admin` section "Rôles" (admins): the programme's admins and referents by name, granting
a role to someone named by name or by account, and revoking one.

```mermaid
stateDiagram-v2
    [*] --> section: /admin -> Rôles (the holders, by role)
    section --> form: Grant -> the role, then the person (a name or an account)
    form --> form: nobody by that name, or too many (asked again)
    form --> which: several people by that name -> which one?
    form --> [*]: one person -> granted, and told
    which --> [*]: picked -> granted, and told
    section --> holders: Revoke -> the holders as buttons
    holders --> [*]: picked -> revoked, and told
```
Every step checks again that the person acting is an admin of the programme (a button may be
pressed after a revocation); refusals are audited like the changes.
"""

from __future__ import annotations

from typing import Any

from bot.domain.accounts import parse_account
from handlers.admin import may, section
from handlers.context import Ctx
from handlers.fields import FieldError
from handlers.forms import FormSpec, open_form
from handlers.router import Router
from handlers.staffing import change_role
from handlers.text import fold
from handlers.ui import FieldKind, FormField, Option
from storage.audit import record
from storage.enums import GrantRole
from storage.models import Person, Programme
from storage.roles import Holder, holders, name_candidates, person_for_account

FORM = "role-grant"
DO, WHICH, REVOKE = "roles-do", "roles-which", "roles-revoke"
MAX_CHOICES = 8
ROLES = (GrantRole.admin, GrantRole.referent)


def holder_label(ctx: Ctx, holder: Holder) -> str:
    """A holder's name as coordinators read it (someone still expected, when it has none)."""
    name = holder.name or ctx.t("roles-unnamed")
    return f"{name} {ctx.t('roles-every-programme')}" if holder.every_programme else name


def sorted_holders(ctx: Ctx, programme: Programme) -> list[Holder]:
    """The programme's role holders in the order people read names (someone expected last)."""
    assert programme.id is not None
    held = holders(ctx.session, programme.id)
    return sorted(held, key=lambda h: (h.role, not h.name, fold(h.name), h.person_id))


def listing(ctx: Ctx, programme: Programme) -> str:
    """The programme's admins and referents, by name."""
    held = sorted_holders(ctx, programme)
    lines = [ctx.t("roles-heading", programme=programme.name)]
    for role in ROLES:
        names = [holder_label(ctx, h) for h in held if h.role == role]
        lines.append(ctx.t(f"roles-list-{role}", count=len(names), names=", ".join(names)))
    return "\n".join(lines)


def _allowed(ctx: Ctx, programme_id: Any, what: str) -> Programme | None:
    """The programme, if it exists and the person is still its admin (a refusal is audited)."""
    programme = ctx.session.get(Programme, programme_id)
    if programme is None:
        ctx.say("error-button-stale")
        return None
    if not may(ctx.session, ctx.me, programme, GrantRole.admin):
        record(ctx.session, ctx.me, f"role.{what}.refused", programme.slug, via="chat")
        ctx.say("admin-refused")
        return None
    return programme


def build_form(ctx: Ctx, params: dict[str, Any]) -> tuple[str, list[FormField]]:
    """The role, then who: a name or an account."""
    programme = ctx.session.get(Programme, params["programme"])
    roles = tuple(Option(ctx.t(f"roles-role-{role}"), role) for role in ROLES)
    fields = [
        FormField("role", ctx.t("roles-f-role"), FieldKind.choice, roles),
        FormField("who", ctx.t("roles-f-who"), hint=ctx.t("roles-h-who"), max_length=200),
    ]
    return ctx.t("roles-form-title", programme=programme.name if programme else ""), fields


def submit_form(
    ctx: Ctx, values: dict[str, Any], params: dict[str, Any]
) -> dict[str, FieldError] | None:
    """Find the person named; grant at once, or ask which when several people match."""
    programme = _allowed(ctx, params["programme"], "grant")
    if programme is None:
        return None
    role, who = GrantRole(values["role"]), str(values["who"]).strip()
    try:
        account = parse_account(who)
    except ValueError:
        account = None
    if account is not None:
        person = person_for_account(
            ctx.session, account, locale=programme.locale, timezone=programme.timezone
        )
        _grant(ctx, programme, role, person)
        return None
    found = _named(ctx, who)
    if not found:
        return {"who": FieldError("roles-nobody", {"name": who[:80]})}
    if len(found) > MAX_CHOICES:
        return {"who": FieldError("roles-too-many", {"name": who[:80], "count": len(found)})}
    people = [p for p in (ctx.session.get(Person, i) for i in found) if p is not None]
    if len(people) == 1:
        _grant(ctx, programme, role, people[0])
        return None
    options = [(_described(person), str(person.id)) for person in people]
    context = {"programme": programme.id, "role": role.value}
    ctx.ask(ctx.t("roles-which", name=who[:80]), options, WHICH, context)
    return None


def _named(ctx: Ctx, text: str) -> list[int]:
    """The ids of the people whose name is `text` (case and accents aside), else of those whose
    name has it."""
    wanted = fold(text)
    if not wanted:
        return []
    found = [(i, fold(name)) for i, name in name_candidates(ctx.session, wanted)]
    exact = [i for i, name in found if name == wanted]
    return exact or [i for i, name in found if wanted in name]


def _described(person: Person) -> str:
    """A name, with what tells namesakes apart."""
    known = [part for part in (person.organisation, person.unit, person.location) if part]
    return f"{person.display_name} ({', '.join(known)})" if known else person.display_name


def _grant(ctx: Ctx, programme: Programme, role: GrantRole, person: Person) -> None:
    changed = change_role(ctx, ctx.me, "grant", role, person, programme, via="chat")
    name = person.display_name or ctx.t("roles-unnamed")
    role_word = ctx.t(f"roles-role-{role}")
    ctx.say("roles-granted" if changed else "roles-already", name=name, role=role_word)


def _offer_revocations(ctx: Ctx, programme: Programme) -> None:
    """The holders as buttons; a grant for every programme only for an admin of every one."""
    everywhere = may(ctx.session, ctx.me, None, GrantRole.admin)
    options = [
        (ctx.t("roles-holder", name=holder_label(ctx, h), role=ctx.t(f"roles-role-{h.role}")),
         f"{h.role}:{h.person_id}:{'all' if h.every_programme else 'one'}")
        for h in sorted_holders(ctx, programme)
        if h.person_id != ctx.me and (everywhere or not h.every_programme)
    ]  # fmt: skip
    if not options:
        ctx.say("roles-none-to-revoke")
        return
    ctx.ask(ctx.t("roles-revoke-which"), options, REVOKE, {"programme": programme.id})


def register(router: Router) -> None:
    router.form(FormSpec(FORM, build_form, submit_form))

    @section(router, "roles", "admin-section-roles")
    def roles_section(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show who holds which role, with Grant and Revoke."""
        assert programme is not None
        options = [(ctx.t("roles-grant"), "grant"), (ctx.t("roles-revoke"), "revoke")]
        ctx.ask(listing(ctx, programme), options, DO, {"programme": programme.id})

    @router.action(DO)
    def roles_do(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Open the grant form, or offer the holders to revoke."""
        programme = _allowed(ctx, context["programme"], value)
        if programme is None:
            return
        if value == "grant":
            open_form(ctx, FORM, {"programme": programme.id})
        else:
            _offer_revocations(ctx, programme)

    @router.action(WHICH)
    def roles_which(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """One of the namesakes was picked: grant them the role."""
        programme = _allowed(ctx, context["programme"], "grant")
        person = ctx.session.get(Person, int(value))
        if programme is not None and person is not None:
            _grant(ctx, programme, GrantRole(context["role"]), person)

    @router.action(REVOKE)
    def roles_revoke(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """Revoke the role of the holder picked, and tell them."""
        programme = _allowed(ctx, context["programme"], "revoke")
        role, person_id, scope = value.split(":")
        person = ctx.session.get(Person, int(person_id))
        if programme is None or person is None:
            return
        if scope == "all" and not may(ctx.session, ctx.me, None, GrantRole.admin):
            record(ctx.session, ctx.me, "role.revoke.refused", programme.slug, via="chat")
            ctx.say("admin-refused")
            return
        where = None if scope == "all" else programme
        changed = change_role(ctx, ctx.me, "revoke", GrantRole(role), person, where, via="chat")
        name = person.display_name or ctx.t("roles-unnamed")
        role_word = ctx.t(f"roles-role-{role}")
        ctx.say("roles-revoked" if changed else "roles-not-held", name=name, role=role_word)
