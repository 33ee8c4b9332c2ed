"""Primer: vanishing and exploding gradients as repeated multiplication."""

from urllib.parse import parse_qs

import streamlit as st

from lstm_viz.i18n import t
from lstm_viz.present import controls, figures, links, story
from lstm_viz.present.labels import multiplier_label
from views import language, shared, state

st.title(t("primer.title"))
st.markdown(t("primer.intro"))

W = links.PAGE_BY_NAME["w"]
w = st.slider(controls.setting_label(W), W.low, W.high, W.default, W.step, key=state.FACTOR.name,
              help=controls.setting_help(W), bind="query-params")


def draw(view):
    T = view.config.seq_len
    linear = figures.power_curves(w, T, t("primer.linear", T=T), log=False)
    log = figures.power_curves(w, T, t("primer.log"), log=True)
    left, right = st.columns(2)
    with left:
        shared.chart(linear, "powers")
    with right:
        shared.chart(log, "powers_log")
    after = t("primer.after", T=T, w=f"{w:g}", value=f"{linear.data[0].y[-1]:.3g}")
    st.markdown("\n\n".join((after, t("primer.rnn"), t("primer.lstm"))))
    if w > 1:
        exploding_scene_link()
    live_numbers(view)
    st.markdown(t("primer.references"))


def exploding_scene_link():
    """w > 1 is the exploding side: a link to the story's scene where a live RNN explodes (the
    same RNN with clipping is the scene after it), opened set up, in this language."""
    number = story.number_of("explode")
    values = {**links.widget_values(story.scene_at(number).config), "scene": str(number),
              "lang": language.link_language()}
    st.page_link("views/story.py", label=t("primer.explode_link", n=number),
                 icon=":material/bolt:", query_params=parse_qs(links.share_query(values)))


def live_numbers(view):
    """Your models' own per-step factors, from the latest probe snapshot: the same geometric
    means as the Gradient flow page's multiplier chart."""
    snapshot, slot = view.snapshots[-1], st.empty()  # one place, whatever it says
    if view.config.seq_len < 2:
        slot.markdown(t("primer.one_step"))
        return
    lines = []
    for kind, probe in snapshot.probes.items():
        lines.append(t("primer.model_line", label=multiplier_label(kind),
                       product=f"{probe.multiplier_product[0]:.3g}",
                       w=f"{probe.typical_multiplier:.3f}"))
    lines += [t("primer.no_finite", model=figures.model_name(kind, view.diverged))
              for kind in view.diverged]
    if lines:
        slot.markdown(t("primer.now", step=snapshot.step) + "\n" + "\n".join(lines))


shared.live(draw)
