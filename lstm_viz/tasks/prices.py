"""Price series for a one-step-ahead forecasting task: seeded synthetic prices and CSV uploads.

``synthetic_prices`` makes a reproducible daily price series. ``csv_columns`` and ``read_prices``
read a user's CSV upload safely: size cap before parsing, UTF-8 or CP949 text only, pandas'
CSV parser only (no eval, no pickle), and every rejection is an ``UploadError`` whose message is a
sentence to show the user (``lstm_viz.i18n.say``). Row numbers in messages are spreadsheet rows:
the header is row 1.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from lstm_viz.message import Message, Problem, message

MAX_UPLOAD_BYTES = 5_000_000  # 5 MB as the uploader counts them (``megabytes``)
MIN_ROWS = 200  # fewest usable rows an upload may have

NUMERIC_SHARE = 0.9  # share of a column's non-empty cells that must be numbers to offer it
ENCODINGS = ("utf-8-sig", "cp949")  # utf-8-sig also reads UTF-8 without a byte order mark
PRICE_NAMES = ("종가", "close", "adj close", "price", "가격", "현재가")  # offered first
_SHOWN_CHARS = 40  # longest cell text or column name quoted back to the user
_SHOWN_COLUMNS = 12  # most column names listed in one message


class UploadError(Problem):
    """A user's file was rejected; ``error.message`` is a clear sentence to show them."""


def synthetic_prices(n: int, seed: int, period: int = 40, drift: float = 0.0002,
                     volatility: float = 0.01, amplitude: float = 0.05) -> np.ndarray:
    """Seeded daily prices (n,), float64, > 0: geometric Brownian motion times a seasonal factor:
    log p_t = log 100 + drift*t + volatility*W_t + amplitude*s(t), W a standard random walk
    (numpy Generator(PCG64(seed))) and s a sawtooth of the given period, (t mod period)/period,
    0 at t = 0: a slow rise through each season, then a fall of ``amplitude`` at its end. Unlike a
    sine, whose slope gives its phase away at any moment, the fall can only be foreseen by a
    model that remembers the previous one, a whole season back.

    W_0 = 0 and W_t is the sum of t independent standard normal steps, so p_0 = 100.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    if period <= 0:
        raise ValueError(f"period must be positive, got {period}")
    rng = np.random.Generator(np.random.PCG64(seed))
    walk = np.concatenate(([0.0], np.cumsum(rng.standard_normal(n - 1))))
    t = np.arange(n, dtype=np.float64)
    season = amplitude * np.mod(t, period) / period
    return np.exp(math.log(100.0) + drift * t + volatility * walk + season)


def csv_columns(data: bytes) -> list[str]:
    """Names of the columns of an uploaded CSV that hold numbers (after validation of size and
    encoding). Raises UploadError: too big, not decodable, not a CSV pandas can parse, no numeric
    column."""
    frame = _read_frame(data)
    names = _numeric_names(frame)
    if not names:
        raise UploadError("prices.upload.no_numeric", names=_list_names(frame.columns),
                            share=f"{NUMERIC_SHARE:.0%}")
    return names


def price_column(columns: list[str]) -> int:
    """The position of the column to offer first: one named like a closing price, else the
    first."""
    named = [i for i, c in enumerate(columns) if c.strip().lower() in PRICE_NAMES]
    return named[0] if named else 0


def read_prices(data: bytes, column: str) -> np.ndarray:
    """The chosen column as float64 (n,). Raises UploadError for each case below.

    Too big, empty, not UTF-8 or CP949, not parseable as CSV, no such column, too few rows,
    cells that are not finite numbers, missing cells (rejected, not dropped), all values equal,
    values that are zero or negative.
    """
    frame = _read_frame(data)
    if column not in frame.columns:
        raise UploadError("prices.upload.no_such_column", name=_quote(column),
                            names=_list_names(frame.columns))
    cells = frame[column]
    name = _quote(column)
    if len(cells) < MIN_ROWS:
        raise UploadError("prices.upload.too_few_rows", name=name, rows=len(cells),
                            min=MIN_ROWS)
    missing, values = _missing_and_values(cells)
    bad = ~missing & ~np.isfinite(values)
    if bad.any() and not _is_numeric(cells):  # e.g. the date column: point to numeric ones
        first = int(np.flatnonzero(bad)[0])
        numeric = _numeric_names(frame)
        advice = (message("prices.upload.choose_numeric", names=_list_names(numeric)) if numeric
                  else message("prices.upload.none_numeric"))
        raise UploadError("prices.upload.not_prices", name=name,
                            count=_how_many(bad, "prices.upload.not_number_is"),
                            where=_where(bad, _quote(cells.iloc[first])), advice=advice)
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        rows = message("prices.upload.that_row" if bad.sum() == 1 else "prices.upload.those_rows")
        raise UploadError("prices.upload.bad_cells", name=name,
                            count=_how_many(bad, "prices.upload.not_number_that"),
                            where=_where(bad, _quote(cells.iloc[first])), rows=rows)
    if missing.any():
        them = message("prices.upload.it" if missing.sum() == 1 else "prices.upload.them")
        raise UploadError("prices.upload.missing", name=name,
                            count=_how_many(missing, "prices.upload.missing"),
                            where=_where(missing), them=them)
    if np.ptp(values) == 0:
        raise UploadError("prices.upload.constant", name=name, value=f"{values[0]:g}")
    not_positive = values <= 0
    if not_positive.any():
        first = int(np.flatnonzero(not_positive)[0])
        raise UploadError("prices.upload.not_positive", name=name,
                            count=_how_many(not_positive, "prices.upload.not_positive"),
                            where=_where(not_positive, f"{values[first]:g}"))
    return values


def _read_frame(data: bytes) -> pd.DataFrame:
    """Check size and encoding, then parse with pandas; every cell a string or NaN."""
    text = _decode(data)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            dtype=str,  # conversion is done here, so row numbers and cell texts can be reported
            thousands=",",  # no effect on str cells: _missing_and_values strips separators
            index_col=False,  # never turn the first column into an index
            skip_blank_lines=False,  # keep row numbers equal to spreadsheet rows
        )
    except pd.errors.EmptyDataError:  # blank text is caught in _decode; kept as a guard
        raise UploadError("prices.upload.empty", rows=MIN_ROWS) from None
    except (pd.errors.ParserError, ValueError) as error:
        raise UploadError("prices.upload.unreadable", problem=_parse_problem(error),
                            save=message("prices.upload.save_as_csv")) from None
    return _drop_trailing_empty_rows(frame)


def _parse_problem(error: Exception) -> Message | str:
    """pandas' parse error in spreadsheet terms (row 1 is the header) where it is a known one."""
    detail = str(error).split("C error:")[-1].strip().rstrip(".")
    if found := re.fullmatch(r"Expected (\d+) fields in line (\d+), saw (\d+)", detail):
        expected, line, seen = found.groups()
        return message("prices.upload.fields", line=line, seen=seen, expected=expected)
    if found := re.fullmatch(r"EOF inside string starting at row (\d+)", detail):
        return message("prices.upload.quote", row=int(found.group(1)) + 1)
    return detail


def megabytes(size: int) -> str:
    """A size in megabytes as Streamlit's file uploader writes it (1 MB = 1,000,000 bytes:
    a 6.0 MiB file is 6.3 MB), rounded up to a tenth (5 MB and a byte: 5.1), a whole number
    without its .0."""
    tenths = math.ceil(size / 100_000)
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths / 10:.1f}"


def _decode(data: bytes) -> str:
    """Text of the upload: size checked first, then NUL bytes, UTF-8 (BOM or not), CP949, blank."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError("prices.upload.too_big", size=megabytes(len(data)),
                          limit=megabytes(MAX_UPLOAD_BYTES))
    if b"\x00" in data:
        raise UploadError("prices.upload.binary", save=message("prices.upload.save_as_csv"))
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not text.strip():
            raise UploadError("prices.upload.empty", rows=MIN_ROWS)
        return text
    raise UploadError("prices.upload.encoding", save=message("prices.upload.save_as_csv"))


def _drop_trailing_empty_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop blank lines and all-empty rows at the end of the file (spreadsheets leave them)."""
    stripped = frame.apply(lambda col: col.str.strip())
    filled = (stripped.notna() & (stripped != "")).any(axis=1)
    last = np.flatnonzero(filled.to_numpy(dtype=bool))
    return frame.iloc[: last[-1] + 1 if len(last) else 0]


def _missing_and_values(cells: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Mask of empty cells and the numbers (NaN where missing or not a number; inf stays inf)."""
    stripped = cells.str.strip()
    missing = (stripped.isna() | (stripped == "")).to_numpy(dtype=bool)
    numbers = pd.to_numeric(stripped.str.replace(",", "", regex=False), errors="coerce")
    return missing, numbers.to_numpy(dtype=np.float64, na_value=np.nan)


def _numeric_names(frame: pd.DataFrame) -> list[str]:
    """Names of the columns that count as numeric, in file order."""
    return [name for name in frame.columns if _is_numeric(frame[name])]


def _is_numeric(cells: pd.Series) -> bool:
    """Whether at least NUMERIC_SHARE of the column's non-empty cells are finite numbers."""
    missing, values = _missing_and_values(cells)
    filled = int((~missing).sum())
    return filled > 0 and int(np.isfinite(values[~missing]).sum()) >= NUMERIC_SHARE * filled


def _row(position: int) -> int:
    """Spreadsheet row of a 0-based data row: the header is row 1."""
    return position + 2


def _how_many(mask: np.ndarray, key: str) -> Message:
    """'1 cell', '3 cells': the count of flagged cells with the right noun (texts ``key.one``
    and ``key.many``)."""
    k = int(mask.sum())
    return message(f"{key}.one" if k == 1 else f"{key}.many", n=k)


def _where(mask: np.ndarray, shown: str = "") -> Message:
    """'in row 7: x' for one flagged cell, '(the first is in row 7: x)' for more."""
    row = _row(int(np.flatnonzero(mask)[0]))
    place = (message("prices.upload.row_shown", row=row, shown=shown) if shown
             else message("prices.upload.row", row=row))
    return message("prices.upload.where_one" if int(mask.sum()) == 1
                   else "prices.upload.where_many", place=place)


def _quote(text: object) -> str:
    """A cell text or column name to show: quoted, one line, shortened."""
    shown = " ".join(str(text).split())
    if len(shown) > _SHOWN_CHARS:
        shown = shown[: _SHOWN_CHARS - 3] + "..."
    return f"'{shown}'"


def _list_names(names: Sequence[str]) -> Message | str:
    """Column names for a message, the first few only when there are many."""
    shown = ", ".join(_quote(name) for name in names[:_SHOWN_COLUMNS])
    extra = len(names) - _SHOWN_COLUMNS
    return message("prices.upload.and_more", shown=shown, extra=extra) if extra > 0 else shown
