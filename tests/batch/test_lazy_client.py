"""A run over local workers with the default extractors: the client (ingest, store, link) never imports the
extractors nor spaCy -- the workers' fork server resolves and loads them -- and stores what one process stores;
a job the workers cannot build stops the run with the client's own error."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from dateline.batch.backends import LocalBackend
from dateline.batch.worker import Job, build
from dateline.cli import EXIT_USAGE
from dateline.errors import Errors, PipelineError
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


def test_a_job_that_cannot_be_built_raises_its_error() -> None:
    with pytest.raises(PipelineError):
        build(Job(("no.such.extractor.v1",), MODEL_PACKAGE, PIPE_BATCH_SIZE))
    assert build(Job(None, MODEL_PACKAGE, PIPE_BATCH_SIZE)) is None


def _checking(check: Future[None]) -> LocalBackend:
    """A LocalBackend holding ``check`` and no processes (``results`` over no chunks submits nothing)."""
    backend = LocalBackend.__new__(LocalBackend)
    backend.job, backend.in_flight, backend.generation, backend.check = Job(None, MODEL_PACKAGE, 1), 1, 0, check
    return backend


def test_the_client_raises_the_workers_build_error_even_with_nothing_to_analyse() -> None:
    """A run with no new article (an empty folder, or a resume with everything stored) stops on the job's error
    too, as it did when this process built the pipeline."""
    failed: Future[None] = Future()
    # As a worker's error arrives: pickled and read back.
    failed.set_exception(pickle.loads(pickle.dumps(PipelineError(Errors.E503, name="no.such", known="-"))))
    with pytest.raises(PipelineError) as raised:
        list(_checking(failed).results([]))
    assert str(raised.value) == "[E503] unknown extractor 'no.such' (registered: -)"
    fine: Future[None] = Future()
    fine.set_result(None)
    assert list(_checking(fine).results([])) == []
    broken: Future[None] = Future()
    broken.set_exception(BrokenProcessPool("killed"))
    assert list(_checking(broken).results([])) == []


# A plug-in whose module cannot be imported: every default pipeline fails to build (E502), in whichever process.
PLUGIN_ENTRY = "[dateline.extractors]\nbroken = dateline_broken_plugin\n"
CLI = "import sys; from dateline.cli import main; sys.exit(main())"


def test_a_broken_default_pipeline_stops_a_workers_run_as_it_stops_one_process(tmp_path: Path) -> None:
    """The command's exit code and message are the catalogue's, the same with 1 or 2 processes, with or
    without articles to analyse."""
    files = sorted((BBC / "politics").glob("*.txt"))[:1]
    if not files:
        missing_shared(BBC)
    site = tmp_path / "site"
    info = site / "dateline_broken_plugin-0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: dateline-broken-plugin\nVersion: 0\n")
    (info / "entry_points.txt").write_text(PLUGIN_ENTRY)
    (site / "dateline_broken_plugin.py").write_text('raise RuntimeError("broken plug-in")\n')
    path = os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])])
    env = {**os.environ, "PYTHONPATH": path}
    empty = tmp_path / "empty"
    empty.mkdir()
    said = []
    for workers, source in [(1, files[0]), (2, files[0]), (2, empty)]:
        db = tmp_path / f"run{workers}{source.name}.db"
        args = ["run", str(source), "--db", str(db), "--workers", str(workers), "--no-progress"]
        done = subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True, env=env)
        assert (workers, source.name, done.returncode) == (workers, source.name, EXIT_USAGE)
        said.append(" ".join((done.stdout + done.stderr).split()))
    assert said[0].startswith("error [E502] extractor plug-in")
    assert said == [said[0]] * 3


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
