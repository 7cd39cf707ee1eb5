"""The coordinators' texts about matching, in their language: the same lines for
`mentorbot match` (English) and /admin matching (the admin's language).

- `summary_lines`: how many waiting mentees would get how many proposals and, for each one
  short of the programme's count, which rule left how many mentors out, with up to 3 names;
- `row_line`, `draft_lines`: a committee draft, one line per mentee (mentor, score, reasons,
  locked or moved and why), then how many are placed;
- `committee_summary`: how many the draft places and why each mentee placed with nobody is;
- `draft_ready_lines`: the admins' notice at the close of a committee programme;
- `published_lines`, `tell_admins`: what publishing a committee draft did, refusals by name.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from bot.domain.cohort import MenteeDraft
from bot.domain.hard_rules import RULES
from handlers.committee_draft import DraftPublished, DraftRow
from handlers.outgoing import Outgoing
from handlers.ui import Message
from messages.catalog import join_clauses, t
from storage.models import Programme
from storage.people import admins_of

MAX_REFUSED_NAMED = 20  # refusals named one by one to the admins; beyond, a count
MAX_SHORT_IN_NOTICE = 10  # short mentees explained in the close's notice; the rest in the draft


def reasons_text(locale: str, reasons: list[dict[str, Any]]) -> str:
    """A suggestion's reasons as one sentence in `locale`."""
    return join_clauses(
        (t(locale, r["key"], **{k: v for k, v in r.items() if k != "key"}) for r in reasons),
        locale,
    )


def _names(locale: str, names: tuple[str, ...], count: int) -> str:
    shown = ", ".join(names)
    if count > len(names):
        return t(locale, "match-left-more", names=shown, more=count - len(names))
    return shown


def left_out_lines(locale: str, draft: MenteeDraft) -> list[str]:
    """Which rules left mentors out of this mentee's list: how many each, and up to 3 names."""
    lines = []
    for rule in RULES:
        count = draft.left_out.get(rule, 0)
        if not count:
            continue
        left = t(locale, f"match-left-{rule}", count=count)
        # Earlier pairs may be from other programmes, which these coordinators do not run.
        names = () if rule == "paired_before" else draft.left_out_names.get(rule, ())
        if names:
            left = t(locale, "match-left-named", left=left, names=_names(locale, names, count))
        lines.append(left)
    return lines or [t(locale, "match-left-pool")]


def short_lines(locale: str, drafts: list[MenteeDraft], limit: int | None = None) -> list[str]:
    """For each mentee with fewer proposals than asked (the first `limit` of them): how many,
    then why (one line a rule)."""
    short = [draft for draft in drafts if draft.short]
    if not short:
        return []
    lines = [t(locale, "match-short-intro")]
    for draft in short[:limit]:
        name = draft.candidate.mentee.name
        found = len(draft.suggestions)
        lines.append("- " + t(locale, "match-short", name=name, found=found, wanted=draft.wanted))
        lines += [f"    {line}" for line in left_out_lines(locale, draft)]
    if limit is not None and len(short) > limit:
        lines.append(t(locale, "draft-more", count=len(short) - limit))
    return lines


def summary_lines(
    locale: str, programme: Programme, drafts: list[MenteeDraft], limit: int | None = None
) -> list[str]:
    """How many mentees would get how many proposals, and why each short one gets fewer (the
    first `limit` short ones: the chat's messages stay readable)."""
    lines = [t(locale, "match-heading", programme=programme.name, mentees=len(drafts))]
    counts = Counter(len(draft.suggestions) for draft in drafts)
    for proposals in sorted(counts, reverse=True):
        lines.append("- " + t(locale, "match-line", proposals=proposals, mentees=counts[proposals]))
    return lines + short_lines(locale, drafts, limit)


def row_line(locale: str, row: DraftRow) -> str:
    """One mentee of a committee draft: the mentor, the score and reasons, locked or moved,
    and whether a lock had to be released."""
    line = _placed_line(locale, row)
    if row.released:
        return line + " " + t(locale, "draft-row-released")
    return line


def _placed_line(locale: str, row: DraftRow) -> str:
    placement = row.placement
    if placement is None:
        return unplaced_line(locale, row)
    line = t(
        locale,
        "draft-row",
        mentee=row.name,
        mentor=row.mentor,
        score=round(placement.score, 2),
        reasons=reasons_text(locale, placement.reasons) or "-",
    )
    if placement.moved_reason:
        return line + " " + t(locale, "draft-row-moved", reason=placement.moved_reason)
    if placement.locked:
        return line + " " + t(locale, "draft-row-locked")
    return line


def draft_lines(locale: str, programme: Programme, rows: list[DraftRow]) -> list[str]:
    """How many mentees the draft places, locked ones among them."""
    placed = [row for row in rows if row.placement is not None]
    locked = sum(1 for row in placed if row.placement and row.placement.locked)
    heading = t(
        locale,
        "draft-heading",
        programme=programme.name,
        mentees=len(rows),
        placed=len(placed),
        locked=locked,
    )
    return [heading]


def unplaced_line(locale: str, row: DraftRow) -> str:
    """Why the draft places this mentee with nobody: the mentors who fit are taken, or none
    fits (the rules that left them out are in `committee_summary`)."""
    if row.draft.suggestions:
        return t(locale, "draft-unplaced-taken", mentee=row.name)
    return t(locale, "draft-row-none", mentee=row.name)


def committee_summary(
    locale: str, programme: Programme, rows: list[DraftRow], limit: int | None = None
) -> list[str]:
    """A committee draft's summary: how many mentees it places and, for each one it places
    with nobody (the first `limit`), why: the mentors who fit are taken, or which rules left
    which mentors out."""
    lines = draft_lines(locale, programme, rows)
    lines += ["- " + row_line(locale, row) for row in rows if row.released and row.placement]
    unplaced = [row for row in rows if row.placement is None]
    for row in unplaced[:limit]:
        lines.append("- " + row_line(locale, row))
        if row.draft.short:
            lines += [f"    {line}" for line in left_out_lines(locale, row.draft)]
    if limit is not None and len(unplaced) > limit:
        lines.append(t(locale, "draft-more", count=len(unplaced) - limit))
    return lines


def draft_ready_lines(locale: str, programme: Programme, rows: list[DraftRow]) -> list[str]:
    """The admins' notice once a committee programme's draft is computed at the close."""
    lines = [t(locale, "coordinator-draft-ready", programme=programme.name)]
    lines += committee_summary(locale, programme, rows, MAX_SHORT_IN_NOTICE)
    lines.append(t(locale, "coordinator-draft-review", slug=programme.slug))
    return lines


def published_lines(locale: str, programme: Programme, done: DraftPublished) -> list[str]:
    """What publishing did, in `locale`: pairs asked, mentees without, each refusal by name."""
    if not (done.paired or done.without):
        return [t(locale, "draft-empty", programme=programme.name, slug=programme.slug)]
    lines = [
        t(
            locale,
            "draft-published",
            programme=programme.name,
            paired=done.paired,
            without=done.without,
        )
    ]
    for name, refused in done.refused[:MAX_REFUSED_NAMED]:
        why = t(locale, refused.key, **refused.params)
        lines.append("- " + t(locale, "draft-refused", mentee=name, why=why))
    if len(done.refused) > MAX_REFUSED_NAMED:
        lines.append(t(locale, "draft-more", count=len(done.refused) - MAX_REFUSED_NAMED))
    return lines


def tell_admins(
    out: Outgoing, programme: Programme, done: DraftPublished, but: int | None = None
) -> None:
    """Tell every admin of the programme (but the one who published) what publishing did."""
    if not (done.paired or done.without):
        return
    for admin in admins_of(out.session, programme.id):  # type: ignore[arg-type]
        if admin != but:
            lines = published_lines(out.locale_of(admin), programme, done)
            out.notify(admin, Message("\n".join(lines)))
