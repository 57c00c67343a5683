"""A new input type is one registered reader: folders, messages and read_inputs follow it."""
import pytest

from flashpoint.errors import UnsupportedInput
from flashpoint.ingest import readers
from flashpoint.ingest.readers import accepted_suffixes, article_reader, read_inputs
from flashpoint.record import Article


@pytest.fixture
def scratch(monkeypatch):
    monkeypatch.setattr(readers, "_READERS", dict(readers._READERS))


def test_the_built_in_readers_are_registered_in_their_order():
    assert accepted_suffixes() == (".txt", ".html", ".htm", ".jsonl")


def test_a_registered_reader_reads_its_files_and_folders_list_them(scratch, tmp_path):
    @article_reader(".md")
    def read_markdown(path, published=None):
        return Article(id=path.stem, text=path.read_text().lstrip("# "), published=published)

    (tmp_path / "raid.md").write_text("# Gunmen raided a village near the border.")
    (tmp_path / "notes.csv").write_text("a,b")
    [article] = read_inputs([str(tmp_path)])
    assert (article.id, article.text) == ("raid", "Gunmen raided a village near the border.")
    [error] = read_inputs([str(tmp_path / "notes.csv")])
    assert isinstance(error, UnsupportedInput)
    assert "accepted inputs: .txt, .html, .htm, .jsonl, .md, a directory" in str(error)


def test_an_empty_folder_names_every_registered_type(tmp_path):
    [error] = read_inputs([str(tmp_path)])
    assert "holds no .txt, .html, .htm or .jsonl files" in str(error)
