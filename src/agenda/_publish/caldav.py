"""Publishing into a CalDAV calendar (Radicale, Nextcloud, SOGo, Baikal, iCloud...).

The server state is a set of calendar objects, one per UID (RFC 4791, 4.1): a single
event, or a series (its VEVENT with the RRULE) together with every RECURRENCE-ID event
of that UID, with the VTIMEZONEs they need, named after the UID. A run reads what the
calendar holds (ETag and every event of each object of this meeting), regenerates the
feed against it (so SEQUENCE and stamps follow the rules of :func:`agenda.to_ics`),
groups the feed's events by UID and then only PUTs the objects that changed:

- a new object with ``If-None-Match: *`` (created);
- a changed one with ``If-Match: <etag read>`` (updated): the ETag guards the whole
  object, so a change of one occurrence (an override added, changed or removed) is an
  update of its series' object, and an override that is gone leaves the object without
  it, which restores the series' own occurrence. When someone changed the object on
  the server in between, the server answers 412 and it is reported as a conflict,
  never overwritten;
- an object whose item left the agenda is PUT as CANCELLED, or deleted (with If-Match)
  when `delete_removed` says so (also when an earlier run had cancelled it);
- everything else is left alone (unchanged): a second run with no change sends no PUT.

Since each run starts from what the server holds, a run that was interrupted (the
server went down half-way) is completed by the next one, without duplicates. HTTP is
the ``caldav`` package's client; credentials go to it alone and appear in no message.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import importlib
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import attrs
from icalendar import Calendar, Event

from .._ical.feed import to_ics
from .._ical.names import PRODID
from .._layout import layout
from .._model import Meeting
from .._problems import AgendaError

__all__ = ["CalDAVError", "CalDAVResult", "Conflict", "publish_caldav"]

_DAV = "{DAV:}"
_CAL = "{urn:ietf:params:xml:ns:caldav}"
_QUERY = """<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter>
  </C:filter>
</C:calendar-query>"""
_MKCALENDAR = """<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>{name}</D:displayname>
  <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>
  </D:prop></D:set>
</C:mkcalendar>"""


class CalDAVError(AgendaError, OSError):
    """The calendar cannot be reached or used: down, timing out, refusing the
    credentials (`status` 401) or answering what a CalDAV server should not.
    The message names the calendar without credentials."""

    def __init__(self, reason: str, url: str, status: int | None = None) -> None:
        self.reason = reason
        self.url = url
        self.status = status
        super().__init__(f"{url}: {reason}")


@attrs.frozen
class Conflict:
    """A calendar object changed on the server since it was read (412): left as the
    server has it. `uid` is its UID, `title` its event's summary."""

    uid: str
    title: str


@attrs.frozen
class CalDAVResult:
    """What a run did to the calendar objects, one per UID (a series with its changed
    occurrences is one): created, updated, cancelled, deleted, left unchanged, and the
    conflicts (each object counts once)."""

    created: int = 0
    updated: int = 0
    cancelled: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: tuple[Conflict, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated, "cancelled": self.cancelled,
                "deleted": self.deleted, "unchanged": self.unchanged,
                "conflicts": [{"uid": c.uid, "title": c.title} for c in self.conflicts]}


@attrs.frozen
class _Stored:
    """One calendar object on the server: where it is, its ETag, and its events (a
    series' VEVENT and its RECURRENCE-ID events share one UID and one object)."""

    href: str
    etag: str | None
    events: tuple[Event, ...]

    @property
    def uid(self) -> str:
        return str(self.events[0].get("UID", ""))


def _public(url: str) -> str:
    """The URL without user name or password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, ""))


@functools.cache
def _timeouts() -> tuple[type[BaseException], ...]:
    """The exceptions that mean the server was too slow: the socket's, and the Timeout
    of the HTTP library the CalDAV client uses (niquests, else requests)."""
    found: list[type[BaseException]] = [TimeoutError]
    for name in ("niquests.exceptions", "requests.exceptions"):
        with contextlib.suppress(ImportError):
            found.append(importlib.import_module(name).Timeout)
    return tuple(found)


class _Server:
    """The calendar collection, through caldav's client; every failure a CalDAVError."""

    def __init__(self, url: str, user: str | None, password: str | None, timeout: float) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self.public = _public(self.url)
        try:
            from caldav.davclient import DAVClient
        except ImportError:
            raise CalDAVError("publishing into CalDAV needs the caldav package "
                              "(pip install 'agenda[caldav]')", self.public) from None
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CalDAVError("not an http(s) URL of a calendar", self.public)
        user = user if user is not None else parts.username
        password = password if password is not None else parts.password
        self.client = DAVClient(url=_public(self.url), username=user, password=password,
                                timeout=int(timeout) or 1, enable_rfc6764=False)

    def call(self, method: str, url: str, body: str = "",
             headers: dict[str, str] | None = None) -> Any:
        from caldav.lib import error

        try:
            return self.client.request(url, method, body, headers or {})
        except error.AuthorizationError as exc:
            status = getattr(exc, "status", None) or 401
            raise CalDAVError("the server refused the credentials" if status == 401 else
                              "the server refused access", self.public, status) from None
        except error.DAVError as exc:
            raise CalDAVError(f"the server answered an error ({type(exc).__name__})",
                              self.public) from None
        except _timeouts():
            raise CalDAVError("the server did not answer in time", self.public) from None
        except OSError:  # the HTTP library's errors (all OSErrors) and the socket's: down
            raise CalDAVError("cannot connect to the server", self.public) from None

    def ensure(self, name: str) -> None:
        """Create the calendar collection when it is missing."""
        found = self.call("PROPFIND", self.url, "", {"Depth": "0"})
        if found.status == 404:
            body = _MKCALENDAR.format(name=_xml_text(name))
            made = self.call("MKCALENDAR", self.url, body,
                             {"Content-Type": "application/xml; charset=utf-8"})
            if made.status == 409:
                parent = _public(urljoin(self.url, ".."))
                raise CalDAVError(
                    f"cannot create the calendar (HTTP 409): the collection it would be made "
                    f"in, {parent}, does not exist on the server (most servers, Radicale "
                    "among them, make a user's principal collection at the first login); "
                    "check the user name and the path in the URL, or create that collection "
                    "first", self.public, made.status)
            if made.status not in (200, 201):
                raise CalDAVError(f"cannot create the calendar (HTTP {made.status})",
                                  self.public, made.status)
        elif found.status >= 400:
            raise CalDAVError(f"not a calendar (HTTP {found.status})", self.public,
                              found.status)

    def objects(self) -> Iterator[_Stored]:
        """Every calendar object with VEVENTs, with its href, ETag and events."""
        found = self.call("REPORT", self.url, _QUERY,
                          {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        if found.status != 207:
            raise CalDAVError(f"cannot list the calendar (HTTP {found.status})", self.public,
                              found.status)
        raw = found.raw if isinstance(found.raw, bytes) else str(found.raw).encode("utf-8")
        for response in ET.fromstring(raw).iter(f"{_DAV}response"):
            href = response.findtext(f"{_DAV}href")
            data = response.findtext(f".//{_CAL}calendar-data")
            if not href or not data:
                continue
            etag = response.findtext(f".//{_DAV}getetag")
            try:
                calendar = Calendar.from_ical(data)
            except ValueError:
                continue  # someone else's broken object: not ours to touch
            events = tuple(e for e in calendar.walk("VEVENT") if isinstance(e, Event))
            if events:
                yield _Stored(urljoin(self.url, href), etag, events)


def _name(uid: str) -> str:
    """The object's name: its UID, "/" (which no server takes in a name) as "+" (which
    no UID agenda writes holds), then ``.ics``."""
    return quote(uid.replace("/", "+"), safe="@+-._~") + ".ics"


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _ours(uid: str, meeting_uid: str) -> bool:
    """Whether `uid` is one of the meeting's: the meeting's own, an item's
    (``key/hash@domain``) or one occurrence's alone (``key-YYYYMMDD@domain``, see
    :func:`agenda._ical.names.occurrence_uid`)."""
    base, _, domain = meeting_uid.rpartition("@")
    pattern = re.escape(base) + r"(?:/[^@]+)?(?:-\d{8})?@" + re.escape(domain)
    return re.fullmatch(pattern, uid) is not None


def _feed_of(events: list[Event]) -> bytes:
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("X-AGENDA-FEED", "1")
    for event in events:
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _zones_of(event: Event) -> set[str]:
    """The TZIDs an event's times name (start, end, RECURRENCE-ID, EXDATE, RDATE)."""
    found: set[str] = set()
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"):
        values = event.get(name)
        for value in values if isinstance(values, list) else [values]:
            tzid = getattr(value, "params", {}).get("TZID") if value is not None else None
            if tzid:
                found.add(str(tzid))
    return found


def _object(events: list[Event], feed: Calendar) -> str:
    """One calendar object: the events of one UID (a series first, then its
    RECURRENCE-ID events) and the VTIMEZONEs of their TZIDs."""
    calendar = Calendar()
    for name in ("PRODID", "VERSION", "CALSCALE"):
        if name in feed:
            calendar[name] = feed[name]
    zones = set().union(*(_zones_of(event) for event in events))
    for zone in feed.timezones:
        if str(zone["TZID"]) in zones:
            calendar.add_component(zone)
    for event in events:
        calendar.add_component(event)
    return bytes(calendar.to_ical()).decode("utf-8")


def _contents(events: Iterable[Event]) -> dict[tuple[str, str], list[str]]:
    """(UID, RECURRENCE-ID) → the event's content lines, sorted: what an object holds."""
    out: dict[tuple[str, str], list[str]] = {}
    for event in events:
        rid = event.get("RECURRENCE-ID")
        key = (str(event.get("UID", "")),
               "" if rid is None else bytes(rid.to_ical()).decode("utf-8"))
        out[key] = sorted(str(event.content_line(k, v))
                          for k, v in event.property_items(recursive=False))
    return out


def _by_uid(feed: Calendar) -> dict[str, list[Event]]:
    """The feed's events grouped into objects: UID → its events, the series (or the
    single event) first."""
    objects: dict[str, list[Event]] = {}
    for event in feed.walk("VEVENT"):
        assert isinstance(event, Event)
        objects.setdefault(str(event["UID"]), []).append(event)
    for events in objects.values():
        events.sort(key=lambda e: "RECURRENCE-ID" in e)
    return objects


def publish_caldav(meeting: Meeting, url: str, *, now: _dt.datetime, user: str | None = None,
                   password: str | None = None, delete_removed: bool = False,
                   uid_domain: str | None = None, timeout: float = 30.0,
                   progress: Callable[[str, str], None] | None = None) -> CalDAVResult:
    """Publish `meeting` (meeting event and item events; a series with its changed
    occurrences) into the calendar at `url`, one calendar object per UID (see the
    module). `password` and `user` may also come in the URL. `progress` is called with
    (action, UID) after each request that changed the server.

    Raises :class:`agenda.InvalidAgenda` for an invalid agenda and :class:`CalDAVError`
    when the server is down, too slow, refuses the credentials or the calendar.
    """
    timetable = layout(meeting)
    server = _Server(url, user, password, timeout)
    server.ensure(meeting.title)
    domain_probe = to_ics(timetable, now=now, uid_domain=uid_domain)
    meeting_uid = str(Calendar.from_ical(domain_probe).walk("VEVENT")[0]["UID"])
    stored: dict[str, _Stored] = {}
    for found in server.objects():
        if _ours(found.uid, meeting_uid):
            stored.setdefault(found.uid, found)
    previous = (_feed_of([e for s in stored.values() for e in s.events if
                          str(e.get("UID", "")) == s.uid]) if stored else None)
    feed = Calendar.from_ical(to_ics(timetable, items=True, previous=previous, now=now,
                                     uid_domain=uid_domain))
    counts = {"created": 0, "updated": 0, "cancelled": 0, "deleted": 0, "unchanged": 0}
    conflicts: list[Conflict] = []
    for uid, events in _by_uid(feed).items():
        old = stored.get(uid)
        cancelled = str(events[0].get("STATUS", "")).upper() == "CANCELLED"
        if cancelled and delete_removed:
            if old is None:
                continue
            action = "deleted"
            answer = server.call("DELETE", old.href, "",
                                 {"If-Match": old.etag} if old.etag else {})
        elif old is not None and _contents(old.events) == _contents(events):
            counts["unchanged"] += 1
            continue
        else:
            action = "created" if old is None else "cancelled" if cancelled else "updated"
            href = old.href if old is not None else urljoin(server.url, _name(uid))
            condition = ({"If-None-Match": "*"} if old is None else
                         {"If-Match": old.etag} if old.etag else {})
            answer = server.call("PUT", href, _object(events, feed),
                                 {"Content-Type": "text/calendar; charset=utf-8", **condition})
        if answer.status == 412:
            conflicts.append(Conflict(uid, str(events[0].get("SUMMARY", ""))))
            continue
        if answer.status >= 400:
            raise CalDAVError(f"the server refused to store an event (HTTP {answer.status})",
                              server.public, answer.status)
        counts[action] += 1
        if progress is not None:
            progress(action, uid)
    return CalDAVResult(**counts, conflicts=tuple(conflicts))


def password_from(variable: str | None) -> str | None:
    """The password held by an environment variable (None when no variable is named)."""
    if variable is None:
        return None
    value = os.environ.get(variable)
    if value is None:
        raise CalDAVError(f"the environment variable {variable} is not set", "--password-env")
    return value
