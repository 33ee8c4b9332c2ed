"""Prices: forecast a price series, the synthetic one or your own CSV, against naive forecasts."""

import streamlit as st

from lstm_viz.i18n import say, t
from lstm_viz.present import panels
from lstm_viz.present.task_words import words
from lstm_viz.present.verdict import verdict
from lstm_viz.serving.sessions import FIGURES
from lstm_viz.tasks import prices, series
from views import shared, state, teacher

# Measured on seeds 0-4 at the defaults otherwise (docs/science.md, Prices): one step ahead the
# gated models end solved in 1/5 (LSTM) and 4/5 (GRU) seeds, late and unsteadily; five steps
# ahead, where the season outweighs the noise, in 5/5 each, from step 200-925, and the RNN in 0/5.
PRICES_HORIZON = 5

st.title(t("prices.title"))
config = state.CURSOR.get().run.config


def _use_prices() -> None:
    """The price series five steps ahead, and training starts: one press."""
    state.put_settings({"task": "series", "horizon": PRICES_HORIZON})
    state.PLAYING.set(True)


def _use_synthetic() -> None:
    state.SERIES.set(series.SYNTHETIC)


if config.task != "series":
    st.markdown(t("prices.offer"))
    if not teacher.may_change("task", "horizon"):
        st.caption(t("hidden.no_shortcut"))
        st.stop()
    st.button(t("prices.use_prices"), key=state.USE_PRICES, type="primary", on_click=_use_prices,
              icon=":material/show_chart:",
              help=t("prices.use_prices_help", horizon=PRICES_HORIZON))
    st.stop()

task = state.CURSOR.get().run.task
st.markdown(t("prices.intro", seq_len=task.seq_len, horizon=task.horizon))
st.markdown(t("prices.honest", period=series.PERIOD))


def upload_box() -> None:
    """A CSV upload: pick a numeric column, check it, and train on it; a failure keeps the
    series in use and says why."""
    with st.expander(t("prices.upload"), expanded=True):
        st.caption(t("prices.upload_caption", mb=prices.megabytes(prices.MAX_UPLOAD_BYTES),
                     rows=prices.MIN_ROWS))
        upload = st.file_uploader(t("prices.csv_file"), type=["csv"], key=state.UPLOAD)
        if upload is not None:
            data = upload.getvalue()
            try:
                columns = prices.csv_columns(data)
            except prices.UploadError as problem:
                st.error(t("prices.unchanged", problem=say(problem)))
                return
            column = st.selectbox(t("prices.column"), columns, index=prices.price_column(columns),
                                  key=state.UPLOAD_COLUMN, help=t("prices.column_help"))
            if st.button(t("prices.use_upload"), key=state.USE_UPLOAD, type="primary"):
                try:
                    values = prices.read_prices(data, column)
                    key = series.UPLOADS.add(values)
                except prices.UploadError as problem:
                    st.error(t("prices.unchanged", problem=say(problem)))
                    return
                state.SERIES.set(key)
                state.UPLOAD_NAMES.set({key: (column, upload.name)})
                st.rerun()
        if config.series != series.SYNTHETIC:
            names = state.UPLOAD_NAMES.get()
            if config.series in names:
                column, file = names[config.series]
                name = t("prices.upload_name", column=column, file=file)
            else:
                name = t("prices.your_upload")
            st.caption(t("prices.in_use", name=name, series=config.series))
            st.button(t("prices.back"), key=state.USE_SYNTHETIC, on_click=_use_synthetic)


def draw(view):
    figs = FIGURES.get(view, panels.race)
    forecast = panels.forecasts(view)["forecast"]
    left, right = st.columns(2)
    with left:
        shared.chart(figs["race_metric"], "price_metric")
    with right:
        shared.chart(forecast, "price_forecast")
    st.markdown(t("prices.verdict", verdict=verdict(view)))
    st.caption(t("prices.task", task=words(view.task).describe()))


upload_box()
shared.live(draw)
