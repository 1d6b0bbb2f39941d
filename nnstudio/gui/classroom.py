"""Issue 14's classroom fixes, installed into the main window with one hook line.

* the epochs rule and early stopping under Training settings (``panels/run_settings.py``);
* marks on the curves: early stop and loss changes (``plots/marks.py``);
* the pace of training (``training/pace.py``);
* figures for slides: Export Figure…, Copy Figure (``figures.py``).
"""

from __future__ import annotations


def install(window) -> None:
    from nnstudio.gui import figures
    from nnstudio.gui.panels import run_settings
    from nnstudio.gui.plots import marks
    from nnstudio.gui.training import pace

    run_settings.install(window)
    marks.install(window)
    pace.install(window)
    figures.install(window)
