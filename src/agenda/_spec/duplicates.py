"""Keys given twice in one JSON object, named as the reader names where they stand (TOML
refuses them in its grammar; JSON's reader keeps the last)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._problems import Problem
from .values import shown

__all__ = ["given_twice"]


def given_twice(data: Any, twice: Mapping[int, list[tuple[str, Any, Any]]]
                 ) -> list[Problem]:
    """A problem for each key given twice in one JSON object, named as the loader names
    where it stands (``[meeting]: ``, item ``4.2``, ``day 2: ``); `twice` maps each such
    object's id to its keys with their first and last values."""
    found: list[Problem] = []

    def visit(obj: Any, number: str, where: str, prefix: str = "", base: int = 0) -> None:
        """Report `obj`'s keys given twice; `number` and `where` say where it stands,
        `prefix` is the dotted path inside a key's value (``title.``), `base` how many
        items earlier days held (their numbers run on)."""
        if isinstance(obj, list):
            for value in obj:
                visit(value, number, where, prefix)
            return
        if not isinstance(obj, dict):
            return
        item = number if number and not number.endswith("/") else ""
        title = obj.get("title") if item and not prefix else None
        if isinstance(title, dict):
            title = next((t for t in title.values() if isinstance(t, str)), None)
        for key, first, second in twice.get(id(obj), ()):
            found.append(Problem("duplicate-key", facts={
                "where": where, "key": f"{prefix}{key}", "first": shown(first),
                "second": shown(second)}, number=item,
                title=title if isinstance(title, str) else ""))
        for key, value in obj.items():
            if prefix or not isinstance(value, dict | list):
                visit(value, number, where, f"{prefix}{key}.")
            elif key == "items" and isinstance(value, list):
                head = f"{number}." if number and not number.endswith("/") else number
                for k, child in enumerate(value, start=base + 1):
                    visit(child, f"{head}{k}", "")
            elif key == "meeting" and where == "spec: ":
                visit(value, "", "[meeting]: ")
            elif key == "days" and where == "spec: " and isinstance(value, list):
                held = 0
                for k, day in enumerate(value, start=1):
                    visit(day, "", f"day {k}: ", base=held)
                    if isinstance(day, dict) and isinstance(day.get("items"), list):
                        held += len(day["items"])
            elif key == "overrides" and where == "spec: " and isinstance(value, list):
                for k, entry in enumerate(value, start=1):
                    when = entry.get("date") if isinstance(entry, dict) else None
                    visit(entry, f"{when if isinstance(when, str) else k}/",
                          f"override {k}: ")
            else:
                visit(value, number, where, f"{key}.")

    visit(data, "", "spec: ")
    return found

