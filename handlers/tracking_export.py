"""The tracking table as a file, CSV or XLSX: per pair, its meetings' date, start time, duration,
format, general themes and attendance, and nothing else (see `storage.tracking`).

Headers and words are in the coordinator's language; dates and times in the programme's zone.
`write_table` streams rows into a binary handle (the command line's file); `tracking_file` gives
the bytes and a file name for the chat. A text cell that a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) is neutralised: an apostrophe in front in
CSV, and in XLSX every text is written as a string cell, never as a formula.

CSV: UTF-8 with a byte-order mark, so that Excel reads accents right. In French the separator
is `;` and dates are dd/mm/yyyy, which is what Excel and LibreOffice set to French expect (the
comma is their decimal mark); in English the separator is `,` and dates are yyyy-mm-dd, the one
form that British and American spreadsheets both read as the same day.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from typing import IO, Any
from zoneinfo import ZoneInfo

import xlsxwriter
from sqlmodel import Session

from messages.catalog import has_text, supported, t
from storage.models import Programme
from storage.tracking import TrackingRow, TrackingSize, tracking_rows

CSV, XLSX = "csv", "xlsx"
MIME_TYPES = {
    CSV: "text/csv",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
COLUMNS = (
    "pair", "mentee", "mentor", "referent", "state",
    "date", "start", "minutes", "format", "themes", "attendance",
)  # fmt: skip
WIDTHS = (8, 24, 24, 24, 22, 14, 10, 10, 16, 40, 14)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_STYLE = {"fr": (";", "%d/%m/%Y"), "en": (",", "%Y-%m-%d")}
XLSX_DAY = {"fr": "dd/mm/yyyy", "en": "d mmm yyyy"}
PROGRESS_EVERY = 1000
Progress = Callable[[int], None]


@cache
def word(locale: str, key: str) -> str:
    """A catalog word, looked up once per export (rows repeat the same few)."""
    return t(locale, key) if has_text(key) else ""


@dataclass(frozen=True)
class Cells:
    """One row of the table, its values typed (a date is a date, a duration a number)."""

    number: int
    pair_texts: tuple[str, str, str, str]  # mentee, mentor, referent, pair state
    day: date | None
    start: time | None
    minutes: int | None
    meeting_texts: tuple[str, str, str]  # format, themes, attendance


def cells(row: TrackingRow, number: int, locale: str, zone: ZoneInfo) -> Cells:
    """`row` as the coordinator reads it, its moment in the programme's zone `zone`."""
    unnamed = word(locale, "tracking-unnamed")
    local = row.scheduled_at.astimezone(zone) if row.scheduled_at is not None else None
    return Cells(
        number=number,
        pair_texts=(
            row.mentee or unnamed,
            row.mentor or unnamed,
            row.referent,
            word(locale, f"export-pair-state-{row.state}"),
        ),
        day=local.date() if local else None,
        start=local.time().replace(second=0, microsecond=0) if local else None,
        minutes=row.duration_minutes,
        meeting_texts=(
            word(locale, f"format-{row.format}") if row.format else "",
            ", ".join(row.themes),
            word(locale, f"meeting-status-{row.status}") if row.status else "",
        ),
    )


def headers(locale: str) -> list[str]:
    """The header row, in `locale`."""
    return [word(locale, f"tracking-col-{column}") for column in COLUMNS]


def neutral(text: str) -> str:
    """`text`, with an apostrophe in front when a spreadsheet would read it as a formula."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


class Counter:
    """Numbers the pairs as rows go by, and counts pairs, meetings and rows."""

    def __init__(self, progress: Progress | None) -> None:
        self.pairs = self.meetings = self.rows = 0
        self.last_pair: int | None = None
        self.progress = progress

    def number(self, row: TrackingRow) -> int:
        if row.pair_id != self.last_pair:
            self.pairs, self.last_pair = self.pairs + 1, row.pair_id
        self.meetings += row.scheduled_at is not None
        self.rows += 1
        if self.progress is not None and self.rows % PROGRESS_EVERY == 0:
            self.progress(self.rows)
        return self.pairs

    def size(self) -> TrackingSize:
        if self.progress is not None:
            self.progress(self.rows)
        return TrackingSize(self.pairs, self.meetings, self.rows)


def write_csv(
    rows: Iterable[TrackingRow], handle: IO[bytes], locale: str, zone: ZoneInfo, count: Counter
) -> None:
    """A CSV file in the reader's conventions (see the module's docstring)."""
    separator, day_format = CSV_STYLE[supported(locale)]
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, delimiter=separator)
    writer.writerow(headers(locale))
    for row in rows:
        found = cells(row, count.number(row), locale, zone)
        writer.writerow(
            [
                found.number,
                *(neutral(value) for value in found.pair_texts),
                found.day.strftime(day_format) if found.day else "",
                found.start.strftime("%H:%M") if found.start else "",
                found.minutes if found.minutes is not None else "",
                *(neutral(value) for value in found.meeting_texts),
            ]
        )
    text.detach()  # the caller owns `handle`


def write_xlsx(
    rows: Iterable[TrackingRow], handle: IO[bytes], locale: str, zone: ZoneInfo, count: Counter
) -> None:
    """A sheet streamed row by row (`constant_memory`): bold frozen header, an autofilter,
    column widths, real dates and times, durations as numbers."""
    book = xlsxwriter.Workbook(handle, {"constant_memory": True})
    sheet = book.add_worksheet(word(locale, "tracking-sheet"))
    styles = {
        "head": book.add_format({"bold": True, "bg_color": "#E8EEF4", "text_wrap": True}),
        "day": book.add_format({"num_format": XLSX_DAY[supported(locale)]}),
        "time": book.add_format({"num_format": "hh:mm"}),
        "number": book.add_format({"num_format": "0"}),
    }
    for index, width in enumerate(WIDTHS):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 0)
    for index, title in enumerate(headers(locale)):
        sheet.write_string(0, index, title, styles["head"])
    line = 0
    for row in rows:
        line += 1
        _xlsx_row(sheet, line, cells(row, count.number(row), locale, zone), styles)
    sheet.autofilter(0, 0, max(line, 1), len(COLUMNS) - 1)
    book.close()


def _xlsx_row(sheet: Any, line: int, found: Cells, styles: dict[str, Any]) -> None:
    sheet.write_number(line, 0, found.number, styles["number"])
    for index, value in enumerate(found.pair_texts, start=1):
        sheet.write_string(line, index, value)
    if found.day is not None:
        sheet.write_datetime(line, 5, found.day, styles["day"])
    if found.start is not None:
        sheet.write_datetime(line, 6, found.start, styles["time"])
    if found.minutes is not None:
        sheet.write_number(line, 7, found.minutes, styles["number"])
    for index, value in enumerate(found.meeting_texts, start=8):
        if value:
            sheet.write_string(line, index, value)


WRITERS = {CSV: write_csv, XLSX: write_xlsx}


def write_table(
    session: Session,
    programme: Programme,
    kind: str,
    handle: IO[bytes],
    locale: str,
    *,
    referent_id: int | None = None,
    progress: Progress | None = None,
) -> TrackingSize:
    """Write the programme's table as `kind` (csv or xlsx) into `handle`; what it holds."""
    assert programme.id is not None
    count = Counter(progress)
    rows = tracking_rows(session, programme.id, referent_id)
    WRITERS[kind](rows, handle, locale, ZoneInfo(programme.timezone), count)
    return count.size()


def file_name(programme: Programme, kind: str, locale: str, now: datetime) -> str:
    """`suivi-<slug>-<day>.<kind>`, the day the programme's (sorts well in a folder)."""
    day = now.astimezone(ZoneInfo(programme.timezone)).date().isoformat()
    return f"{word(locale, 'tracking-file-stem')}-{programme.slug}-{day}.{kind}"


@dataclass(frozen=True)
class TrackingFile:
    filename: str
    content: bytes
    mime_type: str
    size: TrackingSize


def tracking_file(
    session: Session,
    programme: Programme,
    kind: str,
    locale: str,
    now: datetime,
    referent_id: int | None = None,
) -> TrackingFile:
    """The whole table in memory, for the chat, with its file name and mime type."""
    buffer = io.BytesIO()
    size = write_table(session, programme, kind, buffer, locale, referent_id=referent_id)
    name = file_name(programme, kind, locale, now)
    return TrackingFile(name, buffer.getvalue(), MIME_TYPES[kind], size)
