"""Agendas in several languages: the spec shape, the translated view, the checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

import agenda
from agenda import Item, Meeting, Translations
from agenda.cli import cli
from strategies import translated_meetings

# Each example lays out (and one writes a feed of) a whole meeting: a third of the
# profile's examples keeps the default run short; the thorough profile still runs many.
FEWER = settings(max_examples=max(10, settings().max_examples // 3))

SPEC = """\
[meeting]
title = { ko = "정책협의", en = "Policy consultation" }
date = 2024-03-13
start = 14:00:00
timezone = "Asia/Seoul"

[[items]]
title = { ko = "토론", en = "Discussion" }
minutes = 25
presenter = "차관"

[[items]]
title = "맺음말씀"
minutes = 3
"""


def test_a_text_is_a_string_or_a_table_keyed_by_language() -> None:
    meeting = agenda.load_toml(SPEC)
    assert meeting.language == "ko"
    assert meeting.title == "정책협의"
    assert meeting.translations == Translations({"en": {"title": "Policy consultation"}})
    first, second = meeting.items
    assert (first.title, first.presenter) == ("토론", "차관")
    assert first.translations.get("en", "title") == "Discussion"
    assert first.translations.get("en", "presenter") is None
    assert not second.translations


def test_json_uses_the_same_shape_and_round_trips() -> None:
    meeting = agenda.load_toml(SPEC)
    data = json.loads(agenda.dump_json(meeting))
    assert data["items"][0]["title"] == {"ko": "토론", "en": "Discussion"}
    assert data["items"][1]["title"] == "맺음말씀"
    assert agenda.load_json(agenda.dump_json(meeting)) == meeting
    assert agenda.load_toml(agenda.dump_toml(meeting)) == meeting


def test_the_meeting_language_names_the_original() -> None:
    text = SPEC.replace("[meeting]\n", '[meeting]\nlanguage = "en"\n').replace(
        'title = "맺음말씀"', 'title = "Closing"')
    meeting = agenda.load_toml(text)
    assert meeting.language == "en"
    assert meeting.title == "Policy consultation"
    assert meeting.items[0].title == "Discussion"
    assert meeting.items[0].translations.get("ko", "title") == "토론"
    assert agenda.load_toml(agenda.dump_toml(meeting)) == meeting


@pytest.mark.parametrize(("change", "message"), [
    ('{ en = "Discussion" }', '1: "title" has no "ko" text (the meeting\'s language; '
                              "it gives en)"),
    ('{ ko = "토론", "e n" = "x" }', '1 "토론": "title" has the key "e n", which is not '
                                     "a language tag"),
    ('{ ko = "토론", en = 5 }', '1 "토론": "title.en" must be a string, got 5'),
])
def test_bad_text_tables_are_named(change: str, message: str) -> None:
    with pytest.raises(agenda.SpecError) as caught:
        agenda.load_toml(SPEC.replace('{ ko = "토론", en = "Discussion" }', change))
    assert message in str(caught.value)


def test_a_bad_language_tag_is_refused() -> None:
    with pytest.raises(agenda.SpecError, match='"language" must be one of en, ko'):
        agenda.load_toml(SPEC.replace("[meeting]\n", '[meeting]\nlanguage = "korean!"\n'))
    with pytest.raises(ValueError, match="must be one of"):
        Meeting("m", dt.date(2024, 3, 13), dt.time(9), "UTC", language="")


def test_translations_are_values() -> None:
    a = Translations({"en": {"title": "A", "notes": "N"}, "ja": {"title": "エー"}})
    b = Translations({"ja": {"title": "エー"}, "en": {"notes": "N", "title": "A"}})
    assert a == b and hash(a) == hash(b)
    assert a.languages == ("en", "ja") and a.fields == ("notes", "title")
    assert a.as_dict() == {"en": {"notes": "N", "title": "A"}, "ja": {"title": "エー"}}
    with pytest.raises(ValueError, match="cannot be translated"):
        Item("x", translations={"en": {"kind": "talk"}})
    # A translation of a text the item does not have (its notes were removed) is kept
    # but never shown.
    bare = Item("x", minutes=5, translations={"en": {"notes": "n", "title": "X"}})
    shown = agenda.translate(agenda.layout(Meeting("m", dt.date(2024, 3, 13), dt.time(9),
                                                   "UTC", [bare])), "en")
    assert (shown[0].title, shown[0].item.notes) == ("X", None)
    with pytest.raises(ValueError, match="not a language tag"):
        Item("x", translations={"english language": {"title": "n"}})


# -- the translated view ------------------------------------------------------------


def test_the_reference_prints_in_english_with_the_same_times() -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    english = agenda.translate(timetable, "en")
    assert [s.title for s in english if s.depth == 1] == ["Busan", "Gangwon", "Chungbuk",
                                                        "Jeonnam"]
    assert english.by_number("6").title == "Discussion"
    assert english.by_number("3").item.presenter == "Vice-minister"
    assert english.meeting.category == "Policy consultation"
    assert english.meeting.key == timetable.meeting.key
    assert [(s.number, s.path, s.start_utc, s.end_utc) for s in english] == [
        (s.number, s.path, s.start_utc, s.end_utc) for s in timetable]
    assert agenda.translate(timetable, "ko") is timetable


def test_a_missing_translation_falls_back_to_the_original() -> None:
    timetable = agenda.layout(agenda.load_toml(SPEC))
    english = agenda.translate(timetable, "en")
    assert [s.title for s in english] == ["Discussion", "맺음말씀"]
    assert english.by_number("1").item.presenter == "차관"
    table = agenda.to_text(timetable, lang="en")
    assert "Discussion" in table and "맺음말씀" in table and "| Item " in table
    assert "토론" not in table


@FEWER
@given(translated_meetings())
def test_a_translated_view_keeps_every_time_and_identity(meeting: Meeting) -> None:
    timetable = agenda.layout(meeting)
    for lang in ("en", "ja"):
        view = agenda.translate(timetable, lang)
        assert [(s.number, s.depth, s.path, s.start_utc, s.end_utc) for s in view] == [
            (s.number, s.depth, s.path, s.start_utc, s.end_utc) for s in timetable]
        assert view.meeting.key == meeting.key
        for slot, seen in zip(timetable, view, strict=True):
            for field in ("title", "presenter", "notes"):
                wanted = slot.item.translations.get(lang, field) or getattr(slot.item, field)
                assert getattr(seen.item, field) == wanted
        if lang == "en":  # a meeting may be held in en: back to ko gives the originals
            back = agenda.translate(view, "ko")
            assert [(s.title, s.item.presenter, s.item.notes) for s in back] == [
                (s.title, s.item.presenter, s.item.notes) for s in timetable]
            assert back.meeting.title == meeting.title


@FEWER
@given(translated_meetings())
def test_translated_specs_round_trip(meeting: Meeting) -> None:
    assert agenda.load_toml(agenda.dump_toml(meeting)) == meeting
    assert agenda.load_json(agenda.dump_json(meeting)) == meeting


@FEWER
@given(translated_meetings())
def test_every_language_has_the_same_calendar_uids(meeting: Meeting) -> None:
    timetable = agenda.layout(meeting)
    now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

    def uids(view: agenda.Timetable) -> list[str]:
        feed = agenda.from_ics(agenda.to_ics(view, items=True, now=now))
        return [event.uid for event in feed.events]

    assert uids(agenda.translate(timetable, "en")) == uids(timetable)


# -- checks ------------------------------------------------------------------------


def test_check_warns_of_a_missing_translation() -> None:
    problems = agenda.validate(agenda.load_toml(SPEC))
    assert [(p.code, p.number, p.severity) for p in problems] == [
        ("missing-translation", "1", agenda.Severity.WARNING),
        ("missing-translation", "2", agenda.Severity.WARNING)]
    assert problems[0].message().startswith("has no en text for its presenter")
    assert problems[1].message().startswith("has no en text for its title")


def test_a_translation_into_the_own_language_is_an_error() -> None:
    meeting = Meeting("m", dt.date(2024, 3, 13), dt.time(9), "UTC",
                      [Item("a", minutes=5, translations={"ko": {"title": "가"}})])
    codes = [p.code for p in agenda.validate(meeting)]
    assert codes == ["original-translated"]


def test_the_reference_has_every_english_text() -> None:
    assert agenda.validate(agenda.reference_meeting()) == ()


# -- the command line ----------------------------------------------------------------


def test_table_lang_en_prints_the_translations(runner: CliRunner,
                                               reference_spec_path: Path) -> None:
    result = runner.invoke(cli, ["table", str(reference_spec_path), "--lang", "en",
                                 "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "| 14:32–14:57 (25 min) | Discussion |" in result.stdout
    assert "토론" not in result.stdout
    korean = runner.invoke(cli, ["table", str(reference_spec_path), "--format", "markdown"])
    assert "| 14:32~14:57 ('25) | 토론 |" in korean.stdout


def test_the_meeting_language_is_the_default_of_tables(runner: CliRunner,
                                                       tmp_path: Path) -> None:
    spec = tmp_path / "en.toml"
    spec.write_text(SPEC.replace("[meeting]\n", '[meeting]\nlanguage = "en"\n').replace(
        'title = "맺음말씀"', 'title = "Closing"'), "utf-8")
    result = runner.invoke(cli, ["table", str(spec), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert "| Category |" not in result.stdout and "| Time | Item | Notes |" in result.stdout
    assert "Discussion" in result.stdout
    korean = runner.invoke(cli, ["table", str(spec), "--format", "markdown", "--lang", "ko"])
    assert "| 시간 | 내용 | 비고 |" in korean.stdout and "토론" in korean.stdout


def test_ics_lang_en_keeps_the_uids(runner: CliRunner, reference_spec_path: Path) -> None:
    now = "2024-03-01T00:00:00Z"
    base = ["ics", str(reference_spec_path), "--items", "--now", now]
    korean = agenda.from_ics(runner.invoke(cli, base).stdout_bytes)
    result = runner.invoke(cli, [*base, "--lang", "en"])
    assert result.exit_code == 0, result.output
    english = agenda.from_ics(result.stdout_bytes)
    assert [e.uid for e in english.events] == [e.uid for e in korean.events]
    assert english.by_path(("discussion",)).summary == "Discussion"
    assert korean.by_path(("discussion",)).summary == "토론"
    bad = runner.invoke(cli, [*base, "--lang", "not a tag"])
    assert bad.exit_code == 2 and "language tag" in bad.output


def test_check_prints_the_missing_translation_warning(runner: CliRunner,
                                                      tmp_path: Path) -> None:
    spec = tmp_path / "partial.toml"
    spec.write_text(SPEC, "utf-8")
    result = runner.invoke(cli, ["check", "--lang", "en", str(spec)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ")
    assert 'warning: line 12: 2 "맺음말씀": has no en text for its title' in result.stderr


# -- rooms and tracks in several languages --------------------------------------------------
ROOMS = """\
[meeting]
title = { ko = "워크숍", en = "Workshop" }
date = 2025-03-03
start = 10:00:00
timezone = "Asia/Seoul"

[[items]]
title = { ko = "세션", en = "Sessions" }
parallel = true

[[items.items]]
title = { ko = "가 트랙", en = "Track A" }
room = { ko = "대회의실", en = "Main hall" }

[[items.items.items]]
title = { ko = "예산", en = "Budget" }
minutes = 30

[[items.items]]
title = { ko = "나 트랙", en = "Track B" }
room = { ko = "소회의실", en = "Small room" }

[[items.items.items]]
title = { ko = "감사", en = "Audit" }
minutes = 30
"""


def rooms_spec(tmp_path: Path) -> Path:
    spec = tmp_path / "rooms.toml"
    spec.write_text(ROOMS, "utf-8")
    return spec


def test_a_room_is_translated_like_every_text(tmp_path: Path, runner: CliRunner) -> None:
    meeting = agenda.load(rooms_spec(tmp_path))
    track = meeting.items[0].items[0]
    assert track.room == "대회의실" and track.translations.get("en", "room") == "Main hall"
    assert agenda.loads(agenda.dump_toml(meeting)) == meeting
    english = agenda.translate(agenda.layout(meeting), "en")
    assert [s.room for s in english if not s.is_block] == ["Main hall", "Small room"]
    table = runner.invoke(cli, ["table", str(rooms_spec(tmp_path)), "--lang", "en"]).stdout
    assert "Room: Main hall" in table and "대회의실" not in table
    assert "장소: 대회의실" in runner.invoke(cli, ["table", str(rooms_spec(tmp_path))]).stdout


def test_a_room_without_its_translation_is_a_missing_translation() -> None:
    meeting = Meeting("m", dt.date(2025, 3, 3), dt.time(10), "Asia/Seoul", [
        Item("a", minutes=30, room="홀", translations={"en": {"title": "A"}})],
        translations={"en": {"title": "M"}})
    [warning] = agenda.validate(meeting)
    assert (warning.code, warning.facts["fields"]) == ("missing-translation", ("room",))


def test_ics_track_takes_the_tracks_translated_title(tmp_path: Path,
                                                     runner: CliRunner) -> None:
    """--track with --lang en refused the English title of the track."""
    spec = str(rooms_spec(tmp_path))
    now = ["--now", "2025-01-01T00:00:00Z"]
    english = runner.invoke(cli, ["ics", spec, "--track", "Track A", "--lang", "en", *now])
    assert english.exit_code == 0, english.output
    korean = runner.invoke(cli, ["ics", spec, "--track", "가 트랙", *now])
    uids = [line for line in english.stdout.splitlines() if line.startswith("UID:")]
    assert uids == [line for line in korean.stdout.splitlines() if line.startswith("UID:")]
    assert "SUMMARY:Budget" in english.stdout and "LOCATION:Main hall" in english.stdout
    assert "NAME:Workshop (Track A)" in english.stdout.splitlines()
    assert "NAME:워크숍 (가 트랙)" in korean.stdout.splitlines()
    unknown = runner.invoke(cli, ["ics", spec, "--track", "Track Z", *now])
    assert unknown.exit_code == 2
    assert 'no track is called "Track Z"; the tracks: 가 트랙, 나 트랙' in unknown.stderr


def test_an_audience_feed_is_named_for_its_audience() -> None:
    """An audience's feed had the same calendar NAME as the whole feed."""
    meeting = Meeting("Board", dt.date(2025, 3, 3), dt.time(10), "Asia/Seoul",
                      [Item("a", minutes=30, audience=["press"]), Item("b", minutes=30)])
    table = agenda.layout(meeting)
    whole = agenda.to_ics(table, items=True, now="2025-01-01T00:00:00Z").decode()
    press = agenda.to_ics(table, items=True, audience="press",
                          now="2025-01-01T00:00:00Z").decode()
    assert "NAME:Board\r\n" in whole and "NAME:Board (press)\r\n" in press
    named = agenda.to_ics(table, items=True, audience="press", name="Press",
                          now="2025-01-01T00:00:00Z").decode()
    assert "NAME:Press\r\n" in named


def test_schedule_lang_writes_the_texts_and_keeps_every_guid(tmp_path: Path,
                                                             runner: CliRunner) -> None:
    """agenda schedule had no --lang."""
    spec = str(rooms_spec(tmp_path))
    korean = runner.invoke(cli, ["schedule", spec, "--format", "json"])
    english = runner.invoke(cli, ["schedule", spec, "--format", "json", "--lang", "en"])
    assert english.exit_code == 0, english.output
    ko = json.loads(korean.stdout)["schedule"]["conference"]
    en = json.loads(english.stdout)["schedule"]["conference"]
    assert [r["name"] for r in en["rooms"]] == ["Main hall", "Small room"]
    assert [r["guid"] for r in en["rooms"]] == [r["guid"] for r in ko["rooms"]]
    events = [e for day in en["days"] for room in day["rooms"].values() for e in room]
    assert sorted(e["title"] for e in events) == ["Audit", "Budget"]
    assert sorted(e["guid"] for e in events) == sorted(
        e["guid"] for day in ko["days"] for room in day["rooms"].values() for e in room)
    xml = runner.invoke(cli, ["schedule", spec, "--lang", "en"]).stdout
    assert "<title>Workshop</title>" in xml


def test_a_series_with_an_occurrence_of_its_own_items_translates() -> None:
    """A translated feed of a series whose late Monday has its own items failed: the
    view left the override's items untranslated, and laying out that day refused a
    translation into the view's own language."""
    weekly = Meeting("주간회의", dt.date(2025, 3, 3), dt.time(10), "Asia/Seoul", [
        Item("추진 현황", minutes=35, id="progress", translations={"en": {"title": "Progress"}}),
        Item("토론", min_minutes=10, id="discussion",
             translations={"en": {"title": "Discussion"}})],
        end=dt.time(11), repeat="FREQ=WEEKLY;COUNT=4", translations={"en": {"title": "Weekly"}})
    late = agenda.running_late(weekly, "10:00", late_by=12, absorb=["discussion"],
                               on="2025-03-10").meeting
    table = agenda.layout(late)
    english = agenda.to_ics(agenda.translate(table, "en"), items=True, now="2025-01-01T00:00:00Z")
    korean = agenda.to_ics(table, items=True, now="2025-01-01T00:00:00Z")

    def uids(feed: bytes) -> list[str]:
        return [line for line in feed.decode().splitlines()
                if line.startswith(("UID:", "RECURRENCE-ID"))]

    assert uids(english) == uids(korean)
    assert "SUMMARY:Discussion" in english.decode()


def test_a_wrong_original_text_names_its_line_and_only_its_type() -> None:
    with pytest.raises(agenda.SpecError) as caught:
        agenda.load_toml(SPEC.replace('title = { ko = "정책협의", en = "Policy consultation" }',
                                      'title = { ko = 5, en = "Policy consultation" }'))
    assert [(p.code, p.line) for p in caught.value.problems] == [("wrong-type", 2)]
    assert str(caught.value) == 'line 2: [meeting]: "title.ko" must be a string, got 5'


def test_a_dotted_text_key_names_its_own_line() -> None:
    dotted = SPEC.replace('title = { ko = "토론", en = "Discussion" }',
                          'title.ko = 5\ntitle.en = "Discussion"')
    with pytest.raises(agenda.SpecError) as caught:
        agenda.load_toml(dotted)
    assert [(p.code, p.line, p.facts["key"]) for p in caught.value.problems] == [
        ("wrong-type", 8, "title.ko")]
    assert "has no" not in str(caught.value)
