"""Messages built from what a file says: one line, bounded, no control characters.

A file name, a title or a setting can hold anything: a newline (a two-line error), an ANSI
escape (a terminal that changes colour or clears itself), or megabytes of text (an error line
of millions of characters). :func:`one_line` makes an error safe to show; :func:`printable`
does the same for one line of a report (``nnstudio summary``) without shortening it much.
"""

from __future__ import annotations

import re
import unicodedata

MAX_MESSAGE = 1000  # characters of one error line

_SPACES = re.compile(r"[ \t\r\n\v\f]+")


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text, limit: int | None = None) -> str:
    """``text`` with control and format characters (ESC, bidi overrides...) written as escapes."""
    text = str(text)
    out = "".join(
        _escape(ch) if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") else ch
        for ch in text
    )
    return elide(out, limit) if limit else out


def elide(text: str, limit: int = MAX_MESSAGE) -> str:
    """Keep the start and the end of a long text, saying how much was left out."""
    if len(text) <= limit:
        return text
    tail = limit // 4
    left_out = len(text) - (limit - tail - 40)
    head = limit - tail - 40
    return f"{text[:head]} … ({left_out:,} characters left out) … {text[-tail:]}"


def one_line(text, limit: int = MAX_MESSAGE) -> str:
    """An error message as one line of at most ``limit`` characters, control characters escaped."""
    text = _SPACES.sub(" ", str(text)).strip()
    if len(text) > 4 * limit:  # do not escape megabytes only to throw them away
        text = text[: 2 * limit] + text[-limit:]
    return elide(printable(text), limit)


class Explained:
    """Mixin for the error types (``DataError``, ``ProjectError``): an error made with
    :meth:`of` keeps its English template and values, so the studio can show it in the
    user's language (``gui/texts.error_text``) while the CLI and logs print the English.

    The template is marked for the translation file where it is written, through a helper
    ``_t = lambda text: NoQt.translate("errors", text)`` (``nnstudio/i18n.py``)."""

    template: str | None = None
    values: dict = {}

    @classmethod
    def of(cls, template: str, **values):
        """``cls(template.format(**values))``, remembering the template and the values."""
        error = cls(template.format(**values))
        error.template, error.values = template, values
        return error
