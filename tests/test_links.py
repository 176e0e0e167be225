"""Links: pages, join addresses and materials in the model, the spec and the checks."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given

import agenda
from agenda import Item, Material, Meeting, SpecError
from agenda._links import as_uri, join_links, url_problem
from agenda._spec.keys import names
from strategies import linked_meetings, urls

SPEC = """\
[meeting]
title = { ko = "워크숍", en = "Workshop" }
date = 2025-03-13
start = 09:00
timezone = "Asia/Seoul"
url = "https://example.org/ws"
online = "https://meet.example.org/j/1"
materials = [{ title = { ko = "자료집", en = "Handbook" }, url = "https://example.org/h.pdf" }]

[[items]]
title = { ko = "발표", en = "Talk" }
minutes = 30
url = "https://example.org/talk"
materials = [
  { title = { ko = "슬라이드", en = "Slides" }, url = "https://example.org/s.pdf" },
]

[[items]]
title = { ko = "분과", en = "Breakouts" }
online = "https://meet.example.org/j/2"
[[items.items]]
title = { ko = "가", en = "A" }
minutes = 10
[[items.items]]
title = { ko = "나", en = "B" }
minutes = 10
online = "https://meet.example.org/j/3"
"""


def meeting_with(**changes: object) -> Meeting:
    return attrs.evolve(agenda.loads(SPEC), **changes)  # type: ignore[arg-type]


def test_the_spec_reads_links_of_the_meeting_and_its_items() -> None:
    meeting = agenda.loads(SPEC)
    assert meeting.url == "https://example.org/ws"
    assert meeting.online == "https://meet.example.org/j/1"
    assert meeting.materials == (Material("자료집", "https://example.org/h.pdf",
                                          translations={"en": {"title": "Handbook"}}),)
    talk, breakouts = meeting.items
    assert talk.url == "https://example.org/talk"
    assert talk.online is None
    assert [m.title for m in talk.materials] == ["슬라이드"]
    assert breakouts.online == "https://meet.example.org/j/2"
    assert agenda.validate(meeting) == ()


@given(linked_meetings())
def test_links_round_trip_through_toml_json_and_data(meeting: Meeting) -> None:
    assert agenda.load_toml(agenda.dump_toml(meeting)) == meeting
    assert agenda.load_json(agenda.dump_json(meeting)) == meeting
    assert agenda.from_dict(agenda.to_dict(meeting)) == meeting


@given(urls)
def test_every_drawn_link_is_sound_and_its_uri_is_ascii(url: str) -> None:
    assert url_problem(url) is None
    uri = as_uri(url)
    assert uri.isascii()
    assert uri.startswith(("http://", "https://"))
    assert uri.lower() == url.lower() if url.isascii() else uri != url


def test_a_uri_writes_the_host_in_idna_and_the_rest_percent_encoded() -> None:
    assert as_uri("https://예시.kr/자료?q=회의#끝") == (
        "https://xn--vv4b11d.kr/%EC%9E%90%EB%A3%8C?q=%ED%9A%8C%EC%9D%98#%EB%81%9D")
    assert as_uri("HTTPS://user@예시.kr:8080/a") == "https://user@xn--vv4b11d.kr:8080/a"
    assert as_uri("HTTP://Example.org/A") == "http://Example.org/A"
    assert as_uri("https://example.org/a|b") == "https://example.org/a|b"


@pytest.mark.parametrize(("url", "reason"), [
    ("javascript:alert(1)", "only http and https addresses are links, not javascript:"),
    ("JavaScript:alert(1)", "only http and https addresses are links, not javascript:"),
    ("data:text/html,<b>x</b>", "it holds a space"),
    ("data:text/html;base64,PHNjcmlwdD4=", "only http and https addresses are links, not data:"),
    ("ftp://example.org/x", "only http and https addresses are links, not ftp:"),
    ("example.org/x", "it does not start with http:// or https://"),
    ("//example.org/x", "it does not start with http:// or https://"),
    ("https:///x", "it names no host"),
    ("https:example.org", "it names no host"),
    ("https://example.org/a b", "it holds a space"),
    ("https://example.org/\nx", "it holds a space, a control character"),
    ('https://example.org/"onmouseover="x', "it holds a space"),
    ("https://" + "가" * 70 + ".kr/x", "its host is not a name"),
])
def test_only_http_and_https_addresses_are_links(url: str, reason: str) -> None:
    """Each address key of the meeting and of an item (a leaf and a block) reports the
    address with the item's number and path, in both languages."""
    for key in ("url", "online"):
        child = attrs.evolve(agenda.loads(SPEC).items[1].items[0], **{key: url})
        block = attrs.evolve(agenda.loads(SPEC).items[1], items=[
            child, agenda.loads(SPEC).items[1].items[1]])
        problems = agenda.validate(meeting_with(items=[agenda.loads(SPEC).items[0], block]))
        assert [(p.code, p.number, p.path) for p in problems] == [
            ("bad-url", "2.1", ("분과", "가"))]
        assert problems[0].facts["key"] == key
        assert reason in problems[0].message("en")
        assert "게시할 수 있는 링크가 아닙니다" in problems[0].message("ko")
        head = agenda.validate(meeting_with(**{key: url}))
        assert [(p.code, p.number, p.path, p.facts["key"]) for p in head] == [
            ("bad-url", "", (), key)]


def test_a_bad_material_url_is_named_by_its_number() -> None:
    talk = attrs.evolve(agenda.loads(SPEC).items[0], materials=[
        Material("ok", "https://example.org/x", translations={"en": {"title": "ok"}}),
        Material("", "data:x", translations={"en": {"title": "none"}})])
    problems = agenda.validate(meeting_with(items=[talk, *agenda.loads(SPEC).items[1:]]))
    assert [(p.code, p.number, p.facts.get("key")) for p in problems] == [
        ("empty-title", "1", None), ("bad-url", "1", "materials.2.url")]
    assert problems[0].message("en") == "material 2 has no title"
    assert problems[0].message("ko") == "자료 2에 제목이 없습니다"


def test_an_agenda_with_a_bad_link_has_no_timetable() -> None:
    with pytest.raises(agenda.InvalidAgenda) as caught:
        agenda.layout(meeting_with(online="javascript:alert(1)"))
    assert [p.code for p in caught.value.problems] == ["bad-url"]


def test_check_says_a_bad_link_in_the_file_and_exits_1(tmp_path: object, runner: object
                                                         ) -> None:
    from pathlib import Path

    from click.testing import CliRunner

    from agenda.cli import cli

    assert isinstance(tmp_path, Path) and isinstance(runner, CliRunner)
    spec = tmp_path / "m.toml"
    spec.write_text(SPEC.replace('url = "https://example.org/talk"',
                                 'url = "javascript:alert(1)"'), "utf-8")
    result = runner.invoke(cli, ["check", str(spec)])
    assert result.exit_code == 1
    assert result.stdout.strip() == (
        '10행: 1 "발표": url "javascript:alert(1)"은(는) 게시할 수 있는 링크가 아닙니다: http와 '
        "https 주소만 링크가 될 수 있습니다 (javascript: 주소는 안 됩니다)")


@pytest.mark.parametrize(("change", "expected"), [
    ('materials = [{ title = "x" }]', '1 "발표": material 1: "url" is missing'),
    ('materials = [{ title = "x", url = "https://e.org", size = 3 }]',
     '1 "발표": material 1: unknown key "size"; known keys: title, url'),
    ('materials = "https://e.org"', '"materials" must be a list of tables like'),
    ("materials = [3]", '"materials" must be a list of tables like'),
    ("online = 3", '1 "발표": "online" must be a string, got 3'),
    ('materials = [{ title = { en = "x" }, url = "https://e.org" }]',
     'material 1: "title" has no "ko" text'),
])
def test_the_spec_names_wrong_link_values_with_their_line(change: str, expected: str) -> None:
    own = SPEC.index("materials = [\n")
    plain = SPEC[:own] + SPEC[SPEC.index("]\n", own) + 2:]  # the talk without materials
    text = plain.replace('url = "https://example.org/talk"', change)
    with pytest.raises(SpecError) as caught:
        agenda.loads(text)
    line = text.splitlines().index(change.splitlines()[0]) + 1
    assert len(caught.value.problems) == 1
    problem = caught.value.problems[0]
    assert expected in problem.text("en")
    assert problem.line == line


def test_the_model_refuses_materials_of_the_wrong_type() -> None:
    with pytest.raises(TypeError, match="materials must"):
        Item("a", materials="https://example.org")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="materials must hold Material values"):
        Item("a", materials=[{"title": "x", "url": "https://e.org"}])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="'url' cannot be translated"):
        Material("x", "https://e.org", translations={"en": {"url": "y"}})


def test_join_links_are_inherited_from_the_block_and_the_meeting() -> None:
    joins = join_links(agenda.layout(agenda.loads(SPEC)))
    assert joins == {
        ("발표",): "https://meet.example.org/j/1",
        ("분과",): "https://meet.example.org/j/2",
        ("분과", "가"): "https://meet.example.org/j/2",
        ("분과", "나"): "https://meet.example.org/j/3",
    }
    none = join_links(agenda.layout(meeting_with(online=None)))
    assert none[("발표",)] is None


def test_a_translated_timetable_shows_material_titles_in_its_language() -> None:
    timetable = agenda.translate(agenda.layout(agenda.loads(SPEC)), "en")
    assert [m.title for m in timetable.meeting.materials] == ["Handbook"]
    assert [m.title for m in timetable[0].item.materials] == ["Slides"]
    assert timetable[0].item.materials[0].url == "https://example.org/s.pdf"
    back = agenda.translate(agenda.layout(agenda.loads(SPEC)), "ko")
    assert [m.title for m in back[0].item.materials] == ["슬라이드"]


def test_a_material_without_a_translation_is_a_missing_translation() -> None:
    talk = attrs.evolve(agenda.loads(SPEC).items[0], materials=[
        Material("슬라이드", "https://example.org/s.pdf")])
    problems = agenda.validate(meeting_with(items=[talk, *agenda.loads(SPEC).items[1:]]))
    assert [(p.code, p.number, p.facts["fields"]) for p in problems] == [
        ("missing-translation", "1", ("materials.1.title",))]


def test_the_schema_knows_the_material_table_as_the_loader_does() -> None:
    schema = agenda.spec_schema()
    material = schema["$defs"]["material"]
    assert list(material["properties"]) == list(names("material"))
    assert material["required"] == ["title", "url"]
    assert schema["$defs"]["item"]["properties"]["materials"]["items"] == {
        "$ref": "#/$defs/material"}
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    data = json.loads(agenda.dump_json(agenda.loads(SPEC)))
    assert list(validator.iter_errors(data)) == []
    data["items"][0]["url"] = "javascript:alert(1)"
    assert list(validator.iter_errors(data))


def test_an_edit_writes_materials_back_as_an_array_of_inline_tables() -> None:
    """A changed, added or new item's materials stay ``materials = [{ ... }]`` (as the
    spec writes them), never ``[[items.materials]]`` tables."""
    meeting = agenda.loads(SPEC)
    talk, breakouts = meeting.items
    changed = meeting_with(items=[
        attrs.evolve(talk, minutes=35, materials=(*talk.materials,
                                                  Material("새 자료", "https://e.org/n"))),
        attrs.evolve(breakouts, materials=[Material("x", "https://x.org")]),
        Item("new", minutes=3, materials=[Material("y", "https://y.org"),
                                          Material("z", "https://z.org")])])
    text = agenda.rewrite_spec(SPEC, changed)
    assert agenda.loads(text) == changed
    assert "[[items.materials]]" not in text and "[items.materials" not in text
    assert text.count("materials = [") == 4
    assert agenda.load_json(agenda.rewrite_spec(agenda.dump_json(meeting), changed,
                                                "json")) == changed
