"""Command line: train the models side by side, sweep the memory horizon, measure the story.

``python -m lstm_viz race|sweep|story|doctor ...`` (or ``lstm-viz``). The benchmark is
``python -m benchmarks.bench``, beside the package: it starts a server and a browser.

- ``race`` trains models side by side on one task and reports.
- ``sweep`` measures the memory horizon: each model's held-out metric over sequence lengths and
  seeds (sweep.py).
- ``story`` measures every scene of the story on each seed (story.py), the table it quotes.
- ``doctor`` says what this machine gives the app, each finding with a fix (doctor.py).

Bad arguments get one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

import torch

from lstm_viz import doctor
from lstm_viz.core.config import LINKED, TASK_OPTIONS, RunConfig, starting_config
from lstm_viz.core.kinds import KINDS
from lstm_viz.core.settings import Setting, written
from lstm_viz.core.training import LockstepTrainer
from lstm_viz.present import story
from lstm_viz.present.task_words import words
from lstm_viz.present.verdict import gradient_record, gradient_state
from lstm_viz.serving import sweep
from lstm_viz.tasks import TASKS, make_task

PROGRESS_CHUNK = 10


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage dump
        self.exit(2, f"lstm_viz: error: {message}\n")


def _add_run_options(parser: argparse.ArgumentParser, *own: str) -> None:
    """The settings of a run, from the schema (RunConfig's fields): ``--name-with-dashes`` and
    any older flag, with RunConfig's defaults; ``own``: settings the command sets itself."""
    for setting in LINKED:
        if setting.cli and setting.name not in own:
            parser.add_argument(setting.flag, *setting.flag_aliases, dest=setting.name,
                                help=_help(setting))  # not given: the task's default
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _help(setting: Setting) -> str:
    """A flag's help: the setting's doc, its choices or limits, and its default."""
    default = ",".join(setting.write(setting.default))
    default += "".join(f"; {task}: {','.join(setting.write(TASKS[task].defaults[setting.name]))}"
                       for task in TASKS if setting.name in TASKS[task].defaults)
    if setting.many:
        choices = "; ".join(f"{k}: {KINDS[k].summary}" for k in setting.options)
        return f"{setting.doc}, a comma list (default {default}; {choices})"
    if setting.options and setting.low is None:
        return f"{setting.doc} ({', '.join(setting.options)}; default {default})"
    return f"{setting.doc} ({written(setting.low)} to {written(setting.high)}; default {default})"


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m lstm_viz", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    race = commands.add_parser("race", help="train models side by side on one task")
    _add_run_options(race)
    horizon = commands.add_parser("sweep", help="held-out metric over sequence lengths and seeds")
    _add_run_options(horizon, "seq_len", "seed")
    horizon.add_argument("--lengths", default="10,50,100,200", help="comma list of lengths")
    horizon.add_argument("--seeds", default="3", help="a count n (seeds 0..n-1) or a comma list")
    horizon.add_argument("--jobs", type=int, default=1,
                         help="train the cells in this many local processes (same numbers)")
    horizon.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                         help="train the cells on this Dask cluster (the cluster extra)")
    scenes = commands.add_parser("story", help="every scene of the story on each seed")
    scenes.add_argument("--seeds", default="3", help="a count n (seeds 0..n-1) or a comma list")
    scenes.add_argument("--json", action="store_true", help="print one JSON object")
    check = commands.add_parser("doctor", help="what this machine gives the app, with fixes")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _ints(text: str, name: str) -> list[int]:
    try:
        return [int(item) for item in text.split(",") if item.strip()]
    except ValueError:
        raise ValueError(f"--{name} takes whole numbers separated by commas, "
                         f"got {text!r}") from None


def _seeds(text: str) -> list[int]:
    """'3' -> [0, 1, 2]; '41,42' -> [41, 42]."""
    seeds = _ints(text, "seeds")
    if "," not in text and len(seeds) == 1:
        seeds = list(range(seeds[0]))
    if not seeds or min(seeds) < 0:
        raise ValueError(f"--seeds needs a positive count or non-negative seeds, got {text!r}")
    return seeds


def _config(args, **changes) -> RunConfig:
    """The run the arguments give, from the task's defaults (a value that is no number for its
    setting: ValueError)."""
    values = {}
    for setting in LINKED:
        if setting.cli and getattr(args, setting.name, None) is not None:
            try:
                values[setting.name] = setting.from_flag(getattr(args, setting.name))
            except ValueError:
                raise ValueError(f"{setting.flag} takes a number, got "
                                 f"{getattr(args, setting.name)!r}") from None
    given = {**values, **changes}
    return starting_config(given.pop("task", RunConfig.task), **given)


def on_terminal() -> bool:
    """Progress bars are drawn only where a person watches them: stderr is a terminal. In a
    redirected log (a CI step, ``2> log``) each ``\\r`` frame would be a line of its own."""
    return sys.stderr.isatty()


def _train_with_progress(trainer: LockstepTrainer) -> None:
    total, show = trainer.config.max_steps, on_terminal()
    while not trainer.done:
        trainer.step(PROGRESS_CHUNK)
        if show:
            filled = 30 * trainer.steps // total
            bar = "#" * filled + " " * (30 - filled)
            print(f"\r[{bar}] {trainer.steps}/{total} steps", end="", file=sys.stderr, flush=True)
    _end_progress()


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def race_report(trainer: LockstepTrainer) -> dict:
    """What a finished race reports per model, as plain JSON-ready values."""
    final = trainer.take_snapshot()
    initial = trainer.snapshots[0]
    metrics = trainer.evaluate()
    view = trainer.view()
    models = {}
    for kind in trainer.kinds:
        end_probe = final.probes.get(kind)
        record = gradient_record(view, kind)
        models[kind] = {
            "final_metric": _finite(metrics[kind]),
            "metric_name": trainer.task.metric_name,
            "chance": trainer.task.chance,
            "steps": trainer.trained_steps[kind],
            "diverged": kind in trainer.diverged,
            "ms_per_step": _finite(trainer.ms_per_step(kind)),
            "grad_ratio": _finite(end_probe.grad_ratio) if end_probe else None,
            "grad_ratio_init": _finite(initial.probes[kind].grad_ratio),
            "solved_step": view.solved_step(kind),
            "grad_norm_max": _finite(record.grad_norm_max) if record else None,
            "loss_max": _finite(record.loss_max) if record else None,
            "gradient": gradient_state(view, kind),
            "held_out_loss": _finite(trainer.eval_losses[kind][-1][1])
            if trainer.eval_losses[kind] and kind not in trainer.diverged else None,
        }
    config = trainer.config
    task = trainer.task
    options = {k: v for k, v in config.task_options.items() if k in task.options}
    return {"task": config.task, "seq_len": config.seq_len, "seed": config.seed, **options,
            "held_out_size": len(trainer.eval_batch.y),
            "references": words(task).metric_references(),
            "loss_references": task.loss_references(), "models": models}


def _format_table(report: dict) -> str:
    header = f"{'model':<8} {'metric':>10} {'chance':>7} {'solved at':>9} "
    header += f"{'grad ratio init':>15} {'grad ratio end':>14} {'ms/step':>8}  status"
    options = "".join(f", {k} {report[k]}" for k in TASK_OPTIONS if k in report)
    lines = [f"task {report['task']}, T={report['seq_len']}, seed {report['seed']}{options}",
             header]
    for kind, r in report["models"].items():
        metric = "-" if r["final_metric"] is None else f"{r['final_metric']:.4f}"
        lines.append(
            f"{kind:<8} {metric:>10} {r['chance']:>7.3f} {str(r['solved_step'] or '-'):>9} "
            f"{_num(r['grad_ratio_init']):>15} {_num(r['grad_ratio']):>14} "
            f"{_num(r['ms_per_step'], '.1f'):>8}  {'diverged' if r['diverged'] else 'ok'}"
        )
    lines.append(f"metric: {next(iter(report['models'].values()))['metric_name']} on "
                 f"{report['held_out_size']} held-out sequences")
    lines += [f"reference: {label}" for label in report["references"]]
    return "\n".join(lines)


def _num(value: float | None, fmt: str = ".2e") -> str:
    return "-" if value is None else format(value, fmt)


def race(args) -> int:
    trainer = LockstepTrainer(_config(args))
    _train_with_progress(trainer)
    report = race_report(trainer)
    print(json.dumps(report, ensure_ascii=False) if args.json else _format_table(report))
    return 0


def run_sweep(args) -> int:
    lengths, seeds = _ints(args.lengths, "lengths"), _seeds(args.seeds)
    if not lengths:
        raise ValueError("--lengths needs at least one length")
    base = _config(args, seq_len=max(lengths), seed=seeds[0])  # validates every shared setting
    cells = [(kind, length, seed) for kind in base.models for length in lengths for seed in seeds]
    configs = [sweep.cell_config(base, *cell) for cell in cells]  # validates every length
    results: dict = {kind: {str(length): [] for length in lengths} for kind in base.models}
    stopped: dict = {kind: {str(length): [] for length in lengths} for kind in base.models}
    if args.jobs < 1:
        raise ValueError(f"--jobs takes a whole number of at least 1, got {args.jobs}")
    finished: dict[int, sweep.CellResult] = {}
    _progress(0, len(cells), "")
    for index, cell in sweep.run_cells(configs, args.jobs, args.scheduler):
        finished[index] = cell
        kind, length, _ = cells[index]
        _progress(len(finished), len(cells), f"{kind} T={length}")
    for index, (kind, length, _) in enumerate(cells):  # in the order of the cells
        results[kind][str(length)].append(_finite(finished[index].metric))
        stopped[kind][str(length)].append(finished[index].steps)
    _progress(len(cells), len(cells), "done")
    _end_progress()
    task = make_task(base.task, base.seq_len, **base.task_options)
    report = {"task": base.task, "metric_name": task.metric_name, "chance": task.chance,
              "steps": base.max_steps, "seeds": seeds, "results": results, "stopped_at": stopped}
    print(json.dumps(report, ensure_ascii=False) if args.json else _format_sweep(report))
    return 0


def _progress(done: int, total: int, what: str) -> None:
    """One frame of a progress bar on stderr, on a terminal only (``on_terminal``)."""
    if not on_terminal():
        return
    filled = 30 * done // max(total, 1)
    print(f"\r[{'#' * filled}{' ' * (30 - filled)}] {done}/{total} runs {what:<16}", end="",
          file=sys.stderr, flush=True)


def _end_progress() -> None:
    """The line break after a progress bar, where one was drawn."""
    if on_terminal():
        print(file=sys.stderr)


def _format_sweep(report: dict) -> str:
    lines = [f"task {report['task']}: held-out {report['metric_name']} per seed "
             f"{report['seeds']} (chance {report['chance']:.3f}, cap {report['steps']} steps)"]
    for kind, rows in report["results"].items():
        for length, metrics in rows.items():
            shown = " ".join("-" if m is None else f"{m:.3f}" for m in metrics)
            steps = " ".join(str(s) for s in report["stopped_at"][kind][length])
            lines.append(f"{kind:<5} T={length:<4} {shown}   stopped at {steps}")
    return "\n".join(lines)


def run_story(args) -> int:
    """Every scene of the story on each seed: the table the story page quotes."""
    seeds = _seeds(args.seeds)
    scenes = {}
    for n, scene in enumerate(story.SCENES):
        _progress(n, len(story.SCENES), scene.key)
        rows = [story.measure(scene, seed) for seed in seeds]
        scenes[scene.key] = {"seeds": seeds, "results": {k: [r[k] for r in rows] for k in rows[0]}}
    _progress(len(story.SCENES), len(story.SCENES), "done")
    _end_progress()
    if args.json:
        print(json.dumps({"command": "python -m lstm_viz story --seeds " + args.seeds + " --json",
                          "scenes": scenes}, indent=1))
    else:
        print("\n".join(f"{n}. {story.measured(scene, scenes)}"
                        for n, scene in enumerate(story.SCENES, start=1)))
    return 0


def run_doctor(args) -> int:
    """Every check of ``doctor.py``; exit status 1 if the app cannot run here."""
    found = doctor.findings()
    print(json.dumps({"checks": doctor.as_json(found)}, ensure_ascii=False) if args.json
          else doctor.report(found))
    return 1 if any(f.status == "fail" for f in found) else 0


COMMANDS = {"race": race, "sweep": run_sweep, "story": run_story, "doctor": run_doctor}


def main(argv: list[str] | None = None) -> int:
    torch.set_num_threads(1)
    sys.stdout.reconfigure(encoding="utf-8")  # JSON and tables may hold Korean text
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ValueError as error:
        print(f"lstm_viz: error: {error}", file=sys.stderr)
        return 2
