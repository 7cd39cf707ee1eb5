"""The applications CSV read and written without a database: delimiters, line numbers of rows
spread over several lines, repeated accounts, cell counts, and formulas kept out of spreadsheets."""

from __future__ import annotations

import csv
import io

from bot.domain.application_rows import (
    COLUMNS,
    EXPORT_COLUMNS,
    RowError,
    export_cells,
    read_rows,
    sniff,
)
from tests.applications_data import MENTEE, MENTOR, csv_text, person

TOPICS = ["prise de poste", "management d'équipe"]


def test_the_delimiter_is_sniffed_from_the_header() -> None:
    assert sniff(",".join(COLUMNS)) == ","
    assert sniff(";".join(COLUMNS)) == ";"
    assert sniff("role") == ","
    semicolons = read_rows(csv_text([MENTOR], ";"), TOPICS)
    assert semicolons.errors == [] and semicolons.rows[0].topics == TOPICS


def test_line_numbers_count_the_lines_of_multi_line_cells() -> None:
    rows = [person(MENTEE, "Léa", "console:lea", motivation="Un\ndeux\ntrois"), MENTOR]
    text = csv_text(rows).replace("console:marc", "console:marc x")
    found = read_rows(text, TOPICS)
    assert found.rows[0].motivation == "Un\ndeux\ntrois"
    assert [(e.line, e.column) for e in found.errors] == [(5, "account")]


def test_a_row_with_too_few_cells_and_repeated_accounts_are_faults() -> None:
    text = csv_text([MENTOR, person(MENTOR, "Marc", "console:marc", role="both")])
    text += "mentee,Léa\n\n"
    found = read_rows(text, TOPICS)
    assert found.errors == [
        RowError(3, "account", "already applies as mentor on line 2"),
        RowError(4, "(row)", "2 cells, but the header has 16 columns"),
    ]
    assert [row.line for row in found.rows] == [2]


def test_topics_are_matched_without_case_or_accents_and_required_when_there_are_some() -> None:
    found = read_rows(
        csv_text([person(MENTEE, "A", "console:a", topics="MANAGEMENT D'EQUIPE")]), TOPICS
    )
    assert found.rows[0].topics == ["management d'équipe"]
    empty = read_rows(csv_text([person(MENTEE, "A", "console:a", topics="")]), TOPICS)
    assert empty.errors == [RowError(2, "topics", "required, but empty")]
    assert read_rows(csv_text([person(MENTEE, "A", "console:a", topics="")]), []).errors == []


def test_an_exported_row_reads_back_and_never_runs_as_a_formula() -> None:
    row = read_rows(csv_text([MENTEE]), TOPICS).rows[0]
    answers = {**row.answers(), "motivation": "=cmd|' /C calc'!A0", "unit": None}
    cells = export_cells("mentee", "@Léa", "console:lea", answers, "eligible")
    assert cells[EXPORT_COLUMNS.index("motivation")] == "'=cmd|' /C calc'!A0"
    assert cells[EXPORT_COLUMNS.index("name")] == "'@Léa"
    buffer = io.StringIO()
    csv.writer(buffer).writerows([EXPORT_COLUMNS, cells])
    again = read_rows(buffer.getvalue(), TOPICS)
    assert again.errors == []
    assert again.rows[0].name == "@Léa"
    assert again.rows[0].answers() == answers
