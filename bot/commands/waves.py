"""`mentorbot wave open|close --programme SLUG --kind midterm|final` and
`mentorbot synthesis --programme SLUG --kind midterm|final`.

The same code as `/admin` -> Questionnaires (`handlers.waves`, `handlers.wave_texts`), in English,
dates in the programme's time zone. Admins only; every run is audited. Individual answers are
never printed here: they reach only the pair's referent, in the chat. The synthesis of a wave
still open is refused (exit 2, naming `mentorbot wave close`): two readings while answers arrive
would give one person's answers away. Once read, it is updated only when 5 more answers are in
(`handlers.synthesis_reading`); until then the one already read is printed, or, when answers it
counted changed, nothing (exit 2, saying from how many answers it will be readable).
"""

from __future__ import annotations

from typing import Annotated

import typer
from sqlmodel import Session

from bot.commands.common import (
    AsOption,
    DbOption,
    Operator,
    ProgrammeOption,
    err,
    fail,
    operator,
    out,
)
from bot.domain.questions import WAVE_KINDS
from handlers.outgoing import Outgoing
from handlers.synthesis_reading import HELD, read_synthesis
from handlers.wave_texts import Reader, reading_text, synthesis_later, withheld
from handlers.waves import (
    ALREADY_OPEN,
    CLOSED,
    MIDTERM_ENDED,
    NOT_OPEN,
    OPEN,
    WaveChange,
    change_text,
    close_by_hand,
    open_by_hand,
    wave_state,
)
from storage.models import Programme, QuestionnaireWave
from storage.types import utcnow
from storage.wave_results import programme_waves

LOCALE = "en"
KindOption = Annotated[str, typer.Option("--kind", help="The wave: midterm or final.")]

app = typer.Typer(help="Questionnaire waves: open or close one by hand.", no_args_is_help=True)


def _kind(kind: str) -> str:
    if kind not in WAVE_KINDS:
        raise fail(f"--kind {kind!r}: use --kind midterm or --kind final.")
    return kind


def _run(who: Operator, slug: str, kind: str, verb: str) -> None:
    """Open or close the wave; an impossible change exits 2 with the command that fits."""
    with who.session() as session:
        programme = who.programme(session, slug)
        who.check(session, programme, f"questionnaires.{verb}")
        outgoing = Outgoing(session, utcnow())
        details = {"via": "cli", "by": who.account}
        if verb == "open":
            with err.status("Opening the wave and inviting its members..."):
                change = open_by_hand(outgoing, who.person_id, programme, kind, **details)
        else:
            change = close_by_hand(outgoing, who.person_id, programme, kind, **details)
        text = change_text(Reader(LOCALE, programme.timezone, outgoing.now), change, session)
        session.commit()
        _report(programme, change, text)


def _report(programme: Programme, change: WaveChange, text: str) -> None:
    if change.outcome == MIDTERM_ENDED:
        raise fail(f"{text} (`{_command('open', programme, 'final')}`)")
    if change.outcome == NOT_OPEN:
        raise fail(f"{text} `{_command('open', programme, change.kind)}` opens it now.")
    out.print(text, highlight=False, markup=False)
    if change.outcome == ALREADY_OPEN:
        out.print(
            f"Close it with `{_command('close', programme, change.kind)}`.",
            highlight=False,
            markup=False,
        )


@app.command("open")
def open_wave_command(
    programme: ProgrammeOption, kind: KindOption, db: DbOption = None, as_account: AsOption = None
) -> None:
    """Open a wave now, until the end of the day three weeks later (or reopen a closed one), and
    invite its members."""
    _run(operator(db, as_account), programme, _kind(kind), "open")


@app.command("close")
def close_wave_command(
    programme: ProgrammeOption, kind: KindOption, db: DbOption = None, as_account: AsOption = None
) -> None:
    """Close the open wave now; answers sent are kept."""
    _run(operator(db, as_account), programme, _kind(kind), "close")


def _command(verb: str, programme: Programme, kind: str) -> str:
    return f"mentorbot wave {verb} --programme {programme.slug} --kind {kind}"


def _closed_wave(
    who: Operator, session: Session, programme: Programme, kind: str
) -> QuestionnaireWave:
    """The programme's wave of `kind` once closed; otherwise exit 2 naming the command to run
    (a refusal of a wave still open is audited)."""
    assert programme.id is not None
    wave = programme_waves(session, programme.id).get(kind)
    reader = Reader(LOCALE, programme.timezone, utcnow())
    state = wave_state(wave, reader.now)
    if wave is None or state not in (CLOSED, OPEN):
        raise fail(
            f"The {reader.wave_name(kind)} of {programme.slug!r} has not been opened: "
            f"`{_command('open', programme, kind)}` opens it."
        )
    if state == OPEN:
        who.audit(
            session, "questionnaires.synthesis", programme.slug, kind=kind, outcome="not_closed"
        )
        session.commit()
        later = synthesis_later(reader, wave)
        raise fail(f"{later} `{_command('close', programme, kind)}` closes it now.")
    return wave


def synthesis(
    programme: ProgrammeOption, kind: KindOption, db: DbOption = None, as_account: AsOption = None
) -> None:
    """The anonymised synthesis of a closed wave: no figure for a group of fewer than 5 answers."""
    kind = _kind(kind)
    who = operator(db, as_account)
    with who.session() as session:
        found = who.programme(session, programme)
        who.check(session, found, "questionnaires.synthesis")
        wave = _closed_wave(who, session, found, kind)
        reading = read_synthesis(session, found, wave, utcnow())
        details = reading.audit()
        who.audit(session, "questionnaires.synthesis", found.slug, kind=kind, **details)
        session.commit()
        text = reading_text(Reader(LOCALE, found.timezone, utcnow()), found, wave, reading)
        if reading.outcome == HELD:
            raise fail(text)
        out.print(text, highlight=False, markup=False)
        if withheld(reading.synthesis):
            out.print(
                f"On the command line: set `free_text_in_synthesis = true` in the programme's "
                f"file (`mentorbot programme show {found.slug} --toml`), then "
                "`mentorbot programme apply FILE.toml`.",
                highlight=False,
                markup=False,
            )
