"""Releases into a folder: versions, feeds per audience, changelog, nothing rewritten
when nothing changed."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import agenda
from agenda import Meeting, SiteError, publish_site
from agenda.cli import cli
from strategies import audience_meetings

T0 = dt.datetime(2024, 3, 4, 9, 0, tzinfo=dt.UTC)
T1 = dt.datetime(2024, 3, 11, 17, 30, tzinfo=dt.UTC)
T2 = dt.datetime(2024, 3, 12, 8, 0, tzinfo=dt.UTC)


def marked() -> Meeting:
    """The reference meeting with Busan's report for busan and the briefing for press."""
    meeting = agenda.reference_meeting()
    reports = meeting.items[3]
    busan = attrs.evolve(reports.items[0], audience=["busan"])
    briefing = attrs.evolve(meeting.items[4], audience=["press"])
    return attrs.evolve(meeting, items=[*meeting.items[:3],
                                        attrs.evolve(reports, items=[busan, *reports.items[1:]]),
                                        briefing, *meeting.items[5:]])


def swapped(meeting: Meeting) -> Meeting:
    reports = meeting.items[3]
    return attrs.evolve(meeting, items=[
        *meeting.items[:3], attrs.evolve(reports, items=[reports.items[1], reports.items[0],
                                                          *reports.items[2:]]),
        *meeting.items[4:]])


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder`: its bytes and modification time."""
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_publish_edit_publish(tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = publish_site(marked(), site, now=T0)
    assert (first.version, first.new) == (1, True)
    assert sorted(p.name for p in site.iterdir()) == [
        "agenda-busan.ics", "agenda-press.ics", "agenda.ics", "changes.json", "index.html",
        "live.html", "log.json", "timetable.json", "versions"]
    assert sorted(p.name for p in (site / "versions" / "0001").iterdir()) == [
        "agenda-busan.ics", "agenda-press.ics", "agenda.docx", "agenda.html", "agenda.hwpx",
        "agenda.ics", "agenda.json", "changes.en.txt", "changes.json", "changes.ko.txt"]
    assert agenda.load(site / "versions" / "0001" / "agenda.json") == marked()
    press = agenda.from_ics((site / "agenda-press.ics").read_bytes())
    assert "부산" not in [e.summary for e in press.items]
    assert "중기부·지자체 협업 방향" in [e.summary for e in press.items]
    v1 = snapshot(site / "versions" / "0001")

    second = publish_site(swapped(marked()), site, now=T1)
    assert (second.version, second.new) == (2, True)
    assert snapshot(site / "versions" / "0001") == v1  # a release is never rewritten
    assert (site / "versions" / "0002" / "changes.ko.txt").read_text("utf-8") == \
        second.changes.text("ko")
    assert second.changes.ko == ("강원: 순서 변경 4.2 → 4.1", "강원: 14:12~14:17 → 14:07~14:12",
                                 "부산: 14:07~14:12 → 14:12~14:17")
    assert second.changes.en[1] == "Gangwon: 14:12–14:17 → 14:07–14:12"  # titles in en
    released = json.loads((site / "versions" / "0002" / "changes.json").read_text("utf-8"))
    assert [c["kind"] for c in released["changes"]["changes"]] == ["moved", "retimed",
                                                                    "retimed"]
    assert first.changes.ko == () and first.changes.data == {"changes": []}
    history = json.loads((site / "changes.json").read_text("utf-8"))["releases"]
    assert [r["version"] for r in history] == [2, 1]
    assert history[0]["published"] == "2024-03-11T17:30:00Z"
    feed = agenda.from_ics((site / "agenda.ics").read_bytes())
    assert feed.by_path(("gangwon",)).sequence == 1
    assert feed.by_path(("chungbuk",)).sequence == 0
    page = (site / "index.html").read_text("utf-8")
    assert 'data-webcal="agenda-busan.ics"' in page and "versions/0002/agenda.html" in page


def test_an_unchanged_agenda_makes_no_release_and_touches_no_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(marked(), site, now=T0)
    publish_site(swapped(marked()), site, now=T1)
    before = snapshot(site)
    again = publish_site(swapped(marked()), site, now=T2)
    assert (again.version, again.new, again.written) == (2, False, ())
    assert snapshot(site) == before
    assert not [p for p in site.rglob("*") if p.name.endswith(".tmp")]


@settings(max_examples=max(10, settings().max_examples // 6),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(audience_meetings())
def test_publishing_twice_without_a_change_changes_nothing_on_disk(
        tmp_path: Path, meeting: Meeting) -> None:
    site = tmp_path / "site"
    shutil.rmtree(site, ignore_errors=True)
    publish_site(meeting, site, now=T0)
    before = snapshot(site)
    assert publish_site(meeting, site, now=T1).written == ()
    assert snapshot(site) == before
    names = {f"agenda-{a}.ics" for a in agenda.audiences(meeting)}
    assert names <= set(before)


def test_base_url_makes_absolute_webcal_links(tmp_path: Path) -> None:
    publish_site(marked(), tmp_path, now=T0, base_url="https://example.org/council/",
                 lang="en")
    page = (tmp_path / "index.html").read_text("utf-8")
    assert 'href="webcal://example.org/council/agenda-press.ics"' in page
    assert 'href="agenda-press.ics" download' in page
    assert "<script>" not in page


def test_a_folder_holding_another_feed_is_refused_untouched(tmp_path: Path) -> None:
    other = b"BEGIN:VCALENDAR\r\nPRODID:-//Other//EN\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    (tmp_path / "agenda.ics").write_bytes(other)
    with pytest.raises(agenda.FeedError):
        publish_site(marked(), tmp_path, now=T0)
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.ics"]
    assert (tmp_path / "agenda.ics").read_bytes() == other


def test_a_broken_changes_file_is_an_error_naming_it(tmp_path: Path) -> None:
    publish_site(marked(), tmp_path, now=T0)
    (tmp_path / "changes.json").write_text("{", encoding="utf-8")
    with pytest.raises(SiteError, match=r"changes\.json: not a changes\.json written by agenda"):
        publish_site(swapped(marked()), tmp_path, now=T1)


def test_the_command_line(tmp_path: Path) -> None:
    spec = tmp_path / "meeting.toml"
    spec.write_text(agenda.dump_toml(marked()), encoding="utf-8")
    site = tmp_path / "site"
    runner = CliRunner()
    first = runner.invoke(cli, ["publish", str(spec), "--dir", str(site), "--now",
                                "2024-03-04T09:00:00Z"])
    assert first.exit_code == 0, first.output
    assert first.output == f"published version 1 into {site} (18 files written)\n"
    spec.write_text(agenda.dump_toml(swapped(marked())), encoding="utf-8")
    second = runner.invoke(cli, ["publish", str(spec), "--dir", str(site), "--format", "json",
                                 "--now", "2024-03-11T17:30:00Z"])
    assert second.exit_code == 0, second.output
    data = json.loads(second.output)
    assert (data["version"], data["new"]) == (2, True) and data["changes"]["en"]
    third = runner.invoke(cli, ["publish", str(spec), "--dir", str(site)])
    assert third.output == "unchanged: version 2 is current; 0 files written\n"
    both = runner.invoke(cli, ["publish", str(spec)])
    assert both.exit_code == 2 and "one of --dir DIR and --caldav" in both.output


# -- a series -------------------------------------------------------------------------------
def weekly(**changes: object) -> Meeting:
    meeting = Meeting("주간회의", dt.date(2025, 3, 3), dt.time(10), "Asia/Seoul",
                      [agenda.Item("추진 현황", minutes=35, id="progress"),
                       agenda.Item("토론", min_minutes=10, id="discussion")],
                      end=dt.time(11), repeat="FREQ=WEEKLY;COUNT=23", id="weekly")
    return attrs.evolve(meeting, **changes)


S0 = dt.datetime(2025, 3, 30, 0, 0, tzinfo=dt.UTC)
S1 = dt.datetime(2025, 4, 7, 1, 30, tzinfo=dt.UTC)


def text_of(page: str) -> str:
    """The page's text, one space between words (tags and line breaks dropped)."""
    import re

    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_a_release_that_changes_only_an_override_has_its_changelog(tmp_path: Path) -> None:
    """It used to be released with empty changes and called the first publication."""
    site = tmp_path / "site"
    publish_site(weekly(), site, now=S0)
    late = agenda.running_late(weekly(), "10:00", late_by=12, absorb=["discussion"],
                               on="2025-04-07").meeting
    second = publish_site(late, site, now=S1)
    assert (site / "versions" / "0002" / "changes.ko.txt").read_text("utf-8") == (
        "2025-04-07 회의 “주간회의”: 10:00~11:00 → 10:12~11:00 (60분 → 48분)\n"
        "2025-04-07 추진 현황: 10:00~10:35 → 10:12~10:47\n"
        "2025-04-07 토론: 10:35~11:00 → 10:47~11:00 (25분 → 13분)\n")
    released = json.loads((site / "versions" / "0002" / "changes.json").read_text("utf-8"))
    assert released["changes"] == agenda.diff(agenda.layout(weekly()),
                                              agenda.layout(late)).as_dict()
    assert {c["date"] for c in released["changes"]["changes"]} == {"2025-04-07"}
    assert second.changes.en[-1] == "2025-04-07 토론: 10:35–11:00 → 10:47–11:00 (25 → 13 min)"
    page = text_of((site / "index.html").read_text("utf-8"))
    assert page.count("첫 게시") == 1 and "v1 2025-03-30 09:00 (Asia/Seoul) 첫 게시" in page


def test_a_later_release_without_a_visible_change_is_not_the_first(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(weekly(), site, now=S0)
    again = publish_site(weekly(weekday="월"), site, now=S1)  # the spec differs, no event
    assert (again.version, again.changes.ko) == (2, ())
    page = text_of((site / "index.html").read_text("utf-8"))
    assert "v2 2025-04-07 10:30 (Asia/Seoul) 구독자에게 보이는 변경 없음" in page
    assert page.count("첫 게시") == 1
    english = text_of(publish_site_page(weekly(), tmp_path / "en"))
    assert "first release" in english


def publish_site_page(meeting: Meeting, site: Path) -> str:
    publish_site(meeting, site, now=S0, lang="en")
    return (site / "index.html").read_text("utf-8")


def test_the_page_shows_a_series_as_a_series(tmp_path: Path) -> None:
    meeting = weekly(skip=["2025-05-05"], extra=["2025-05-07"], overrides=[
        agenda.Override("2025-04-07", start="14:00", end="15:00")])
    publish_site(meeting, tmp_path / "ko", now=S1)
    page = text_of((tmp_path / "ko" / "index.html").read_text("utf-8"))
    assert "반복: 매주 월요일, 23회" in page
    assert "건너뛰는 날짜: 2025-05-05 (월)" in page and "추가 날짜: 2025-05-07 (수)" in page
    assert ("다음 회의 2025-04-07 (월) 14:00~15:00 (바뀐 회의) 2025-04-14 (월) 10:00~11:00 "
            "2025-04-21 (월) 10:00~11:00 2025-04-28 (월) 10:00~11:00 "
            "2025-05-07 (수) 10:00~11:00") in page
    assert "바뀐 회의 주간회의 일시 2025-04-07(월) 14:00~15:00 (Asia/Seoul)" in page
    assert "14:00~14:35 ('35) 추진 현황" in page
    english = text_of(publish_site_page(meeting, tmp_path / "en"))
    assert "Repeats: every week on Monday, 23 times" in english
    assert "Skipped dates: 2025-05-05 (Mon)" in english
    assert ("Next meetings 2025-03-31 (Mon) 10:00–11:00 "
            "2025-04-07 (Mon) 14:00–15:00 (changed)") in english  # as of S0


def test_a_single_meeting_page_has_no_series_section(tmp_path: Path) -> None:
    publish_site(agenda.reference_meeting(), tmp_path, now=T0)
    assert "publish series" not in (tmp_path / "index.html").read_text("utf-8")


def _uids(feed: bytes) -> list[str]:
    return sorted(line.split(":", 1)[1] for line in feed.decode("utf-8").splitlines()
                  if line.startswith("UID:"))


@pytest.mark.parametrize("change", ["postponed", "renamed", "in English"])
def test_a_meeting_without_id_postponed_renamed_or_translated_is_a_normal_release(
        tmp_path: Path, change: str) -> None:
    meeting = attrs.evolve(marked(), id=None)
    first = publish_site(meeting, tmp_path, now=T0)
    before = (tmp_path / "agenda.ics").read_bytes()
    if change == "postponed":
        later = attrs.evolve(meeting, date=dt.date(2024, 3, 20))
    elif change == "renamed":
        later = attrs.evolve(meeting, title="정책협의 (연기)")
    else:  # the same meeting, its texts now written in English first
        later = agenda.loads(agenda.dump_toml(meeting).replace(
            "[meeting]\n", '[meeting]\nlanguage = "en"\n', 1))
    assert later.key != meeting.key
    release = publish_site(later, tmp_path, now=T1)
    assert (first.version, release.version, release.new) == (1, 2, True)
    after = (tmp_path / "agenda.ics").read_bytes()
    assert _uids(after) == _uids(before)  # the same events, updated in place
    if change == "postponed":
        assert release.changes.en[0].endswith("2024-03-13 14:00–15:00 → 2024-03-20 14:00–15:00")
        assert "DTSTART;TZID=Asia/Seoul:20240320T140000" in after.decode("utf-8")
        assert "SEQUENCE:1" in after.decode("utf-8")
    elif change == "renamed":
        assert any("renamed" in line for line in release.changes.en)
    assert publish_site(later, tmp_path, now=T2).written == ()  # and it stays current


def test_a_spec_of_another_id_is_refused_with_what_to_do(tmp_path: Path) -> None:
    publish_site(marked(), tmp_path, now=T0)
    before = snapshot(tmp_path)
    with pytest.raises(SiteError) as caught:
        publish_site(attrs.evolve(marked(), id="another-meeting"), tmp_path, now=T1)
    assert 'publishes the meeting "gis-policy-2024-03-13"' in str(caught.value)
    assert 'give it id = "gis-policy-2024-03-13"' in str(caught.value)
    assert "--replace" not in str(caught.value)
    assert snapshot(tmp_path) == before


def test_publish_after_postponing_exits_0(tmp_path: Path) -> None:
    spec = tmp_path / "meeting.toml"
    spec.write_text(agenda.dump_toml(attrs.evolve(marked(), id=None)), encoding="utf-8")
    site = tmp_path / "site"
    runner = CliRunner()
    assert runner.invoke(cli, ["publish", str(spec), "--dir", str(site)]).exit_code == 0
    spec.write_text(spec.read_text("utf-8").replace("date = 2024-03-13", "date = 2024-03-20"),
                    encoding="utf-8")
    moved = runner.invoke(cli, ["publish", str(spec), "--dir", str(site), "--lang", "en"])
    assert moved.exit_code == 0, moved.output
    assert "published version 2" in moved.output and "2024-03-20 14:00" in moved.output


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://example.org/",
                                 "example.org/council/", "https:///nohost"])
def test_a_base_url_that_is_not_http_is_refused(tmp_path: Path, url: str) -> None:
    with pytest.raises(ValueError, match="is not an http or https address"):
        publish_site(marked(), tmp_path / "site", now=T0, base_url=url)
    spec = tmp_path / "meeting.toml"
    spec.write_text(agenda.dump_toml(marked()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["publish", str(spec), "--dir", str(tmp_path / "site"),
                                      "--base-url", url])
    assert result.exit_code == 2
    assert "is not an http or https address" in result.output
    assert not (tmp_path / "site").exists()


def test_a_broken_feed_in_the_folder_is_named(tmp_path: Path) -> None:
    broken = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n"
    (tmp_path / "agenda.ics").write_bytes(broken)
    with pytest.raises(agenda.FeedError) as caught:
        publish_site(marked(), tmp_path, now=T0)
    assert str(caught.value).startswith(f"{tmp_path / 'agenda.ics'}: not valid iCalendar")
    assert (tmp_path / "agenda.ics").read_bytes() == broken
