"""The studio's training worker leaves the GUI thread a core (engine/threads.py)."""

from __future__ import annotations

from nnstudio.engine import threads
from nnstudio.gui.training.controller import TrainingController
from nnstudio.project.document import Document
from nnstudio.project.schema import DatasetSpec, Project, TrainingSpec


def test_worker_leaves_the_gui_thread_a_core(qtbot, monkeypatch):
    monkeypatch.setattr(threads, "cpu_count", lambda: 4)
    seen = []
    for_training = threads.for_training

    def spy(model, batch_size):
        seen.append(threads.max_threads())
        return for_training(model, batch_size)

    monkeypatch.setattr(threads, "for_training", spy)
    p = Project(
        title="blobs",
        input_shape=(2,),
        dataset=DatasetSpec(name="blobs", params={"n_samples": 200, "classes": 3}),
        training=TrainingSpec(loss="sparse_categorical_crossentropy", batch_size=32, epochs=2),
    )
    p.add_layer("Dense", units=8, activation="relu")
    p.add_layer("Dense", units=3, activation="softmax")
    controller = TrainingController(Document(p))
    try:
        with qtbot.waitSignal(controller.finished, timeout=20000) as blocker:
            assert controller.start(check=False)
        assert blocker.args == ["completed"]
    finally:
        assert controller.shutdown(2000)
    assert seen == [3]  # 4 cores, one left to the GUI thread while the model trained
    assert threads.max_threads() == 4  # and given back afterwards
