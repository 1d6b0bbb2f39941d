"""Issue 14 problem 2 and issue 15 problem 5 in the window: the user's data kept inside the
project, Locate… for a missing file, and the question before reading a file outside the
project's folder (QMessageBox / QFileDialog answered by the test)."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnstudio.gui import files
from nnstudio.project import DatasetSpec, Project, load, save

SB = QMessageBox.StandardButton


class Answers:
    def __init__(self, monkeypatch):
        self.questions: list[tuple[str, str]] = []
        self.answers: list = []
        self.open_paths: list[str] = []
        self.opened = 0
        monkeypatch.setattr(QMessageBox, "question", staticmethod(self._question))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._open))
        for kind in ("critical", "warning", "information"):
            monkeypatch.setattr(
                QMessageBox, kind, staticmethod(lambda *a, **k: self._unexpected(a))
            )

    def _unexpected(self, args):
        raise AssertionError(f"unexpected message: {args[1:3]}")

    def _question(self, parent, title, text, *args, **kwargs):
        self.questions.append((title, text))
        assert self.answers, f"unexpected question: {title}: {text}"
        return self.answers.pop(0)

    def _open(self, *args, **kwargs):
        self.opened += 1
        return (self.open_paths.pop(0) if self.open_paths else "", "")


@pytest.fixture
def answers(monkeypatch, tmp_path):
    monkeypatch.setenv(files.ENV_CONFIG_DIR, str(tmp_path / "config"))
    return Answers(monkeypatch)


@pytest.fixture
def window(qtbot, answers):
    from nnstudio.gui.main_window import MainWindow

    w = MainWindow()
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.shutdown()
    w.document.modified = False
    w.close()
    w.deleteLater()


def _csv(path: Path) -> Path:
    path.write_text("a,b,label\n" + "".join(f"{i % 5},{i % 3},{i % 2}\n" for i in range(40)))
    return path


def _project(data: Path) -> Project:
    p = Project(title="mine", input_shape=(2,))
    p.dataset = DatasetSpec(name="file", path=str(data), format="csv")
    p.add_layer("Dense", units=4, activation="relu")
    p.add_layer("Dense", units=1, activation="sigmoid")
    return p


def test_locate_a_missing_data_file(window, answers, tmp_path):
    data = _csv(tmp_path / "d.csv")
    path = tmp_path / "p.nnproj"
    save(_project(data), path)  # saved without the studio: a link only
    moved = data.rename(tmp_path / "moved.csv")
    answers.answers.append(SB.Yes)  # "Locate… it now?"
    answers.open_paths.append(str(moved))
    assert window.open_path(path)
    title, text = answers.questions[0]
    assert str(data) in text and "Locate" in text
    assert answers.opened == 1
    assert window.document.project.dataset.path == str(moved.resolve())


def test_a_file_outside_the_project_is_read_only_when_the_user_says_so(window, answers, tmp_path):
    (tmp_path / "proj").mkdir()
    secret = _csv(tmp_path / "secret.csv")
    path = tmp_path / "proj" / "p.nnproj"
    save(_project(secret), path)
    answers.answers.append(SB.No)  # do not read it, and pick no other file
    assert window.open_path(path)
    assert str(secret) in answers.questions[0][1]
    assert answers.opened == 1
    assert window.document.project.dataset.path is None  # nothing will be read
    answers.answers.append(SB.Yes)
    window.document.modified = False
    assert window.open_path(path)
    assert window.document.project.dataset.path == str(secret)


def test_saving_keeps_the_data_inside_the_project(window, answers, tmp_path):
    data = _csv(tmp_path / "d.csv")
    path = tmp_path / "p.nnproj"
    save(_project(data), path)
    assert window.open_path(path)  # inside the project's folder: no question
    assert answers.questions == []
    assert window.save_to(path)
    data.unlink()
    q = load(path)
    assert q.embedded_data is not None and q.embedded_data["x_train"].shape[1] == 2
    window.document.modified = False
    assert window.open_path(path)  # the file is gone, but the data is inside: no question
    assert answers.questions == []
    from nnstudio.gui.panels.data_panel import load_spec

    ds = load_spec(window.document.project.dataset)
    assert len(ds.x_train) + len(ds.x_test) == 40


def test_data_too_big_to_keep_asks(window, answers, tmp_path, monkeypatch):
    from nnstudio.project import embed

    monkeypatch.setattr(embed, "MAX_EMBED_BYTES", 100)
    data = _csv(tmp_path / "d.csv")
    path = tmp_path / "p.nnproj"
    save(_project(data), path)
    assert window.open_path(path)
    answers.answers.append(SB.No)
    assert not window.save_to(path)
    assert "larger than" in answers.questions[-1][1]
    answers.answers.append(SB.Yes)
    assert window.save_to(path)
    assert load(path).embedded_data is None
