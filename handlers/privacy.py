"""`/privacy`, `/export`, `/erase`: what is kept, who sees it, and the person's rights over it."""

from __future__ import annotations

import json
from typing import Any

from handlers import erasure, export_document
from handlers.context import Ctx
from handlers.router import Router
from handlers.ui import File
from storage import personal_data
from storage.audit import record


def register(router: Router) -> None:
    @router.command("privacy", "confidentialite", "confidentialité", help_key="help-cmd-privacy")
    def privacy(ctx: Ctx, _args: str) -> None:
        """Say what is stored, who sees what, and how to export or erase it."""
        ctx.say("privacy")

    @router.command("export", "exporter", help_key="help-cmd-export")
    def export(ctx: Ctx, _args: str) -> None:
        """Send the person a readable JSON file of everything held about them, and a summary."""
        raw = personal_data.export(ctx.session, ctx.cipher, ctx.me)
        record(ctx.session, ctx.me, "personal_data.export", f"person:{ctx.me}")
        document = export_document.readable(ctx, raw)
        content = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
        ctx.send_text(export_document.summary(ctx, raw))
        ctx.send(
            File("mentorbot-export.json", content, "application/json", ctx.t("export-caption"))
        )

    @router.command("erase", "effacer", help_key="help-cmd-erase")
    def erase(ctx: Ctx, _args: str) -> None:
        """Ask for confirmation before erasing everything."""
        ctx.ask(
            ctx.t("erase-confirm"),
            [(ctx.t("erase-yes"), "yes"), (ctx.t("erase-no"), "no")],
            "erase",
        )

    @router.action("erase")
    def confirm(ctx: Ctx, value: str, _context: dict[str, Any]) -> None:
        """Erase on yes; keep everything on no."""
        if value != "yes":
            ctx.say("erase-kept")
            return
        ctx.say("erase-done")
        record(ctx.session, ctx.me, "personal_data.erase", f"person:{ctx.me}")
        erasure.erase(ctx, [ctx.me])
