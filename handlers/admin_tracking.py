"""The `/admin` section "Exporter le suivi": the tracking table as a CSV or Excel file.

An admin gets every pair of the programme, a referent its own pairs only. The section asks which
form (or takes it typed: `/admin export xlsx`), then posts the file with a caption saying how
many pairs and meetings it holds. The menu checks the role and audits the opening; the click
is checked again (a role may have been revoked since) and the export audited with its format
and size.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from babel.dates import get_timezone_location

from bot.domain.zones import zone_words
from handlers.admin import programme_for_button, referent_scope, section
from handlers.context import Ctx
from handlers.router import Router
from handlers.tracking_export import CSV, XLSX, tracking_file
from handlers.ui import File
from messages.catalog import t
from storage.audit import record
from storage.enums import GrantRole
from storage.models import Programme
from storage.tracking import tracking_size

WORD = "export"
FORMAT_ACTION = "tracking-format"
FORMAT_WORDS = {CSV: CSV, XLSX: XLSX, "excel": XLSX}
ARTICLES = {"fr": ("Le", "Les")}  # "Le Caire" -> "du Caire"; "La Paz" keeps "de La Paz"
VOWELS = "aeiou"


def zone_phrase(zone: str, locale: str) -> str:
    """ "à l'heure de Paris", "à l'heure du Caire", "en UTC+1": the zone as the caption's end.

    The catalog places its own preposition; it is told how the city's name starts (a vowel,
    an article it absorbs) and gets the name without that article."""
    if zone == "UTC" or zone.startswith("Etc/"):
        return t(locale, "tracking-zone", start="offset", city=zone_words(zone, locale))
    city = get_timezone_location(zone, locale=locale, return_city=True).rsplit("/", 1)[-1]
    article, _, rest = city.partition(" ")
    start = article.casefold() if article in ARTICLES.get(locale, ()) and rest else ""
    name = rest if start else city
    vowel = unicodedata.normalize("NFKD", name[:1]).casefold()[:1] in VOWELS
    return t(locale, "tracking-zone", start=start or ("vowel" if vowel else "other"), city=name)


def offer(ctx: Ctx, programme: Programme, args: str) -> None:
    """Ask for the form of the file, or export at once when it was typed."""
    assert programme.id is not None
    referent_id = referent_scope(ctx.session, ctx.me, programme)
    yours = "-yours" if referent_id is not None else ""
    if tracking_size(ctx.session, programme.id, referent_id).pairs == 0:
        ctx.say(f"tracking-empty{yours}", programme=programme.name)
        return
    typed = args.strip().casefold()
    if typed in FORMAT_WORDS:
        export(ctx, programme, FORMAT_WORDS[typed])
        return
    if typed:
        ctx.say("tracking-unknown-format")
    options = [(ctx.t("tracking-csv"), CSV), (ctx.t("tracking-xlsx"), XLSX)]
    text = ctx.t(f"tracking-which-format{yours}", programme=programme.name)
    ctx.ask(text, options, FORMAT_ACTION, {"programme": programme.id})


def export(ctx: Ctx, programme: Programme, kind: str) -> None:
    """Post the table as `kind`, with its caption, and audit it."""
    referent_id = referent_scope(ctx.session, ctx.me, programme)
    locale = ctx.person.locale
    made = tracking_file(ctx.session, programme, kind, locale, ctx.now, referent_id)
    size = made.size
    record(
        ctx.session,
        ctx.me,
        "tracking.export",
        programme.slug,
        format=kind,
        rows=size.rows,
        pairs=size.pairs,
        meetings=size.meetings,
        referent_only=referent_id is not None,
        via="chat",
    )
    caption = ctx.t(
        "tracking-caption-yours" if referent_id is not None else "tracking-caption",
        programme=programme.name,
        pairs=size.pairs,
        meetings=size.meetings,
        zone=zone_phrase(programme.timezone, locale),
    )
    ctx.send(File(made.filename, made.content, made.mime_type, caption))


def register(router: Router) -> None:
    @section(router, WORD, "admin-section-tracking", need=GrantRole.referent)
    def tracking(ctx: Ctx, programme: Programme | None, args: str) -> None:
        """Offer the tracking table as CSV or Excel."""
        assert programme is not None
        offer(ctx, programme, args)

    @router.action(FORMAT_ACTION)
    def chosen(ctx: Ctx, value: str, context: dict[str, Any]) -> None:
        """A form was picked: check the role again, then post the file."""
        if value not in (CSV, XLSX):
            ctx.say("error-button-stale")
            return
        programme = programme_for_button(
            ctx, context.get("programme"), GrantRole.referent, "tracking.export.refused", via="chat"
        )
        if programme is not None:
            export(ctx, programme, value)
