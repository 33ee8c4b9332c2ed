"""Command line: ``python -m lstm_viz race ...`` trains models side by side and reports.

Bad arguments get one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

import torch

from . import bench
from .config import RunConfig
from .training import LockstepTrainer

PROGRESS_CHUNK = 10


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage dump
        self.exit(2, f"lstm_viz: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m lstm_viz", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    race = commands.add_parser("race", help="train models side by side on one task")
    defaults = RunConfig()
    race.add_argument("--task", default=defaults.task, help="latch, adding or order")
    race.add_argument("--seq-len", type=int, default=defaults.seq_len)
    race.add_argument("--steps", type=int, default=600, help="training steps")
    race.add_argument("--seed", type=int, default=defaults.seed)
    race.add_argument("--models", default=",".join(defaults.models), help="e.g. rnn,lstm,gru")
    race.add_argument("--hidden", type=int, default=defaults.hidden_size)
    race.add_argument("--lr", type=float, default=defaults.lr)
    race.add_argument("--optimizer", default=defaults.optimizer, help="adam or sgd")
    race.add_argument("--batch-size", type=int, default=defaults.batch_size)
    race.add_argument("--forget-bias", type=float, default=defaults.forget_bias)
    race.add_argument("--clip", type=float, default=defaults.clip, help="0 turns clipping off")
    race.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_arguments(commands.add_parser("bench", help="measure speed and memory side by side"))
    return parser


def _config(args) -> RunConfig:
    return RunConfig(
        task=args.task,
        seq_len=args.seq_len,
        hidden_size=args.hidden,
        lr=args.lr,
        optimizer=args.optimizer,
        batch_size=args.batch_size,
        forget_bias=args.forget_bias,
        clip=args.clip,
        seed=args.seed,
        models=tuple(m.strip() for m in args.models.split(",") if m.strip()),
        max_steps=args.steps,
    )


def _train_with_progress(trainer: LockstepTrainer, show: bool) -> None:
    total = trainer.config.max_steps
    while not trainer.done:
        trainer.step(PROGRESS_CHUNK)
        if show:
            filled = 30 * trainer.steps // total
            bar = "#" * filled + " " * (30 - filled)
            print(f"\r[{bar}] {trainer.steps}/{total} steps", end="", file=sys.stderr, flush=True)
    if show:
        print(file=sys.stderr)


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def race_report(trainer: LockstepTrainer) -> dict:
    """What a finished race reports per model, as plain JSON-ready values."""
    final = trainer.take_snapshot()
    initial = trainer.snapshots[0]
    metrics = trainer.evaluate()
    models = {}
    for kind in trainer.models:
        end_probe = final.probes.get(kind)
        models[kind] = {
            "final_metric": _finite(metrics[kind]),
            "metric_name": trainer.task.metric_name,
            "chance": trainer.task.chance,
            "steps": len(trainer.history[kind]),
            "diverged": kind in trainer.diverged,
            "ms_per_step": _finite(trainer.ms_per_step(kind)),
            "grad_ratio": _finite(end_probe.grad_ratio) if end_probe else None,
            "grad_ratio_init": _finite(initial.probes[kind].grad_ratio),
            "solved_step": trainer.solved_step(kind),
        }
    config = trainer.config
    return {"task": config.task, "seq_len": config.seq_len, "seed": config.seed, "models": models}


def _format_table(report: dict) -> str:
    header = f"{'model':<6} {'metric':>10} {'chance':>7} {'solved at':>9} "
    header += f"{'grad ratio init':>15} {'grad ratio end':>14} {'ms/step':>8}  status"
    lines = [f"task {report['task']}, T={report['seq_len']}, seed {report['seed']}", header]
    for kind, r in report["models"].items():
        metric = "-" if r["final_metric"] is None else f"{r['final_metric']:.4f}"
        lines.append(
            f"{kind:<6} {metric:>10} {r['chance']:>7.3f} {str(r['solved_step'] or '-'):>9} "
            f"{_num(r['grad_ratio_init']):>15} {_num(r['grad_ratio']):>14} "
            f"{_num(r['ms_per_step'], '.1f'):>8}  {'diverged' if r['diverged'] else 'ok'}"
        )
    lines.append(f"metric: {next(iter(report['models'].values()))['metric_name']} on 512 held-out sequences")
    return "\n".join(lines)


def _num(value: float | None, fmt: str = ".2e") -> str:
    return "-" if value is None else format(value, fmt)


def race(args) -> int:
    trainer = LockstepTrainer(_config(args))
    _train_with_progress(trainer, show=True)
    report = race_report(trainer)
    print(json.dumps(report) if args.json else _format_table(report))
    return 0


def main(argv: list[str] | None = None) -> int:
    torch.set_num_threads(1)
    args = _parser().parse_args(argv)
    try:
        return race(args) if args.command == "race" else bench.run(args)
    except ValueError as error:
        print(f"lstm_viz: error: {error}", file=sys.stderr)
        return 2
