"""Refresh the translation sources and compile them.

    python resources/translations/update_ts.py          # update nnstudio_*.ts, then lrelease -> .qm

Why not plain ``pyside6-lupdate``: it only sees ``self.tr("...")`` and literal
``QCoreApplication.translate("ctx", "...")`` calls, while the studio's modules also use a small
``_tr(text)`` helper that calls ``QCoreApplication.translate("<context>", text)``. This script
reads the Python sources with ``ast`` and finds all three forms (and local shorthands such as
``tr = lambda s: self.tr(s)`` inside a class), with the same context Qt uses at
run time (the class name for ``self.tr``; the helper's literal context otherwise). Existing
translations in the .ts files are kept; new strings are added as unfinished; strings no longer in
the code are marked vanished. Then ``pyside6-lrelease`` (shipped with PySide6-Essentials)
compiles each .ts into the .qm that ``nnstudio.gui.app`` loads for the user's locale.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = [ROOT / "nnstudio"]  # gui/ plus Qt-free modules that mark text for translation (project/checks.py)


def _literal(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    # implicit concatenation is already folded by the parser; "a" + "b" is not used for UI text
    return None


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level helpers like ``def _tr(text): return QCoreApplication.translate("ctx", text)``."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "translate" and call.args and _literal(call.args[0])):
                    found[node.name] = _literal(call.args[0])
    return found


def _tr_aliases(cls: ast.ClassDef) -> frozenset:
    """Local shorthands in a class's methods, like ``tr = lambda s: self.tr(s)``: their calls
    with a literal are ``self.tr`` calls in that class's context."""
    names = set()
    for node in ast.walk(cls):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Lambda) and isinstance(node.value.body, ast.Call)):
            f = node.value.body.func
            if isinstance(f, ast.Attribute) and f.attr == "tr" and isinstance(f.value, ast.Name) and f.value.id == "self":
                names.add(node.targets[0].id)
    return frozenset(names)


def extract(path: Path) -> list[tuple[str, str, int]]:
    """(context, source text, line) for every translatable string in one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    helpers = _helper_contexts(tree)
    out: list[tuple[str, str, int]] = []

    def visit(node, cls: str | None, aliases: frozenset = frozenset()):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name, _tr_aliases(child))
                continue
            if isinstance(child, ast.Call):
                f = child.func
                if (((isinstance(f, ast.Attribute) and f.attr == "tr" and isinstance(f.value, ast.Name)
                      and f.value.id == "self") or (isinstance(f, ast.Name) and f.id in aliases))
                        and cls and child.args and _literal(child.args[0]) is not None):
                    out.append((cls, _literal(child.args[0]), child.lineno))
                elif (isinstance(f, ast.Attribute) and f.attr == "translate" and len(child.args) >= 2
                        and _literal(child.args[0]) and _literal(child.args[1]) is not None):
                    out.append((_literal(child.args[0]), _literal(child.args[1]), child.lineno))
                elif (isinstance(f, ast.Name) and f.id in helpers and child.args
                        and _literal(child.args[0]) is not None):
                    out.append((helpers[f.id], _literal(child.args[0]), child.lineno))
            visit(child, cls, aliases)

    visit(tree, None)
    return out


def collect() -> dict[str, dict[str, tuple[str, int]]]:
    contexts: dict[str, dict[str, tuple[str, int]]] = {}
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.py")):
            rel = "../../" + path.relative_to(ROOT).as_posix()
            for ctx, text, line in extract(path):
                contexts.setdefault(ctx, {}).setdefault(text, (rel, line))
    return contexts


def read_translations(ts_path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type) of one .ts file."""
    found: dict[tuple[str, str], tuple[str, str | None]] = {}
    for ctx in ET.parse(ts_path).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            found[(name, msg.findtext("source"))] = ((tr.text or "") if tr is not None else "",
                                                     tr.get("type") if tr is not None else None)
    return found


def update_ts(ts_path: Path, language: str, extra: tuple[Path, ...] = ()) -> tuple[int, int]:
    """Merge the strings into ``ts_path``; returns (messages, translated). Finished translations
    in ``extra`` .ts files (e.g. another branch's copy, when merging) fill in missing ones."""
    old = read_translations(ts_path) if ts_path.exists() else {}
    for other in extra:
        for key, (text, kind) in read_translations(other).items():
            if text and kind != "unfinished" and (not old.get(key, ("",))[0] or old[key][1] == "unfinished"):
                old[key] = (text, kind)
    root = ET.Element("TS", version="2.1", language=language)
    total = done = 0
    for ctx_name, messages in sorted(collect().items()):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = ctx_name
        for text, (rel, line) in messages.items():
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "location", filename=rel, line=str(line))
            ET.SubElement(msg, "source").text = text
            translation, kind = old.get((ctx_name, text), ("", "unfinished"))
            tr = ET.SubElement(msg, "translation")
            tr.text = translation
            if not translation or kind == "unfinished":
                tr.set("type", "unfinished")
            else:
                done += 1
            total += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return total, done


def lrelease(ts_path: Path) -> Path | None:
    tool = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if tool is None:
        print("pyside6-lrelease not found (it ships with PySide6-Essentials); .qm not compiled", file=sys.stderr)
        return None
    qm = ts_path.with_suffix(".qm")
    subprocess.run([tool, str(ts_path), "-qm", str(qm)], check=True, capture_output=True)
    return qm


def main(argv: list[str]) -> int:
    """``update_ts.py [--from OTHER.ts ...]``: the optional files lend their finished translations
    (for merging branches that each translated their own new strings)."""
    extra = tuple(Path(a) for a in argv[argv.index("--from") + 1:]) if "--from" in argv else ()
    for ts in sorted(HERE.glob("nnstudio_*.ts")):
        language = ts.stem.split("_", 1)[1]
        same = tuple(e for e in extra if ET.parse(e).getroot().get("language") == language)
        total, done = update_ts(ts, language, same)
        qm = lrelease(ts)
        print(f"{ts.name}: {done}/{total} translated" + (f" -> {qm.name}" if qm else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
