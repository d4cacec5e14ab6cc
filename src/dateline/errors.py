"""dateline's errors: one catalogue of stable codes and their messages, and a small exception hierarchy.

Codes are stable across versions (users grep logs and failure tables for them):
E0xx configuration, E1xx extraction and records, E2xx ingest (bad input: failure records, never raised),
E3xx store, E4xx evaluation, E5xx pipeline/registry, E6xx batch.

`Errors` is the catalogue: each attribute is an `Entry` whose code is the attribute's first four characters
(``E403_NOT_MAPPING`` is a second message of E403), with a `str.format` template and the HTTP status the API
answers with when the error reaches it. Raise with the entry and its fields:
``raise ConfigError(Errors.E011, path=path, error=exc)``. Only the CLI turns errors into exit codes.
"""

from __future__ import annotations

from typing import Any

# The status of an error the API did not expect to reach a client.
INTERNAL = 500


class Entry:
    """One catalogue entry: a code, a message template and an HTTP status."""

    __slots__ = ("code", "http_status", "template")

    def __init__(self, template: str, http_status: int = INTERNAL) -> None:
        self.code = ""
        self.template = template
        self.http_status = http_status

    def __set_name__(self, owner: type, name: str) -> None:
        self.code = name[:4]

    def format(self, **fields: Any) -> str:
        return self.template.format(**fields)

    def __repr__(self) -> str:
        return f"Entry({self.code}, {self.template!r}, {self.http_status})"


class Errors:
    """Every error and failure code dateline gives, with its message."""

    # E0xx configuration
    E010 = Entry("spaCy model package {package!r} is not installed; run `make install` (it is pinned by sha256)")
    E011 = Entry("cannot read configuration {path}: {error}")
    E012 = Entry("configuration {path} must be a mapping, not {type}")
    E013 = Entry("invalid configuration {path}: {error}")
    E013_INGEST_OPTION = Entry("invalid ingest option: {error}")
    E014 = Entry("{model} model missing or unreadable in {directory}: {error}")
    E015 = Entry(
        "{model} model {path} has sha256 {actual}, its manifest says {expected}: the file was changed; rebuild it"
        " with `make train`"
    )
    E016 = Entry(
        "{model} model {path} was trained on features that read quotation marks with {field}={trained} (its"
        " manifest), the code's features read them with {field}={now}: rebuild it with `make train`"
    )
    E020 = Entry("unknown export format {fmt!r} (choose from {choices})")
    E030 = Entry("--workers must be at least 1, not {workers}")
    E031 = Entry("unknown cue class {value!r} (choose from {choices})", 422)

    # E1xx extraction and records
    E101 = Entry("bad span offsets [{start}, {end})")
    E102 = Entry("span text {text!r} has length {length}, offsets say {width}")
    E103 = Entry("span [{start}, {end}) {text!r} does not match the article text")
    E104 = Entry("a {kind} record needs at least one span (no span, no record)")
    E105 = Entry("extractor name {extractor!r} is not of the form name.vN")
    E106 = Entry("unknown record kind {kind!r}")
    E110 = Entry("extractor {extractor} crashed: {error_type}: {error}")
    E111 = Entry("spaCy could not parse the article: {error_type}: {error}")

    # E2xx ingest: failure records (the reason says more), never raised
    E201 = Entry("the file could not be opened or read (permissions, I/O error)")
    E202 = Entry("the document is empty (nothing left after cleaning, or a container with no documents)")
    E203 = Entry("the file is binary (NUL bytes), not text, HTML, JSON or WARC")
    E204 = Entry("the bytes are not UTF-8 and no text encoding decodes them sensibly")
    E205 = Entry("the document is larger than the size limit (checked before reading it)")
    E206 = Entry("HTML from which no article body could be extracted (truncated page, navigation only)")
    E207 = Entry("a JSONL line or JSON document that is not valid JSON, not an object, or has no text field")
    E208 = Entry("a WARC archive that is broken or truncated from some record on (earlier records are kept)")
    E209 = Entry("no such file or folder, or a glob that matches nothing")
    E210 = Entry("an SGML (Reuters-21578) file with no story in it")
    E211 = Entry("the reader failed on this document ({error_type}: {error}); the documents before it are kept")
    E212 = Entry("not a regular file (a FIFO, socket or device), which is never read")
    # Notes on a stored article, not failures: the article is analysed and stored as decoded.
    E213 = Entry("not valid UTF-8: {count} invalid byte sequence(s) replaced with U+FFFD")
    E213_ENCODING = Entry("not valid UTF-8: decoded as {encoding}, a guess that may misread some characters")

    # E3xx store (E31x: reader corrections, which the API takes)
    E301 = Entry("cannot open database {url!r}: {error}")
    E302 = Entry("cannot migrate database {url}: {error}")
    E310 = Entry("unknown correction {action!r}; one of {choices}", 422)
    E311 = Entry("only statements and claims have a speaker, not a {kind}", 422)
    E312 = Entry("a speaker correction needs the right speaker's name", 422)
    E313 = Entry("correction value longer than {limit} characters", 422)
    E313_NOTE = Entry("correction note longer than {limit} characters", 422)
    E314 = Entry("no record {record_id!r}", 404)

    # E4xx evaluation
    E401 = Entry("unknown evaluation format {fmt!r} (choose from {choices})")
    E402 = Entry("no such gold file or folder: {path}")
    E403 = Entry("cannot read gold file {path}: {error}")
    E403_NOT_MAPPING = Entry("gold file {path} is not a YAML mapping")
    E403_NOT_LIST = Entry("{path}: `{key}` must be a list")
    E403_LACKS = Entry("{path}: {key} item {number} lacks {fields}")
    E403_ECB_SPLIT = Entry("unknown ECB+ split {split!r} (dev, train, all)")
    E404 = Entry("gold annotates articles that are not in {inputs}: {missing}")
    E404_ECB = Entry("no ECB+ documents under {root}")
    E404_ECB_SENTENCES = Entry("no {name} under {root}")
    E404_CLUSTERS = Entry("no news-cluster JSON files under {root}")
    E405 = Entry(
        "no article gold (a YAML file with an `article:` key) at {path}; score corpus gold with --format corpus"
    )
    E406 = Entry("--{option} does not apply to the {fmt!r} format")
    E410 = Entry("{path} is not the AEB folder (no ground-truth.json)")
    E411 = Entry("{path} is not the htmldate set (no eval_mediacloud_2020.json)")
    E412 = Entry("missing page {page} for {url}")

    # E5xx pipeline and registry
    E501 = Entry("extractor {extractor} is registered twice")
    E502 = Entry("extractor plug-in {name!r} failed to load: {error}")
    E503 = Entry("unknown extractor {name!r} (registered: {known})")
    E504 = Entry("extractor {extractor} requires {missing}, which no chosen extractor assigns")
    E505 = Entry("extractor requirements form a cycle through {extractor}")

    # E6xx batch (E601: the one article that kept killing its worker; E602: every article of a chunk that raised)
    E601 = Entry("worker died {attempts} times while analysing this article: {error}")
    E602 = Entry("batch task failed: {error_type}: {error}")
    E603 = Entry("cannot connect to the Dask scheduler at {address!r}: {error}")


def entries() -> tuple[Entry, ...]:
    """Every catalogue entry, in code order."""
    return tuple(v for k, v in vars(Errors).items() if isinstance(v, Entry) and k[0] == "E")


# By code: the first entry of a code (a code's other messages share its HTTP status).
CATALOGUE: dict[str, Entry] = {e.code: e for e in reversed(entries())}


def http_status(code: str) -> int:
    """The HTTP status the API answers an error with (500 for a code the catalogue does not know)."""
    entry = CATALOGUE.get(code)
    return entry.http_status if entry else INTERNAL


class DatelineError(Exception):
    """Base class: every error dateline raises on purpose has a stable ``code`` and a readable message.

    Built from a catalogue entry and its fields (``ConfigError(Errors.E011, path=p, error=exc)``), or from a
    code and a finished message."""

    def __init__(self, code: str | Entry, message: str = "", **fields: Any) -> None:
        if isinstance(code, Entry):
            code, message = code.code, code.format(**fields)
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type[DatelineError], tuple[str, str]]:
        # Sent between processes (a worker's error back to the run) as its code and message: Exception's own
        # pickling rebuilds it from ``args``, its whole text, which would then print as "[[E502] ...] ".
        return type(self), (self.code, self.message)

    @property
    def http_status(self) -> int:
        return http_status(self.code)


class ConfigError(DatelineError):
    """Bad configuration or command-line options."""


class ExtractError(DatelineError):
    """An extractor produced an invalid record (a span that does not match the text, no span, ...)."""


class StoreError(DatelineError):
    """The database could not be opened, migrated, read or written."""


class EvalError(DatelineError):
    """A gold file or evaluation corpus could not be read."""


class PipelineError(DatelineError):
    """The extractor pipeline is mis-configured (unknown extractor, unmet requirement, cycle)."""


class BatchError(DatelineError):
    """A worker pool or cluster could not run the job."""
