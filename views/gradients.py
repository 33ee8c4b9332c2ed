"""Gradient flow: how much of the error signal reaches each earlier time step, and why."""

import streamlit as st

from lstm_viz.i18n import t
from lstm_viz.present import figures, panels, texts
from lstm_viz.serving.sessions import FIGURES
from views import shared

st.title(t("gradients.title"))
st.markdown(t("gradients.intro"))


def pair(figs, left, right):
    """Two charts side by side on a desktop, one under the other on a phone (a chart the run
    does not have yet keeps its place)."""
    columns = st.columns(2)
    for column, key in zip(columns, (left, right)):
        with column:
            shared.chart(figs.get(key), key)


def draw(view):
    figs = FIGURES.get(view, panels.gradients)
    for kind in view.kinds:  # a slot per model: a model that diverges does not move the page
        slot = st.empty()
        if kind in view.diverged:
            slot.warning(t("gradients.not_finite", model=figures.model_name(kind, view.diverged)))
    pair(figs, "grad_init", "grad_now")
    st.markdown("\n\n".join(texts.gradient_start(view)))
    histories = [f"history_{kind}" for kind in view.kinds]
    for column, key in zip(st.columns(len(histories)), histories):
        with column:
            shared.chart(figs.get(key), key)
    st.markdown(t("gradients.mechanism"))
    pair(figs, "factors", "products")
    pair(figs, "connectivity", "sigma")
    sigma_note = st.empty()
    if "sigma" in figs:
        sigma_note.caption(t("gradients.sigma_note"))


shared.live(draw)
