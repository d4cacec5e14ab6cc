"""Terminal rendering of analyses and record tables (used by ``dateline show`` and ``dateline query``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from rich.console import Console
from rich.table import Table

from dateline.model import Analysis, Article, Claim, Entity, Event, Place, Record, Statement, TimeExpr, figure_text
from dateline.normalize import stem

# Wide enough to read a statement's content in a terminal, short enough to keep a table on screen.
CONTENT_WIDTH = 90


# Personal pronouns: a speaker that is only one of these (no entity, no description) is unresolved, never a name.
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "we",
        "us",
        "you",
        "he",
        "him",
        "she",
        "her",
        "it",
        "they",
        "them",
        "his",
        "hers",
        "its",
        "their",
        "theirs",
        "our",
        "ours",
        "my",
        "mine",
        "your",
        "yours",
    ]
)


def short(text: str | None, width: int = CONTENT_WIDTH) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters (with an ellipsis)."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    # A single very long word is still cut, rather than leaving nothing.
    return (cut[:space] if space > width // 2 else cut).rstrip(" ,;:") + "…"


def figure(value: float, value_max: float | None = None, approx: bool = False, hedge: str | None = None) -> str:
    """A claim's figure in words, without its unit: "1,234,567", "100,000–1,000,000", "at least 2,000"."""
    return figure_text(value, "", approx, value_max=value_max, hedge=hedge)


def figure_of(data: Mapping[str, Any]) -> str:
    """A claim or ledger entry (a dict) as a figure with its unit: "USD 2,300,000,000", "14.7%", "at least 2,000
    people"."""
    return figure_text(
        float(data["value"]),
        str(data.get("unit") or ""),
        bool(data.get("approx")),
        value_max=data.get("value_max"),
        hedge=data.get("hedge"),
    )


_QUOTES = "\"'“”‘’«»"


def unquoted(content: str) -> str:
    """Direct speech without the quotation marks (and the comma before them) the text wrapped it in."""
    return content.strip().strip(_QUOTES).rstrip(",").strip()


@lru_cache(maxsize=1)
def _cue_forms() -> tuple[dict[str, str], dict[str, str]]:
    """The extractor's cue verbs: exact forms (each verb and its irregular forms, "said" -> say) and stems."""
    # Imported here: the statements' lexicon pulls in spaCy, which linking (``link.stories`` imports this
    # module) in a client whose workers parse does not otherwise need.
    from dateline.extract.statements.lexicon import Lexicon

    lexicon = Lexicon.load()
    forms = {lemma: lemma for lemma in lexicon.cue_lemmas} | dict(lexicon.headline_irregular)
    return forms, {stem(lemma): lemma for lemma in lexicon.cue_lemmas}


def cue_lemma(cue: str) -> str:
    """The cue verb a cue phrase is a form of: its last word that is one ("has repeatedly requested" ->
    request, "saying" and "said" -> say, "tweeted Tuesday" -> tweet); else the phrase's stem. A word the
    stemmer leaves as it is ("not", "has") is only taken when it is a cue verb itself."""
    forms, stems = _cue_forms()
    for word in reversed(cue.casefold().split()):
        if word in forms:
            return forms[word]
        base = stem(word)
        if base != word and base in stems:
            return stems[base]
    return stem(cue.casefold())


def reported_as(cue: str, content: str) -> str:
    """What joins an indirect statement's cue to its content: "said that ...", but "According to ...: ...",
    and nothing where the content says "that" itself, is an infinitive ("urged to use ...") or is the verb's
    object ("described Africa as a scar")."""
    last = cue.split()[-1].casefold() if cue.split() else ""
    lowered = content.casefold()
    if last in {"to", "that"}:
        return ":"
    from dateline.extract.statements.lexicon import Lexicon

    verb = cue_lemma(cue)
    lexicon = Lexicon.load()
    if lowered.startswith(("that ", "to ")) or (verb in lexicon.objects and verb not in lexicon.clause):
        return ""
    return " that"


def speaker_name(speaker: Mapping[str, Any]) -> str:
    """A speaker as shown: the entity, else the description, else the words; a bare pronoun is "unresolved (he)"."""
    name = str(speaker.get("entity") or speaker.get("description") or speaker.get("text") or "")
    return name if speaker.get("entity") or speaker.get("description") else source_name(name)


def source_name(name: str) -> str:
    """A claimant or speaker name as shown: a bare pronoun is "unresolved (she)", not a source."""
    return f"unresolved ({name})" if name.casefold() in PRONOUNS else name


def distinct_names(names: Iterable[str], *, besides: str = "") -> list[str]:
    """Names without repeats that differ only in case (the first spelling kept), and without ``besides``."""
    seen = {besides.casefold()} if besides else set()
    out = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


def recurrence(period: str | None) -> str:
    """A TIMEX3 period in words: "P1Y" -> "yearly", "P1M" -> "monthly", "P2Y" -> "every 2 years"."""
    found = re.fullmatch(r"P(\d+)([YMWD])", period or "")
    if not found:
        return period or ""
    n, unit = int(found.group(1)), found.group(2)
    words = {"Y": ("yearly", "years"), "M": ("monthly", "months"), "W": ("weekly", "weeks"), "D": ("daily", "days")}
    return words[unit][0] if n == 1 else f"every {n} {words[unit][1]}"


def ordinal(n: int | None) -> str:
    """1 -> "1st", 32 -> "32nd", 13 -> "13th"."""
    if n is None:
        return ""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def most_common_form(forms: Iterable[str]) -> str:
    """The most frequent lower-cased form (ties: the alphabetically first)."""
    counts = Counter(f.casefold() for f in forms)
    return min(counts, key=lambda f: (-counts[f], f)) if counts else ""


def _roles(entity: Entity) -> str:
    return "; ".join(role.describe() for role in entity.roles)


def plural(kind: str) -> str:
    """ "entity" -> "entities", "claim" -> "claims" (table titles)."""
    return kind[:-1] + "ies" if kind.endswith("y") else kind + "s"


def record_rows(kind: str, records: Sequence[Record]) -> tuple[list[str], list[list[str]]]:
    """Column names and string rows for a table of records of one kind."""
    rows: list[list[str]] = []
    if kind == "entity":
        for r in records:
            assert isinstance(r, Entity)
            aliases = ", ".join(distinct_names(r.aliases, besides=r.name))
            rows.append([r.name, r.type, aliases, _roles(r), str(len(r.spans))])
        return ["name", "type", "aliases", "roles", "mentions"], rows
    if kind == "statement":
        for r in records:
            assert isinstance(r, Statement)
            speakers = " & ".join(speaker_name(vars(s)) for s in (r.speakers or (r.speaker,)))
            via = " <- ".join(r.via)
            rows.append([speakers, r.cue, r.cue_class, r.statement_kind, short(r.content), via])
        # "class": the cue's (``Statement.cue_class``), so a reader sees which are speech acts.
        return ["speaker", "cue", "class", "kind", "content", "via"], rows
    if kind == "claim":
        for r in records:
            assert isinstance(r, Claim)
            value = figure(r.value, r.value_max, r.approx, r.hedge)
            rows.append(
                [value, r.unit, r.predicate, speaker_name(vars(r.claimant)), r.part_of or "", short(r.text, 60)]
            )
        return ["value", "unit", "predicate", "according to", "part of", "text"], rows
    if kind == "event":
        for r in records:
            assert isinstance(r, Event)
            actors = ", ".join(a.entity or a.text for a in r.actors)
            targets = ", ".join(a.entity or a.text for a in r.targets)
            trigger = ("not " if r.negated else "") + r.trigger
            rows.append(
                [trigger, r.type or "", actors, targets, r.place or "", r.date or "", r.attributed_speaker or ""]
            )
        return ["trigger", "type", "actors", "targets", "place", "date", "according to"], rows
    if kind == "time":
        for r in records:
            assert isinstance(r, TimeExpr)
            rows.append([r.text, r.value, r.time_kind, r.anniversary_of or ""])
        return ["text", "value", "kind", "anniversary of"], rows
    if kind == "place":
        for r in records:
            assert isinstance(r, Place)
            coords = f"{r.lat:.3f}, {r.lon:.3f}" if r.lat is not None and r.lon is not None else ""
            rows.append([r.text, r.name, r.country or "", str(r.geonames_id or ""), coords])
        return ["text", "name", "country", "geonames", "lat, lon"], rows
    for r in records:
        rows.append([r.kind, r.label(), short(r.spans[0].text)])
    return ["kind", "label", "text"], rows


def _article_table(analysis: Analysis) -> Table:
    a = analysis.article
    table = Table(show_header=False, title=f"article {a.id}")
    fields: list[tuple[str, Any]] = [
        ("source", a.source_path),
        ("outlet", a.outlet),
        ("published", a.published),
        ("updated", a.updated),
        ("title", a.title),
        ("dateline", a.dateline and f"{a.dateline.place}, {a.dateline.country}, {a.dateline.date}"),
        ("according to", a.source),
        ("url", a.url),
    ]
    for name, value in fields:
        if value not in (None, "", False):
            table.add_row(name, str(value))
    return table


def record_table(kind: str, records: Sequence[Record]) -> Table:
    """A titled table of records of one kind."""
    columns, rows = record_rows(kind, records)
    table = Table(*columns, title=f"{plural(kind)} ({len(rows)})")
    for row in rows:
        table.add_row(*row)
    return table


def render_analysis(analysis: Analysis, console: Console) -> None:
    """Print an article's metadata and its records, a table per kind."""
    console.print(_article_table(analysis))
    for kind in ("entity", "statement", "event", "claim", "time", "place"):
        records = analysis.of_kind(kind)
        if not records:
            continue
        console.print(record_table(kind, records))


# --------------------------------------------------------------------------------------------- corpus-level groups


def _plural_n(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _when(article: Article | None, fallback: str | None = None) -> str:
    return ((article.published if article else None) or fallback or "undated")[:10]


def _span(start: str | None, end: str | None) -> str:
    if not start:
        return "undated"
    return start[:10] + (f" – {end[:10]}" if end and end != start else "")


def group_rows(
    what: str, groups: Sequence[Mapping[str, Any]], articles: Mapping[str, Article]
) -> tuple[list[str], list[list[str]]]:
    """Column names and rows for a table of corpus-level groups (``dateline query <what>``): labels, dates,
    outlets and figures in words; ids only where a group has no other name. ``articles``: the groups'
    articles by id (for dates and outlets)."""
    rows: list[list[str]] = []
    if what == "series":
        for g in groups:
            occurrences = []
            for m in g.get("members", []):
                a = articles.get(m["article_id"])
                outlet = f" ({a.outlet})" if a and a.outlet else ""
                occurrences.append(f"{ordinal(m.get('ordinal'))} {_when(a, m.get('date'))}{outlet}".strip())
            since = f"{recurrence(g.get('period'))} since {g.get('base_date')}"
            rows.append([str(g.get("label") or g["id"]), since, ", ".join(occurrences)])
        return ["series", "recurs", "occurrences"], rows
    if what == "stories":
        for g in groups:
            ids = g.get("article_ids", [])
            outlets = distinct_names(a.outlet for i in ids if (a := articles.get(i)) and a.outlet)
            rows.append(
                [str(g.get("label") or g["id"]), _span(g.get("start"), g.get("end")), str(len(ids)), ", ".join(outlets)]
            )
        return ["story", "dates", "articles", "outlets"], rows
    if what == "ledger":
        for g in groups:
            first, by = g.get("first_seen"), g.get("first_claimant")
            n = len(g.get("claimants", []))
            # Who said it first matters only where several say it.
            first_text = (first[:10] + (f" ({source_name(by)})" if by and n > 1 else "")) if first else ""
            rows.append(
                [
                    f"{figure_of(g)} {g.get('predicate', '')}".strip(),
                    ", ".join(source_name(c) for c in g.get("claimants", [])),
                    first_text,
                    _plural_n(n, "source"),
                    str(len(g.get("disagreements", []))),
                ]
            )
        return ["figure", "according to", "first seen", "sources", "disagreeing figures"], rows
    if what == "repeated":
        for g in groups:
            ids = g.get("article_ids", [])
            dates = sorted(_when(articles.get(i)) for i in ids)
            when = _span(dates[0], dates[-1]) if dates and dates[0] != "undated" else "undated"
            rows.append([str(g.get("speaker") or ""), short(g.get("content"), 70), str(len(ids)), when])
        return ["speaker", "said", "articles", "dates"], rows
    if what == "canonical":
        for g in groups:
            aliases = ", ".join(distinct_names(g.get("aliases", []), besides=str(g.get("name", ""))))
            rows.append(
                [str(g.get("name", "")), str(g.get("type", "")), short(aliases, 60), str(g.get("mentions", ""))]
            )
        return ["name", "type", "aliases", "mentions"], rows
    for g in groups:
        original = articles.get(str(g.get("original")))
        label = (original and (original.title or original.source_path)) or g.get("label") or g.get("name") or g["id"]
        rows.append([str(label), str(len(g.get("article_ids") or g.get("copies") or []))])
    return [what, "copies" if what == "duplicates" else "articles"], rows


def group_article_ids(groups: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every article a table of groups names (to read their dates and outlets once)."""
    ids: set[str] = set()
    for g in groups:
        ids.update(g.get("article_ids", []))
        ids.update(m["article_id"] for m in g.get("members", []))
        ids.update(str(i) for i in (g.get("original"),) if i)
    return ids


def group_table(what: str, groups: Sequence[Mapping[str, Any]], articles: Mapping[str, Article]) -> Table:
    columns, rows = group_rows(what, groups, articles)
    table = Table(*columns, title=f"{what} ({len(rows)})")
    for row in rows:
        table.add_row(*row)
    return table


def groups_panel(stories: Sequence[Mapping[str, Any]], series: Sequence[Mapping[str, Any]]) -> Table | None:
    """The stories and series an article belongs to, by label (``dateline show``)."""
    if not stories and not series:
        return None
    table = Table(show_header=False, title="stories and series")
    for g in stories:
        n = len(g.get("article_ids", []))
        table.add_row(
            "story", f"{g.get('label') or g['id']} ({_plural_n(n, 'article')}, {_span(g.get('start'), g.get('end'))})"
        )
    for g in series:
        table.add_row(
            "series", f"{g.get('label') or g['id']} ({recurrence(g.get('period'))} since {g.get('base_date')})"
        )
    return table
