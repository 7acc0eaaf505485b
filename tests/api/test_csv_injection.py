"""F12: spreadsheet formulas hidden behind whitespace or line breaks are defused in CSV exports."""

import csv
import io

import pytest

from statements.api.renderers import _safe_cell
from tests import factories as f


@pytest.mark.parametrize(
    "cell",
    [
        "=1+1",
        " =1+1",
        '\n=HYPERLINK("http://bad.example")',
        "  \r\n@SUM(A1)",
        "\u00a0+1",
        "\t1",
        "\r-2",
        " - x",
    ],
)
def test_formula_starts_are_defused_after_leading_whitespace(cell):
    assert _safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Plain words", "a=b", "", "  words = fine", 42, None, "1-2"])
def test_other_cells_are_left_as_they_are(cell):
    assert _safe_cell(cell) == cell


def test_the_statements_csv_defuses_formulas_behind_whitespace_and_line_breaks(api, db):
    who = f.person("\n=cmd|' /C calc'!A0", country_code="GB")
    f.statement(who, " \n-2+3 is what we will pay, and not a penny more.")
    response = api.get("/api/v1/statements/", {"format": "csv"})
    body = b"".join(response.streaming_content).decode()
    header, row = list(csv.reader(io.StringIO(body)))[:2]
    assert row[header.index("speaker")] == "'\n=cmd|' /C calc'!A0"
    assert row[header.index("quote")].startswith("'") and "-2+3" in row[header.index("quote")]
    for cell in row:
        assert not cell.lstrip(" \t\r\n").startswith(("=", "+", "-", "@")), cell
