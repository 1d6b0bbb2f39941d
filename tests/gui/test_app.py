"""Starting the studio: run(), translations, the time from process start to a shown window."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from nnstudio import paths
from nnstudio.gui import files

TS = paths.TRANSLATIONS / "nnstudio_ko.ts"
QM = paths.TRANSLATIONS / "nnstudio_ko.qm"


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(tmp_path / "config"))
    return tmp_path / "config"


def _child_env(config_dir) -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env[files.ENV_CONFIG_DIR] = str(config_dir)
    env["LANG"] = env["LC_ALL"] = "en_US.UTF-8"
    return env


CHILD = textwrap.dedent("""
    import sys, time
    t0 = float(sys.argv[1])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from nnstudio.gui import app

    create = app.create_window

    def create_and_report(path=None):
        window = create(path)
        QApplication.processEvents()  # the first paint
        print("SHOWN", time.time() - t0, window.isVisible(), window.document.path, len(window.document.layers),
              window.document.project.title, sep="|", flush=True)
        QTimer.singleShot(0, window.close)  # a clean first run closes without a prompt
        return window

    app.create_window = create_and_report
    sys.exit(app.run(sys.argv[2] if len(sys.argv) > 2 else None))
""")


def test_run_opens_the_xor_lesson_and_exits_cleanly(config_dir):
    """`nnstudio` with no file: the XOR lesson as a new project, ready to train; exit code 0.
    Also the start-up time (process start -> window shown, offscreen)."""
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, repr(t0)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_child_env(config_dir),
    )
    assert out.returncode == 0, out.stderr
    line = next(s for s in out.stdout.splitlines() if s.startswith("SHOWN"))
    _, seconds, visible, path, n_layers, title = line.split("|")
    assert visible == "True"
    assert "XOR" in title and path == "None"  # a copy of the lesson: Save never overwrites it
    assert int(n_layers) >= 2
    print(f"\nstart-up to shown window: {float(seconds):.2f} s")
    assert float(seconds) < 20  # generous: the CI machine is shared


def test_run_opens_a_file_given_on_the_command_line(config_dir, tmp_path):
    from nnstudio import project as projmod
    from nnstudio.project import examples

    target = tmp_path / "mine.nnproj"
    projmod.save(examples.load("gates"), target)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, repr(time.time()), str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_child_env(config_dir),
    )
    assert out.returncode == 0, out.stderr
    line = next(s for s in out.stdout.splitlines() if s.startswith("SHOWN"))
    assert line.split("|")[3] == str(target.resolve())


def test_korean_translation_is_loaded_for_a_korean_locale(qapp):
    from nnstudio.gui.app import install_translators

    assert QM.exists(), "run: python resources/translations/update_ts.py"
    installed = install_translators(
        qapp, QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    )
    try:
        assert len(installed) >= 1
        assert QCoreApplication.translate("MainWindow", "&File") == "파일(&F)"
        assert (
            QCoreApplication.translate("dialogs", "Restore unsaved work?")
            == "저장하지 않은 작업을 복원할까요?"
        )
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_no_translator_for_a_language_without_a_file(qapp):
    from nnstudio.gui.app import install_translators

    installed = install_translators(qapp, QLocale(QLocale.Language.Zulu))
    try:
        assert not [t for t in installed if "nnstudio" in t.filePath()]
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_translation_source_is_up_to_date_and_the_shell_is_translated():
    """Every string of the window and its dialogs is in nnstudio_ko.ts with Korean;
    run resources/translations/update_ts.py after changing user-visible text."""
    sys.path.insert(0, str(paths.TRANSLATIONS))
    try:
        import update_ts
    finally:
        sys.path.pop(0)
    in_code = update_ts.collect()
    root = ET.parse(TS).getroot()
    in_file = {}
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            in_file[(ctx.findtext("name"), msg.findtext("source"))] = (
                tr.text or "",
                tr.get("type"),
            )
    for ctx in ("MainWindow", "dialogs"):
        for text in in_code.get(ctx, {}):
            if "(being built)" in text:
                continue
            assert (ctx, text) in in_file, f"{ctx}: {text!r} missing from {TS.name}"
            translation, kind = in_file[(ctx, text)]
            assert translation and kind != "unfinished", f"{ctx}: {text!r} has no Korean"
            # every {placeholder} survives translation
            import re

            assert sorted(re.findall(r"\{[^}]*\}", text)) == sorted(
                re.findall(r"\{[^}]*\}", translation)
            ), text


def test_every_translation_keeps_the_placeholders():
    """A translation that drops or renames a {placeholder} would make str.format fail at run time."""
    import re

    for ctx in ET.parse(TS).getroot().iter("context"):
        for msg in ctx.iter("message"):
            source, tr = msg.findtext("source"), msg.find("translation")
            if not tr.text or tr.get("type") == "unfinished":
                continue
            want = sorted(re.findall(r"\{[^}]*\}", source))
            assert sorted(re.findall(r"\{[^}]*\}", tr.text)) == want, (ctx.findtext("name"), source)


def test_compiled_qm_matches_the_ts(tmp_path):
    """The committed .qm is what pyside6-lrelease (shipped with PySide6-Essentials) makes of the .ts."""
    import shutil

    tool = shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run: python resources/translations/update_ts.py"
