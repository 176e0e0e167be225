"""Ids a person would keep for the items read from a document: the kind of the item
in a word where it is clear (``opening``, ``discussion``, ``lunch``), else a short
slug of its title; unique across the meeting."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .._model import Item, slugify

__all__ = ["with_ids"]

# The first word found in a title names its id (Korean and English titles alike).
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("registration", ("등록", "접수", "registration", "check-in", "sign-in")),
    ("opening", ("개회", "개식", "개막", "opening", "welcome", "환영", "call to order")),
    ("closing", ("폐회", "폐식", "폐막", "closing", "adjourn", "wrap-up", "wrap up", "마무리",
                 "맺음")),
    ("lunch", ("중식", "점심", "오찬", "lunch", "luncheon")),
    ("dinner", ("만찬", "석식", "dinner", "banquet")),
    ("break", ("휴식", "커피", "티타임", "break", "coffee", "recess", "tea")),
    ("photo", ("사진", "기념촬영", "photo")),
    ("keynote", ("기조", "keynote")),
    ("discussion", ("토론", "토의", "discussion", "debate", "panel", "질의", "q&a")),
    ("greetings", ("인사", "축사", "격려사", "환영사", "remarks", "greeting", "address")),
    ("briefing", ("브리핑", "briefing", "설명")),
    ("report", ("보고", "report")),
    ("presentation", ("발표", "presentation", "talk", "강연", "lecture")),
    ("ceremony", ("기념식", "ceremony", "시상", "award")),
    ("performance", ("공연", "performance", "concert")),
)
_MAX_WORDS = 3


def _stem(item: Item) -> str:
    lowered = item.title.lower()
    for word, keys in _WORDS:
        if any(key in lowered for key in keys):
            return word
    slug = slugify(item.title)
    if slug:
        return "-".join(slug.split("-")[:_MAX_WORDS])
    return item.kind.value


def with_ids(items: Iterable[Item]) -> tuple[Item, ...]:
    """`items` (and their children) each with an id; ids already given are kept."""
    taken: set[str] = set()

    def walk(level: Iterable[Item]) -> tuple[Item, ...]:
        out: list[Item] = []
        for item in level:
            children = walk(item.items)
            ident = item.id
            if ident is None or ident in taken:
                stem = _stem(item)
                ident, count = stem, 1
                while ident in taken:
                    count += 1
                    ident = f"{stem}-{count}"
            taken.add(ident)
            out.append(attrs.evolve(item, id=ident, items=children))
        return tuple(out)

    return walk(items)
