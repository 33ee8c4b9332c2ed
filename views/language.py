"""The language: the switch first in the sidebar, and the ``lang=`` every link carries.

A session opens in the link's language, else the one it had, else its browser's; the switch
changes it for every page. The texts follow the session's choice (``i18n.use_source``).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lstm_viz import i18n
from views import state


def _session_language() -> str:
    """The language this session chose (English outside a script run)."""
    return state.LANG.get() if get_script_run_ctx() else i18n.DEFAULT


def _first_language() -> str:
    """The language a session opens in: the link's ``lang=``, else the one this session
    already had (kept apart from the switch's widget state, which Streamlit may drop on a page
    change, and a page link's address has no query), else the browser's
    (``st.context.locale``, then its Accept-Language), else English. A language the link or
    the reader chose stays in every link (``chosen_lang``)."""
    wanted = st.query_params.get("lang")
    if wanted in i18n.LANGUAGES:
        state.CHOSEN_LANG.set(True)
        return wanted
    if state.LANGUAGE.get() in i18n.LANGUAGES:
        return state.LANGUAGE.get()
    headers = st.context.headers or {}
    return i18n.from_browser(st.context.locale, headers.get("Accept-Language")) or i18n.DEFAULT


def _choose_language() -> None:
    state.CHOSEN_LANG.set(True)


def link_language() -> str | None:
    """The ``lang=`` every link of this session carries: its language, unless that is English
    and nobody chose it (None: the link follows each reader's browser)."""
    language = state.LANG.get()
    if language == i18n.DEFAULT and not state.CHOSEN_LANG.get():
        return None
    return language


def picker() -> None:
    """The language switch, first in the sidebar and kept in the link (``lang=ko``; the
    widget is not bound to the link, which would write the label, ``lang=한국어``)."""
    i18n.use_source(_session_language)
    if not state.LANG.is_set():
        state.LANG.set(_first_language())
    language = st.sidebar.selectbox("Language · 언어", tuple(i18n.LANGUAGES),
                                    key=state.LANG.name, format_func=i18n.LANGUAGES.get,
                                    on_change=_choose_language)
    state.LANGUAGE.set(language)  # outlives the widget's state
    kept = link_language()
    if kept is None:  # a malformed lang= stays for check_url to note and drop
        if st.query_params.get("lang") in i18n.LANGUAGES:
            st.query_params.pop("lang")
    elif st.query_params.get("lang") != kept:
        st.query_params["lang"] = kept
