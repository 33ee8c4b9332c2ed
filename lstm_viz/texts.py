"""Page sentences that depend on the run: which models race, on which task, with how many
units. Each is a pure function, so a test can check it against every setting a user can reach.
"""

from __future__ import annotations

from .models import KINDS


def models_phrase(kinds: tuple[str, ...]) -> str:
    """'RNN vs LSTM', 'RNN vs LSTM vs GRU', or 'the LSTM' for a model alone."""
    labels = [KINDS[k].label for k in kinds]
    return f"the {labels[0]}" if len(labels) == 1 else " vs ".join(labels)


def race_title(kinds: tuple[str, ...]) -> str:
    """'Race: RNN vs LSTM', or 'Race: the LSTM alone'."""
    if len(kinds) == 1:
        return f"Race: {models_phrase(kinds)} alone"
    return f"Race: {models_phrase(kinds)}"


def race_intro(kinds: tuple[str, ...], task) -> str:
    """The race page's opening: what to watch, true for one model or three and any task."""
    who = ("The models train on the same batches" if len(kinds) > 1
           else f"{models_phrase(kinds).capitalize()} trains on a stream of sequences")
    away = "climbs away from" if task.higher_is_better else "falls below"
    return (f"{who} and {task.goal}. Solid curves are held-out sequences: a model that "
            f"remembers {away} {task.reference_line}.")


def race_next(kinds: tuple[str, ...]) -> str:
    """What to try after the first race."""
    if "lstm" in kinds:
        return "Next: try a longer lag, or close the forget gate and watch the LSTM fail too."
    return "Next: add the LSTM in the sidebar's Models and race it against these."


def units_phrase(k: int, hidden_size: int) -> str:
    """'the 6 units', 'the 2 units' (hidden size 2), 'the unit'."""
    n = min(k, hidden_size)
    return "the unit" if n == 1 else f"the {n} units"


def inside_intro(kinds: tuple[str, ...]) -> str:
    """What Inside shows, naming only the models that are there."""
    gated = [KINDS[k] for k in kinds if KINDS[k].gate_names]
    parts = []
    if gated:
        names = " and ".join(f"the {k.label}'s gates ({', '.join(k.gate_names)})" for k in gated)
        parts.append(f"The heatmaps show {names} for every unit at every step of one probe "
                     "sequence; the dotted line marks the step that holds what must be "
                     "remembered.")
    parts += [KINDS[k].inside_note for k in kinds if KINDS[k].inside_note]
    parts.append("Turn off *Follow training* to look back at earlier snapshots.")
    return " ".join(parts)
