"""Export output paths: the message says what is really wrong with the path, and any legal name can be written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from chengyu_accord.cost_sharing.presets import default_scenario
from chengyu_accord.desktop.export import ExportError, render_agreement


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("一个文件", encoding="utf-8")
    return path


@pytest.mark.parametrize("below", ["draft.pdf", "sub/draft.docx"])
def test_a_parent_that_is_a_file_is_named_as_a_file(a_file, below):
    with pytest.raises(ExportError) as info:
        render_agreement(default_scenario(), a_file / below)
    assert str(info.value) == f"{a_file / below}: {a_file} is a file, not a folder"


def test_a_missing_folder_is_still_called_missing(tmp_path):
    with pytest.raises(ExportError, match=r"the folder .* does not exist"):
        render_agreement(default_scenario(), tmp_path / "nowhere" / "draft.pdf")


def test_an_output_that_is_a_folder_is_named_as_a_folder(tmp_path):
    folder = tmp_path / "draft.pdf"
    folder.mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        render_agreement(default_scenario(), folder)


def test_a_legal_244_byte_name_is_exported(tmp_path):
    output = tmp_path / ("协议" * 40 + ".pdf")
    assert len(output.name.encode("utf-8")) == 244
    assert render_agreement(default_scenario(), output) == output
    assert output.read_bytes().startswith(b"%PDF")
    assert os.listdir(tmp_path) == [output.name]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_export_keeps_the_mode_of_the_draft_it_replaces(tmp_path):
    output = tmp_path / "draft.docx"
    output.write_bytes(b"old")
    output.chmod(0o664)
    render_agreement(default_scenario(), output)
    assert stat.S_IMODE(output.stat().st_mode) == 0o664
