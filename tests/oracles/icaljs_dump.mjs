// Read iCalendar files with Mozilla's ical.js (the parser inside Thunderbird) and
// print what it understood as JSON: one entry per file, one object per VEVENT with
// its UID, SUMMARY, the zone each time was resolved in, and start and end as UTC
// epoch seconds; a recurring event also lists its expanded occurrences (RRULE, RDATE and
// EXDATE by ical.js's iterator; an occurrence that a RECURRENCE-ID event of the same
// UID replaces has that event's times, as ical.js relates them), its STATUS, and `links`:
// its URL, its CONFERENCE (the URI, LABEL and FEATURE) and each ATTACH (the URI and
// FILENAME). Each file also lists every VEVENT as read: UID, RECURRENCE-ID (UTC epoch
// seconds), STATUS and SEQUENCE.
//
//   node icaljs_dump.mjs a.ics b.ics      (or a JSON list of paths on stdin)
//
// Exits 1 with a message on stderr when a file cannot be parsed.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const MAX_OCCURRENCES = 1000;

function zoneOf(time) {
  return time.zone ? time.zone.tzid : null;
}

function links(component) {
  const conference = component.getFirstProperty("conference");
  return {
    url: component.getFirstPropertyValue("url"),
    conference: conference ? {
      uri: conference.getFirstValue(),
      label: conference.getParameter("label"),
      feature: conference.getParameter("feature"),
    } : null,
    attach: component.getAllProperties("attach").map(
      (p) => [p.getFirstValue(), p.getParameter("filename")]),
  };
}

function dumpEvent(component, exceptions) {
  const event = new ICAL.Event(component);
  // RECURRENCE-ID events of the same UID replace the occurrences they name.
  for (const exception of exceptions) event.relateException(exception);
  const start = event.startDate;
  const end = event.endDate;
  const result = {
    uid: event.uid,
    summary: event.summary,
    start_zone: zoneOf(start),
    end_zone: zoneOf(end),
    start: start.toUnixTime(),
    end: end.toUnixTime(),
    rrule: null,
    occurrences: null,
    status: component.getFirstPropertyValue("status"),
    links: links(component),
  };
  if (event.isRecurring()) {
    result.rrule = component.getFirstPropertyValue("rrule").toString();
    result.occurrences = [];
    const expansion = event.iterator();
    for (let next = expansion.next(); next; next = expansion.next()) {
      if (result.occurrences.length >= MAX_OCCURRENCES) {
        throw new Error(`${event.uid}: more than ${MAX_OCCURRENCES} occurrences`);
      }
      const details = event.getOccurrenceDetails(next);
      result.occurrences.push([details.startDate.toUnixTime(), details.endDate.toUnixTime()]);
    }
  }
  return result;
}

function dumpFile(path) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  // Each file brings its own VTIMEZONEs: forget the previous file's.
  ICAL.TimezoneService.reset();
  const zones = [];
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    const zone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(zone);
    zones.push(zone.tzid);
  }
  const all = calendar.getAllSubcomponents("vevent");
  const exceptions = all.filter((c) => c.hasProperty("recurrence-id"));
  const events = all
    .filter((c) => !c.hasProperty("recurrence-id"))
    .map((c) => dumpEvent(c, exceptions.filter(
      (x) => x.getFirstPropertyValue("uid") === c.getFirstPropertyValue("uid"))));
  const components = all.map((c) => {
    const rid = c.getFirstPropertyValue("recurrence-id");
    return {
      uid: c.getFirstPropertyValue("uid"),
      recurrence_id: rid ? rid.toUnixTime() : null,
      status: c.getFirstPropertyValue("status"),
      sequence: c.getFirstPropertyValue("sequence"),
    };
  });
  return { file: path, vtimezones: zones, events, components };
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const paths = process.argv.length > 2 ? process.argv.slice(2) : await readStdin();
const out = [];
for (const path of paths) {
  try {
    out.push(dumpFile(path));
  } catch (error) {
    process.stderr.write(`${path}: ${error.stack || error}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(out) + "\n");
