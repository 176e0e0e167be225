"""Reading the tables of a spec: ``[meeting]``, its ``[[items]]`` at any depth,
``[[days]]``, ``[[overrides]]`` and the links and materials of each, into a meeting."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._model import Day, Item, Kind, Material, Meeting, Override
from .._problems import Problem, SpecError
from .keys import names, one_day
from .values import SURROGATE, ValueReader, escaped, shown

__all__ = ["ITEM_KEYS", "MEETING_KEYS", "Reader"]

# The names come from the spec's key table (`_keys`), which the JSON Schema is made from.
SPEC_KEYS = names("spec")
MEETING_KEYS = names("meeting")
ITEM_KEYS = names("item")
DAY_KEYS = names("day")
_ONE_DAY_KEYS = one_day("meeting")  # [meeting] keys that days replace
OVERRIDE_KEYS = names("override")
MATERIAL_KEYS = names("material")
_KINDS = frozenset(k.value for k in Kind)
_RARE_ITEM_KEYS = frozenset({"at", "min_minutes", "max_minutes", "gap_ok", "parallel", "room",
                             "audience", "url", "online", "materials"})


class Reader(ValueReader):
    """Reads the spec's data into a meeting, table by table (see `ValueReader` for the
    values and the lines of their problems)."""

    def overrides(self, raw: Any) -> tuple[Override, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.wrong("overrides", "a list of tables", raw, "", "spec")
            return ()
        out = []
        for k, entry in enumerate(raw, start=1):
            where = f"override {k}: "
            if not isinstance(entry, dict):
                self.report("not-a-table", {"what": f"override {k}", "value": shown(entry)},
                            "spec")
                continue
            self.unknown(entry, OVERRIDE_KEYS, where, "spec")
            before = len(self.errors)
            day = self.date(entry, "date", where, "spec")
            start = self.time(entry, "start", where, "spec")
            end = self.time(entry, "end", where, "spec")
            items = (self.items(entry["items"], f"{day or k}/", where, "spec")
                     if "items" in entry else None)
            if len(self.errors) == before and day is not None:
                out.append(Override(day, start=start, end=end, items=items))
        return tuple(out)

    def materials(self, data: Mapping[str, Any], where: str, table: str,
                  title: str = "") -> tuple[Material, ...]:
        """``materials = [{ title = "…", url = "…" }]``: each a table with a title (a
        text, translatable) and a URL (whether it is a link is the layout's question)."""
        raw = data.get("materials")
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.wrong("materials", 'a list of tables like [{ title = "…", url = "…" }]',
                       raw, where, table, title)
            return ()
        out = []
        for k, entry in enumerate(raw, start=1):
            inside = f"{where}material {k}: "
            if not isinstance(entry, dict):
                self.wrong("materials", 'a list of tables like [{ title = "…", url = "…" }]',
                           raw, where, table, title)
                return ()
            first = len(self.errors)
            self.unknown(entry, MATERIAL_KEYS, inside, table, title)
            before = len(self.errors)
            translations: dict[str, dict[str, str]] = {}
            name = self.translatable(entry, "title", inside, table, translations,
                                     required=True, title=title)
            url = self.string(entry, "url", inside, table, required=True, title=title)
            if len(self.errors) == before and name is not None and url is not None:
                out.append(Material(name, url, translations=translations))
            if len(self.errors) > first:  # a material's keys stand on the line of materials
                line = self.line_of(table, "materials")
                self.errors[first:] = [attrs.evolve(p, line=line) for p in self.errors[first:]]
        return tuple(out)

    def links(self, data: Mapping[str, Any], where: str, table: str, title: str = ""
              ) -> dict[str, Any]:
        """The link keys of the meeting or an item: ``url``, ``online``, ``materials``."""
        return dict(url=self.string(data, "url", where, table, title=title),
                    online=self.string(data, "online", where, table, title=title),
                    materials=self.materials(data, where, table, title))

    def items(self, raw: Any, prefix: str, where: str, table: str,
              title: str = "", base: int = 0) -> tuple[Item, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.wrong("items", "a list of tables", raw, where, table, title)
            return ()
        result = []
        for k, entry in enumerate(raw, start=base + 1):
            item = self.item(entry, f"{prefix}{k}")
            if item is not None:
                result.append(item)
        return tuple(result)

    def item(self, data: Any, number: str) -> Item | None:
        raw_title = data.get("title") if isinstance(data, dict) else None
        if isinstance(raw_title, dict):  # a text in several languages: named by the original
            raw_title = raw_title.get(self.original)
        title = SURROGATE.sub(escaped, raw_title) if isinstance(raw_title, str) else ""
        where = ""  # the problem's number and title say where
        if not isinstance(data, dict):
            self.report("not-a-table", {"what": "the item", "value": shown(data)}, number)
            return None
        self.unknown(data, ITEM_KEYS, where, number, title)
        before = len(self.errors)
        kind_value = data.get("kind")
        if kind_value is None:
            kind_value = Kind.TALK.value
        if not isinstance(kind_value, str) or kind_value not in _KINDS:
            self.report("unknown-kind", {"where": where, "value": shown(kind_value),
                                      "known": [k.value for k in Kind]}, number, "kind", title)
        t = title
        minutes = self.integer(data, "minutes", where, number, t)
        translations: dict[str, dict[str, str]] = {}
        presenter = self.translatable(data, "presenter", where, number, translations, title=t)
        notes = self.translatable(data, "notes", where, number, translations, title=t)
        # The keys few items give are read only when one of them is given (the defaults
        # are the model's); problems are reported in the order of the keys below.
        rare = not _RARE_ITEM_KEYS.isdisjoint(data)
        extra: dict[str, Any] = {}
        if rare:
            extra.update(at=self.time(data, "at", where, number, title=t),
                         min_minutes=self.integer(data, "min_minutes", where, number, t),
                         max_minutes=self.integer(data, "max_minutes", where, number, t),
                         gap_ok=self.boolean(data, "gap_ok", where, number, t))
        ident = self.string(data, "id", where, number, title=t)
        if rare:
            extra.update(parallel=self.boolean(data, "parallel", where, number, t),
                         room=self.translatable(data, "room", where, number, translations,
                                                title=t),
                         audience=self.names(data, "audience", where, number, t),
                         **self.links(data, where, number, t))
        title_value = self.translatable(data, "title", where, number, translations,
                                        required=True, title=t)
        children = self.items(data.get("items"), f"{number}.", where, number, t)
        if len(self.errors) > before or title_value is None:
            return None
        return Item(title_value, minutes=minutes, presenter=presenter, notes=notes,
                    kind=kind_value, id=ident, items=children, translations=translations,
                    **extra)

    def days(self, raw: Any) -> tuple[Day, ...]:
        """The [[days]] tables; item numbers run on from one day to the next."""
        if raw is None:
            return ()  # null: reported as such
        if raw == []:
            self.report("no-days", {}, "spec", "days")
            return ()
        if not isinstance(raw, list):
            self.wrong("days", "a list of tables", raw, "", "spec")
            return ()
        result = []
        number = 0
        for k, entry in enumerate(raw, start=1):
            if not isinstance(entry, dict):
                self.report("not-a-table", {"what": f"day {k}", "value": shown(entry)},
                            "spec")
                continue
            where = f"day {k}: "
            self.unknown(entry, DAY_KEYS, where, "spec")
            before = len(self.errors)
            date = self.date(entry, "date", where, "spec")
            start = self.time(entry, "start", where, "spec", required=True)
            end = self.time(entry, "end", where, "spec")
            items = self.items(entry.get("items"), "", where, "spec", base=number)
            if isinstance(entry.get("items"), list):
                number += len(entry["items"])
            if len(self.errors) == before and date is not None and start is not None:
                result.append(Day(date, start, items, end=end))
        return tuple(result)

    def meeting(self, data: Any) -> Meeting:
        if not isinstance(data, dict):
            raise SpecError([Problem("not-a-table", facts={"what": "the spec",
                                                           "value": shown(data)})])
        self.unknown(data, SPEC_KEYS, "", "spec")
        head = data.get("meeting")
        if not isinstance(head, dict):
            if head is None:
                self.missing("meeting", "", "spec", data=data)
            else:
                self.report("not-a-table", {"what": "[meeting]", "value": shown(head)},
                         "meeting")
            head = {}
        m = "[meeting]: "
        self.unknown(head, MEETING_KEYS, m, "meeting")
        self.original = self.language(head, m)
        if "days" in data:
            return self.meeting_of_days(data, head)
        translations: dict[str, dict[str, str]] = {}
        fields = dict(
            title=self.translatable(head, "title", m, "meeting", translations, required=True),
            date=self.date(head, "date", m, "meeting"),
            start=self.time(head, "start", m, "meeting", required=True),
            timezone=self.string(head, "timezone", m, "meeting", required=True),
            end=self.time(head, "end", m, "meeting"),
            location=self.translatable(head, "location", m, "meeting", translations),
            category=self.translatable(head, "category", m, "meeting", translations),
            weekday=self.string(head, "weekday", m, "meeting"),
            repeat=self.string(head, "repeat", m, "meeting"),
            id=self.string(head, "id", m, "meeting"),
            skip=self.dates(head, "skip", m, "meeting"),
            extra=self.dates(head, "extra", m, "meeting"),
            skip_holidays=self.string(head, "skip_holidays", m, "meeting"),
            **self.links(head, m, "meeting"),
        )
        items = self.items(data.get("items"), "", "", "spec")
        overrides = self.overrides(data.get("overrides"))
        if self.errors:
            raise SpecError(self.errors)
        return Meeting(items=items, overrides=overrides, language=self.original,
                       translations=translations, **fields)

    def meeting_of_days(self, data: dict[str, Any], head: dict[str, Any]) -> Meeting:
        """A meeting held over [[days]]: each day gives its date, start, end and items."""
        for key in _ONE_DAY_KEYS:
            if head.get(key) is not None:
                self.report("days-and-day-keys", {"key": key}, "meeting", key)
        if "items" in data:
            self.report("days-and-items", {}, "spec", "items")
        m = "[meeting]: "
        translations: dict[str, dict[str, str]] = {}
        fields = dict(
            title=self.translatable(head, "title", m, "meeting", translations, required=True),
            timezone=self.string(head, "timezone", m, "meeting", required=True),
            location=self.translatable(head, "location", m, "meeting", translations),
            category=self.translatable(head, "category", m, "meeting", translations),
            repeat=self.string(head, "repeat", m, "meeting"),
            id=self.string(head, "id", m, "meeting"),
            skip_holidays=self.string(head, "skip_holidays", m, "meeting"),
            **self.links(head, m, "meeting"),
        )
        days = self.days(data.get("days"))
        if self.errors:
            raise SpecError(self.errors)
        return Meeting(days=days, language=self.original, translations=translations, **fields)


