"""Texts that come from the Qt-free packages, in the user's language.

Data set titles, descriptions, class and feature names (``nnstudio.data``) and lesson titles
(``nnstudio.project.examples``) are marked there with ``nnstudio.i18n.NoQt``; the studio shows
them through these helpers. A name with no translation (a digit, a user's CSV column) is shown
as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _datasets(text) -> str:
    return QCoreApplication.translate("datasets", str(text))


def dataset_title(info) -> str:
    return _datasets(info.title)


def dataset_description(info) -> str:
    return _datasets(info.description)


def class_names(ds) -> list[str]:
    """A data set's class names, translated ([] when it has none)."""
    return [_datasets(name) for name in (getattr(ds, "class_names", None) or [])]


def feature_names(ds) -> list[str]:
    """A data set's input (feature) names, translated ([] when it has none)."""
    return [_datasets(name) for name in (getattr(ds, "feature_names", None) or [])]


def lesson_title(title: str) -> str:
    return QCoreApplication.translate("lessons", title)


def error_text(error) -> str:
    """An error for the user, in their language where its type kept the English template
    (``messages.Explained``: ``DataError.of``, ``ProjectError.of``); else its message as it is."""
    from nnstudio.messages import one_line

    template = getattr(error, "template", None)
    if template:
        try:
            return one_line(QCoreApplication.translate("errors", template).format(**error.values))
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            pass
    return str(error) or type(error).__name__
