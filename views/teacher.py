"""A teacher's link: what it hides from students (``hide=``) and whether it locks that (``lock=1``).

The hidden settings keep the link's values and are not drawn; students are told they are
hidden and, unless the link locks them, can show them all. Shortcut buttons that would change
a hidden setting are not offered (``may_change``, ``may_set``). A reader whose link hides
nothing is the teacher: their share box offers what its link hides (``hide_choice``).
"""

from __future__ import annotations

import streamlit as st

from lstm_viz.i18n import t
from lstm_viz.present.controls import SIDEBAR
from lstm_viz.present.links import (
    ALL_BUT_LENGTH,
    ALL_SETTINGS,
    PAGE_BY_NAME,
    hidden_names,
    hidden_words,
    hide_label,
)
from views import state


def hidden() -> set[str]:
    """The settings this session does not draw: those the link hides, until the reader shows
    them all."""
    if state.SHOW_ALL.get():
        return set()
    return hidden_names(state.HIDE.get())


def locked() -> bool:
    """True where this session's link locks what it hides (``lock=1``)."""
    return state.LOCK.get() == 1


def may_change(*names: str) -> bool:
    """True if a shortcut that sets these settings may be offered (none of them hidden)."""
    return not hidden() & set(names)


def may_set(values: dict[str, object]) -> bool:
    """True if a shortcut that gives the settings these widget values may be offered: it
    changes no hidden setting (a hidden one it leaves as it is may be among them)."""
    return all(name not in hidden() or state.SETTINGS[name].get() == value
               for name, value in values.items())


def _show_all() -> None:
    state.SHOW_ALL.set(True)


def hidden_notice(names: set[str], values: dict) -> None:
    """Students always see that settings are hidden (in a few words: ``hidden_words``), and
    (unless the link locks them) can show them all with one click."""
    what = hidden_words(names, values)
    st.info(t("hidden.locked" if locked() else "hidden.notice", what=what),
            icon=":material/visibility_off:")
    if not locked():
        st.button(t("hidden.show_all"), key=state.SHOW_ALL_BUTTON, on_click=_show_all,
                  icon=":material/visibility:")


def may_hide() -> bool:
    """True where the share box offers what to hide: not for a student, whose link hides
    settings (unless they have shown them all); their share link keeps their link's."""
    return not state.HIDE.get() or bool(state.SHOW_ALL.get())


def hide_choice() -> dict:
    """The share box's choice of what its link hides from students, and whether it locks
    that (first: what this session's own link hides)."""
    hide_setting = PAGE_BY_NAME["hide"]
    state.SHARE_HIDE.setdefault(list(state.HIDE.get()))
    state.SHARE_LOCK.setdefault(locked())
    chosen = st.multiselect(t("share.hide"), hide_setting.options, key=state.SHARE_HIDE.name,
                            format_func=hide_label, help=t("share.hide_help"),
                            placeholder=t("share.hide_none"))
    names = hidden_names(chosen)
    if len(names) == len(SIDEBAR):
        hide = (ALL_SETTINGS,)
    elif ALL_BUT_LENGTH in chosen:
        hide = (ALL_BUT_LENGTH,)
    else:
        hide = tuple(o for o in hide_setting.options if o in chosen)
    lock = st.checkbox(t("share.lock"), key=state.SHARE_LOCK.name, disabled=not hide,
                       help=t("share.lock_help"))
    return {"hide": hide, "lock": int(bool(hide) and lock)}
