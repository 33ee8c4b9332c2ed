"""Gradient flow: how much of the error signal reaches each earlier time step, and why."""

import streamlit as st

from lstm_viz import figures, panels
from lstm_viz.sessions import FIGURES
from views import shared

st.title("Gradient flow")
st.markdown(
    "The loss is computed at the last step T; to learn, that error signal must travel back to "
    "the step that held the information. The first chart shows how much of it arrives at each "
    "step t, on a log scale: the RNN's ‖∂L/∂h_t‖ shrinks by orders of magnitude, while the "
    "LSTM's cell-state path ‖∂L/∂c_t‖ keeps it (once a model has learned, its loss and so all its "
    "gradients are small: read the shape of a curve, not its height). The charts below show why, "
    "step by step; close the forget gate on the Race page (constant bias 0) and compare."
)


MECHANISM = (
    "**The mechanism in numbers.** Going back one step multiplies the RNN's gradient by "
    "W_hhᵀ diag(1 − h_t²); the solid line is the gain that matrix has on the actual gradient, the "
    "dotted line the worst case, max(1 − h_t²) · σ_max(W_hh) (Pascanu et al. 2013). Along the "
    "LSTM's cell state the "
    "multiplier is just the forget gate f_t (Gers et al. 2000); the GRU's is its update gate z_t. "
    "The product on the right is what T − t steps back do in total: at each t, the product of "
    "the left chart's factors from t + 1 to T."
)
SIGMA_NOTE = (
    "Pascanu, Mikolov & Bengio (2013): with γ a bound on the activation's slope (|tanh′| ≤ γ = 1), "
    "a largest singular value below 1/γ = 1 is sufficient for vanishing gradients, and above it "
    "is necessary for exploding. σ_max above 1 while the gradient still vanishes is no "
    "contradiction: σ_max is the worst case over all directions, and the actual gain also "
    "depends on tanh′ < 1 and on the direction of the gradient."
)


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
        st.warning(f"{figures.model_name(kind, view.diverged)}: its gradients are not finite, "
                   "so it is left out of the charts of later steps.")
    pair(figs, "grad_init", "grad_now")
    histories = [k for k in figs if k.startswith("history_")]
    for column, key in zip(st.columns(len(histories)), histories):
        with column:
            shared.chart(figs[key], key)
    st.markdown(MECHANISM)
    pair(figs, "factors", "products")
    pair(figs, "connectivity", "sigma")
    if "sigma" in figs:
        st.caption(SIGMA_NOTE)


shared.live(draw)
