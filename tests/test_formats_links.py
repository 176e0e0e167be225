"""Links in every table format and in the conference-app schedule: shown where the
agenda gives them, escaped, and read back as the same addresses by independent parsers."""

from __future__ import annotations

import csv
import html.parser
import io
import json
from collections import Counter
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from markdown_it import MarkdownIt

import agenda
from agenda import Item, Material, Meeting
from agenda._formats.csv import neutralise
from agenda._formats.sheet import page
from agenda._links import as_uri, has_links, join_links, links_of
from agenda._schedule import _guid
from strategies import linked_meetings
from test_links import SPEC
from test_schedule import check, events

FEWER = settings(max_examples=max(10, settings().max_examples // 2))
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def every_link(timetable: agenda.Timetable) -> list[tuple[str, str]]:
    """(url, shown text) of every link the meeting and its items give themselves."""
    values: list[Item | Meeting] = [timetable.meeting, *(slot.item for slot in timetable)]
    return [(link.url, link.title if link.title is not None else link.url)
            for value in values for link in links_of(value)]


class Anchors(html.parser.HTMLParser):
    """Every ``<a>`` of a document: its attributes and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[dict[str, str | None], str]] = []
        self._open: dict[str, str | None] | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open, self._text = dict(attrs), ""

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            self.found.append((self._open, self._text))
            self._open = None


def anchors(document: str) -> list[tuple[dict[str, str | None], str]]:
    parser = Anchors()
    parser.feed(document)
    return parser.found


@FEWER
@given(linked_meetings())
def test_html_links_every_address_escaped_with_noopener(meeting: Meeting) -> None:
    timetable = agenda.layout(meeting)
    found = anchors(agenda.to_html(timetable))
    assert all(attributes.get("rel") == "noopener" for attributes, _ in found)
    assert Counter((a["href"], text) for a, text in found) == Counter(
        (as_uri(url), shown) for url, shown in every_link(timetable))


@FEWER
@given(linked_meetings())
def test_markdown_links_read_back_as_the_same_addresses(meeting: Meeting) -> None:
    """markdown-it (CommonMark and GFM tables) reads each link with its text and the
    URI as its destination; no address breaks a table row."""
    timetable = agenda.layout(meeting)
    document = agenda.to_markdown(timetable)
    tokens = MARKDOWN.parse(document)
    links: list[tuple[str, str]] = []
    rows = 0
    for token in tokens:
        rows += token.type == "tr_open"
        children = token.children or []
        for k, child in enumerate(children):
            if child.type == "link_open":
                end = next(j for j in range(k + 1, len(children))
                           if children[j].type == "link_close")
                text = "".join(c.content for c in children[k + 1:end])
                links.append((str(child.attrs["href"]), text))
    assert rows == len(agenda.layout(meeting)) + 1  # the header row and one per slot
    assert Counter(links) == Counter(
        (MARKDOWN.normalizeLink(as_uri(url)), shown) for url, shown in every_link(timetable))


@FEWER
@given(linked_meetings())
def test_text_lists_every_link_under_its_item(meeting: Meeting) -> None:
    timetable = agenda.layout(meeting)
    text = agenda.to_text(timetable, width=600)
    for url, shown in every_link(timetable):
        assert url in text
        assert shown in text


@FEWER
@given(linked_meetings())
def test_csv_and_json_carry_links_as_fields(meeting: Meeting) -> None:
    assume(has_links(meeting))  # (without links: test_tables_without_links_keep_their_columns)
    timetable = agenda.layout(meeting)
    joins = join_links(timetable)
    rows = list(csv.DictReader(io.StringIO(agenda.to_csv(timetable, lang="en"))))
    records = json.loads(agenda.render(timetable, "json"))
    assert len(rows) == len(records) == len(timetable)
    english = agenda.translate(timetable, "en")  # the CSV's view: titles in English
    for slot, shown, row, record in zip(timetable, english, rows, records, strict=True):
        item = slot.item
        materials = [{"title": m.title, "url": m.url} for m in item.materials]
        assert (record["url"], record["online"], record["materials"]) == (
            item.url, joins[slot.path], materials)
        assert row["url"] == (item.url or "")
        assert row["online"] == (joins[slot.path] or "")
        assert row["materials"] == neutralise(
            "\n".join(f"{m.title} <{m.url}>" for m in shown.item.materials))


def test_tables_without_links_keep_their_columns() -> None:
    timetable = agenda.layout(agenda.reference_meeting())
    assert "url" not in agenda.to_csv(timetable, lang="en").splitlines()[0]
    assert "online" not in json.loads(agenda.render(timetable, "json"))[0]


def test_a_gap_row_joins_nothing() -> None:
    meeting = Meeting("m", "2025-03-13", "09:00", "Asia/Seoul", [
        Item("a", minutes=10), Item("b", minutes=10, at="09:30", kind="break")],
        online="https://meet.example.org/j/1")
    rows = list(csv.DictReader(io.StringIO(agenda.to_csv(agenda.layout(meeting), lang="en"))))
    assert [(row["no"], row["online"]) for row in rows] == [
        ("1", "https://meet.example.org/j/1"), ("", ""), ("2", "https://meet.example.org/j/1")]


HOSTILE = Meeting("m", "2025-03-13", "09:00", "Asia/Seoul", [
    Item("a", minutes=10, url="https://e.org/a?x=1&y=2",
         materials=[Material('<script>alert("x")</script> | *b* `c`',
                             "https://e.org/(x)|`y`_&amp;")])])


def test_titles_and_addresses_are_escaped_in_html_and_markdown() -> None:
    timetable = agenda.layout(HOSTILE)
    document = agenda.to_html(timetable)
    assert "<script>" not in document
    found = anchors(document)
    assert ({"href": "https://e.org/(x)|`y`_&amp;", "rel": "noopener", "class": "material"},
            '<script>alert("x")</script> | *b* `c`') in found
    assert ({"href": "https://e.org/a?x=1&y=2", "rel": "noopener"}, "https://e.org/a?x=1&y=2"
            ) in found
    rendered = MARKDOWN.render(agenda.to_markdown(timetable))
    assert "<script>" not in rendered
    assert anchors(rendered)[1] == (
        {"href": MARKDOWN.normalizeLink("https://e.org/(x)|`y`_&amp;")},
        '<script>alert("x")</script> | *b* `c`')


def test_the_office_page_lists_links_under_the_item_and_the_header() -> None:
    sheet = page(agenda.layout(agenda.loads(SPEC)), "en")
    assert sheet.facts[1:] == (("Link", "https://example.org/ws"),
                               ("Join online", "https://meet.example.org/j/1"),
                               ("Material", "Handbook <https://example.org/h.pdf>"))
    texts = [cell.text for cell in sheet.sections[0].table.cells if cell.kind == "item"]
    assert texts == [
        "Talk\nLink: https://example.org/talk\nMaterial: Slides <https://example.org/s.pdf>",
        "Breakouts\nJoin online: https://meet.example.org/j/2",
        "09:30–09:40 A",
        "09:40–09:50 B\nJoin online: https://meet.example.org/j/3"]
    rooms = page(agenda.layout(attrs.evolve(agenda.loads(SPEC), items=[
        *agenda.loads(SPEC).items[:1], attrs.evolve(agenda.loads(SPEC).items[1], room="Hall")])),
        "en")
    cells = "\n".join(c.text for s in rooms.sections for c in s.table.cells)
    for line in ("Link: https://example.org/talk", "Join online: https://meet.example.org/j/2",
                 "Join online: https://meet.example.org/j/3"):
        assert line in cells


@pytest.mark.parametrize("fmt", ["docx", "hwpx"])
def test_office_documents_hold_the_link_lines(fmt: str) -> None:
    import zipfile

    data = agenda.render(agenda.layout(agenda.loads(SPEC)), fmt)
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                      if name.endswith(".xml"))
    for text in ("온라인 참여: https://meet.example.org/j/3",
                 "자료: 슬라이드 &lt;https://example.org/s.pdf&gt;", "https://example.org/ws"):
        assert text in xml


def test_the_pdf_links_every_address() -> None:
    from pypdf import PdfReader

    from agenda._formats import pdf as pdf_module

    if not pdf_module.korean_fonts():
        pytest.skip("no Korean font")
    data = agenda.to_pdf(agenda.layout(agenda.loads(SPEC)))
    uris = {annotation.get_object()["/A"]["/URI"] for p in PdfReader(io.BytesIO(data)).pages
            for annotation in p.get("/Annots", [])}
    assert uris == {url for url, _ in every_link(agenda.layout(agenda.loads(SPEC)))}


def schedule_links(event: dict[str, Any]) -> tuple[object, ...]:
    return (event["url"], event["links"], event.get("attachments", []))


@FEWER
@given(linked_meetings())
def test_the_schedule_fills_url_links_and_attachments(meeting: Meeting) -> None:
    """Both forms stay valid against the published schemas (the addresses as URIs) and
    carry each event's page, join link and materials."""
    timetable = agenda.layout(meeting)
    data = check(timetable)
    joins = join_links(timetable)
    by_title = {}
    for slot in timetable:
        if not slot.is_block:
            by_title[slot.path] = slot
    found = events(data)
    assert len(found) == len(by_title)
    guid = {str(_guid(meeting.key, path)): slot for path, slot in by_title.items()}
    label = agenda.LABELS[meeting.language].online
    for event in found:
        slot = guid[event["guid"]]
        item = slot.item
        assert event["url"] == (as_uri(item.url) if item.url is not None
                                else f"urn:uuid:{event['guid']}")
        online = joins[slot.path]
        assert event["links"] == ([{"url": as_uri(online), "title": label}]
                                  if online is not None else [])
        assert event.get("attachments", []) == [
            {"url": as_uri(m.url), "title": m.title} for m in item.materials]
    conference = data["schedule"]["conference"]
    assert conference.get("url") == (as_uri(meeting.url) if meeting.url else None)


def test_the_schedule_xml_writes_links_attachments_and_the_page() -> None:
    import xml.etree.ElementTree as ET

    document = agenda.to_schedule_xml(agenda.layout(agenda.loads(SPEC)))
    root = ET.fromstring(document)
    assert root.findtext("conference/url") == "https://example.org/ws"
    talk = next(e for e in root.iter("event") if e.findtext("title") == "발표")
    assert talk.findtext("url") == "https://example.org/talk"
    assert [(link.get("href"), link.text) for link in talk.iter("link")] == [
        ("https://meet.example.org/j/1", "온라인 참여")]
    assert [(a.get("href"), a.text) for a in talk.iter("attachment")] == [
        ("https://example.org/s.pdf", "슬라이드")]
    other = next(e for e in root.iter("event") if e.findtext("title") == "나")
    assert other.find("url") is None and other.find("attachments") is None
