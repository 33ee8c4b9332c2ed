"""What a link holds, in words and in its query string.

A link holds the run settings (``core.link`` writes and reads them) and the page controls
(``PAGE_SETTINGS``): the Primer's factor, the snapshot Inside shows, the story's scene, the
language, and what a teacher's link hides from students (``hide=``, ``lock=``). The share box
and the story's scene links are made here from widget values (``share_query``) and described
in words (``describe_link``); a link's problems are said in a few lines (``notes_text``).
Pure functions: tests call them without Streamlit.
"""

from __future__ import annotations

from lstm_viz import i18n
from lstm_viz.core import link
from lstm_viz.core.config import BY_NAME, RunConfig
from lstm_viz.core.settings import Setting, written
from lstm_viz.i18n import say, t
from lstm_viz.present import story
from lstm_viz.present.controls import (
    SIDEBAR,
    config_value,
    in_sentence,
    in_use,
    setting_label,
    widget_value,
)
from lstm_viz.present.labels import kind_label

ALL_SETTINGS = "settings"  # hide=settings: the whole settings panel
# hide=all_but_seq_len: every setting but the sequence length (students keep it and Start)
ALL_BUT_LENGTH = "all_but_seq_len"
HIDE_GROUPS = (ALL_SETTINGS, ALL_BUT_LENGTH)
# Page controls kept in the link too (not run settings): the Primer's factor, the snapshot
# chosen on Inside the LSTM, the story's scene and the language.
PAGE_SETTINGS = (
    Setting("w", 0.9, "the Primer's factor", widget="slider", low=0.5, high=1.5, step=0.01),
    Setting("snapshot", 0, "the training step Inside shows", widget="slider", low=0,
            high=BY_NAME["max_steps"].high),
    Setting("scene", "1", "the story's scene", widget="selectbox",
            options=tuple(str(n) for n in range(1, len(story.SCENES) + 1))),
    Setting("lang", i18n.DEFAULT, "the language", widget="selectbox",
            options=tuple(i18n.LANGUAGES)),
    # A teacher's link hides what the lesson does not need (TensorFlow Playground's hide flags):
    # settings by name, or all of them; lock=1 takes away the students' "show all settings".
    Setting("hide", (), "the settings the link hides (names, or settings for all)",
            options=(*HIDE_GROUPS, *(s.name for s in SIDEBAR)), comma=True),
    Setting("lock", 0, "1: the hidden settings cannot be shown", low=0, high=1),
)
PAGE_BY_NAME = {s.name: s for s in PAGE_SETTINGS}
NOTES_SHOWN = 5  # a link's notes said in full; the rest are counted


def check_url(params: dict[str, list[str]]) -> list[str]:
    """Notes, in the reader's language, on every link parameter that is unknown or invalid
    (those fall back to defaults)."""
    return [say(note) for note in link.read(params, PAGE_SETTINGS).notes]


def notes_text(notes: list) -> str:
    """A link's notes, the first ``NOTES_SHOWN`` in full and the rest counted ('...; and 195
    more'): a link of 200 bad values gave a note taller than a screen."""
    said = "; ".join(say(note) for note in notes[:NOTES_SHOWN])
    more = len(notes) - NOTES_SHOWN
    return said + (t("link.more", n=more) if more > 0 else "")


def whole_number(raw: str, default: int) -> int:
    """A link's whole number ('1e3' is 1000), or ``default`` if it is none."""
    try:
        return int(float(raw))
    except (ValueError, OverflowError):
        return default


def widget_values(config: RunConfig) -> dict[str, object]:
    """The sidebar's widget values that give ``config``: what a scene's set-up button puts in
    the widgets, and what its link is made from (``share_query``)."""
    return {s.name: widget_value(s, getattr(config, s.name)) for s in SIDEBAR}


def share_query(values: dict[str, object]) -> str:
    """The query string of a scene from widget values (run settings, the series and the page
    controls; None: not in the link): ``link.write``."""
    settings = {s.name: config_value(s, values[s.name]) for s in SIDEBAR
                if values.get(s.name) is not None}
    settings.update({k: values[k] for k in ("series", *PAGE_BY_NAME) if values.get(k) is not None})
    query = link.write(settings, PAGE_SETTINGS)
    if values.get("lang") == i18n.DEFAULT:  # a chosen English is kept though a default
        query += f"&lang={i18n.DEFAULT}"
    return query


def hidden_names(hide) -> set[str]:
    """The settings a link's ``hide=`` names: every one for hide=settings, every one but the
    sequence length for hide=all_but_seq_len."""
    names = set(hide) - set(HIDE_GROUPS)
    if ALL_SETTINGS in hide:
        return {s.name for s in SIDEBAR}
    if ALL_BUT_LENGTH in hide:
        names |= {s.name for s in SIDEBAR} - {"seq_len"}
    return names


def hide_label(name: str) -> str:
    """A choice of the share box's 'hide from students': a group in words, or a setting."""
    if name == ALL_SETTINGS:
        return t("hidden.all")
    if name == ALL_BUT_LENGTH:
        return t("hidden.all_but_seq_len")
    return setting_label(BY_NAME[name])


def hidden_words(names: set[str], values: dict) -> str:
    """What a student is told is hidden, naming only the settings the task on screen uses
    (``in_use``: not the forecast horizon on the latch): 'all settings', 'all settings but
    the sequence length (lag)', or the hidden ones where they are fewer than the rest."""
    used = [s for s in SIDEBAR if in_use(s, values)]
    gone = [in_sentence(s) for s in used if s.name in names]
    kept = [in_sentence(s) for s in used if s.name not in names]
    if not gone:  # it hides only settings this task does not use: name them
        gone = [in_sentence(s) for s in SIDEBAR if s.name in names]
    if not kept:
        return t("hidden.all")
    if len(gone) > len(kept):
        return t("hidden.all_but", shown=", ".join(kept))
    return ", ".join(gone)


def describe_link(values: dict[str, object]) -> str:
    """What a link holds, in words: 'task order; sequence length (lag) 40; ...', and what it
    hides from students."""
    changed = []
    for setting in SIDEBAR + PAGE_SETTINGS:
        value = values.get(setting.name)
        if value is None or setting.name in ("hide", "lock"):
            continue
        if setting in SIDEBAR:
            value = config_value(setting, value)
        if value != setting.default:
            shown = ", ".join(kind_label(v) for v in value) if setting.many else written(value)
            changed.append(f"{in_sentence(setting)} {shown}")
    holds = (t("link.some_defaults", changed="; ".join(changed)) if changed
             else t("link.all_defaults"))
    return holds + students_see(values.get("hide") or (), values.get("lock") == 1)


def students_see(hide: tuple, locked: bool) -> str:
    """'; students see: play controls, sequence length' for a link that hides settings ('' for
    one that hides none): what is left, or what is hidden where that list is shorter."""
    if not hide:
        return ""
    names = hidden_names(hide)
    label = {s.name: in_sentence(s) for s in SIDEBAR}
    shown = [label[s.name] for s in SIDEBAR if s.name not in names]
    gone = [label[s.name] for s in SIDEBAR if s.name in names]
    said = (t("link.students_see", shown=", ".join([t("link.play_controls"), *shown]))
            if len(shown) <= len(gone) else t("link.hidden_from", hidden=", ".join(gone)))
    return f"; {said}" + (f" ({t('link.locked')})" if locked else "")
