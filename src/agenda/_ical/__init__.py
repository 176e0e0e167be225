"""iCalendar feeds of a timetable, in steps that import only downwards:

- `names`: the feed's PRODID and own properties, UIDs and identity paths, FeedError;
- `content`: the one model of what an event says, built from the timetable (single
  meetings and meetings of days, series, tracks, audiences, links);
- `changes`: what counts as a change of an event (over its content lines);
- `vtimezone`: the VTIMEZONE of a zone;
- `write`: the one serialiser (content lines written directly; icalendar's own
  components as the reference strategy);
- `events`: a feed's events read back (`FeedEvent`, `FeedTimetable`);
- `read`: the one reader (a content-line scan, icalendar's parser when the scan does
  not know a line);
- `merge`: a regenerated feed's stamps against its previous version;
- `feed`: `to_ics`, the steps together.
"""
