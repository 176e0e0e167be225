"""Fuzzing parse: any text either reads or raises the library's own error, and the
scanning is linear: every pattern has bounded repetition, and the work on a long
line grows in proportion to its length (counted in steps, never timed)."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import agenda
from agenda._parse import _build, _header, _rows, _scan, _tables, _text

MODULES = (_build, _header, _rows, _scan, _tables, _text)
PACKAGE_DIR = _scan.__file__.rsplit("/", 1)[0]

# Pieces of agendas, so that random text often looks like one.
TOKENS = st.sampled_from([
    "14:00", "9:30", "2:00 PM", "12", "14시 00분", "오후 2시", "~", "-", "–", " to ", "('2)",
    "(’20)", "(2')", "2분", "(2 min)", "2m", "(1h 30m)", "▪", "◦", "•", "○", "※", " → ", "->",
    "|", "| --- |", "+---+", "+===+", ",", "\"", "'", "(", ")", "(일시)", "When:", "Date:",
    "3.13(수)", "2024-03-13", "Wed", "March 13, 2024", "(Asia/Seoul)", "구 분 시간 내용 비고",
    "Subject:", "From: a", "- 1 -", "**", "#", "·", "\t", " ", "   ", "\n", "\r\n", "\r",
    "발표", "Coffee break", "토론", "23:30~00:30", "24:00", "99:99", "0:00 AM",
])
AGENDA_LIKE = st.lists(st.one_of(TOKENS, st.text(max_size=6)), max_size=120).map("".join)


def _read(text: str, fmt: str) -> agenda.ParseResult | None:
    try:
        return agenda.parse_text(text, format=fmt, date=agenda.reference_meeting().date,
                                 tz="Asia/Seoul")
    except agenda.ParseError:
        return None


@given(st.text(max_size=400), st.sampled_from(["auto", "text", "markdown", "csv"]))
def test_any_text_reads_or_raises_parse_error(text: str, fmt: str) -> None:
    result = _read(text, fmt)
    if result is not None:
        assert all(isinstance(p, agenda.Problem) for p in result.problems)


@given(AGENDA_LIKE, st.sampled_from(["auto", "text", "markdown", "csv"]))
def test_agenda_like_text_reads_or_raises_parse_error(text: str, fmt: str) -> None:
    result = _read(text, fmt)
    if result is not None and result.ok:
        agenda.layout(result.meeting)  # no problem reported means it lays out


@given(AGENDA_LIKE)
def test_without_a_date_or_zone_still_only_parse_errors(text: str) -> None:
    with contextlib.suppress(agenda.ParseError):
        agenda.parse_text(text)


# -- linear by construction -------------------------------------------------------


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    def found(value: Any, name: str) -> Iterator[tuple[str, re.Pattern[str]]]:
        if isinstance(value, re.Pattern):
            yield name, value
        elif isinstance(value, tuple | list):
            for k, entry in enumerate(value):
                yield from found(entry, f"{name}[{k}]")

    for module in MODULES:
        for name, value in vars(module).items():
            yield from found(value, f"{module.__name__}.{name}")


def _repeats(parsed: Any) -> Iterator[tuple[int, int]]:
    """(min, max) of every repeat in a parsed pattern, at any depth."""
    import re._constants as constants  # type: ignore[import-not-found]

    for op, arg in parsed:
        if op in (constants.MAX_REPEAT, constants.MIN_REPEAT,
                  getattr(constants, "POSSESSIVE_REPEAT", None)):
            low, high, inner = arg
            yield low, high
            yield from _repeats(inner)
        elif op is constants.SUBPATTERN:
            yield from _repeats(arg[-1])
        elif op is constants.BRANCH:
            for branch in arg[1]:
                yield from _repeats(branch)
        elif op in (constants.ASSERT, constants.ASSERT_NOT):
            yield from _repeats(arg[1])


def test_there_are_patterns_to_check() -> None:
    assert len(list(_patterns())) >= 20


@pytest.mark.parametrize(("name", "pattern"), list(_patterns()),
                         ids=[name for name, _ in _patterns()])
def test_every_pattern_repeats_a_bounded_number_of_times(name: str,
                                                         pattern: re.Pattern[str]) -> None:
    """A bounded repeat makes one match attempt cost a bounded number of steps, so no
    pattern can backtrack catastrophically and a scan is linear in the line's length."""
    import re._constants as constants  # type: ignore[import-not-found]
    import re._parser as parser  # type: ignore[import-not-found]

    parsed = parser.parse(pattern.pattern, pattern.flags)
    highs = [high for _, high in _repeats(parsed)]
    assert constants.MAXREPEAT not in highs, name
    assert all(high <= 200 for high in highs), name


def _steps(work: Callable[[], object]) -> int:
    """Lines of the parse package executed by `work` (a deterministic measure of work)."""
    count = 0

    def tracer(frame: FrameType, event: str, _arg: object) -> Any:
        nonlocal count
        if not frame.f_code.co_filename.startswith(PACKAGE_DIR):
            return None
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


LONG_LINES = {
    "colons": "1:" * 300,
    "ranges": "14:00~" * 200,
    "digits and dots": "3.1" * 300,
    "parentheses": "(" * 600,
    "pipes": "|" * 600,
    "spaces then a letter": " " * 600 + "x",
    "hangul and clocks": "가 14시 " * 150,
    "bullets": "▪ - • " * 150,
    "arrows": "부산 → " * 150,
    "months": "March 1 " * 150,
    "am pm": "2 PM " * 150,
}


@pytest.mark.parametrize("shape", sorted(LONG_LINES))
def test_work_on_a_long_line_grows_linearly(shape: str) -> None:
    piece = LONG_LINES[shape]

    def document(times: int) -> str:
        return "14:00~14:30 Opening " + piece * times + "\n14:30~15:00 " + piece * times

    def parse(times: int) -> Callable[[], object]:
        return lambda: _read(document(times), "auto")

    small, large = _steps(parse(1)), _steps(parse(10))
    assert large <= 12 * small + 500, (small, large)


def test_many_continued_lines_grow_linearly() -> None:
    def document(lines: int) -> str:
        return "14:00~14:30 Opening\n - first topic,\n" + "more,\n" * lines

    small = _steps(lambda: _read(document(100), "text"))
    large = _steps(lambda: _read(document(1000), "text"))
    assert large <= 12 * small + 500, (small, large)


