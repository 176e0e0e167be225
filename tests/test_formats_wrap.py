"""The text table's wrapping rule: greedy fill in display columns, cut between graphemes."""

from __future__ import annotations

import itertools

import wcwidth
from hypothesis import assume, example, given
from hypothesis import strategies as st

from agenda._formats.wrap import wrap
from strategies import grapheme_titles

_words = st.lists(st.one_of(grapheme_titles, st.text(alphabet="ab가 ", max_size=12)),
                  min_size=1, max_size=8).map(" ".join)


@given(_words, st.integers(6, 60), st.sampled_from(["", "  ", "  14:07~14:12 "]))
# wcwidth 0.9.5's own wrap splits a word of this text that fits on its line.
@example(text=" 가abb가ab 🇰🇷 갬갛강é겋갚곈겕👨\u200d👩\u200d👧👩\u200d💼겯 겛객 섅겜갑é 갘  "
              "가a b가가가가가가ab", width=25, indent="")
def test_text_without_overlong_words_fills_each_line_greedily(text: str, width: int,
                                                               indent: str) -> None:
    """Words whole and in order, each line as full as the next word allows."""
    room = width - wcwidth.wcswidth(indent)
    assume(room >= 2)  # a column always has room for the widest grapheme
    words = text.split()
    assume(all(wcwidth.wcswidth(word) <= room for word in words))
    lines = wrap([" ".join(words)], width, indent, indent)
    assert all(line.startswith(indent) for line in lines)
    bodies = [line[len(indent):] for line in lines]
    assert [w for body in bodies for w in body.split()] == words
    assert all(body == body.strip(" ") for body in bodies)
    assert all(wcwidth.wcswidth(line) <= width for line in lines)
    for body, after in itertools.pairwise(bodies):
        assert wcwidth.wcswidth(body) + 1 + wcwidth.wcswidth(after.split()[0]) > room


def test_a_word_that_fits_is_never_split() -> None:
    text = "가abb가ab 🇰🇷 갬갛강é겋갚곈겕👨\u200d👩\u200d👧👩\u200d💼겯 겛객"
    assert wrap([text], 25) == [
        "가abb가ab 🇰🇷", "갬갛강é겋갚곈겕👨\u200d👩\u200d👧👩\u200d💼겯", "겛객"]


def test_runs_of_spaces_are_breaks_and_wider_ones_vanish() -> None:
    assert wrap(["  ab   cd" + " " * 30 + "ef"], 8) == ["  ab", "cd", "ef"]
    assert wrap([" " * 30], 8) == [""]


@given(st.sampled_from(["가", "x", "👩‍💼", "e\u0301"]), st.integers(200, 3000),
       st.integers(8, 60))
def test_an_unbroken_run_is_cut_between_graphemes_to_the_width(grapheme: str, count: int,
                                                               width: int) -> None:
    lines = wrap([f"a {grapheme * count} b"], width)
    assert all(0 < wcwidth.wcswidth(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == f"a{grapheme * count}b"
