"""A feed regenerated over its previous version (`agenda.update_feed`): the bytes,
whether they changed, and the notices the command prints, as values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import agenda
from agenda.cli import cli

NOW = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)


@pytest.fixture
def timetable(reference_spec_path: Path) -> agenda.Timetable:
    return agenda.layout(agenda.load(reference_spec_path))


def test_an_unchanged_feed_is_the_previous_one_byte_for_byte(
        timetable: agenda.Timetable) -> None:
    previous = agenda.to_ics(timetable, items=True, now=NOW)
    for old in (previous, previous.decode("utf-8")):
        update = agenda.update_feed(timetable, old, items=True, now=NOW + dt.timedelta(days=1))
        assert update == agenda.FeedUpdate(previous, changed=False)


def test_a_changed_agenda_changes_the_feed(timetable: agenda.Timetable) -> None:
    previous = agenda.to_ics(timetable, items=True, now=NOW)
    later = agenda.layout(agenda.shift(timetable.meeting, by=10))
    update = agenda.update_feed(later, previous, items=True, now=NOW + dt.timedelta(days=1))
    assert update.changed
    assert update.data == agenda.to_ics(later, items=True, previous=previous,
                                        now=NOW + dt.timedelta(days=1))
    assert update.notices == ()


@pytest.mark.parametrize("previous", [None, b"", b" \r\n", ""])
def test_no_previous_feed_is_a_fresh_one(timetable: agenda.Timetable,
                                         previous: bytes | str | None) -> None:
    update = agenda.update_feed(timetable, previous, now=NOW)
    assert update == agenda.FeedUpdate(agenda.to_ics(timetable, now=NOW), changed=True)


def test_the_notices_of_an_update(timetable: agenda.Timetable) -> None:
    previous = agenda.to_ics(timetable, items=True, now=NOW)
    update = agenda.update_feed(timetable, previous, now=NOW - dt.timedelta(days=1))
    assert [(n.code, n.warning) for n in update.notices] == [
        ("feed-items-cancelled", True), ("feed-now-earlier", False)]
    cancelled, earlier = update.notices
    assert cancelled.facts == {"count": 10}
    assert cancelled.text("en") == ("warning: the previous feed has 10 item event(s); "
                                    "without --items they are cancelled")
    assert cancelled.text("ko") == ("경고: 이전 피드에 항목 이벤트가 10개 있습니다. "
                                    "--items 없이는 취소됩니다")
    assert earlier.text("en").startswith("note: --now 2024-02-29T09:00:00+00:00 is earlier "
                                         "than the previous feed's latest stamp "
                                         "2024-03-01T09:00:00+00:00")
    assert earlier.text("ko").startswith("참고: --now 2024-02-29T09:00:00+00:00은(는)")
    with pytest.raises(agenda.UnknownLanguage):
        earlier.text("fr")


def test_replacing_another_meetings_feed_says_so(timetable: agenda.Timetable) -> None:
    other = attrs.evolve(timetable.meeting, id="other", title="다른 회의")
    previous = agenda.to_ics(agenda.layout(other), now=NOW)
    with pytest.raises(agenda.FeedError):
        agenda.update_feed(timetable, previous, now=NOW)
    update = agenda.update_feed(timetable, previous, now=NOW, replace=True)
    [notice] = update.notices
    assert notice.text("en") == 'note: replacing the feed of "다른 회의"; its events are cancelled'
    assert notice == agenda.FeedNotice("feed-replacing", {"title": "다른 회의"})
    assert notice != agenda.FeedNotice("feed-replacing", {"title": "another"})


def test_the_command_prints_the_notices_and_leaves_an_unchanged_file(
        tmp_path: Path, reference_spec_path: Path) -> None:
    out = tmp_path / "m.ics"
    first = CliRunner().invoke(cli, ["ics", str(reference_spec_path), "--items", "-o",
                                     str(out), "--now", "2024-03-01T09:00:00Z"])
    assert first.exit_code == 0, first.output
    written = out.read_bytes()
    again = CliRunner().invoke(cli, ["ics", str(reference_spec_path), "-o", str(out),
                                     "--now", "2024-02-29T09:00:00Z"])
    assert again.exit_code == 0
    update = agenda.update_feed(agenda.layout(agenda.load(reference_spec_path)), written,
                                now=dt.datetime(2024, 2, 29, 9, tzinfo=dt.UTC))
    assert again.stderr.splitlines() == [n.text("en") for n in update.notices]
    assert out.read_bytes() == update.data != written
