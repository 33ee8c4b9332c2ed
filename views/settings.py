"""The sidebar settings, bound to the URL so that a copied link reproduces the scene.

One ``Setting`` per control holds its URL key, widget, help text and the values a link may give
it; ``check_url`` explains, in a visible note, every link value the app could not use (Streamlit
itself drops those and uses the default: ``bind="query-params"``, Streamlit 1.67).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlparse

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from lstm_viz import i18n
from lstm_viz.core.config import LIMITS, OPTIMIZERS, RunConfig
from lstm_viz.core.models import MEMORY_INITS, MODEL_LABELS
from lstm_viz.i18n import t
from lstm_viz.tasks import TASKS, series

DEFAULTS = RunConfig()
LR_OPTIONS = (1e-4, 3e-4, 1e-3, 2e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCH_OPTIONS = (1, 2, 4, 8, 16, 32, 64, 128, 256)
CAP_OPTIONS = (100, 300, 600, 1000, 2000, 3000, 5000, 10000)
LABEL_TO_KIND = {label: kind for kind, label in MODEL_LABELS.items()}
IGNORED_URL_KEYS = {"embed", "embed_options"}
MAX_SHOWN_CHARS = 24


@dataclass(frozen=True)
class Setting:
    """One sidebar control: its URL key, widget and the values the URL may give it."""

    key: str
    widget: str  # selectbox, slider, select_slider, number_input or multiselect
    default: object
    options: tuple = ()
    low: float = 0
    high: float = 0
    step: float = 1
    tasks: tuple[str, ...] = ()  # drawn only for these tasks (all when empty)
    model: str = ""  # drawn only when this model races (always when empty)

    @property
    def label(self) -> str:
        return t(f"setting.{self.key}")

    @property
    def help(self) -> str:
        return t(f"setting.{self.key}.help")

    def parse(self, raw: list[str]) -> object:
        """The value Streamlit will take from a URL, or ValueError with the reason."""
        if self.widget == "multiselect":  # repeated parameters, any case; unknown items dropped
            by_name = {option.lower(): option for option in self.options}
            items = [by_name[r.lower()] for r in raw if r.lower() in by_name]
            if not items:
                raise ValueError(t("link.not_among", options=", ".join(self.options)))
            return items
        text = raw[-1]
        if self.widget == "text":  # the price series: synthetic or an upload on this server
            if text != series.SYNTHETIC and text not in series.UPLOADS:
                raise ValueError(t("link.no_upload"))
            return text
        if self.widget == "selectbox":
            if text not in self.options:
                raise ValueError(t("link.not_one_of", options=", ".join(self.options)))
            return text
        if self.widget == "select_slider":  # Streamlit matches the option's label exactly
            match = [o for o in self.options if text == _fmt(o)]
            if not match:
                raise ValueError(t("link.not_one_of", options=", ".join(_fmt(o) for o in self.options)))
            return match[0]
        return self._number(text)

    def _number(self, text: str) -> float | int:
        try:
            value = float(text)
        except ValueError:
            raise ValueError(t("link.not_a_number")) from None
        if not self.low <= value <= self.high:
            raise ValueError(t("link.outside", low=_fmt(self.low), high=_fmt(self.high)))
        return int(value) if isinstance(self.step, int) else value  # Streamlit truncates too


def _fmt(value) -> str:
    """A value as the link and the notes write it: whole numbers in full (seed=1377260012)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value) if isinstance(value, int) else f"{value:g}" if isinstance(value, float) else str(value)


SETTINGS = (
    Setting("task", "selectbox", DEFAULTS.task, options=tuple(TASKS)),
    Setting("T", "slider", DEFAULTS.seq_len, low=LIMITS["seq_len"][0],
            high=LIMITS["seq_len"][1], step=1),
    Setting("horizon", "slider", DEFAULTS.horizon, low=LIMITS["horizon"][0],
            high=LIMITS["horizon"][1], step=1, tasks=("series",)),
    Setting("hidden", "slider", DEFAULTS.hidden_size, low=LIMITS["hidden_size"][0],
            high=LIMITS["hidden_size"][1], step=1),
    Setting("opt", "selectbox", DEFAULTS.optimizer, options=OPTIMIZERS),
    Setting("lr", "select_slider", DEFAULTS.lr, options=LR_OPTIONS),
    Setting("batch", "select_slider", DEFAULTS.batch_size, options=BATCH_OPTIONS),
    Setting("memory_init", "selectbox", DEFAULTS.memory_init, options=MEMORY_INITS),
    Setting("fbias", "slider", DEFAULTS.forget_bias, low=LIMITS["forget_bias"][0],
            high=LIMITS["forget_bias"][1], step=0.5),
    Setting("clip", "slider", DEFAULTS.clip, low=LIMITS["clip"][0], high=LIMITS["clip"][1],
            step=0.5),
    Setting("seed", "number_input", DEFAULTS.seed, low=LIMITS["seed"][0],
            high=LIMITS["seed"][1], step=1),
    Setting("models", "multiselect", [MODEL_LABELS[k] for k in DEFAULTS.models],
            options=tuple(MODEL_LABELS.values())),
    Setting("proj_size", "slider", DEFAULTS.proj_size, low=LIMITS["proj_size"][0],
            high=LIMITS["proj_size"][1], step=1, model="lstmp"),
    Setting("cap", "select_slider", DEFAULTS.max_steps, options=CAP_OPTIONS),
)
# Page controls kept in the link too (not run settings): the Primer's factor, the snapshot
# chosen on Inside the LSTM, the price series, the story's scene and the language.
PAGE_SETTINGS = (
    Setting("w", "slider", 0.9, low=0.5, high=1.5, step=0.01),
    Setting("snapshot", "slider", 0, low=0, high=LIMITS["max_steps"][1], step=1),
    Setting("series", "text", DEFAULTS.series),
    Setting("scene", "selectbox", "1", options=tuple(str(n) for n in range(1, 7))),
    Setting("lang", "selectbox", i18n.DEFAULT, options=tuple(i18n.LANGUAGES)),
)
SETTINGS_BY_KEY = {s.key: s for s in SETTINGS + PAGE_SETTINGS}


def check_url(params: dict[str, list[str]]) -> list[str]:
    """Notes on every link parameter that is unknown or invalid (those fall back to defaults)."""
    notes = []
    for key, raw in params.items():
        shown = ", ".join(raw)[:MAX_SHOWN_CHARS]
        if key in IGNORED_URL_KEYS:
            continue
        if key not in SETTINGS_BY_KEY:
            notes.append(t("link.unknown", key=key[:MAX_SHOWN_CHARS]))
            continue
        setting = SETTINGS_BY_KEY[key]
        if setting.widget == "multiselect" and not any(raw):
            notes.append(t("link.none_selected", key=key, default=", ".join(setting.default)))
            continue
        try:
            value = setting.parse(raw)
        except ValueError as reason:
            default = setting.default
            default = ", ".join(default) if isinstance(default, list) else _fmt(default)
            notes.append(t("link.ignored", key=key, value=shown, reason=reason, default=default))
            continue
        dropped = [r[:MAX_SHOWN_CHARS] for r in raw
                   if isinstance(value, list) and r.lower() not in {v.lower() for v in value}]
        if dropped:
            notes.append(t("link.dropped", items=", ".join(dropped), key=key,
                           options=", ".join(setting.options)))
    return notes


def _widget(setting: Setting):
    common = dict(key=setting.key, help=setting.help, bind="query-params")
    if setting.widget == "selectbox":
        return st.selectbox(setting.label, setting.options, **common)
    if setting.widget == "multiselect":  # a value set from the link stands in for the default
        default = None if setting.key in st.session_state else setting.default
        return st.multiselect(setting.label, setting.options, default=default, **common)
    if setting.widget == "select_slider":
        return st.select_slider(setting.label, setting.options, value=setting.default,
                                format_func=_fmt, **common)
    if setting.widget == "number_input":  # float-typed: an int one crashes on ?seed=1e400
        value = st.number_input(setting.label, float(setting.low), float(setting.high),
                                float(setting.default), step=1.0, format="%.0f", **common)
        return int(round(value))
    return st.slider(setting.label, setting.low, setting.high, setting.default,
                     step=setting.step, **common)


def whole_number(raw: str, default: int) -> int:
    """A link's whole number ('1e3' is 1000), or ``default`` if it is none."""
    try:
        return int(float(raw))
    except (ValueError, OverflowError):
        return default


def _clean_link() -> None:
    """Once per session: note every value the link gives that the app cannot use, drop unknown
    parameters, and spell model names as the widgets do (the CLI writes 'lstm')."""
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    st.session_state.url_notes = check_url(params)
    for key, raw in params.items():
        setting = SETTINGS_BY_KEY.get(key)
        if setting is None:
            if key not in IGNORED_URL_KEYS:
                del st.query_params[key]
        elif setting.widget == "multiselect":  # the widget takes the parsed value as it starts
            try:
                st.session_state[key] = setting.parse(raw)
            except ValueError:
                st.session_state[key] = list(setting.default)
        else:
            try:
                setting.parse(raw)
            except ValueError:
                del st.query_params[key]


def unknown_page_note(paths: list[str]) -> None:
    """Once per session: a link to a page that does not exist opens the Race page, and says so."""
    if "page_checked" in st.session_state:
        return
    st.session_state.page_checked = True
    path = urlparse(st.context.url or "").path.strip("/")
    if path and path not in paths:
        st.info(t("link.no_page", path=path[:MAX_SHOWN_CHARS]))


def _session_language() -> str:
    """The language this session chose (English outside a script run)."""
    return st.session_state.get("lang", i18n.DEFAULT) if get_script_run_ctx() else i18n.DEFAULT


def language_picker() -> None:
    """The language switch, first in the sidebar and kept in the link (``lang=ko``; the
    widget is not bound to the link, which would write the label, ``lang=한국어``)."""
    i18n.use_source(_session_language)
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", i18n.DEFAULT)
        st.session_state.lang = wanted if wanted in i18n.LANGUAGES else i18n.DEFAULT
    language = st.sidebar.selectbox("Language · 언어", tuple(i18n.LANGUAGES), key="lang",
                                    format_func=i18n.LANGUAGES.get)
    if language == i18n.DEFAULT:  # a malformed lang= stays for check_url to note and drop
        if st.query_params.get("lang") in i18n.LANGUAGES:
            st.query_params.pop("lang")
    else:
        st.query_params["lang"] = language


def sidebar_config() -> RunConfig | None:
    """Draw the settings in the sidebar and return the config they give (None: no model)."""
    if "url_notes" not in st.session_state:
        _clean_link()
    with st.sidebar:
        st.header(t("sidebar.settings"))
        values = {}
        for setting in SETTINGS:
            drawn = ((not setting.tasks or values["task"] in setting.tasks)
                     and (not setting.model or MODEL_LABELS[setting.model] in values["models"]))
            values[setting.key] = _widget(setting) if drawn else setting.default
    if st.session_state.url_notes:
        st.info(t("link.notes", notes="; ".join(st.session_state.url_notes)))
    if not values["models"]:
        st.warning(t("sidebar.no_model"))
        return None
    task = TASKS[values["task"]]
    options = {"horizon": values["horizon"],
               "series": series_in_use() if values["task"] == "series" else DEFAULTS.series}
    seq_len = values["T"]
    if seq_len < task.min_seq_len:
        st.info(t("sidebar.too_short", task=task.name, steps=task.min_seq_len))
        seq_len = task.min_seq_len
    longest = task.longest(**options)
    if seq_len > longest:
        st.info(t("sidebar.too_long", task=task.name, steps=longest))
        seq_len = longest
    hidden, proj = projection(values)
    return DEFAULTS.replace(
        task=values["task"], seq_len=seq_len, hidden_size=hidden, proj_size=proj, lr=values["lr"],
        optimizer=values["opt"], memory_init=values["memory_init"],
        batch_size=values["batch"], forget_bias=float(values["fbias"]), clip=float(values["clip"]),
        seed=values["seed"], max_steps=values["cap"], **options,
        models=tuple(LABEL_TO_KIND[m] for m in MODEL_LABELS.values() if m in values["models"]),
    )


def projection(values: dict) -> tuple[int, int]:
    """The hidden and projection sizes: an LSTMP needs P < H, so a P too large becomes H - 1
    and a hidden size of 1 becomes 2, each with a note (P = 0: half the hidden size)."""
    hidden, proj = values["hidden"], values["proj_size"]
    if MODEL_LABELS["lstmp"] not in values["models"]:
        return hidden, DEFAULTS.proj_size
    if hidden < 2:
        st.info(t("sidebar.lstmp_hidden"))
        hidden = 2
    if proj >= hidden:
        st.info(t("sidebar.proj_clamped", proj=proj, hidden=hidden, using=hidden - 1))
        proj = hidden - 1
    return hidden, proj


def widget_values(config: RunConfig) -> dict[str, object]:
    """The sidebar's widget values that give ``config`` (the inverse of ``sidebar_config``)."""
    return {"task": config.task, "T": config.seq_len, "horizon": config.horizon,
            "hidden": config.hidden_size, "opt": config.optimizer, "lr": config.lr,
            "batch": config.batch_size, "memory_init": config.memory_init,
            "fbias": config.forget_bias, "clip": config.clip, "seed": float(config.seed),
            "models": [MODEL_LABELS[k] for k in config.models], "proj_size": config.proj_size,
            "cap": config.max_steps}


def apply(config: RunConfig) -> None:
    """Set every sidebar setting to give ``config`` (a button's callback: the widgets and the
    link take the values on the rerun)."""
    st.session_state.update(widget_values(config))


def series_in_use() -> str:
    """The price series of this session: an upload it chose (kept in the link), else the
    synthetic one (also when the server has dropped the upload since)."""
    chosen = st.session_state.setdefault("series", st.query_params.get("series", DEFAULTS.series))
    if chosen != DEFAULTS.series and chosen not in series.UPLOADS:
        chosen = st.session_state.series = DEFAULTS.series
    if chosen == DEFAULTS.series:
        st.query_params.pop("series", None)
    else:
        st.query_params["series"] = chosen
    return chosen


def share_query(values: dict[str, object]) -> str:
    """The query string of a scene: every setting (and page control) that differs from its
    default; whole numbers are written in full, spaces as %20 (a link pasted into a chat
    stays whole)."""
    parts = []
    for setting in SETTINGS + PAGE_SETTINGS:
        value = values.get(setting.key, setting.default)
        if value is None or value == setting.default:
            continue
        items = value if isinstance(value, list) else [value]
        parts += [f"{setting.key}={quote(_fmt(item), safe='()')}" for item in items]
    return "&".join(parts)


def scene_values() -> dict[str, object]:
    """This session's settings and page controls, as the link writes them."""
    values = {s.key: st.session_state.get(s.key) for s in SETTINGS}
    values["w"] = st.session_state.get("w")
    values["series"] = st.session_state.get("series")
    values["lang"] = st.session_state.get("lang")
    if st.context.url and urlparse(st.context.url).path.strip("/") == "story":
        values["scene"] = st.session_state.get("scene", st.query_params.get("scene"))
    if st.session_state.get("follow") is False:
        values["snapshot"] = st.session_state.get("snapshot_choice", 0)
    return values


def describe_link(values: dict[str, object]) -> str:
    """What a link holds, in words: 'Task order, Sequence length (lag) 40, ...'."""
    changed = [f"{s.label.lower()} {_fmt(', '.join(v) if isinstance(v, list) else v)}"
               for s in SETTINGS + PAGE_SETTINGS
               if (v := values.get(s.key)) is not None and v != s.default]
    if not changed:
        return t("link.all_defaults")
    return t("link.some_defaults", changed="; ".join(changed))


def address() -> str:
    """This page's address without its query ('' where Streamlit does not know it)."""
    return (st.context.url or "").split("?")[0]


def share_link() -> None:
    """The 'share this scene' box: this page's address plus every non-default setting."""
    values = scene_values()
    query = share_query(values)
    base = address()
    with st.sidebar:
        st.subheader(t("share.title"))
        st.code(f"{base}?{query}" if query else base or t("share.plain"),
                language=None, wrap_lines=True)
        st.caption(t("share.caption", holds=describe_link(values)))
