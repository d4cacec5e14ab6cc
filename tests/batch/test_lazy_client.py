"""A run over local workers with the default extractors: the client (ingest, store, link) never imports the
extractors nor spaCy -- the workers' fork server resolves and loads them -- and stores what one process stores;
a job the workers cannot build stops the run with the client's own error."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest

from dateline.batch.backends import LocalBackend
from dateline.batch.worker import Job, job_error
from dateline.errors import PipelineError
from dateline.nlp.model import MODEL_PACKAGE, PIPE_BATCH_SIZE
from dateline.store import Store
from tests.conftest import CORPUS, missing_shared

BBC = CORPUS / "bbc-news-greene2006" / "bbc"
# An AllSides report marking an anniversary ("the eighth anniversary of ..."): the client links it into a series by
# the words after it (``link.series``), the one place linking reads stop words (``link.text.stopwords``).
ANNIVERSARY = CORPUS / "allsides-article-bias" / "jsons" / "2vioNCPMXcCVawAv.json"

# Run as a script (a file: the fork server's workers re-import the client's main module by path).
CLIENT = """
import json, sys
from dateline.batch import run_corpus
from dateline.store import Store

if __name__ == "__main__":
    summary = run_corpus(sys.argv[2:], Store(sys.argv[1]), workers=2)
    print(json.dumps([summary.stored, len(summary.failures), "spacy" in sys.modules,
                      any(m.startswith("dateline.extract.") for m in sys.modules)]))
"""


def test_a_client_of_local_workers_imports_neither_spacy_nor_the_extractors(tmp_path: Path) -> None:
    files = sorted((BBC / "politics").glob("*.txt"))[:3]
    if len(files) < 3:
        missing_shared(BBC)
    if not ANNIVERSARY.is_file():
        missing_shared(ANNIVERSARY)
    paths = [str(f) for f in [*files, ANNIVERSARY]]
    script = tmp_path / "client.py"
    script.write_text(CLIENT, encoding="utf-8")
    two = tmp_path / "two.db"
    done = subprocess.run([sys.executable, str(script), str(two), *paths], capture_output=True, text=True, check=True)
    stored, failed, spacy, extractors = __import__("json").loads(done.stdout.splitlines()[-1])
    assert (stored, failed) == (4, 0)
    assert not spacy and not extractors
    # The workers resolved the same extractors, of the same versions, as this process does.
    from dateline.batch import run_corpus

    one = Store(str(tmp_path / "one.db"))
    run_corpus(paths, one)
    assert Store(str(two)).fingerprint() == one.fingerprint()


def test_a_job_that_cannot_be_built_names_its_error() -> None:
    found = job_error(Job(("no.such.extractor.v1",), MODEL_PACKAGE, PIPE_BATCH_SIZE))
    assert found is not None and found[0] == "PipelineError"
    assert job_error(Job(None, MODEL_PACKAGE, PIPE_BATCH_SIZE)) is None


def test_the_client_raises_the_workers_job_error() -> None:
    found = job_error(Job(("no.such.extractor.v1",), MODEL_PACKAGE, PIPE_BATCH_SIZE))
    check: Future[tuple[str, str, str] | None] = Future()
    check.set_result(found)
    with pytest.raises(PipelineError) as raised:
        LocalBackend._raise_job_error(check)
    assert found is not None and raised.value.code == found[1]
    fine: Future[tuple[str, str, str] | None] = Future()
    fine.set_result(None)
    LocalBackend._raise_job_error(fine)


INGEST = """
import sys
from dateline.ingest import article_from_text
border = article_from_text("ERBIL, Kurdistan — Officials said on Monday that talks would resume.\\n\\nMore.", source_path="a")
alone = article_from_text("DERBY — The council said on Monday that the road would close.\\n\\nMore.", source_path="b")
print(border.dateline.place, alone.dateline.place, "spacy" in sys.modules)
"""


def test_reading_datelines_imports_no_spacy() -> None:
    """The client reads every article: a dateline whose region spans a border ("ERBIL, Kurdistan") and a large
    town written alone ("DERBY —") take the gazetteer's distances and town sizes, not the places extractor's
    module (which imports spaCy)."""
    done = subprocess.run([sys.executable, "-c", INGEST], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["Erbil", "Derby", "False"]


STOPWORDS = """
import sys
from dateline.link.text import stopwords
print(len(stopwords()), "spacy" in sys.modules)
"""


def test_linking_reads_spacy_stop_words_without_importing_spacy() -> None:
    """The stop words are spaCy's own list, read from its module without loading the spaCy package."""
    done = subprocess.run([sys.executable, "-c", STOPWORDS], capture_output=True, text=True, check=True)
    size, spacy = done.stdout.split()
    assert spacy == "False"
    from spacy.lang.en.stop_words import STOP_WORDS

    from dateline.link.text import _spacy_stop_words, lexicon, stopwords

    assert _spacy_stop_words() == frozenset(STOP_WORDS)
    assert int(size) == len(stopwords()) == len(frozenset(STOP_WORDS) | frozenset(lexicon()["extra_stopwords"]))
