"""The wording package: one catalog made of areas, one language list, one rule for a
language agenda does not speak."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import pkgutil
import re
import string
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import agenda
import agenda._words
from agenda import ActualLog, Changelog, EditError, FeedNotice, ParseError, Problem
from agenda._publish._live import live_files
from agenda._publish.series_page import series_section
from agenda._words.catalog import AREAS, LANGUAGES, MESSAGE_AREAS, MESSAGES, words_of
from agenda._words.labels import labels_for
from conftest import EXAMPLES

REF = agenda.load(EXAMPLES / "reference-meeting.toml")
REHEARSAL = ActualLog.read((EXAMPLES / "rehearsal.log.toml").read_text("utf-8"), REF)
SERIES = agenda.load(EXAMPLES / "council-series.toml")
SRC = Path(agenda.__file__).parent


def _message_tables() -> dict[str, dict[str, dict[str, str]]]:
    """Every table of messages in the package's modules: a module-level dict whose values
    are dicts keyed by language, named ``module.NAME``."""
    found = {}
    for info in pkgutil.iter_modules(agenda._words.__path__):
        module = importlib.import_module(f"agenda._words.{info.name}")
        for name, value in vars(module).items():
            if (name.isupper() and isinstance(value, dict) and value
                    and all(isinstance(v, dict) and "en" in v for v in value.values())):
                found[f"{info.name}.{name}"] = value
    return found


def test_every_table_of_messages_is_an_area_of_the_catalog() -> None:
    areas = {id(area) for area in AREAS.values()}
    tables = _message_tables()
    assert {name for name, table in tables.items()
            if id(table) not in areas and table is not MESSAGES} == set()
    assert {id(table) for table in tables.values()} >= areas
    assert set(MESSAGE_AREAS) < set(AREAS)


@pytest.mark.parametrize("area", sorted(AREAS))
def test_every_entry_of_every_area_speaks_every_language(area: str) -> None:
    missing = {code: sorted(set(LANGUAGES) ^ set(templates))
               for code, templates in AREAS[area].items()
               if set(templates) != set(LANGUAGES) or not all(templates.values())}
    assert missing == {}


def test_the_message_areas_share_no_code_and_make_the_catalog() -> None:
    codes = [code for area in MESSAGE_AREAS for code in AREAS[area]]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(MESSAGES)


def _fields(template: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(template) if name)


@pytest.mark.parametrize("area", sorted(set(AREAS) - set(MESSAGE_AREAS)))
def test_every_word_names_the_same_fields_in_every_language(area: str) -> None:
    """(The messages' fields: test_messages, where a phrase's ``_en``/``_ko`` differ.)"""
    differ = {key: {lang: _fields(text) for lang, text in texts.items()}
              for key, texts in AREAS[area].items()
              if len({tuple(_fields(text)) for text in texts.values()}) > 1}
    assert differ == {}


def test_words_of_reads_one_area_in_one_language() -> None:
    assert words_of("diff", "en")["sep"] == "–"
    assert words_of("diff", "ko")["sep"] == "~"
    assert set(words_of("live", "ko")) == set(AREAS["live"])
    words = words_of("heads", "en")
    words["error"] = "changed"  # a copy: the catalog keeps its words
    assert words_of("heads", "en")["error"] == "error: "


def test_the_language_list_is_written_once() -> None:
    """No module but the catalog writes out a list of languages (others name it)."""
    src = Path(agenda.__file__).parent
    defined = sorted(str(path.relative_to(src)) for path in src.rglob("*.py")
                     for node in ast.walk(ast.parse(path.read_text("utf-8")))
                     if isinstance(node, ast.Assign | ast.AnnAssign)
                     and isinstance(node.value, ast.Tuple | ast.List | ast.Set)
                     for target in (node.targets if isinstance(node, ast.Assign)
                                    else [node.target])
                     if isinstance(target, ast.Name) and target.id.endswith("LANGUAGES"))
    assert defined == ["_words/catalog.py"]


def _published(lang: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # no office documents: not the point
        agenda.publish_site(REF, folder, now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC), lang=lang)
        return (Path(folder) / "index.html").read_bytes()


_SAYERS: dict[str, Callable[[str], object]] = {
    "problem message": lambda lang: Problem("no-items").message(lang),
    "problem line": lambda lang: Problem("no-items", number="2", title="a").text(lang),
    "edit error from the catalog": lambda lang: EditError(
        "resize", code="too-long", facts={"minutes": 600000, "limit": 525600}).text(lang),
    "edit error in words": lambda lang: EditError("resize", "no such item").text(lang),
    "table labels": labels_for,
    "diff": lambda lang: agenda.diff(agenda.layout(REF), agenda.layout(REF)).text(lang),
    "report": lambda lang: agenda.render_report(agenda.report(REHEARSAL), "text", lang),
    "live page": lambda lang: live_files(agenda.layout(REF), None, lang=lang),
    "series section": lambda lang: series_section(
        agenda.layout(SERIES), lang, dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
    "published index page": lambda lang: _published(lang),
    "running late": lambda lang: agenda.running_late(REF, "14:20", late_by=5).summary(lang),
    "re-timed from the log": lambda lang: agenda.late_from_log(
        ActualLog.read("photo.start = 2024-03-13T14:03:00+09:00\n", REF)).summary(lang),
    "an event logged": lambda lang: REHEARSAL.said(REHEARSAL.events[0], lang),
    "changelog": lambda lang: Changelog(("a",), ("b",)).text(lang),
    "feed notice": lambda lang: FeedNotice("feed-items-cancelled", {"count": 2}).text(lang),
    "parse error with its line": lambda lang: ParseError(
        "x", 3, code="parse-no-csv-header").text(lang),
}


@pytest.mark.parametrize("say", sorted(_SAYERS))
def test_every_text_refuses_an_unknown_language_the_same_way(say: str) -> None:
    for lang in LANGUAGES:
        _SAYERS[say](lang)
    with pytest.raises(agenda.UnknownLanguage, match=r"unknown language 'ja'.*en, ko") as caught:
        _SAYERS[say]("ja")
    assert (caught.value.lang, caught.value.known) == ("ja", LANGUAGES)


def test_a_changelog_in_an_unknown_language_is_refused_not_told_in_english() -> None:
    with pytest.raises(agenda.UnknownLanguage):
        Changelog(("바뀜",), ("changed",)).lines("fr")
    assert Changelog(("바뀜",), ("changed",)).lines("ko") == ("바뀜",)


# -- no wording outside the catalog ------------------------------------------------------
# Hangul in a string literal outside _words/ is wording that belongs in the catalog, but for
# what reads Korean input or is not a text at all. The modules that read printed agendas:
# every Hangul literal in them is a word, a column name or a pattern looked for in a
# document (시간, 오후, 3월 13일, 드림), never a text agenda writes.
_READERS = frozenset({"_parse/_cells.py", "_parse/_header.py", "_parse/_ids.py",
                      "_parse/_scan.py", "_parse/_text.py", "_parse/_times.py"})
# Elsewhere, by module and the top-level name that holds the literal.
_ALLOWED = {
    # The parser reads back the gap row of a printed table (빈 시간 5분) and tells an
    # item's kind from the words of its title (휴식, 토론).
    ("_parse/_build.py", "_GAP_ROW"), ("_parse/_build.py", "_KINDS"),
    # The bounds of the Hangul syllables block, which tell a Korean document.
    ("_parse/__init__.py", "_hangul"),
    # The spec's weekday as its author wrote it (수, 수요일) is read to check it against the
    # date; an edit that moves the date writes the new weekday in the same spelling.
    ("_layout/_checks.py", "_KO_WEEKDAYS"), ("_layout/_checks.py", "parse_weekday"),
    ("_edit/_operations.py", "_KO_WEEKDAYS"), ("_edit/_operations.py", "_weekday_like"),
    # Font names (맑은 고딕, 함초롬바탕): what an office document asks for, not words.
    ("_formats/docx.py", "FONT"), ("_formats/hwpx.py", "FONT"),
    ("_formats/hwpx.py", "SUBSTITUTE"),
    # The spec's reference, in English, quotes Korean values as examples (수, 구분,
    # { ko = "토론", en = "Discussion" }).
    ("_spec/keys.py", "TABLES"), ("_spec/schema.py", "_definitions"),
}
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def _owner(node: ast.stmt) -> str:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.name
    targets = (node.targets if isinstance(node, ast.Assign)
               else [node.target] if isinstance(node, ast.AnnAssign) else [])
    return ",".join(target.id for target in targets if isinstance(target, ast.Name))


def _names_a_language(node: ast.expr) -> bool:
    return any("lang" in (n.id if isinstance(n, ast.Name) else n.attr).lower()
               for n in ast.walk(node) if isinstance(n, ast.Name | ast.Attribute))


def _is_a_language(node: ast.expr) -> bool:
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_a_language(element) for element in node.elts)
    return isinstance(node, ast.Constant) and node.value in LANGUAGES


def _wording(source: str) -> Iterator[tuple[str, int, str]]:
    """(owner, line, what) for each Hangul string literal that is not documentation and
    each comparison of a language with a language's name (``lang == "ko"``)."""
    tree = ast.parse(source)
    documentation = {id(node.value) for node in ast.walk(tree)
                     if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}
    for top in tree.body:
        for node in ast.walk(top):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and _HANGUL.search(node.value) and id(node) not in documentation):
                yield _owner(top), node.lineno, f"Hangul {node.value[:30]!r}"
            elif isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if (any(_is_a_language(side) for side in sides)
                        and any(_names_a_language(side) for side in sides)):
                    yield _owner(top), node.lineno, f"language test {ast.unparse(node)}"


def _outside_the_catalog() -> Iterator[tuple[str, str, int, str]]:
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        if not module.startswith("_words/"):
            for owner, line, what in _wording(path.read_text("utf-8")):
                yield module, owner, line, what


def test_no_module_outside_the_catalog_holds_wording_or_chooses_it_by_language() -> None:
    found = [f"{module}:{line} ({owner}): {what}"
             for module, owner, line, what in _outside_the_catalog()
             if module not in _READERS and (module, owner) not in _ALLOWED]
    assert found == []


def test_every_allowance_for_hangul_outside_the_catalog_is_still_needed() -> None:
    used = {(module, owner) for module, owner, _, what in _outside_the_catalog()
            if what.startswith("Hangul")}
    assert _ALLOWED - used == set()
    assert _READERS - {module for module, _ in used} == set()


@pytest.mark.parametrize("source", [
    'def text(lang):\n    return "경고: " if lang == "ko" else "warning: "\n',
    '_NOTE = {"en": "note: ", "ko": "참고: "}\n',
    'def line(self, lang):\n    return f"{self.line}행: "\n',
    'def heading(lang):\n    ko = lang == "ko"\n    return "Changes"\n',
    'def pick(self, language):\n    return self.en if language != "en" else self.ko\n',
    'def pick(words, lang):\n    return words[0] if lang in ("ko",) else words[1]\n',
])
def test_the_wording_check_finds_text_chosen_by_language(source: str) -> None:
    assert list(_wording(source)) != []


def test_the_wording_check_leaves_documentation_and_other_tests_alone() -> None:
    source = ('"""The module (``회의``)."""\n'
              'def f(shape, lang):\n    """``토론``."""\n    return shape == "ko" or lang == x\n')
    assert list(_wording(source)) == []
