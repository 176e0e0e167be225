"""The wrapping rule of the text table: text filled into lines of a given number of
display columns (`wcwidth`: Hangul and other East Asian wide characters take two).

Lines are filled greedily word by word (textwrap's rule, counted in display columns),
broken at runs of spaces; a word wider than a line is cut between graphemes (never
inside a Hangul syllable or an emoji sequence). Time is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import wcwidth
from wcwidth import wcswidth

__all__ = ["WIDEST_GRAPHEME", "display_width", "split_graphemes", "wrap"]

WIDEST_GRAPHEME = 2  # display columns of the widest grapheme
_SPACES = re.compile(r"( +)")


def display_width(text: str) -> int:
    """Display columns of `text` (control characters are cleaned out before)."""
    width = wcswidth(text)
    return width if width > 0 else 0


def split_graphemes(line: str, width: int) -> list[str]:
    """Cut `line` into pieces of at most `width` columns, only between graphemes."""
    if display_width(line) <= width:
        return [line]
    pieces: list[str] = []
    piece, used = "", 0
    for grapheme in wcwidth.iter_graphemes(line):
        size = display_width(grapheme)
        if piece and used + size > width:
            pieces.append(piece)
            piece, used = "", 0
        piece += grapheme
        used += size
    pieces.append(piece)
    return pieces


def wrap(paragraphs: Sequence[str], width: int, indent: str = "", hang: str = "") -> list[str]:
    """Wrap each paragraph to `width` display columns, at spaces where possible.

    The first line of the first paragraph starts with `indent`, every other line with
    `hang`. The rule is this module's own (textwrap's greedy fill, counted in display
    columns): lines are filled word by word, broken at runs of spaces, a line's leading
    spaces go except on a paragraph's first line and its trailing spaces always; a word
    wider than a line is cut between graphemes first. Time is linear in the text.
    """
    out: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        first = indent if number == 0 else hang
        if (paragraph and paragraph == paragraph.strip(" ")
                and display_width(first) + display_width(paragraph) <= width):
            out.append(first + paragraph)
            continue
        room = width - max(display_width(indent), display_width(hang))
        lines = _fill(_break_long_words(paragraph, room), width, first, hang) or [first]
        for line in lines:
            if display_width(line) <= width:
                out.append(line)
            else:
                out.extend(split_graphemes(line, width))
    return out or [indent]


def _fill(text: str, width: int, first: str, hang: str) -> list[str]:
    """`text` filled greedily into lines of `width` columns, broken at runs of spaces:
    a line's leading spaces go except on the first line, its trailing spaces always; a
    run of spaces wider than a whole line is only a break, and a word wider than one
    takes a line of its own (cut by the caller)."""
    chunks = [chunk for chunk in _SPACES.split(text) if chunk]
    chunks.reverse()
    lines: list[str] = []
    while chunks:
        indent = hang if lines else first
        room = width - display_width(indent)
        if lines and chunks[-1][0] == " ":
            chunks.pop()
            continue
        line: list[str] = []
        used = 0
        while chunks:
            chunk = chunks[-1]
            size = len(chunk) if chunk[0] == " " else display_width(chunk)
            if used + size > room:
                break
            line.append(chunks.pop())
            used += size
        if not line:
            chunk = chunks.pop()
            if chunk[0] == " ":
                continue
            line.append(chunk)
        if line[-1][0] == " ":
            line.pop()
        if line:
            lines.append(indent + "".join(line))
    return lines


def _break_long_words(paragraph: str, room: int) -> str:
    """`paragraph` with every word wider than `room` columns cut between graphemes
    into pieces of at most `room` columns, separated by spaces."""
    if room < WIDEST_GRAPHEME or display_width(paragraph) <= room:
        return paragraph
    words = paragraph.split(" ")
    return " ".join(" ".join(split_graphemes(word, room)) if display_width(word) > room
                    else word for word in words)
