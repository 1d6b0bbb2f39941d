"""The Korean translation is complete, keeps what str.format and Qt need, and the compiled .qm
says what the .ts says. After changing user-visible text: run
``python resources/translations/update_ts.py``, translate the new (unfinished) entries in
resources/translations/nnstudio_ko.ts, run the script again."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from nnstudio import paths
from nnstudio.engine.layers import LAYER_CLASSES

TS = paths.TRANSLATIONS / "nnstudio_ko.ts"
QM = paths.TRANSLATIONS / "nnstudio_ko.qm"
HANGUL = re.compile("[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d")
TAG = re.compile(r"</?([a-zA-Z]+)[^>]*>")
# left as they are on purpose: Keras names students type or see in code, formulas, file types
KEEP = {
    "loss",
    "val_loss",
    "accuracy",
    "val_accuracy",
    "Dense",
    "Activation",
    "Dropout",
    "beta_1",
    "beta_2",
    "epsilon",
    "rate {rate:g}",
    "f(x) = max(0, x)",
    "y ≈ {v}",
    "{file} ({format})",
    "PNG…",
    "{name}[*] — nnstudio",
    *LAYER_CLASSES,  # every layer type's Keras class name
}


def messages() -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) for every message of the .ts."""
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            out.append(
                (ctx.findtext("name"), msg.findtext("source"), tr.text or "", tr.get("type"))
            )
    return out


def test_no_message_is_unfinished():
    left = [
        (ctx, src)
        for ctx, src, tr, kind in messages()
        if not tr or kind in ("unfinished", "obsolete", "vanished")
    ]
    assert not left, f"{len(left)} messages without Korean, e.g. {left[:5]}"


def test_every_string_in_the_code_has_korean():
    """Catches strings added to the code after the .ts was last refreshed."""
    sys.path.insert(0, str(paths.TRANSLATIONS))
    try:
        import update_ts
    finally:
        sys.path.pop(0)
    in_file = {(ctx, src): (tr, kind) for ctx, src, tr, kind in messages()}
    missing = [
        (ctx, text)
        for ctx, texts in update_ts.collect().items()
        for text in texts
        if not in_file.get((ctx, text), ("", "unfinished"))[0]
        or in_file[(ctx, text)][1] == "unfinished"
    ]
    assert not missing, f"run resources/translations/update_ts.py and translate: {missing[:5]}"


def test_translations_keep_placeholders_tags_and_line_breaks():
    bad = []
    for ctx, src, tr, _ in messages():
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(tr)):
            bad.append(("placeholder", ctx, src, tr))
        if sorted(TAG.findall(src)) != sorted(TAG.findall(tr)):
            bad.append(("html tag", ctx, src, tr))
        if src.count("\n") != tr.count("\n"):
            bad.append(("line break", ctx, src, tr))
    assert not bad, bad[:5]


def test_menu_accelerators_follow_the_korean_convention():
    """ "&File" becomes "파일(&F)": the same letter, in parentheses, one accelerator only."""
    for ctx, src, tr, _ in messages():
        letters = re.findall(r"&([^&\s])", src.replace("&&", ""))
        if not letters:
            continue
        assert tr.replace("&&", "").count("&") == 1, (ctx, src, tr)
        assert f"(&{letters[0].upper()})" in tr, (ctx, src, tr)


def test_text_is_korean_except_the_keras_names():
    english = [(ctx, src, tr) for ctx, src, tr, _ in messages() if not HANGUL.search(tr)]
    assert all(src in KEEP and tr == src for _, src, tr in english), [
        e for e in english if e[1] not in KEEP
    ]
    # the same English term is shown the same way wherever it appears as a whole label
    terms = {
        "Loss": {"손실", "손실 함수"},
        "Optimizer": {"옵티마이저"},
        "Epochs": {"에포크"},
        "Learning rate": {"학습률"},
        "Batch size": {"배치 크기"},
        "Accuracy": {"정확도"},
        "Activation": {"활성화 함수", "Activation"},
        "Validation split": {"검증 비율"},
        "Reset weights": {"가중치 초기화"},
        "Seed": {"시드"},
    }
    for ctx, src, tr, _ in messages():
        if src in terms:
            assert tr in terms[src], (ctx, src, tr)


def test_qm_says_what_the_ts_says(qapp):
    """The compiled file is in step with the .ts: every message comes back as written there
    (lrelease run after the last edit), and str.format accepts each with its source's fields."""
    assert QM.exists() and QM.stat().st_size > 0, "run: python resources/translations/update_ts.py"
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.language() == "ko"
    stale = [(ctx, src) for ctx, src, tr, _ in messages() if translator.translate(ctx, src) != tr]
    assert not stale, f"{len(stale)} messages differ in the .qm; run update_ts.py: {stale[:5]}"


def test_studio_speaks_korean_in_a_korean_locale(qapp):
    from nnstudio.gui.app import install_translators

    installed = install_translators(
        qapp, QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    )
    try:
        tr = QCoreApplication.translate
        assert tr("MainWindow", "&File") == "파일(&F)"
        assert tr("TrainingSettingsPanel", "Learning rate") == "학습률"
        assert tr("NetworkCanvas", "Input") == "입력"
        assert tr("ConfusionMatrixView", "true class") == "실제 클래스"
        assert tr("ProblemsDialog", "Fix all") == "모두 고치기"
        message = tr(
            "TrainingWorker",
            "The loss became NaN or infinite at epoch {epoch}, batch {batch}, so training "
            "stopped. The weights from just before the loss went bad were kept. The learning rate{lr} "
            "is probably too large: try one ten times smaller.",
        ).format(epoch=3, batch=7, lr=" (0.5)")
        assert "에포크 3" in message and "배치 7" in message and "학습률 (0.5)" in message
        assert (
            tr("checks", "Set the output layer to {classes} units").format(classes=10)
            == "출력층을 유닛 10개로"
        )
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("NetworkCanvas", "Input") == "Input"


def test_data_and_project_errors_reach_the_user_in_korean(qapp, tmp_path):
    """Errors made below gui/ (no Qt there) keep their English template: the CLI prints the
    English, the studio shows the same sentence translated."""
    from nnstudio.data import DataError
    from nnstudio.data.files import csv_columns, from_csv
    from nnstudio.gui.app import install_translators
    from nnstudio.gui.texts import error_text
    from nnstudio.project import DatasetSpec, ProjectError, build_dataset, examples, load

    empty = tmp_path / "빈표.csv"
    empty.write_text("\n")
    with pytest.raises(DataError) as no_rows:
        csv_columns(empty)
    assert str(no_rows.value) == "빈표.csv is empty; expected a table with one sample per row."
    project = examples.load("xor")
    project.dataset = DatasetSpec(name="file", path="")
    with pytest.raises(ProjectError) as no_file:
        build_dataset(project)
    words = tmp_path / "animals.csv"
    words.write_text("fur,wings,label\n1,0,mammal\nfour,1,bird\n")
    with pytest.raises(DataError) as not_a_number:
        from_csv(words)
    with pytest.raises(ProjectError) as missing:
        load(tmp_path / "숙제.nnproj")
    plain = ValueError("a message with no template")
    installed = install_translators(
        qapp, QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    )
    try:
        assert error_text(no_rows.value) == (
            "빈표.csv이(가) 비어 있습니다. 한 행에 샘플 하나씩 담긴 표여야 합니다."
        )
        assert "데이터 패널의 파일 열기…로 파일을 고르세요" in error_text(no_file.value)
        assert error_text(not_a_number.value) == (
            "animals.csv의 3번째 줄, “fur” 열의 값 “four”은(는) 숫자가 아닙니다. "
            "입력(특성) 열은 숫자여야 합니다."
        )
        assert error_text(missing.value).startswith(
            "숙제.nnproj을(를) 열 수 없습니다: 그런 파일이 없습니다("
        )
        assert error_text(plain) == "a message with no template"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert error_text(no_rows.value) == str(no_rows.value)


@pytest.mark.parametrize(
    "context, source",
    [
        ("NeuronView", "sample "),  # a spin box prefix: the trailing space keeps the number apart
        (
            "DecisionMapView",
            " (a sample of {train:,} training and {test:,} test points is drawn)",
        ),  # appended
    ],
)
def test_pieces_glued_to_other_text_keep_their_spaces(context, source):
    tr = dict(((c, s), t) for c, s, t, _ in messages())[(context, source)]
    assert tr[:1].isspace() == source[:1].isspace() and tr[-1:].isspace() == source[-1:].isspace()


def test_update_ts_finds_every_way_the_code_marks_text(tmp_path):
    """self.tr, QCoreApplication.translate, a module's _tr helper and a local `tr = lambda s: self.tr(s)`."""
    sys.path.insert(0, str(paths.TRANSLATIONS))
    try:
        import update_ts
    finally:
        sys.path.pop(0)
    source = tmp_path / "sample.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n    return QCoreApplication.translate('helper', text)\n"
        "class Panel:\n"
        "    def build(self):\n"
        "        self.tr('one')\n"
        "        tr = lambda s: self.tr(s)\n"
        "        return [tr('two'), _tr('three'), QCoreApplication.translate('ctx', 'four'), tr(name)]\n",
        encoding="utf-8",
    )
    found = {(ctx, text) for ctx, text, _ in update_ts.extract(source)}
    assert found == {("Panel", "one"), ("Panel", "two"), ("helper", "three"), ("ctx", "four")}
