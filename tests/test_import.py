"""What importing costs: `import agenda` loads no stage of the library, the command
group loads no command until one runs (or its help lists them), and a command loads
what it uses (attrs tests
its lazy imports the same way). Names only, no timings: speed is measured in
benchmarks/run.py."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES

HEAVY = ("attrs", "attr", "pendulum", "icalendar", "dateutil", "tomlkit", "wcwidth")


def _loaded(code: str) -> list[str]:
    """The modules of agenda and of its heavy dependencies loaded after `code` runs."""
    script = (f"import sys\n{code}\nimport json\n"
              "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
              f"{('agenda', *HEAVY)!r})))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def _command(*args: str) -> str:
    return ("from agenda.cli import main\ntry:\n"
            f"    main({list(args)!r})\nexcept SystemExit:\n    pass")


def test_import_agenda_loads_no_stage() -> None:
    assert _loaded("import agenda") == ["agenda", "agenda._version"]


def test_a_public_name_loads_its_module_when_first_used() -> None:
    loaded = _loaded("import agenda\nagenda.Meeting")
    assert "agenda._model" in loaded
    assert "agenda._ical.feed" not in loaded and "icalendar" not in loaded


def test_the_version_loads_no_stage() -> None:
    assert _loaded(_command("--version")) == ["agenda", "agenda._cli", "agenda._cli.output",
                                              "agenda._version", "agenda.cli"]


def test_the_version_does_not_look_up_the_installed_metadata() -> None:
    assert "importlib.metadata" not in subprocess.run(
        [sys.executable, "-c", _command("--version") + "\nimport sys\nprint(sorted(sys.modules))"],
        capture_output=True, text=True, check=True).stdout


def test_the_help_of_the_group_loads_every_command() -> None:
    # (each command's short help is its own docstring's first line)
    loaded = set(_loaded(_command("--help")))
    assert {"agenda._cli.check", "agenda._cli.edit", "agenda._cli.parse"} <= loaded


def test_check_loads_what_it_uses_and_no_other_command() -> None:
    loaded = set(_loaded(_command("check", str(EXAMPLES / "reference-meeting.toml"))))
    assert {"agenda._check", "agenda._cli.check", "agenda._layout", "pendulum"} <= loaded
    unused = {"agenda._cli.edit", "agenda._cli.feeds", "agenda._cli.parse",
              "agenda._cli.day", "agenda._cli.changes", "agenda._edit", "agenda._parse",
              "agenda._diff", "agenda._ical", "agenda._publish", "agenda._schedule",
              "agenda._formats.text", "icalendar", "dateutil.rrule", "tomlkit", "wcwidth"}
    assert loaded & unused == set()


def test_the_version_is_written_once_and_is_the_installed_one() -> None:
    import importlib.metadata

    import agenda

    shown = subprocess.run([sys.executable, "-m", "agenda.cli", "--version"],
                           capture_output=True, text=True, check=True).stdout
    assert shown == f"agenda, version {agenda.__version__}\n"
    assert agenda.__version__ == importlib.metadata.version("agenda")
