"""Screenshots of the studio as a class sees it, under Xvfb, with geometry checks.

Two screens:
  * 1024x768, Korean (LANG=ko_KR.UTF-8): the first window (the XOR lesson with its guided
    steps), after training, each panel in front in turn (data, training settings, inspector
    with a layer selected, summary), the animals lesson's confusion matrix docked small,
    after View > Show All Views and Reset Layout, after floating and enlarging a view, at
    150 % and in presentation mode;
  * 1280x720, presentation mode at 150 %: the XOR lesson trained, the animals lesson; then
    150 % without presentation mode (every panel) and after it.

Each scene runs in a child process on its own Xvfb display (started here; needs Xvfb and
fonts-nanum). PNGs of the whole screen go to --out (default /tmp/classroom-screenshots).
The last line printed is one JSON object: per shot, the window's frame and whether it lies
on the screen with its menu bar visible.

    python benchmarks/classroom_screenshots.py [--out DIR] [--display 24]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication
from nnstudio.gui.app import make_application, create_window

out, scene, lang = sys.argv[1], sys.argv[2], sys.argv[3]
app = make_application()
if lang == "ko":
    from PySide6.QtCore import QLocale
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
window = create_window()
results = []

def settle(ms=400):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)

def shot(name):
    settle()
    screen = window.screen()
    frame = window.frameGeometry()
    avail = screen.availableGeometry()
    bar = window.menuBar().mapToGlobal(window.menuBar().rect().topLeft())
    screen.grabWindow(0).save(f"{out}/{name}.png")
    results.append({
        "shot": name,
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "screen": [avail.width(), avail.height()],
        "on_screen": avail.contains(frame),
        "menu_bar_at": [bar.x(), bar.y()],
    })

def train():
    loop_done = []
    window.controller.finished.connect(lambda *_: loop_done.append(1))
    if window.data_panel.dataset is None if hasattr(window.data_panel, "dataset") else False:
        settle(1000)
    window.act_train.trigger()
    end = time.perf_counter() + 120
    while not loop_done and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)
    settle(600)

def lesson(name):
    window.document.modified = False  # no "save changes?" prompt between lessons
    window.new_from_lesson(name)
    settle(800)

settle(1500)
if scene == "classroom":
    shot("ko-1024-first-window")
    window.lesson_panel.set_up()
    train()
    shot("ko-1024-xor-trained")
    for dock in (window.data_dock, window.training_dock):
        dock.show(); dock.raise_()
    window.canvas.select_layer(0)
    window.inspector_dock.show(); window.inspector_dock.raise_()
    shot("ko-1024-panels-data-training-inspector")
    window.palette_dock.show(); window.palette_dock.raise_()
    window.summary_dock.show(); window.summary_dock.raise_()
    shot("ko-1024-panels-layers-summary")
    lesson("animals")
    window.views.docks[2].show(); window.views.docks[2].raise_()
    train()
    shot("ko-1024-animals-confusion")
    window.show_all_views()
    settle(800)
    shot("ko-1024-show-all-views")
    dock = window.views.docks[2]
    dock.setFloating(True)
    dock.resize(1400, 900)
    settle(500)
    window.reset_layout()
    settle(800)
    shot("ko-1024-after-float-enlarge-reset")
    window.presentation.set_zoom(150)
    shot("ko-1024-zoom-150")
    window.presentation.set_zoom(100)
    window.presentation.set_presenting(True)
    shot("ko-1024-presentation")
    window.presentation.set_presenting(False)
elif scene == "presentation":
    window.lesson_panel.set_up()
    train()
    window.presentation.set_presenting(True)
    shot("en-1280x720-presentation-xor")
    window.presentation.set_presenting(False)
    lesson("animals")
    train()
    window.views.docks[2].show(); window.views.docks[2].raise_()
    window.presentation.set_presenting(True)
    shot("en-1280x720-presentation-animals-confusion")
    window.presentation.set_presenting(False)
    shot("en-1280x720-after-presentation")
    lesson("xor")
    window.lesson_panel.set_up()
    train()
    window.presentation.set_zoom(150)
    shot("en-1280x720-zoom-150")
    for dock in (window.palette_dock, window.training_dock):
        dock.show(); dock.raise_()
    shot("en-1280x720-zoom-150-layers-training")
print("RESULT " + json.dumps(results), flush=True)
window.document.modified = False
window.close()
"""

SCENES = [
    ("classroom", "1024x768", "ko"),
    ("presentation", "1280x720", "en"),
]


def run_scene(scene: str, size: str, lang: str, display: int, out: Path) -> list[dict]:
    xvfb = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        root = Path(__file__).resolve().parents[1]
        env = dict(os.environ)
        env.update(
            DISPLAY=f":{display}",
            QT_QPA_PLATFORM="xcb",
            PYTHONPATH=str(root),
            NNSTUDIO_CONFIG_DIR=tempfile.mkdtemp(prefix="nnstudio-shots-"),
        )
        if lang == "ko":
            env.update(LANG="ko_KR.UTF-8", LANGUAGE="ko", LC_ALL="ko_KR.UTF-8")
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(out), scene, lang],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        for line in done.stdout.splitlines():
            if line.startswith("RESULT "):
                return json.loads(line[7:])
        print(done.stderr[-3000:], file=sys.stderr)
        return [{"scene": scene, "error": done.returncode}]
    finally:
        xvfb.terminate()
        xvfb.wait()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/classroom-screenshots")
    parser.add_argument("--display", type=int, default=24)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = []
    for scene, size, lang in SCENES:
        results += run_scene(scene, size, lang, args.display, out)
    for r in results:
        print(r)
    print(json.dumps({"shots": results, "all_on_screen": all(r.get("on_screen") for r in results)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
