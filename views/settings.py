"""The sidebar settings, kept in the link so that a copied link reproduces the scene.

Every run setting comes from the schema (``RunConfig``'s fields, ``lstm_viz.core.settings``):
its widget, limits, label and help. Links are read and written by ``lstm_viz.core.link``
(setting names as keys, models by id, a spec version ``v``). Once per session, ``_clean_link``
reads the link: its values, under older keys too, and its version's own defaults become widget
values, and every value the app could not use gets a visible note. After that the address is
written from the widgets on every run (``_write_address``), exactly as the share box writes it,
so a copied address bar opens the same scene. The run settings' widgets are not bound to the
link by Streamlit (``bind="query-params"`` writes a multiselect's labels, drops a value equal
to the widget's default, which an old link's version may not share, and does not follow a value
the app sets); the page controls are.
"""

from __future__ import annotations

from urllib.parse import unquote, urlparse

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lstm_viz import i18n
from lstm_viz.core import link
from lstm_viz.core.config import BY_NAME, TASK_OPTIONS, RunConfig, task_defaults
from lstm_viz.core.kinds import KINDS
from lstm_viz.core.settings import Setting, written
from lstm_viz.i18n import has, say, t
from lstm_viz.present.controls import (KIND_OPTIONS, SIDEBAR, config_value, in_use,
                                       setting_help, setting_label, thumb_text, widget_value)
from lstm_viz.present.labels import kind_label
from lstm_viz.present.links import (ALL_BUT_LENGTH, ALL_SETTINGS, PAGE_BY_NAME, PAGE_SETTINGS,
                                    describe_link, hidden_names, hidden_words, hide_label,
                                    notes_text, share_query)
from lstm_viz.tasks import TASKS, series
from views import state

DEFAULTS = RunConfig()
TASK_SET = {name for task in TASKS.values() for name in task.defaults}  # settings a task sets
CONDITIONAL = {*TASK_OPTIONS, *KIND_OPTIONS}


def _widget(setting: Setting, **extra):
    common = dict(key=state.SETTINGS[setting.name].name, help=setting_help(setting)) | extra
    name = setting_label(setting)
    if setting.widget == "multiselect":
        default = None if state.SETTINGS[setting.name].is_set() else list(setting.default)
        return st.multiselect(name, setting.options, default=default, format_func=kind_label,
                              **common)
    if setting.widget == "selectbox":
        return st.selectbox(name, setting.options, **common)
    if setting.widget == "select_slider":
        return st.select_slider(name, setting.options, value=setting.default,
                                format_func=written, **common)
    if setting.widget == "number_input":
        return st.number_input(name, float(setting.low), float(setting.high),
                               float(setting.default), step=1.0, format="%.0f", **common)
    if has(f"change.{setting.name}.zero"):  # 0 means something else: said in words
        return st.select_slider(name, _stops(setting), value=setting.default,
                                format_func=lambda v: thumb_text(setting, v), **common)
    return st.slider(name, setting.low, setting.high, setting.default, step=setting.step,
                     **common)


def _stops(setting: Setting) -> tuple:
    """A slider's values, low to high by its step, and the value it holds if that is between
    them (a link's 2.55): drawn as a select_slider, which can say a value in words."""
    count = round((setting.high - setting.low) / setting.step)
    kind = int if setting.whole else float
    stops = {kind(round(setting.low + i * setting.step, 9)) for i in range(count + 1)}
    key = state.SETTINGS[setting.name]
    held = key.get() if key.is_set() else None
    if isinstance(held, (int, float)) and setting.low <= held <= setting.high:
        stops.add(kind(held))
    return tuple(sorted(stops))


def _clean_link() -> None:
    """Once per session: read the link (``link.read``), keep its notes to show, drop from the
    address what it could not use and the keys of older versions, and give the widgets every
    value the link sets that is not the widget's own default (older keys, models by id or
    label, the defaults of the link's version)."""
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    reading = link.read(params, PAGE_SETTINGS)
    state.URL_NOTES.set(reading.notes)
    for key in reading.stale & set(PAGE_BY_NAME):  # the run settings' keys: _write_address
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


def _write_address(values: dict) -> None:
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


def language_picker() -> None:
    """The language switch, first in the sidebar and kept in the link (``lang=ko``; the
    widget is not bound to the link, which would write the label, ``lang=한국어``)."""
    i18n.use_source(_session_language)
    if not state.LANG.is_set():
        state.LANG.set(_first_language())
    language = st.sidebar.selectbox("Language · 언어", tuple(i18n.LANGUAGES), key=state.LANG.name,
                                    format_func=i18n.LANGUAGES.get, on_change=_choose_language)
    state.LANGUAGE.set(language)  # outlives the widget's state
    kept = link_language()
    if kept is None:  # a malformed lang= stays for check_url to note and drop
        if st.query_params.get("lang") in i18n.LANGUAGES:
            st.query_params.pop("lang")
    elif st.query_params.get("lang") != kept:
        st.query_params["lang"] = kept


def hidden() -> set[str]:
    """The settings this session does not draw: those the link hides, until the reader shows
    them all."""
    if state.SHOW_ALL.get():
        return set()
    return hidden_names(state.HIDE.get())


def locked_link() -> bool:
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


def _hidden_notice(names: set[str], values: dict) -> None:
    """Students always see that settings are hidden (in a few words: ``hidden_words``), and
    (unless the link locks them) can show them all with one click."""
    what = hidden_words(names, values)
    locked = locked_link()
    st.info(t("hidden.locked" if locked else "hidden.notice", what=what),
            icon=":material/visibility_off:")
    if not locked:
        st.button(t("hidden.show_all"), key=state.SHOW_ALL_BUTTON, on_click=_show_all,
                  icon=":material/visibility:")


def sidebar_config() -> RunConfig | None:
    """Draw the settings in the sidebar and return the config they give (None: no model)."""
    if not state.URL_NOTES.is_set():
        _clean_link()
    hide = hidden()
    with st.sidebar:
        if len(hide) < len(SIDEBAR):
            st.header(t("sidebar.settings"))
        notice = st.container()  # filled once the settings in use are known
        values = {}
        for setting in SIDEBAR:
            drawn = in_use(setting, values)
            # a setting some tasks or kinds take keeps its value while it is hidden
            persist = {"persist_state": "session"} if setting.name in CONDITIONAL else {}
            if drawn and setting.name in hide:  # the link's value, not drawn
                held = state.SETTINGS[setting.name].get()
                values[setting.name] = config_value(setting, held)
            else:
                extra = {"on_change": _start_task} if setting.name == "task" else {}
                values[setting.name] = (config_value(setting, _widget(setting, **persist, **extra))
                                        if drawn else setting.default)
        if hide:
            with notice:
                _hidden_notice(hide, values)
    if state.URL_NOTES.get():
        st.info(t("link.notes", notes=notes_text(state.URL_NOTES.get())))
    if not values["models"]:
        st.warning(t("sidebar.no_model"))
        return None
    task = TASKS[values["task"]]
    values["series"] = series_in_use() if "series" in task.options else DEFAULTS.series
    state.RUN_VALUES.set(values)  # what the address and the share box hold
    _write_address(values)
    values["seq_len"] = _fit_length(task, values)
    for kind in values["models"]:
        for note in KINDS[kind].fit(values):
            st.info(say(note))
    return DEFAULTS.replace(**values)


def _start_task() -> None:
    """A task picked in the sidebar starts from its own defaults (``config.task_defaults``) in
    every setting some task sets (the text task's learning rate); the others are kept."""
    own = task_defaults(state.SETTINGS["task"].get())
    for name in TASK_SET:
        state.SETTINGS[name].set(widget_value(BY_NAME[name], own.get(name, BY_NAME[name].default)))


def _fit_length(task, values: dict) -> int:
    """The sequence length within what the task can make, with a note where it changed."""
    seq_len = values["seq_len"]
    if seq_len < task.min_seq_len:
        st.info(t("sidebar.too_short", task=task.name, steps=task.min_seq_len))
        return task.min_seq_len
    longest = task.longest(**{k: values.get(k, getattr(DEFAULTS, k)) for k in task.options})
    if seq_len > longest:
        st.info(t("sidebar.too_long", task=task.name, steps=longest))
        return longest
    return seq_len


def bar_settings() -> None:
    """The settings of every page's control bar (``state.BAR``): each a second widget of the
    sidebar's setting, showing its value, and setting it when moved (the whole page reruns)."""
    for name, bar in state.BAR.items():
        if name in hidden():
            continue
        bar.set(state.SETTINGS[name].get())
        _widget(BY_NAME[name], key=bar.name, on_change=_from_bar, args=(name,), width=220)


def _from_bar(name: str) -> None:
    state.SETTINGS[name].set(state.BAR[name].get())


def series_in_use() -> str:
    """The price series of this session: an upload it chose (kept in the link), else the
    synthetic one (also when the server has dropped the upload since)."""
    chosen = state.SERIES.setdefault(state.SERIES.default)
    if chosen != state.SERIES.default and chosen not in series.UPLOADS:
        chosen = state.SERIES.default
        state.SERIES.set(chosen)
    return chosen


def scene_values() -> dict[str, object]:
    """This session's settings (as this run used them: a hidden setting at its default) and page
    controls, as their widgets hold them."""
    run = state.RUN_VALUES.get()
    values = {s.name: widget_value(s, run[s.name]) if s.name in run else None for s in SIDEBAR}
    values["w"] = state.FACTOR.get()
    values["series"] = run.get("series")
    values["lang"] = link_language()
    if st.context.url and urlparse(st.context.url).path.strip("/") == "story":
        values["scene"] = (state.SCENE.get() if state.SCENE.is_set()
                           else st.query_params.get("scene"))
    if state.FOLLOW.get() is False:
        values["snapshot"] = state.SNAPSHOT_CHOICE.get()
    return values


def address(pages: list[str] | None = None) -> str:
    """This page's address without its query ('' where Streamlit does not know it); with the
    app's ``pages``, a path that is none of them (the Race page opened instead) is left out."""
    url = urlparse((st.context.url or "").split("?")[0])
    if pages is not None and url.path.strip("/") not in pages:
        url = url._replace(path="/")
    return url.geturl()


def share_link(pages: list[str]) -> None:
    """The 'share this scene' box: this page's address, the link's version and every setting
    that differs from its default."""
    values = scene_values()
    base = address(pages)
    with st.sidebar:
        st.subheader(t("share.title"))
        values.update(_hide_choice() if teacher() else {
            "hide": state.HIDE.get(), "lock": state.LOCK.get()})
        st.code(f"{base}?{share_query(values)}", language=None, wrap_lines=True)
        st.caption(t("share.caption", holds=describe_link(values)))


def teacher() -> bool:
    """True where the share box offers what to hide: not for a student, whose link hides
    settings (unless they have shown them all); their share link keeps their link's."""
    return not state.HIDE.get() or bool(state.SHOW_ALL.get())


def _hide_choice() -> dict:
    """The share box's choice of what its link hides from students, and whether it locks
    that (first: what this session's own link hides)."""
    hide_setting = PAGE_BY_NAME["hide"]
    state.SHARE_HIDE.setdefault(list(state.HIDE.get()))
    state.SHARE_LOCK.setdefault(locked_link())
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


