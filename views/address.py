"""The address: the link a session opened, read once, and written from the settings after.

Links are read and written by ``lstm_viz.core.link`` (setting names as keys, models by id, a
spec version ``v``). Once per session, ``read_link`` reads the link: its values, under older
keys too, and its version's own defaults become widget values, and every value the app could
not use gets a visible note (``say_notes``). After that the address is written from the
widgets on every run (``write``), exactly as the share box writes it, so a copied address bar
opens the same scene. The run settings' widgets are not bound to the link by Streamlit
(``bind="query-params"`` writes a multiselect's labels, drops a value equal to the widget's
default, which an old link's version may not share, and does not follow a value the app
sets); the page controls are.
"""

from __future__ import annotations

from urllib.parse import unquote, urlparse

import streamlit as st

from lstm_viz.core import link
from lstm_viz.i18n import t
from lstm_viz.present.controls import SIDEBAR, widget_value
from lstm_viz.present.links import PAGE_BY_NAME, PAGE_SETTINGS, notes_text
from views import state


def read_link() -> None:
    """Once per session: read the link (``link.read``), keep its notes to show, drop from the
    address what it could not use and the keys of older versions, and give the widgets every
    value the link sets that is not the widget's own default (older keys, models by id or
    label, the defaults of the link's version)."""
    if state.URL_NOTES.is_set():
        return
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    reading = link.read(params, PAGE_SETTINGS)
    state.URL_NOTES.set(reading.notes)
    for key in reading.stale & set(PAGE_BY_NAME):  # the run settings' keys: ``write``
        del st.query_params[key]
    for setting in SIDEBAR:
        value = reading.values[setting.name]
        if value != setting.default or (setting.many and setting.name in reading.given):
            state.SETTINGS[setting.name].set(widget_value(setting, value))
    if "series" in reading.given:
        state.SERIES.set(reading.given["series"])
    state.HIDE.set(reading.given.get("hide", ()))
    state.LOCK.set(reading.given.get("lock", 0))
    if state.HIDE.get():  # the link's valid names only, as the share box writes them
        st.query_params["hide"] = PAGE_BY_NAME["hide"].write(state.HIDE.get())[0]


def say_notes() -> None:
    """The link's notes on the values the app could not use, above every page of the session."""
    if state.URL_NOTES.get():
        st.info(t("link.notes", notes=notes_text(state.URL_NOTES.get())))


def write(values: dict) -> None:
    """The address holds the run settings (``values``: name -> value) as ``link.write`` writes
    them: the version, and every setting that differs from its default; older keys, unknown
    keys and values the app could not use are gone from it. The page controls are left as they
    are (their widgets keep them in the link)."""
    wanted: dict[str, list[str]] = {}
    for pair in link.write(values).split("&"):
        key, _, value = pair.partition("=")
        wanted.setdefault(key, []).append(unquote(value))
    if list(wanted) == ["v"]:  # every setting at its default: the plain address stays plain
        wanted = {}
    for key in list(st.query_params.keys()):
        if key not in wanted and key not in PAGE_BY_NAME and key not in link.IGNORED:
            del st.query_params[key]
    changed = {k: v for k, v in wanted.items() if st.query_params.get_all(k) != v}
    if changed:
        st.query_params.update(changed)  # one message for all


def base(pages: list[str] | None = None) -> str:
    """This page's address without its query ('' where Streamlit does not know it); with the
    app's ``pages``, a path that is none of them (the Race page opened instead) is left out."""
    url = urlparse((st.context.url or "").split("?")[0])
    if pages is not None and url.path.strip("/") not in pages:
        url = url._replace(path="/")
    return url.geturl()


# Streamlit answers an unknown path with its own "Page not found" pop-up, in English, over the
# app's note and blocking clicks (its modal also locks the page's scrolling). The app's note
# says the same in the reader's language: the pop-up is hidden and closed (the app has no
# dialogs of its own).
CLOSE_NO_PAGE_POPUP = """<style>[data-testid="stDialog"] {display: none !important;}</style>
<script>
(() => {
  const until = Date.now() + 10000;
  const close = () => {
    const button = document.querySelector('[data-testid="stDialog"] button[aria-label="Close"]');
    if (button) { button.click(); } else if (Date.now() < until) { setTimeout(close, 100); }
  };
  close();
})();
</script>"""


def unknown_page_note(paths: list[str]) -> None:
    """Once per session: a link to a page that does not exist opens the Race page, and says so."""
    if state.PAGE_CHECKED.get():
        return
    state.PAGE_CHECKED.set(True)
    path = urlparse(st.context.url or "").path.strip("/")
    if path and path not in paths:
        st.html(CLOSE_NO_PAGE_POPUP, unsafe_allow_javascript=True)
        st.info(t("link.no_page", path=path[:link.MAX_SHOWN]))
