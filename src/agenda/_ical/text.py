"""RFC 5545 text as icalendar writes it: the characters a TEXT value may hold, its
escaping, parameter values, and the folding of content lines.
"""

from __future__ import annotations

import re

__all__ = ["clean", "escape", "fold", "parameter", "parameter_text"]

_FOLD = b"\r\n "
_LIMIT = 74  # octets of one line before its break (icalendar folds before the 75th)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_QUOTED = re.compile("[,;:\u2019]")


def clean(value: str) -> str:
    """Text as RFC 5545 TEXT allows it: line breaks as LF (escaped when written),
    other control characters replaced by U+FFFD."""
    return _CONTROL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


_CONTROLS = re.compile(r"[\x00-\x1f\x7f]+")


def parameter_text(text: str) -> str:
    """A title as a parameter value that every reader reads as written: control
    characters (line breaks) become a space, and the two characters RFC 6868 would
    escape, which libical and vobject show escaped, become look-alikes (``"`` → ``'``,
    ``^`` → ``ˆ``)."""
    return _CONTROLS.sub(" ", text).replace('"', "'").replace("^", "\u02c6")


def escape(text: str) -> str:
    """RFC 5545 TEXT escaping, in icalendar's order (``\\N`` is read as a line break)."""
    return (text.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
            .replace("\r", "\\n"))


def parameter(value: str) -> str:
    """A parameter value as icalendar writes it: RFC 6868's escapes (``^^``, ``^n``,
    ``^'``), in double quotes when it holds ``,``, ``;``, ``:`` or ``’``."""
    if "^" in value or "\n" in value or "\r" in value or '"' in value:
        value = (value.replace("^", "^^").replace("\r\n", "^n").replace("\r", "^n")
                 .replace("\n", "^n").replace('"', "^'"))
    return f'"{value}"' if _QUOTED.search(value) else value


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded as icalendar folds it: each piece holds at
    most 74 octets, never ends inside a UTF-8 sequence, and a piece of more than one
    character does not end on a backslash or a caret (the escape moves on)."""
    data = line.encode("utf-8")
    size = len(data)
    if size <= _LIMIT:
        return data
    pieces = []
    start = 0
    while size - start > _LIMIT:
        cut = start + _LIMIT
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
        if cut - start > 1 and data[cut - 1] in b"\\^":
            cut -= 1
        pieces.append(data[start:cut])
        start = cut
    pieces.append(data[start:])
    return _FOLD.join(pieces)
