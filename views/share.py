"""The 'share this scene' box in the sidebar: a link that opens what this session shows.

The link holds the run settings as this run used them, the page controls (the Primer's factor,
the story's scene, the snapshot Inside holds, the language) and what a teacher chose to hide;
under it, what it holds in words (``present.links.describe_link``).
"""

from __future__ import annotations

from urllib.parse import urlparse

import streamlit as st

from lstm_viz.i18n import t
from lstm_viz.present.controls import SIDEBAR, widget_value
from lstm_viz.present.links import describe_link, share_query
from views import address, language, state, teacher


def scene_values() -> dict[str, object]:
    """This session's settings (as this run used them: a hidden setting at its default) and page
    controls, as their widgets hold them."""
    run = state.RUN_VALUES.get()
    values = {s.name: widget_value(s, run[s.name]) if s.name in run else None for s in SIDEBAR}
    values["w"] = state.FACTOR.get()
    values["series"] = run.get("series")
    values["lang"] = language.link_language()
    if st.context.url and urlparse(st.context.url).path.strip("/") == "story":
        values["scene"] = (state.SCENE.get() if state.SCENE.is_set()
                           else st.query_params.get("scene"))
    if state.FOLLOW.get() is False:
        values["snapshot"] = state.SNAPSHOT_CHOICE.get()
    return values


def box(pages: list[str]) -> None:
    """The 'share this scene' box: this page's address, the link's version and every setting
    that differs from its default."""
    values = scene_values()
    base = address.base(pages)
    with st.sidebar:
        st.subheader(t("share.title"))
        values.update(teacher.hide_choice() if teacher.may_hide() else {
            "hide": state.HIDE.get(), "lock": state.LOCK.get()})
        st.code(f"{base}?{share_query(values)}", language=None, wrap_lines=True)
        st.caption(t("share.caption", holds=describe_link(values)))
