"""Reading a document from a file or standard input (`agenda.parse_file`): the name as
given, and the language its errors speak, for scripts as for `agenda parse`."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import agenda
from agenda._parse import document_language
from agenda.cli import cli

KOREAN = "회의 안내\n\n내일 뵙겠습니다.\n".encode()
ENGLISH = b"Meeting notice\n\nSee you tomorrow.\n"


@pytest.mark.parametrize(("data", "lang"), [(KOREAN, "ko"), (ENGLISH, "en"),
                                            ("회의".encode("cp949"), "en")])
def test_an_error_speaks_the_documents_language(data: bytes, lang: str) -> None:
    assert document_language(data) == lang
    with pytest.raises(agenda.ParseError) as caught:
        agenda.parse_bytes(data, name="draft.txt")
    assert caught.value.lang == lang


def test_the_command_answers_in_the_documents_language(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(KOREAN)
    result = CliRunner().invoke(cli, ["parse", str(draft)])
    assert result.exit_code == 2
    with pytest.raises(agenda.ParseError) as caught:
        agenda.parse_file(draft)
    assert result.stderr == f"오류: {draft}: {caught.value.text('ko')}\n"


def test_a_file_is_named_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(agenda.ParseError) as missing:
        agenda.parse_file("./missing.txt")
    assert (missing.value.code, missing.value.facts["name"]) == ("parse-unreadable",
                                                                 "./missing.txt")
    assert missing.value.lang == "en"
    Path("cp949.txt").write_bytes("회의".encode("cp949"))
    with pytest.raises(agenda.ParseError) as encoded:
        agenda.parse_file("./cp949.txt")
    assert encoded.value.code == "parse-not-utf8"
    assert str(encoded.value).startswith("./cp949.txt: not UTF-8 text")


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    text = agenda.render(agenda.layout(agenda.reference_meeting()), "text")
    assert isinstance(text, str)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert agenda.parse_file("-") == agenda.parse_text(text)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("회의".encode("cp949"))))
    with pytest.raises(agenda.ParseError, match=r"^standard input: not UTF-8 text"):
        agenda.parse_file("-")
