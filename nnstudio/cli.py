"""The ``nnstudio`` command.

    nnstudio                          open the studio on the XOR lesson
    nnstudio open [FILE]              open FILE in the studio (the desktop entry runs this)
    nnstudio train FILE [--epochs N] [--batch-size B] [--learning-rate LR] [--out FILE]
    nnstudio evaluate FILE [--json]   loss and metrics on the test split
    nnstudio summary FILE             the network, data set, settings and progress
    nnstudio examples                 the bundled lessons
    nnstudio new --example NAME FILE  start a project from a lesson
    nnstudio import-keras MODEL.py OUT.nnproj / export FILE --to keras|pytorch|onnx OUT  (cli_exchange)

Errors a user can cause print ``nnstudio: error: <one line>`` and exit 1 (``--debug`` shows
the traceback); usage errors exit 2. Only ``open`` (and no command) loads Qt: the rest runs
on a machine with no display.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import traceback

from nnstudio import __version__, desktop

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class CommandError(Exception):
    """A one-line message for the user; the command exits 1."""


class StartupProblem(CommandError):
    """Why the studio cannot open its window and what to install: printed as it is, lines and all."""


class Interrupted(CommandError):
    """Ctrl+C: the message says what was kept; the command exits 130."""


# -- commands ------------------------------------------------------------------------------------


def cmd_gui(args) -> int:
    from nnstudio.project import examples

    path = getattr(args, "file", None)
    if path is not None:
        if not os.path.exists(path):
            raise CommandError(f"there is no file {path}")
    else:
        default = examples.path(examples.DEFAULT)
        path = str(default) if default.is_file() else None
    from nnstudio.gui import (
        qt_check,
    )  # before Qt loads: a missing library or display aborts Qt itself

    problem = qt_check.problem()
    if problem:
        raise StartupProblem(problem)
    try:
        from nnstudio.gui import app
    except ImportError as exc:
        raise CommandError(
            f"the studio could not start ({exc}); install the Qt system libraries listed in README.md, "
            "or use 'nnstudio train FILE'"
        ) from exc
    if not hasattr(app, "run"):
        raise CommandError(
            "the studio could not start (nnstudio.gui.app has no run()); reinstall nnstudio"
        )
    return int(app.run(path) or 0)


def cmd_train(args) -> int:
    from nnstudio.engine.callbacks import TerminateOnNaN
    from nnstudio.project import build_dataset, build_model, capture, load, prepare_data, runs
    from nnstudio.project.build import capture_state

    project = load(args.file)
    training = project.training
    if args.batch_size is not None:
        training.batch_size = args.batch_size
    if args.learning_rate is not None:
        optimizer = dict(training.optimizer)
        optimizer["config"] = {**optimizer.get("config", {}), "learning_rate": args.learning_rate}
        training.optimizer = optimizer
    # the studio's rule (project/runs.py): `epochs` more, or until epoch `epochs` in all
    setting = training.epochs if args.epochs is None else args.epochs
    initial, target = runs.epoch_range(project.epochs_trained, setting, training.epochs_mode)
    if target <= initial:
        print(f"Nothing to train: {initial} epochs done, the project trains until epoch {setting}.")
        return EXIT_OK
    early = runs.early_stopping_callback(training)
    out = args.out or _trained_copy_of_lesson(args.file) or args.file

    model = build_model(project)
    _check_outside_data(project, args)
    dataset = build_dataset(project, progress=_download_progress())
    x, y, _, _ = prepare_data(project, dataset)
    snapshot = _epoch_snapshot()
    guard = TerminateOnNaN(verbose=0)
    print(
        f"Training {project.title!r} on {dataset.name}: epochs {initial + 1}-{target} "
        f"({len(x):,} samples, batch {training.batch_size})",
        flush=True,
    )
    try:
        history = model.fit(
            x,
            y,
            batch_size=int(training.batch_size),
            epochs=target,
            initial_epoch=initial,
            verbose=1,
            validation_split=float(training.validation_split),
            callbacks=[guard, snapshot] + ([early] if early else []),
        )
    except KeyboardInterrupt:
        sys.stdout.write("\n")
        if not snapshot.epoch:
            raise Interrupted(
                "interrupted before the first epoch ended; nothing was saved"
            ) from None
        capture_state(project, snapshot.weights, snapshot.optimizer_state, snapshot)
        _save_now(project, out)
        raise Interrupted(
            f"interrupted; the {len(snapshot.epoch)} epoch(s) that finished were saved to {out} "
            f"(now {project.epochs_trained} trained)"
        ) from None
    if guard.stopped is not None:  # diverged: the file keeps its last good weights
        epoch, batch, value = guard.stopped
        raise CommandError(
            f"training diverged: the loss became {value} at epoch {epoch + 1}, batch {batch + 1}, "
            f"so training stopped and nothing was saved ({out} keeps its "
            f"{int(initial)} trained epoch(s)); try a smaller learning rate"
        )
    capture(project, model, history)
    _save_now(project, out)
    done = len(history.epoch)
    stopped = runs.stop_reason(early)
    if stopped:
        print(
            f"Early stopping at epoch {stopped.epoch}: {stopped.monitor} did not improve "
            f"for {stopped.patience} epoch(s); best at epoch {stopped.best_epoch}."
        )
    print(
        f"Trained {done} epoch(s) (now {project.epochs_trained} in all): {_logs_text(history.history)}. "
        f"Saved {out}."
    )
    return EXIT_OK


def cmd_evaluate(args) -> int:
    from nnstudio.project import build_dataset, load, prepare_data

    project = load(args.file)
    model = project.model
    _check_outside_data(project, args)
    dataset = build_dataset(project, progress=_download_progress())
    _, _, x_test, y_test = prepare_data(project, dataset)
    if len(x_test) == 0:
        raise CommandError(f"the data set {dataset.name!r} has no test samples to evaluate on")
    result = model.evaluate(x_test, y_test, verbose=0, return_dict=True)
    result = {
        "loss": float(result["loss"]),
        **{k: float(v) for k, v in result.items() if k != "loss"},
    }
    if args.json:  # strict JSON: a diverged (NaN / infinite) value is null
        print(json.dumps({k: (v if math.isfinite(v) else None) for k, v in result.items()}))
        return EXIT_OK
    if not project.weights:
        print(
            "note: this project is not trained yet; these are its starting weights", file=sys.stderr
        )
    print(f"{project.title}: {len(x_test):,} test samples of {dataset.name}")
    for key, value in result.items():
        print(f"  {key:<12} {value:.4f}")
    return EXIT_OK


def cmd_summary(args) -> int:
    from nnstudio.project import load

    project = load(args.file)
    training = project.training
    lines = [project.title]
    description = project.description.get("en") or next(iter(project.description.values()), "")
    if description:
        lines.append(description.split("\n\n")[0])
    lines.append("")
    dataset = project.dataset
    if dataset.name == "file":
        lines.append(
            f"Data:      your file {dataset.path} ({dataset.format or 'format from its name'})"
        )
    else:
        params = ", ".join(f"{k}={v}" for k, v in dataset.params.items())
        lines.append(f"Data:      {dataset.name}" + (f" ({params})" if params else ""))
    optimizer = (
        training.optimizer
        if isinstance(training.optimizer, dict)
        else {"class_name": training.optimizer}
    )
    settings = ", ".join(
        f"{k}={v}" for k, v in (optimizer.get("config") or {}).items() if v is not None
    )
    lines.append(
        f"Training:  loss {training.loss}, optimizer {optimizer.get('class_name')}"
        + (f" ({settings})" if settings else "")
        + f", batch {training.batch_size}, epochs {training.epochs}, metrics {', '.join(training.metrics) or '-'}"
        + (f", validation split {training.validation_split}" if training.validation_split else "")
        + f", seed {training.seed}"
    )
    if project.epochs_trained:
        lines.append(
            f"Progress:  {project.epochs_trained} epoch(s) trained; last epoch {_logs_text(project.history)}"
        )
    else:
        lines.append("Progress:  not trained yet")
    from nnstudio.messages import printable

    print("\n".join(printable(line, limit=2000) for line in "\n".join(lines).split("\n")))
    print()
    if project.layers and project.input_shape:
        project.model.summary()
    else:
        print("The network is not complete yet (it needs layers and a data set).")
    return EXIT_OK


def cmd_examples(args) -> int:
    from nnstudio.project import examples

    rows = [(name, examples.title(name)) for name in examples.names()]
    width = max(len(name) for name, _ in rows)
    for name, title in rows:
        print(f"{name:<{width}}  {title}")
    return EXIT_OK


def cmd_new(args) -> int:
    from nnstudio.project import examples, save

    if args.example not in examples.EXAMPLES:
        raise CommandError(
            f"there is no lesson called {args.example!r}; the lessons are {', '.join(examples.names())}"
        )
    if os.path.exists(args.file) and not args.force:
        raise CommandError(
            f"{args.file} already exists; choose another name or add --force to replace it"
        )
    project = examples.load(args.example)
    save(project, args.file)
    print(f"Created {args.file} from the lesson {args.example!r}: {project.title}")
    return EXIT_OK


# -- helpers ---------------------------------------------------------------------------------------


def _check_outside_data(project, args) -> None:
    """A project's data file outside the project's folder is read only when the user says so."""
    from nnstudio.project.embed import outside_path

    path = outside_path(project, os.path.dirname(os.path.abspath(args.file)))
    if path is not None and not getattr(args, "allow_outside_data", False):
        raise CommandError(
            f"the project reads its data from {path}, outside the project's folder; if you trust "
            "it, run again with --allow-outside-data (or put the file next to the project)"
        )


def _save_now(project, out) -> None:
    """Save with Ctrl+C held back: a second Ctrl+C cannot cut the save short, and says so."""
    from nnstudio.atomic import deferred_interrupt
    from nnstudio.project import save

    with deferred_interrupt() as caught:
        save(project, out)
    if caught:
        print(f"nnstudio: Ctrl+C during the save: it was finished first ({out})", file=sys.stderr)


def _epoch_snapshot():
    """A callback keeping the weights, optimizer state and logs of the last finished epoch, so an
    interrupted run saves exactly the epochs that finished (and resumes from them bit for bit).
    It is also the history ``nnstudio.project.build.capture_state`` takes (``epoch``, ``history``)."""
    from nnstudio.engine.callbacks import Callback

    class EpochSnapshot(Callback):
        def __init__(self):
            super().__init__()
            self.epoch, self.history = [], {}
            self.weights = self.optimizer_state = None

        def on_epoch_end(self, epoch, logs=None):
            if not all(math.isfinite(float(v)) for k, v in (logs or {}).items() if k == "loss"):
                return  # a diverged epoch is never kept
            self.weights = self.model.weight_dict()
            self.optimizer_state = self.model.optimizer.get_state()
            self.epoch.append(epoch)
            for key, value in (logs or {}).items():
                self.history.setdefault(key, []).append(float(value))

    return EpochSnapshot()


def _trained_copy_of_lesson(path: str) -> str | None:
    """Training a bundled lesson saves a copy in the current folder: the lesson stays as shipped
    (and its folder may be read-only once installed)."""
    from nnstudio.project import examples

    file = os.path.abspath(path)
    if not examples.is_bundled(file):
        return None
    copy = os.path.basename(file)
    if os.path.exists(copy):
        if os.path.samefile(copy, file):
            return None  # run from inside the examples folder, on purpose
        raise CommandError(
            f"{copy} is a bundled lesson, which is kept as shipped, and {copy} already exists in this folder; "
            f"keep training your copy with 'nnstudio train {copy}', or choose a new file with --out"
        )
    print(
        f"{copy} is a bundled lesson, which is kept as shipped; your trained copy will be saved as "
        f"{copy} in this folder."
    )
    return copy


def _download_progress():
    def progress(done: int, total: int) -> None:
        if total:
            sys.stderr.write(f"\rdownloading: {done / 2**20:.1f} of {total / 2**20:.1f} MB")
        else:
            sys.stderr.write(f"\rdownloading: {done / 2**20:.1f} MB")
        if total and done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return progress


def _logs_text(history: dict) -> str:
    parts = []
    for key, values in history.items():
        if values:
            value = values[-1]
            parts.append(f"{key} {value:.4f}" if math.isfinite(value) else f"{key} {value}")
    return ", ".join(parts) or "no metrics"


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {text}")
    return value


def _outside_flag(p) -> None:
    p.add_argument(
        "--allow-outside-data",
        action="store_true",
        help="read the project's data file even when it lies outside the project's folder",
    )


def make_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the full traceback when something goes wrong",
    )
    parser = argparse.ArgumentParser(
        prog="nnstudio",
        parents=[common],
        description="A studio for learning how neural networks train. With no command, opens the studio "
        "on the XOR lesson.",
    )
    parser.add_argument("--version", action="version", version=f"nnstudio {__version__}")
    desktop.add_arguments(parser)  # --install-desktop, --uninstall-desktop
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", parents=[common], help="open a project in the studio")
    p.add_argument(
        "file", metavar="FILE", nargs="?", help="a .nnproj project (none: the XOR lesson)"
    )
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser(
        "train", parents=[common], help="train a project without the studio and save it"
    )
    p.add_argument("file", metavar="FILE", help="a .nnproj project")
    p.add_argument(
        "--epochs",
        type=_positive_int,
        metavar="N",
        help="train N more epochs, or until epoch N when the project says so "
        "(default: the project's epochs setting)",
    )
    p.add_argument("--batch-size", type=_positive_int, metavar="B", help="samples per step")
    p.add_argument(
        "--learning-rate", type=_positive_float, metavar="LR", help="the optimizer's learning rate"
    )
    p.add_argument("--out", metavar="FILE", help="save to FILE instead of back into the project")
    _outside_flag(p)
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", parents=[common], help="loss and metrics on the test split")
    p.add_argument("file", metavar="FILE", help="a .nnproj project")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    _outside_flag(p)
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser(
        "summary", parents=[common], help="the network, data set and training settings"
    )
    p.add_argument("file", metavar="FILE", help="a .nnproj project")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("examples", parents=[common], help="list the bundled lessons")
    p.set_defaults(func=cmd_examples)

    p = sub.add_parser("new", parents=[common], help="start a new project from a lesson")
    p.add_argument(
        "--example", required=True, metavar="NAME", help="the lesson (see 'nnstudio examples')"
    )
    p.add_argument("file", metavar="FILE", help="the .nnproj file to create")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=cmd_new)

    from nnstudio import cli_exchange  # import-keras, export

    cli_exchange.register(sub, common)
    return parser


def _one_line(exc: BaseException) -> str:
    from nnstudio.messages import one_line

    return one_line(str(exc)) or type(exc).__name__


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)  # usage errors: argparse prints them and exits 2
    debug = getattr(args, "debug", False)
    func = getattr(args, "func", cmd_gui)
    try:
        for stream in (sys.stdout, sys.stderr):  # a console that cannot show Korean or box lines
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="replace")
        return func(args)
    except KeyboardInterrupt:
        if debug:
            traceback.print_exc()
        print("nnstudio: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `nnstudio summary x | head`
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_OK
    except Exception as exc:
        if debug:
            traceback.print_exc()
        message = str(exc) if isinstance(exc, StartupProblem) else _one_line(exc)
        if not _is_user_error(exc):
            message = f"unexpected {type(exc).__name__}: {message} (run with --debug for details)"
        print(f"nnstudio: error: {message}", file=sys.stderr)
        return EXIT_INTERRUPTED if isinstance(exc, Interrupted) else EXIT_ERROR


def _is_user_error(exc: BaseException) -> bool:
    if isinstance(exc, CommandError):
        return True
    from nnstudio.project.errors import ProjectError

    if isinstance(exc, ProjectError):
        return True
    try:
        from nnstudio.data import DataError
    except ImportError:
        return False
    return isinstance(exc, DataError)


if __name__ == "__main__":
    sys.exit(main())
