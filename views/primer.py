"""Primer: vanishing and exploding gradients as repeated multiplication."""

import streamlit as st

from lstm_viz import figures
from lstm_viz.models import kind_of
from views import settings, shared

st.title("Primer: vanishing and exploding")
st.markdown(
    "Backpropagation through time multiplies the error signal by one factor per step. Move the "
    "slider: any factor w below 1 shrinks w^t towards zero (vanishing), any factor above 1 blows "
    "it up (exploding), and only w = 1 carries the signal unchanged across the whole lag."
)

W = settings.SETTINGS_BY_KEY["w"]
w = st.slider(W.label, W.low, W.high, W.default, W.step, key="w", help=W.help,
              bind="query-params")


def draw(view):
    T = view.config.seq_len
    linear = figures.power_curves(w, T, f"w^t over the {T} steps of your sequence", log=False)
    log = figures.power_curves(w, T, "The same on a log axis", log=True)
    left, right = st.columns(2)
    with left:
        shared.chart(linear, "powers")
    with right:
        shared.chart(log, "powers_log")
    st.markdown(
        f"After {T} steps, $w^T$ = {w:g}^{T} = **{linear.data[0].y[-1]:.3g}**.\n\n"
        r"**The RNN** computes $h_t = \tanh(W_{hh} h_{t-1} + W_{ih} x_t)$, so going back one step "
        r"multiplies the gradient by $W_{hh}^\top \mathrm{diag}(1 - h_t^2)$: a matrix, but it acts "
        r"like $w$. Unless its gain sits at 1, the signal from far back vanishes or explodes "
        "(Pascanu, Mikolov & Bengio 2013).\n\n"
        r"**The LSTM** adds a second path: its cell state $c_t = f_t \odot c_{t-1} + i_t \odot g_t$ "
        r"is updated by addition, so along it the gradient is multiplied only by the forget gate "
        r"$f_t$. With $f_t$ near 1 that is the $w = 1$ curve: Hochreiter & Schmidhuber's constant "
        "error carousel (1997), made learnable by the forget gate of Gers et al. (2000)."
    )
    live_numbers(view)
    st.markdown(
        "**References.** S. Hochreiter & J. Schmidhuber, *Long Short-Term Memory*, Neural "
        "Computation 9(8), 1997. · F. A. Gers, J. Schmidhuber & F. Cummins, *Learning to Forget: "
        "Continual Prediction with LSTM*, Neural Computation 12(10), 2000. · R. Pascanu, T. "
        "Mikolov & Y. Bengio, *On the difficulty of training recurrent neural networks*, ICML 2013."
    )


def live_numbers(view):
    """Your models' own per-step factors, from the latest probe snapshot: the same geometric
    means as the Gradient flow page's multiplier chart."""
    snapshot = view.snapshots[-1]
    if view.config.seq_len < 2:
        st.markdown("**Your models:** with a sequence of 1 step there is no step back to "
                    "multiply by; pick a longer sequence to see their factors.")
        return
    lines = []
    for kind, probe in snapshot.probes.items():
        lines.append(f"- {kind_of(kind).multiplier_label}: product from step T back to step 1 "
                     f"**{probe.multiplier_product[0]:.3g}**, as if each step multiplied by "
                     f"w = **{probe.typical_multiplier:.3f}** (the geometric mean of the factors "
                     "on *Gradient flow*)")
    lines += [f"- {figures.model_name(kind, view.diverged)}: no finite factors"
              for kind in view.diverged]
    if lines:
        st.markdown(f"**Your models now (training step {snapshot.step}):**\n" + "\n".join(lines))


shared.live(draw)
