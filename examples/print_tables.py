"""Print the reference meeting (2024-03-13) as printable tables: the Korean text table,
the English Markdown table and the CSV header with its first rows."""

from __future__ import annotations

import agenda


def main() -> None:
    timetable = agenda.layout(agenda.reference_meeting())

    print(agenda.to_text(timetable))  # Korean, 100 columns: for a monospace printer

    print(agenda.to_text(timetable, lang="en", width=72))

    print(agenda.to_markdown(timetable, lang="en"))  # paste into press material or a wiki

    csv_text = agenda.to_csv(timetable)  # one row per slot, for other tools
    print("".join(csv_text.splitlines(keepends=True)[:4]).replace("\r\n", "\n"))

    html = agenda.render(timetable, "html")  # one A4-ready document
    print(f"HTML: {len(html)} characters, starts with {html.splitlines()[0]!r}")


if __name__ == "__main__":
    main()
