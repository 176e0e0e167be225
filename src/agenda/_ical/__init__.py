"""iCalendar feeds of a timetable: the feed written (and regenerated against its previous
version), read back, and the VTIMEZONE it carries."""
