"""Tests for lstm_viz.tasks.prices: synthetic prices and CSV upload validation."""

from __future__ import annotations

import numpy as np
import pytest

from lstm_viz.i18n import say
from lstm_viz.tasks.prices import (
    MAX_UPLOAD_BYTES,
    MIN_ROWS,
    UploadError,
    csv_columns,
    megabytes,
    price_column,
    read_prices,
    synthetic_prices,
)

N_ROWS = 250
PRICE = "종가"  # Korean for "closing price"


def make_csv(prices=None, *, header=("날짜", PRICE, "거래량"), encoding="utf-8") -> bytes:
    """A CSV with a date column, a price column (thousands-separated, quoted) and a volume column.

    ``prices`` may hold strings, written into the cell as they are.
    """
    if prices is None:
        prices = synthetic_prices(N_ROWS, seed=1) * 20
    lines = [",".join(header)]
    for i, price in enumerate(prices):
        cell = price if isinstance(price, str) else f'"{price:,.6f}"'
        lines.append(f"2024-{1 + i // 28 % 12:02d}-{1 + i % 28:02d},{cell},{1000 + i}")
    return ("\n".join(lines) + "\n").encode(encoding)


def good_cells() -> list[str]:
    """N_ROWS cells of a valid price column, to break one by one."""
    return [f"{100 + i % 17}.5" for i in range(N_ROWS)]


def rejected(data: bytes, column: str | None = PRICE) -> str:
    """The message of the UploadError raised for data (csv_columns when column is None)."""
    with pytest.raises(UploadError) as info:
        if column is None:
            csv_columns(data)
        else:
            read_prices(data, column)
    return say(info.value)


# synthetic_prices


def test_synthetic_prices_is_seeded_positive_and_of_length_n():
    a = synthetic_prices(500, seed=3)
    assert a.shape == (500,) and a.dtype == np.float64
    assert np.array_equal(a, synthetic_prices(500, seed=3))
    assert not np.array_equal(a, synthetic_prices(500, seed=4))
    assert np.all(a > 0) and np.all(np.isfinite(a))
    assert a[0] == pytest.approx(100.0)
    assert synthetic_prices(1, seed=0).shape == (1,)


@pytest.mark.parametrize("period", [25, 40])
def test_synthetic_prices_have_the_stated_seasonal_period(period):
    t = np.arange(1000)
    log_p = np.log(synthetic_prices(1000, seed=0, period=period, volatility=1e-4))
    detrended = log_p - np.polyval(np.polyfit(t, log_p, 1), t)
    assert np.corrcoef(detrended, np.mod(t, period) / period)[0, 1] > 0.99
    assert np.corrcoef(detrended, np.mod(t, period * 1.5) / period)[0, 1] < 0.5


def test_synthetic_prices_rejects_bad_arguments():
    with pytest.raises(ValueError):
        synthetic_prices(0, seed=0)
    with pytest.raises(ValueError):
        synthetic_prices(10, seed=0, period=0)


# good uploads


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_good_csv_round_trips_with_korean_column_names(encoding):
    expected = synthetic_prices(N_ROWS, seed=1) * 20  # > 1,000, so cells hold thousands separators
    data = make_csv(expected, encoding=encoding)
    assert csv_columns(data) == [PRICE, "거래량"]  # numeric columns only, in file order
    got = read_prices(data, PRICE)
    assert got.dtype == np.float64 and got.shape == (N_ROWS,)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)


def test_whitespace_thousands_and_trailing_blank_lines_are_fine():
    cells = [f'" {1000 + i:,} "' for i in range(N_ROWS)]
    data = make_csv(cells) + b"\n,,\n\n"
    np.testing.assert_array_equal(read_prices(data, PRICE), 1000 + np.arange(N_ROWS))


def test_a_column_counts_as_numeric_from_90_percent_of_its_filled_cells():
    rows = ["a,b,c,d"]
    rows += [f"{i},{'x' if i % 20 == 0 else i},{'x' if i % 2 else i}," for i in range(100)]
    assert csv_columns("\n".join(rows).encode()) == ["a", "b"]  # b: 95%, c: 50%, d: empty


# 1. size


def test_too_big_is_rejected_before_parsing():
    message = rejected(b"\xff" * (MAX_UPLOAD_BYTES + 1), column=None)  # not even decodable
    assert "5.1 MB" in message and "limit is 5 MB" in message


@pytest.mark.parametrize("size, said", [(6 * 2**20, "6.3"), (5_000_001, "5.1"), (5_000_000, "5"),
                                        (100_000, "0.1"), (1, "0.1")])
def test_sizes_are_in_the_uploaders_megabytes(size, said):
    """Streamlit's uploader counts 1 MB as 1,000,000 bytes: a 6.0 MiB file is 6.3 MB there,
    and the app's note said 6.1."""
    assert megabytes(size) == said


def test_a_six_mib_file_is_called_what_the_uploader_calls_it():
    assert "The file is 6.3 MB; the limit is 5 MB" in rejected(b"a" * 6 * 2**20, column=None)


@pytest.mark.parametrize("data", [b"", b" \r\n\n", b"\xef\xbb\xbf\n"])
def test_empty_file_is_rejected(data):
    assert "empty" in rejected(data, column=None)
    assert "empty" in rejected(data, PRICE)


# 2. encoding


def test_undecodable_bytes_are_rejected_naming_the_encodings():
    message = rejected("price\n1.5\n".encode("latin-1") + b"\xff\xe9,\x80\n", column=None)
    assert "encoding" in message and "UTF-8" in message and "CP949" in message


@pytest.mark.parametrize("data", [
    "종가\n1\n".encode("utf-16"),
    b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml",
])
def test_binary_or_utf16_files_are_rejected(data):
    message = rejected(data, column=None)
    assert "encoding" in message and "CSV UTF-8" in message


# 3. parse


@pytest.mark.parametrize("text, problem", [
    ("a,b\n1,2\n3,4\n5,6,7\n", "row 4 has 3 cells but the header row has 2"),
    ('a,b\n1,2\n3,4\n"5,6\n7,8\n', "a quote opened in row 4 is never closed"),
])
def test_malformed_csv_is_rejected(text, problem):
    message = rejected(text.encode(), column=None)
    assert "could not be read as a CSV" in message and problem in message


# 4. no numeric column


def test_no_numeric_column_lists_the_columns_seen():
    rows = ["name,city"] + ["kim,seoul"] * 10
    message = rejected("\n".join(rows).encode(), column=None)
    assert "No column" in message and "'name', 'city'" in message


def test_header_only_file_has_no_numeric_column():
    assert "No column" in rejected(b"date,close\n", column=None)


# 5. unknown column


def test_unknown_column_is_rejected():
    message = rejected(make_csv(), "Close")
    assert "no column named 'Close'" in message and PRICE in message


# 6. non-numeric cells, infinities included


def test_non_numeric_cell_gives_count_row_and_text():
    cells = good_cells()
    cells[3] = "abc"  # data row 4: spreadsheet row 5
    cells[10] = "n/a?"
    message = rejected(make_csv(cells))
    assert "2 cells" in message and "row 5" in message and "'abc'" in message


@pytest.mark.parametrize("text", ["inf", "-Infinity", "1e400"])
def test_infinite_values_count_as_non_numeric(text):
    cells = good_cells()
    cells[0] = text
    message = rejected(make_csv(cells))
    assert "1 cell that is not a number in row 2" in message


def test_choosing_a_column_of_text_points_to_the_numeric_columns():
    message = rejected(make_csv(), "날짜")
    assert "does not hold prices" in message and "row 2: '2024-01-01'" in message
    assert f"'{PRICE}', '거래량'" in message


# 7. missing values


@pytest.mark.parametrize("blank", ["", "  ", "NaN"])
def test_missing_values_are_rejected_not_dropped(blank):
    cells = good_cells()
    cells[5] = blank  # spreadsheet row 7
    cells[8] = ""
    message = rejected(make_csv(cells))
    assert "2 missing values" in message and "row 7" in message and "fill or remove" in message


def test_an_all_empty_column_is_all_missing():
    data = ("날짜,메모\n" + "2024-01-01,\n" * N_ROWS).encode()
    message = rejected(data, "메모")
    assert f"{N_ROWS} missing values (the first is in row 2)" in message


def test_blank_line_inside_the_data_is_a_missing_row():
    lines = make_csv(good_cells()).decode().splitlines()
    lines.insert(6, "")  # becomes spreadsheet row 7
    message = rejected(("\n".join(lines) + "\n").encode())
    assert "1 missing value in row 7" in message and "fill or remove it" in message


# 8. too few rows


def test_too_few_rows_gives_count_and_minimum():
    message = rejected(make_csv(good_cells()[: MIN_ROWS - 1]))
    assert f"only {MIN_ROWS - 1} rows" in message and f"at least {MIN_ROWS}" in message


# 9. constant column


def test_constant_column_is_rejected():
    assert "same value" in rejected(make_csv(["100.0"] * N_ROWS))


# 10. non-positive values


@pytest.mark.parametrize("value", ["0", "-3.5"])
def test_non_positive_values_are_rejected_with_row(value):
    cells = good_cells()
    cells[12] = value  # spreadsheet row 14
    message = rejected(make_csv(cells))
    assert "positive" in message and "row 14" in message


# other columns do not matter


def test_only_the_chosen_column_is_validated():
    cells = good_cells()
    data = make_csv(cells, header=("날짜", PRICE, "메모"))
    data = data.replace(b",1000\n", b",\n")  # a blank cell in the memo column
    assert len(read_prices(data, PRICE)) == N_ROWS


@pytest.mark.parametrize("columns, offered", [
    (["date", "volume", "종가"], 2), (["Date", " Close "], 1), (["date", "Adj Close"], 1),
    (["open", "high"], 0), (["close", "price"], 0),
])
def test_the_column_offered_first_is_named_like_a_closing_price(columns, offered):
    assert price_column(columns) == offered
