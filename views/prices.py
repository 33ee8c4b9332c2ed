"""Prices: forecast a price series, the synthetic one or your own CSV, against naive forecasts."""

import streamlit as st

from lstm_viz import panels, prices, series
from lstm_viz.sessions import FIGURES
from lstm_viz.verdict import verdict
from views import shared

st.title("Prices: forecasting a series")
config = st.session_state.cursor.run.config


def _use_prices() -> None:
    st.session_state.task = "series"


def _use_synthetic() -> None:
    st.session_state.series = series.SYNTHETIC


if config.task != "series":
    st.markdown(
        "Papers that compare RNNs and LSTMs often forecast stock prices. This page trains the "
        "models on a price series, a synthetic one with a slow season or a CSV of your own, "
        "and scores them against the forecasts any model must beat: the last price, and the "
        "last price plus the change one season earlier.")
    st.button("Train on prices", key="use_prices", type="primary", on_click=_use_prices,
              icon=":material/show_chart:", help="Sets the sidebar's Task to series.")
    st.stop()

task = st.session_state.cursor.run.task
st.markdown(
    f"Each model reads a window of {task.seq_len} log prices and forecasts the price "
    f"{task.horizon} step(s) later. Scores are RMSE on the last 20% of the series, which no "
    "model trains on, in units of the typical change over the horizon. **Naive** repeats the "
    "last price; **seasonal naive** adds to it the change over the same steps one season "
    "earlier.")
st.markdown(
    "**Be honest about prices.** On real prices the naive forecast is very hard to beat: "
    "tomorrow's price is today's plus noise, and no window of past prices, however long, "
    "predicts that noise. The synthetic series has what real prices lack: a season of "
    f"{series.PERIOD} steps under its noise, longer than a vanilla RNN's memory, so a model "
    "that looks far enough back can tell where in the season the price is.")


def upload_box() -> None:
    """A CSV upload: pick a numeric column, check it, and train on it; a failure keeps the
    series in use and says why."""
    with st.expander("Use your own prices (CSV)", expanded=config.series != series.SYNTHETIC):
        st.caption(f"A comma-separated file with a header row, up to "
                   f"{prices.MAX_UPLOAD_BYTES // 2**20} MB, UTF-8 or CP949, with a column of "
                   f"at least {prices.MIN_ROWS} positive prices in time order, oldest first.")
        upload = st.file_uploader("CSV file", type=["csv"], key="upload")
        if upload is not None:
            data = upload.getvalue()
            try:
                columns = prices.csv_columns(data)
            except prices.UploadError as problem:
                st.error(f"{problem} The series in use is unchanged.")
                return
            column = st.selectbox("Price column", columns, index=_price_column(columns),
                                  key="upload_column",
                                  help="The column of prices, oldest first. A date column "
                                       "that reads as numbers (20240131) is no price.")
            if st.button("Train on this column", key="use_upload", type="primary"):
                try:
                    values = prices.read_prices(data, column)
                    key = series.UPLOADS.add(values)
                except prices.UploadError as problem:
                    st.error(f"{problem} The series in use is unchanged.")
                    return
                st.session_state.series = key
                st.session_state.upload_names = {key: f"column '{column}' of {upload.name}"}
                st.rerun()
        if config.series != series.SYNTHETIC:
            name = st.session_state.get("upload_names", {}).get(config.series, "your upload")
            st.caption(f"In use: {name} ({config.series}).")
            st.button("Back to the synthetic series", key="use_synthetic",
                      on_click=_use_synthetic)


PRICE_NAMES = ("종가", "close", "adj close", "price", "가격", "현재가")


def _price_column(columns: list[str]) -> int:
    """The column to offer first: one named like a closing price, else the first."""
    named = [i for i, c in enumerate(columns) if c.strip().lower() in PRICE_NAMES]
    return named[0] if named else 0


def draw(view):
    figs = FIGURES.get(view, panels.race)
    forecast = panels.forecasts(view)["forecast"]
    left, right = st.columns(2)
    with left:
        shared.chart(figs["race_metric"], "price_metric")
    with right:
        shared.chart(forecast, "price_forecast")
    st.markdown(f"**Verdict:** {verdict(view)}")
    st.caption(f"Task: {view.task.describe()}")


upload_box()
shared.live(draw)
