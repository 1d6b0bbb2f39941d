"""The ``nnstudio`` commands that move a model across the studio's border.

    nnstudio import-keras MODEL.py OUT.nnproj      Keras code in (read, never run)
    nnstudio export FILE --to keras|pytorch|onnx OUT   a Keras or PyTorch script, or an ONNX file

``register(sub, common)`` adds them to the parser ``nnstudio.cli`` builds.
"""

from __future__ import annotations

import os
import sys


def cmd_import_keras(args) -> int:
    from nnstudio.cli import EXIT_OK, CommandError
    from nnstudio.project import save
    from nnstudio.project.keras_import import import_keras, read_text

    if not os.path.exists(args.code):
        raise CommandError(f"there is no file {args.code}")
    if os.path.exists(args.out) and not args.force:
        raise CommandError(
            f"{args.out} already exists; choose another name or add --force to replace it"
        )
    result = import_keras(read_text(args.code), filename=os.path.basename(args.code))
    save(result.project, args.out)
    project = result.project
    print(
        f"Imported {len(project.layers)} layer(s) from {args.code} into {args.out}: "
        + " -> ".join(f"{s.type}({_short(s)})" for s in project.layers)
    )
    if result.notes:
        print(f"Not understood or changed ({len(result.notes)}):", file=sys.stderr)
        for note in result.notes:
            print(f"  {note}", file=sys.stderr)
    return EXIT_OK


def _short(spec) -> str:
    c = spec.config
    if spec.type == "Dense":
        return f"{c['units']}" + (
            "" if c.get("activation") in (None, "linear") else f", {c['activation']}"
        )
    if spec.type == "Activation":
        return str(c.get("activation"))
    if spec.type == "Dropout":
        return f"{c.get('rate')}"
    return ""


def cmd_export(args) -> int:
    from nnstudio.cli import EXIT_OK, CommandError
    from nnstudio.project import load
    from nnstudio.project.export import FORMATS, export

    out = args.out
    if not os.path.splitext(out)[1]:
        out += FORMATS[args.to]
    if os.path.exists(out) and not args.force:
        raise CommandError(
            f"{out} already exists; choose another name or add --force to replace it"
        )
    project = load(args.file)
    files = export(project, args.to, out)
    print(f"Exported {project.title!r} as {args.to}: " + ", ".join(str(f) for f in files))
    return EXIT_OK


def register(sub, common) -> None:
    from nnstudio.project.export import FORMATS

    p = sub.add_parser(
        "import-keras",
        parents=[common],
        help="make a project from Keras model code (the code is read, never run)",
    )
    p.add_argument("code", metavar="MODEL.py", help="a Python file with a Keras Sequential model")
    p.add_argument("out", metavar="OUT.nnproj", help="the project file to write")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(func=cmd_import_keras)

    p = sub.add_parser(
        "export", parents=[common], help="write a project as a Keras or PyTorch script, or ONNX"
    )
    p.add_argument("file", metavar="FILE", help="a .nnproj project")
    p.add_argument("--to", required=True, choices=list(FORMATS), help="the kind of file to write")
    p.add_argument("out", metavar="OUT", help="the file to write (.py for scripts, .onnx for ONNX)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(func=cmd_export)
