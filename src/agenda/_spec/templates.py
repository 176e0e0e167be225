"""Starting specs: commented TOML files shipped with the package, one per shape of
meeting and language (``templates/<name>.<lang>.toml``).

The first line of each file is its one-line description (``# ...``); the comments
explain every key where it is first used. Every template passes ``agenda check``.
"""

from __future__ import annotations

from importlib.resources import files

from .._problems import AgendaError
from .._words.catalog import LANGUAGES

__all__ = ["TEMPLATE_LANGUAGES", "UnknownTemplate", "template", "template_description",
           "template_names"]

TEMPLATE_LANGUAGES = LANGUAGES
"""The languages every template is written in (its texts and its comments): every
language agenda speaks."""

_FOLDER = files("agenda").joinpath("templates")


class UnknownTemplate(AgendaError, ValueError):
    """No template has this name (or this language); `known` lists the names there are."""

    def __init__(self, name: str, lang: str) -> None:
        self.name = name
        self.lang = lang
        self.known = template_names()
        if name in self.known:
            message = (f"template {name!r} has no {lang!r} version; languages: "
                       f"{', '.join(TEMPLATE_LANGUAGES)}")
        else:
            message = f"no template named {name!r}; templates: {', '.join(self.known)}"
        super().__init__(message)


def template_names() -> tuple[str, ...]:
    """The names of the templates, sorted (``board``, ``council``, ...)."""
    names = {entry.name.split(".")[0] for entry in _FOLDER.iterdir()
             if entry.name.endswith(".toml")}
    return tuple(sorted(names))


def template(name: str, lang: str = "ko") -> str:
    """The TOML text of template `name` in `lang` (``ko`` or ``en``): a valid spec with
    comments that explain each key. Raises :class:`UnknownTemplate`."""
    entry = _FOLDER.joinpath(f"{name}.{lang}.toml")
    if "/" in name or "\\" in name or not entry.is_file():
        raise UnknownTemplate(name, lang)
    return entry.read_text(encoding="utf-8")


def template_description(name: str, lang: str = "ko") -> str:
    """The one-line description of template `name` (its first comment line)."""
    first = template(name, lang).splitlines()[0]
    return first.removeprefix("#").strip()
