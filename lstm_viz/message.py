"""A sentence to show, not yet in any language.

The core and the tasks speak no language: where they have something to tell a reader (a link
value they cannot use, an upload they cannot read) they give a ``Message``, a key in the
language tables and its fields, and the layer that shows it says it in the reader's language
(``lstm_viz.i18n.say``). ``Problem`` is a ValueError whose reason is such a message.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    """The text called ``key`` in the language tables, with ``fields`` filled in (a field may
    be a Message itself, said in the same language)."""

    key: str
    fields: dict = field(default_factory=dict)


def message(key: str, /, **fields) -> Message:
    """``Message(key, fields)``, with the fields as keywords."""
    return Message(key, fields)


class Problem(ValueError):
    """A ValueError whose reason is a Message (``error.message``)."""

    def __init__(self, key: str, /, **fields):
        self.message = Message(key, fields)
        super().__init__(f"{key}: {fields}" if fields else key)
