"""The records dateline produces, as frozen dataclasses.

Every record carries ``spans`` (half-open character offsets into ``Article.text``, each with the text it
covers) and ``extractor`` (the registered ``name.vN`` that made it, stamped by the pipeline from the
registry). Ids derive from content, so the same input always yields the same ids. ``to_dict``/``from_dict``
give the export and API shape.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self, TypeVar

from dateline.errors import Errors, ExtractError

T = TypeVar("T")


# The canonical JSON of ``content_id``: one encoder for every id (``json.dumps`` with these options builds a
# new one per call, a third of an id's cost; every record's id is worked out at least twice). ``encode``
# keeps no state between calls.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id: the first ``length`` hex digits of the SHA-256 of the parts' canonical JSON."""
    payload = _CANONICAL.encode(parts)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Span:
    """Half-open ``[start, end)`` character offsets into an article's cleaned text, and the text there."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ExtractError(Errors.E101, start=self.start, end=self.end)
        if len(self.text) != self.end - self.start:
            raise ExtractError(Errors.E102, text=self.text, length=len(self.text), width=self.end - self.start)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``."""
        return cls(start, end, text[start:end])

    def check(self, text: str) -> None:
        """Raise if this span does not point at its own text inside ``text``."""
        if self.end > len(text) or text[self.start : self.end] != self.text:
            raise ExtractError(Errors.E103, start=self.start, end=self.end, text=self.text)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


# --------------------------------------------------------------------------------------------- article


@dataclass(frozen=True)
class Dateline:
    """The place and date that open a report's body: "BAKU, Azerbaijan, February 23."."""

    place: str
    country: str | None = None
    date: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Article:
    """One cleaned news report and its metadata. ``text`` is what every span points into."""

    id: str
    text: str
    source_path: str
    content_hash: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    updated: bool = False
    dateline: Dateline | None = None
    source: str | None = None
    source_span: Span | None = None
    outlet_span: Span | None = None
    author: str | None = None
    author_span: Span | None = None
    # Lines of the text that are metadata, not report: the byline, agency credits ("The Associated Press
    # contributed to this report"), photo credits ("Photographer: NAME/AGENCY"). No statement or claim
    # is read from them.
    credit_spans: tuple[Span, ...] = ()
    # An editor's label or kicker opening the body in place of a dateline ("EXCLUSIVE -", "MARKET TALK -"):
    # the page's words, not the report's, so no statement, place or event starts inside it.
    label_span: Span | None = None
    language: str = "en"
    # What the reader changed in the input on its way in (``[E213] 2 invalid UTF-8 byte sequence(s) replaced
    # ...``): the article is stored, and whoever reads it can see that its text is not exactly the file's.
    notes: tuple[str, ...] = ()
    kind: ClassVar[str] = "article"

    def __post_init__(self) -> None:
        spans = (self.source_span, self.outlet_span, self.author_span, self.dateline.span if self.dateline else None)
        for span in (*spans, self.label_span, *self.credit_spans):
            if span is not None:
                span.check(self.text)

    def in_credits(self, offset: int) -> bool:
        """Whether character ``offset`` lies in a byline or credit line (metadata, never a statement or claim)."""
        return any(span.start <= offset < span.end for span in self.credit_spans)

    @staticmethod
    def make_id(text: str, url: str | None = None) -> str:
        """Article ids hash the cleaned text (and URL, when known), never the machine-specific file path:
        the same report gets the same id on every machine, and a re-run finds it already stored."""
        return content_id("article", url or "", text)

    def to_dict(self) -> dict[str, Any]:
        out = to_dict(self)
        if not self.notes:
            del out["notes"]  # nearly every article has none: their stored form stays as it was
        if self.label_span is None:
            del out["label_span"]  # nor a label: articles stored before the field read back the same
        return out

    @property
    def opening_end(self) -> int:
        """Where what opens the body ahead of the report's own words ends: its dateline ("PEKING, March 9 -")
        or an editor's label ("EXCLUSIVE -"); 0 when it has neither."""
        return self.opening[1]

    @property
    def opening(self) -> tuple[int, int]:
        """The characters of what opens the body: its dateline or label, the two together when only white space
        parts them; (0, 0) when it has neither. A page may keep header lines above it, so it need not start at
        0. An AP page's "FILE -" label stands above a photo's caption, paragraphs before its dateline ("FILE -
        In this ... file photo, ... Kasich says he supports impeachment. ... NEW YORK (AP) —"): the caption is
        no part of it (session 31's review: on the 14 AllSides reports with a label and a dateline, 10 of 11
        speakers the caption moved lost their entity when it was)."""
        found = (self.dateline.span if self.dateline else None, self.label_span)
        spans = sorted((s for s in found if s is not None), key=lambda s: s.end)
        if not spans:
            return (0, 0)
        first, last = spans[0], spans[-1]
        joined = first.end <= last.start and not self.text[first.end : last.start].strip()
        return (first.start if joined else last.start, last.end)

    def in_label(self, offset: int) -> bool:
        """Whether character ``offset`` lies in the editor's label opening the body ("EXCLUSIVE -")."""
        return self.label_span is not None and self.label_span.start <= offset < self.label_span.end

    @property
    def reference_date(self) -> dt.date | None:
        """The date the report speaks from: relative dates resolve against it and stories are dated by it.
        The publication date, else the dateline's (the first of them that is an ISO 8601 date)."""
        for value in (self.published, self.dateline.date if self.dateline else None):
            if value:
                try:
                    return dt.date.fromisoformat(value[:10])
                except ValueError:
                    continue
        return None


# --------------------------------------------------------------------------------------------- records


@dataclass(frozen=True, kw_only=True)
class Record:
    """Fields every extracted record has. Subclasses set ``kind`` and add their own fields."""

    id: str = ""
    article_id: str
    spans: tuple[Span, ...]
    # Left empty by built-in extractors: the pipeline stamps the registered name (``stamped``), so the
    # registry is the one owner of it. Until then the id is provisional, good only among the records of
    # the same extractor run.
    extractor: str = ""
    kind: ClassVar[str] = "record"
    # Fields that, with the spans and extractor, make a record distinct; they feed its content id.
    identity: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        if not self.spans:
            raise ExtractError(Errors.E104, kind=self.kind)
        if self.extractor and "." not in self.extractor:
            raise ExtractError(Errors.E105, extractor=self.extractor)
        if not self.id:
            object.__setattr__(self, "id", self.id_as(self.extractor))

    def id_as(self, extractor: str) -> str:
        """The content id this record has when made by ``extractor``."""
        key = [getattr(self, name) for name in self.identity]
        return content_id(self.kind, self.article_id, extractor, [(s.start, s.end) for s in self.spans], key)

    def stamped(self, extractor: str, ids: Mapping[str, str], new_id: str = "") -> Self:
        """This record as made by ``extractor``, with a new id to match. ``ids`` maps the provisional ids
        of the records from the same run to their stamped ones, for the fields that refer to them.
        ``new_id``, when given, is ``self.id_as(extractor)``, already worked out by the caller; it is the
        stamped record's id unless relinking changes a field of its identity."""
        if self.extractor == extractor:
            return self
        relinked = self.relinked(ids)
        if not new_id or not relinked.keys().isdisjoint(self.identity):
            new_id = ""
        return dataclasses.replace(self, id=new_id, extractor=extractor, **relinked)

    def relinked(self, ids: Mapping[str, str]) -> dict[str, Any]:
        """The fields that refer to other records of the same run, with ``ids`` applied (none here)."""
        return {}

    def check_spans(self, text: str) -> None:
        for span in self.spans:
            span.check(text)

    @property
    def start(self) -> int:
        return min(s.start for s in self.spans)

    @property
    def end(self) -> int:
        return max(s.end for s in self.spans)

    def label(self) -> str:
        """The text this record is found by in queries (a name, a speaker, a predicate)."""
        return self.spans[0].text

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class Role:
    """An office held: "Azerbaijan's Ambassador to Pakistan" -> title Ambassador, of Azerbaijan, to Pakistan."""

    title: str
    of: str | None = None
    to: str | None = None
    span: Span | None = None

    def describe(self) -> str:
        """The office in words: "Ambassador of Azerbaijan to Pakistan"."""
        return self.title + (f" of {self.of}" if self.of else "") + (f" to {self.to}" if self.to else "")


@dataclass(frozen=True, kw_only=True)
class Entity(Record):
    """A person, organisation or place named in one article, with all its mentions as spans.

    ``name`` is the fullest form in the article, ``aliases`` the other forms ("Farhadov", "the ambassador"),
    ``entity_id`` the corpus-level entity it was linked to (None until linking runs).
    """

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    entity_id: str | None = None
    kind: ClassVar[str] = "entity"
    identity: ClassVar[tuple[str, ...]] = ("name", "type")

    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class Speaker:
    """Who a statement or claim is attributed to: a named entity, or a description of an unnamed source."""

    text: str
    entity: str | None = None
    entity_id: str | None = None
    description: str | None = None
    span: Span | None = None

    @property
    def name(self) -> str:
        return self.entity or self.description or self.text


# ``Statement.cue_class`` values (see the field).
CUE_SPEECH, CUE_ATTITUDE, CUE_OTHER = "speech", "attitude", "other"


@dataclass(frozen=True, kw_only=True)
class Statement(Record):
    """Something someone said: speaker, reporting cue, content, and the relay chain it came through."""

    speaker: Speaker
    speakers: tuple[Speaker, ...] = ()
    cue: str
    content: str
    statement_kind: str = "indirect"
    # What the cue names (``data/cues.yaml``): "speech", a speech or communication act ("said", "according
    # to", "Name:"); "attitude", what someone believes, knows, expects or wants ("believes that X"), a
    # statement only when it reports what was expressed (the gold guide); "other", another act: a cue the
    # tagger learnt that the lexicon lists as neither, or (``statements.rules`` v40) a listed verb that names an
    # act with no clause or quotation ("declined to comment", "backed the bill": ``cues.statement_class``).
    # Stored with the record (export, API); no scorer reads it, the claims' claimant and the relays keep only
    # "speech" cues. A user keeping speech acts filters on it.
    cue_class: str = CUE_SPEECH
    via: tuple[str, ...] = ()
    date: str | None = None
    cue_span: Span | None = None
    content_span: Span | None = None
    kind: ClassVar[str] = "statement"
    identity: ClassVar[tuple[str, ...]] = ("cue", "content")

    def label(self) -> str:
        return self.speaker.name


@dataclass(frozen=True)
class Actor:
    """A participant in an event, resolved to a country (ISO 3166-1 alpha-3) and sector where the text allows."""

    text: str
    entity: str | None = None
    entity_id: str | None = None
    country: str | None = None
    sector: str | None = None
    span: Span | None = None


@dataclass(frozen=True, kw_only=True)
class Event(Record):
    """Something that happened (or is said to have happened): who did what to whom, where and when."""

    trigger: str
    lemma: str
    type: str | None = None
    mode: str | None = None
    actors: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    what: str | None = None
    place_id: str | None = None
    place: str | None = None
    date: str | None = None
    negated: bool = False
    attributed_to: str | None = None
    attributed_speaker: str | None = None
    kind: ClassVar[str] = "event"
    identity: ClassVar[tuple[str, ...]] = ("lemma", "type")

    def label(self) -> str:
        return self.type or self.lemma


def figure_text(
    value: float, unit: str = "", approx: bool = False, *, value_max: float | None = None, hedge: str | None = None
) -> str:
    """A figure as a reader expects it: thousands separators and no exponent ("1,234,567"), a range
    ("100,000–1,000,000"), the hedge in words ("at least 2,000", "about 300"), the currency first ("USD 2,300"),
    "%" for percentages, "3 percentage points"; a bare number when ``unit`` is empty. The one formatter for
    pages, CLI and ledger."""
    text = _number(value)
    if value_max is not None and value_max != value:
        text += "–" + _number(value_max)
    if unit == "percent":
        text = f"{text}%"
    elif unit == "percentage point":
        text = f"{text} percentage point{'' if value == 1 and value_max is None else 's'}"
    elif unit.isupper() and len(unit) == 3:  # an ISO 4217 currency code
        text = f"{unit} {text}"
    else:
        text = f"{text} {unit}".rstrip()
    if hedge:
        return f"{hedge} {text}"
    return f"about {text}" if approx and value_max is None else text


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, kw_only=True)
class Claim(Record):
    """A figure stated in a report, with what it counts, what happened to them, and who states it."""

    value: float
    value_max: float | None = None
    approx: bool = False
    # The hedge as written before the figure ("at least", "more than"); None for a vague quantity ("dozens
    # of") or an exact figure. Readers see "at least 2,000", not "about 2,000".
    hedge: str | None = None
    unit: str
    predicate: str
    # The word the figure is about, as the parse found it ("rise", "unemployment rate"), for the ledger.
    predicate_text: str | None = None
    part_of: str | None = None
    claimant: Speaker
    statement_id: str | None = None
    text: str = ""
    kind: ClassVar[str] = "claim"
    identity: ClassVar[tuple[str, ...]] = ("value", "unit", "predicate")

    def relinked(self, ids: Mapping[str, str]) -> dict[str, Any]:
        """``part_of`` names a claim of the same run."""
        return {"part_of": ids.get(self.part_of, self.part_of)} if self.part_of else {}

    def label(self) -> str:
        return self.predicate


@dataclass(frozen=True, kw_only=True)
class TimeExpr(Record):
    """A time expression normalised TIMEX3-style: ``2024-02-26``, ``XXXX-02-26``, ``P44D``, ranges with '/'."""

    text: str
    value: str
    time_kind: str = "date"
    anchor: str | None = None
    anniversary_of: str | None = None
    kind: ClassVar[str] = "time"
    identity: ClassVar[tuple[str, ...]] = ("value",)

    def label(self) -> str:
        return self.value


@dataclass(frozen=True, kw_only=True)
class Place(Record):
    """A toponym resolved against the gazetteer."""

    text: str
    name: str
    geonames_id: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    # The disambiguation signals that chose this sense of the name (extract/places.py, SIGNALS).
    why: tuple[str, ...] = ()
    kind: ClassVar[str] = "place"
    identity: ClassVar[tuple[str, ...]] = ("name", "geonames_id")

    def label(self) -> str:
        return self.name


RECORD_TYPES: dict[str, type[Record]] = {cls.kind: cls for cls in (Entity, Statement, Event, Claim, TimeExpr, Place)}


# The longest failure reason kept (characters).
MAX_REASON = 2000


@dataclass(frozen=True)
class Failure:
    """A document that could not be ingested or analysed, and why. Stored, never silently dropped."""

    source_path: str
    code: str
    reason: str
    id: str = ""
    kind: ClassVar[str] = "failure"

    def __post_init__(self) -> None:
        if "\x00" in self.reason:
            # A reason may quote the input; PostgreSQL refuses NUL in a text column.
            object.__setattr__(self, "reason", self.reason.replace("\x00", "\\x00"))
        if len(self.reason) > MAX_REASON:
            # A reason quotes what went wrong, and that can be the offending input itself (a header line
            # that never ends, a whole document): what is stored and printed stays small.
            cut = f"... [{len(self.reason) - MAX_REASON:,} more characters]"
            object.__setattr__(self, "reason", self.reason[: MAX_REASON - len(cut)] + cut)
        if not self.id:
            object.__setattr__(self, "id", content_id("failure", self.source_path, self.code))

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)


@dataclass(frozen=True)
class Analysis:
    """One article and every record extracted from it."""

    article: Article
    records: tuple[Record, ...] = ()

    def of_kind(self, kind: str) -> tuple[Record, ...]:
        return self._by_kind.get(kind, ())

    @functools.cached_property
    def _by_kind(self) -> dict[str, tuple[Record, ...]]:
        # Extractors ask for the records of a kind once per trigger, figure or mention: grouping them once
        # keeps a long article linear.
        groups: dict[str, list[Record]] = {}
        for record in self.records:
            groups.setdefault(record.kind, []).append(record)
        return {kind: tuple(found) for kind, found in groups.items()}

    @property
    def entities(self) -> tuple[Entity, ...]:
        return typing.cast(tuple[Entity, ...], self.of_kind("entity"))

    @property
    def statements(self) -> tuple[Statement, ...]:
        return typing.cast(tuple[Statement, ...], self.of_kind("statement"))

    @property
    def events(self) -> tuple[Event, ...]:
        return typing.cast(tuple[Event, ...], self.of_kind("event"))

    @property
    def claims(self) -> tuple[Claim, ...]:
        return typing.cast(tuple[Claim, ...], self.of_kind("claim"))

    @property
    def times(self) -> tuple[TimeExpr, ...]:
        return typing.cast(tuple[TimeExpr, ...], self.of_kind("time"))

    @property
    def places(self) -> tuple[Place, ...]:
        return typing.cast(tuple[Place, ...], self.of_kind("place"))

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for record in self.records:
            out[record.kind] = out.get(record.kind, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article.to_dict(), "records": [r.to_dict() for r in self.records]}


# --------------------------------------------------------------------------------------------- JSON


# Types ``_plain`` returns as they are, tested first by exact type: most values of a record are these (about 28
# values per record; 700,000 a 200-report run, written and rewritten). A subclass (an enum on ``str``) takes the
# general path below, as before, so the output is the same.
_AS_IS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    cls = type(value)
    if cls in _AS_IS:
        return value
    names = _field_names(cls)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type. Worked out once per type: every record
    stored or exported goes through ``_plain``, field by field."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
        _FIELD_NAMES[cls] = names
        return names


def to_dict(obj: Any) -> dict[str, Any]:
    """The export shape of a record: its fields, plus ``kind``. Tuples become lists."""
    out = typing.cast(dict[str, Any], _plain(obj))
    out["kind"] = type(obj).kind
    return out


def _same(value: Any) -> Any:
    return value


@functools.cache
def _builder(tp: Any) -> Callable[[Any], Any]:
    """How to rebuild a value of type ``tp`` from its export shape, worked out once per type (every stored record
    is read through here, so inspecting the type for each value was much of the cost of reading records)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _or_none(_builder(args[0])) if len(args) == 1 else _same
    if origin is tuple:
        inner = _builder(typing.get_args(tp)[0])
        return lambda value: None if value is None else tuple(inner(v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        cls = tp
        return lambda value: None if value is None else from_dict(cls, value)
    if tp is float:
        return lambda value: float(value) if isinstance(value, int) else value
    return _same


def _or_none(build: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else build(value)


@functools.cache
def _init_hints(cls: type) -> dict[str, Any]:
    """The resolved types of a dataclass's init fields. Cached: resolving the annotation strings is most of
    the cost of reading a record back, and every stored record is read through here."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(typing.cast(Any, cls)) if f.init}


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a dataclass from ``to_dict`` output (unknown keys, such as ``kind``, are ignored)."""
    builders = _init_builders(typing.cast(Any, cls))
    return cls(**{k: builders[k](v) for k, v in data.items() if k in builders})


@functools.cache
def _init_builders(cls: type) -> dict[str, Callable[[Any], Any]]:
    return {name: _builder(tp) for name, tp in _init_hints(cls).items()}


def record_from_dict(data: Mapping[str, Any]) -> Record:
    """Rebuild any record from its dict, dispatching on ``kind``."""
    kind = data.get("kind")
    if kind not in RECORD_TYPES:
        raise ExtractError(Errors.E106, kind=kind)
    return from_dict(RECORD_TYPES[str(kind)], data)


def sorted_records(records: Iterable[Record]) -> tuple[Record, ...]:
    """Records in a stable order (position, then kind, then id), so output is byte-identical run to run."""
    return tuple(sorted(records, key=lambda r: (r.start, r.end, r.kind, r.id)))
