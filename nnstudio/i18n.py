"""Marking text for translation in code without Qt (engine, data, project).

``NoQt.translate(context, text)`` is Qt's QT_TRANSLATE_NOOP: it returns ``text`` unchanged and
only marks it, so that ``resources/translations/update_ts.py`` collects it under ``context``.
The studio translates the text where it shows it (``QCoreApplication.translate(context, text)``).
A module marks its texts through a helper with a literal context, which the updater also reads::

    def _t(text):
        return NoQt.translate("datasets", text)
"""


class NoQt:
    @staticmethod
    def translate(context: str, text: str) -> str:
        return text
