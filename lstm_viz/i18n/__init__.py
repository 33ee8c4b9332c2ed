"""The app's words in English and Korean: one table per language (``en.py``, ``ko.py`` beside
this file), looked up by key with ``t(key, **fields)``; ``say`` puts a ``Message`` from the
core in the current language.

The library stays free of Streamlit: the app tells it where the current language comes from
(``use_source``: the session's choice, kept in the link as ``lang=``); anywhere else (the CLI,
the tests, the worker) the language is English unless ``use`` says otherwise.
"""

from __future__ import annotations

from contextvars import ContextVar
from string import Formatter
from typing import Callable

from lstm_viz.i18n import en, ko
from lstm_viz.message import Message, Problem

TABLES: dict[str, dict[str, str]] = {"en": en.TEXT, "ko": ko.TEXT}
LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT = "en"
_chosen: ContextVar[str | None] = ContextVar("language", default=None)


def _default_source() -> str:
    return DEFAULT


_source: Callable[[], str] = _default_source


def use_source(source: Callable[[], str]) -> None:
    """Where the current language comes from when ``use`` has not set one (the app's session)."""
    global _source
    _source = source


def from_browser(locale: str | None, accept_language: str | None = None) -> str | None:
    """The app's language a browser asks for: its locale ('ko-KR', ``navigator.language``),
    else the first language of its Accept-Language header ('ko,en;q=0.8') that the app has;
    None where neither names one."""
    wanted = [locale or ""] + [part.split(";")[0] for part in (accept_language or "").split(",")]
    for tag in wanted:
        code = tag.strip().replace("_", "-").split("-")[0].lower()
        if code in TABLES:
            return code
    return None


def use(language: str | None) -> None:
    """Set this thread's language (None: back to the source)."""
    _chosen.set(language)


def language() -> str:
    """The current language: 'en' or 'ko'."""
    chosen = _chosen.get() or _source()
    return chosen if chosen in TABLES else DEFAULT


def t(key: str, /, **fields) -> str:
    """The text called ``key`` in the current language, with ``fields`` filled in."""
    text = TABLES[language()][key]
    return text.format(**fields) if fields else text


def has(key: str) -> bool:
    """True if the current language's table has a text called ``key``."""
    return key in TABLES[language()]


def say(what) -> str:
    """A ``Message`` (or an exception that carries one as ``.message``: a ``Problem``, the
    worker's ``WorkerLost``; or any exception) in the current language: nested messages in its
    fields are said too; an exception without one says its own text."""
    if isinstance(getattr(what, "message", None), Message):
        what = what.message
    if isinstance(what, Message):
        return t(what.key, **{k: say(v) if isinstance(v, (Message, Problem)) else v
                              for k, v in what.fields.items()})
    return str(what)


def fields_of(text: str) -> set[str]:
    """The names a text's ``{field}`` placeholders take."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}
