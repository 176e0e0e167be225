"""Read a drafted agenda (an English mail with a time typo) back into a meeting: print
the problems with their lines, then the spec of the corrected draft."""

from __future__ import annotations

import agenda

MAIL = """\
From: Office of the Board <board@example.org>
Subject: Agenda - Finance committee, Thursday

Dear members,

please find the agenda for our meeting below.

When: Thursday, 6 June 2024, 2:00 PM-3:30 PM (Europe/London)
Where: Room 4B

2:00 PM-2:10 PM   Minutes of the last meeting
2:10 PM-2:50 PM   Budget review (30 min)      Treasurer
2:50 PM-3:20 PM   Audit report                 J. Smith
3:20 PM-3:30 PM   Any other business

Best regards,
The Secretary
"""


def main() -> None:
    result = agenda.parse_text(MAIL)
    for problem in result.problems:
        print(f"line {problem.line}: {problem}")

    fixed = agenda.parse_text(MAIL.replace("(30 min)", "(40 min)"))
    assert fixed.ok, fixed.problems
    timetable = agenda.layout(fixed.meeting)
    print(agenda.to_text(timetable, lang="en", width=80))
    print(agenda.dump_toml(fixed.meeting))


if __name__ == "__main__":
    main()
