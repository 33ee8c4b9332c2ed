"""Gradient flow: how much of the error signal reaches each earlier time step, and why."""

import streamlit as st

from lstm_viz.i18n import t
from lstm_viz.present import figures, panels, texts
from lstm_viz.serving.sessions import FIGURES
from views import shared

st.title(t("gradients.title"))
st.markdown(t("gradients.intro"))


def pair(figs, left, right):
    """Two charts side by side on a desktop, one under the other on a phone."""
    columns = st.columns(2)
    for column, key in zip(columns, (left, right)):
        if key in figs:
            with column:
                shared.chart(figs[key], key)


def draw(view):
    figs = FIGURES.get(view, panels.gradients)
    for kind in view.diverged:
        st.warning(t("gradients.not_finite", model=figures.model_name(kind, view.diverged)))
    pair(figs, "grad_init", "grad_now")
    for sentence in texts.gradient_start(view):
        st.markdown(sentence)
    histories = [k for k in figs if k.startswith("history_")]
    for column, key in zip(st.columns(len(histories)), histories):
        with column:
            shared.chart(figs[key], key)
    st.markdown(t("gradients.mechanism"))
    pair(figs, "factors", "products")
    pair(figs, "connectivity", "sigma")
    if "sigma" in figs:
        st.caption(t("gradients.sigma_note"))


shared.live(draw)
