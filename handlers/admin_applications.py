"""The `/admin` section "Candidatures": who applied to the programme, grouped, for its admins.

Each group (`storage.application_lists.GROUPS`) shows its count and the names, at most `CAP` of
them, then how many more; names and roles only. The role check and the audit are the menu's
(`handlers.admin.open_section`).
"""

from __future__ import annotations

from handlers.admin import section
from handlers.context import Ctx
from handlers.router import Router
from messages.catalog import t
from storage.application_lists import Entry, application_groups
from storage.enums import GrantRole
from storage.models import Programme

CAP = 15
RULES = ("min_years", "min_posts")


def entry_text(locale: str, group: str, entry: Entry) -> str:
    """One entry as the coordinator reads it."""
    role = t(locale, f"role-{entry.role}")
    if group == "mentors":
        return t(locale, "applications-entry-places", name=entry.name, places=entry.places)
    if group == "mentees_asked":
        return t(locale, "applications-entry-asked", name=entry.name, mentor=entry.partner)
    if group == "matched" and entry.partner:
        return t(locale, "applications-entry-matched", name=entry.name, mentor=entry.partner)
    if group == "ineligible" and entry.rule in RULES:
        rule = t(
            locale,
            f"applications-rule-{entry.rule}",
            required=entry.required,
            given=entry.given,
        )
        return t(locale, "applications-entry-ineligible", name=entry.name, role=role, rule=rule)
    if group in ("mentees_waiting", "matched"):
        return entry.name
    return t(locale, "applications-entry-role", name=entry.name, role=role)


def groups_text(locale: str, programme: Programme, groups: dict[str, list[Entry]]) -> str:
    """The groups that have someone, each with its count and its first `CAP` names."""
    lines = [t(locale, "applications-title", programme=programme.name)]
    for group, entries in groups.items():
        if not entries:
            continue
        names = [entry_text(locale, group, entry) for entry in entries[:CAP]]
        if len(entries) > CAP:
            names.append(t(locale, "applications-more", count=len(entries) - CAP))
        heading = t(locale, f"applications-group-{group}", count=len(entries))
        lines.append(t(locale, "applications-line", group=heading, names=", ".join(names)))
    if len(lines) == 1:
        lines.append(t(locale, "applications-none"))
    return "\n".join(lines)


def register(router: Router) -> None:
    @section(router, "candidatures", "admin-section-applications", need=GrantRole.admin)
    def applications(ctx: Ctx, programme: Programme | None, _args: str) -> None:
        """Show who applied, grouped, with counts and names."""
        assert programme is not None
        groups = application_groups(ctx.session, programme)
        ctx.send_text(groups_text(ctx.person.locale, programme, groups))
