"""Canonical entities: per-article entity records resolved to one corpus-level entity.

Names are compared after stripping titles ("Ambassador Farhadov"), folding transliterations (Aliev/Aliyev)
and, for organisations located in a country ("Embassy of Azerbaijan in Islamabad"), as (head, of, in)
countries. Rules that keep different entities apart: a person never merges with an organisation (nor with a
name containing an organisation word: "Heydar Aliyev Foundation"); two persons need the same surname *and*
compatible given names (Heydar, Ilham and Leyla Aliyev(a) stay three people); the feminine surname form
(Aliyeva) is a different person from the masculine (Aliyev). Candidates come from blocking keys in
``link_keys``, never from a scan of all entities.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from dateline import countries
from dateline.link.text import country_code, lexicon, normalize, words
from dateline.model import Article, Entity, content_id
from dateline.normalize import INITIAL_STOP, initials
from dateline.store.corpus import GROUP_KINDS, LinkSession

KIND = GROUP_KINDS["canonical"]
# Largest block looked at per key: a surname shared by more canonical entities than this is too common to
# block on alone (the cost of linking one mention stays bounded whatever the corpus size).
BLOCK_CAP = 200
# Canonical entities compared per mention, most shared keys first (a full name shares its surname and
# given-initial keys, so the right candidate ranks before same-surname namesakes).
CANDIDATES = 40
# rapidfuzz ratio (0-100) at or above which two folded surnames / given names are spelling variants; 88
# accepts one edit in an 8-letter name ("Farhadov"/"Farkhadov" after folding) but not "Aliyev"/"Alimov".
NAME_SIMILARITY = 88
# Organisation names (without a located structure) merge at this token-sort ratio: word order and
# "the"/possessives differ between outlets, spellings rarely do.
ORG_SIMILARITY = 92
# Aliases and forms kept per canonical entity (the record stays small however often the entity is named).
MAX_FORMS = 40

PERSON, ORG, PLACE, OTHER = "PERSON", "ORG", "PLACE", "OTHER"
_COARSE = {"PERSON": PERSON, "PER": PERSON, "ORG": ORG, "NORP": OTHER, "GPE": PLACE, "LOC": PLACE, "FAC": ORG}


@dataclass(frozen=True)
class NameForm:
    """A name reduced for comparison."""

    coarse: str
    tokens: tuple[str, ...]
    given: tuple[str, ...] = ()
    surname: str = ""
    feminine: bool = False
    located: tuple[str, str, str] | None = None
    # The initials of a multi-word name ("european union" -> "eu"), or the letters of an acronym ("E.U.").
    acronym: str = ""
    # The canonical country a country name, alias or demonym stands for ("U.S.", "American").
    country: str = ""
    # A generational suffix ("jr"): Donald Trump Jr. is not Donald Trump.
    suffix: str = ""

    def to_dict(self) -> dict[str, Any]:
        # ``dataclasses.asdict`` gives the same, but copies each field through its generic recursion: a tenth of
        # a new entity's cost. Tuples as lists: the dict is what its JSON reads back as (``put_group``'s
        # ``handed_over``), so the verdicts remembered on an entity's forms match it with its next read.
        return {f: list(v) if isinstance(v := getattr(self, f), tuple) else v for f in _FORM_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NameForm:
        located = data.get("located")
        return cls(
            coarse=data["coarse"],
            tokens=tuple(data["tokens"]),
            given=tuple(data["given"]),
            surname=data["surname"],
            feminine=data["feminine"],
            located=(located[0], located[1], located[2]) if located else None,
            acronym=data.get("acronym", ""),
            country=data.get("country", ""),
            suffix=data.get("suffix", ""),
        )

    @property
    def is_acronym(self) -> bool:
        """A one-word name written as an acronym ("EU", "U.S."): it may stand for a longer name's initials."""
        return len(self.tokens) == 1 and bool(self.acronym) and self.acronym == self.tokens[0].replace(".", "")


_FORM_FIELDS = tuple(f.name for f in dataclasses.fields(NameForm))


def fold_surname(surname: str) -> tuple[str, bool]:
    """(masculine folded form, whether the form was feminine)."""
    folded = surname
    for old, new in lexicon()["transliterations"]:
        folded = folded.replace(old, new)
    for fem, masc in lexicon()["feminine_endings"]:
        if folded.endswith(fem) and len(folded) > len(fem) + 1:
            return folded[: -len(fem)] + masc, True
    return folded, False


@functools.cache
def lexicon_set(kind: str) -> frozenset[str]:
    """A word list of the linking lexicon as a set, built once (not once per name: a name met for the first time
    asked for three of them, a set built from each list every time, half of working out its name form)."""
    return frozenset(lexicon()[kind])


def coarse_type(name: str, entity_type: str) -> str:
    coarse = _COARSE.get(entity_type.upper(), OTHER)
    heads = lexicon_set("org_heads")
    if coarse in (PERSON, OTHER) and any(w in heads for w in words(name)):
        return ORG
    return coarse


def _located(tokens: list[str]) -> tuple[str, str, str] | None:
    """(head, of-country, in-country) for "embassy of X in Y", "X's embassy to Y", "Xian embassy in Y"."""
    heads = lexicon_set("located_heads")
    head_at = next((i for i, w in enumerate(tokens) if w in heads), None)
    if head_at is None:
        return None
    head, before, after = tokens[head_at], tokens[:head_at], tokens[head_at + 1 :]
    of_country = country_code(" ".join(before)) if before else None
    in_country = None
    for prep, phrase in _prep_phrases(after):
        code = country_code(phrase)
        if prep == "of" and of_country is None:
            of_country = code
        elif prep in ("in", "to", "at") and in_country is None:
            in_country = code
    if of_country is None or in_country is None:
        return None
    return head, of_country, in_country


def _prep_phrases(tokens: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    prep, phrase = "", list[str]()
    for word in tokens:
        if word in ("of", "in", "to", "at"):
            if prep and phrase:
                out.append((prep, " ".join(phrase)))
            prep, phrase = word, []
        elif word != "the":
            phrase.append(word)
    if prep and phrase:
        out.append((prep, " ".join(phrase)))
    return out


# Name forms, given-name pairs and name ids remembered (a name recurs across mentions and articles; computing
# its form costs lexicon look-ups, comparing two given names a rapidfuzz ratio, its id a JSON dump and a hash).
FORM_CACHE = 65_536
# Record look-ups remembered (``_look_up``). A batch asks for a record's look-up five times (its read-ahead's keys and
# new id, then its article's ``link``'s keys and new id, and ``resolve``), so the bound need hold one batch's
# records: 200 articles (``link.BATCH``) of 18.5 entity records on average (seeded AllSides, BBC and Reuters
# reports; p95 54), about 3,700, and 8,192 holds batches of twice that. Each entry holds ~790 bytes beyond the
# name forms it shares with ``name_form``'s memo (and a tuple of its names' alias keys, 48-64 bytes, whose strings
# ``alias_key``'s memo mostly holds too): at ``FORM_CACHE`` entries that was some 52 MB a process.
LOOK_UP_CACHE = 8_192


# Generational suffixes after a surname ("Arcade Joseph Comeaux Jr."): not the surname.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@functools.lru_cache(maxsize=FORM_CACHE)
def name_form(name: str, entity_type: str) -> NameForm:
    coarse = coarse_type(name, entity_type)
    tokens = [w for w in words(name) if w != "the"]
    if coarse != PERSON:
        tokens = _without_generic(tokens, "legal_suffixes" if coarse != PLACE else "place_generics")
    if coarse == PERSON:
        titles = lexicon_set("titles")
        core = [w for w in tokens if w not in titles and not w.endswith(".")] or tokens
        suffix = ""
        while len(core) > 1 and core[-1] in _SUFFIXES:
            suffix, core = core[-1], core[:-1]
        surname, feminine = fold_surname(core[-1]) if core else ("", False)
        return NameForm(PERSON, tuple(core), tuple(core[:-1]), surname, feminine, suffix=suffix)
    country = country_name(name)
    if country:
        # Every way of writing a country names one place, keyed by its canonical name.
        return NameForm(PLACE, tuple(w for w in words(country) if w != "the"), country=country)
    acronym = _acronym(name, tokens)
    if coarse == ORG:
        return NameForm(ORG, tuple(tokens), located=_located(tokens), acronym=acronym)
    return NameForm(coarse, tuple(tokens), acronym=acronym)


def _without_generic(tokens: list[str], kind: str) -> list[str]:
    """A name's words without a trailing generic word of the lexicon's ``kind``: an organisation's legal form
    ("microsoft corp" -> "microsoft"), a place's feature word ("qeshm island" -> "qeshm")."""
    generic = lexicon_set(kind)
    while len(tokens) > 1 and tokens[-1] in generic:
        tokens = tokens[:-1]
    return tokens


def _acronym(name: str, tokens: list[str]) -> str:
    """Initials of a multi-word name, or the letters of a name written as an acronym ("EU", "U.S.")."""
    letters = name.strip().removeprefix("the ").replace(".", "")
    if len(tokens) == 1 and 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha():
        return letters.casefold()
    # The tokens are case-folded, so the stop words' lower-cased comparison is theirs as they are.
    return initials(tokens, stop=INITIAL_STOP)


def country_name(name: str) -> str:
    """The canonical country a name, alias or demonym stands for, or "" (cities are not countries)."""
    text = " ".join(name.split())
    text = text[4:] if text[:4].casefold() == "the " else text
    return countries.country_name(text) or countries.demonym_name(text) or ""


def block_keys(form: NameForm) -> list[str]:
    if form.coarse == PERSON and form.surname:
        # The given name's initial as a second key: full-name matches share both keys and rank first.
        initial = [f"P:{form.surname}|{form.given[0][0]}"] if form.given else []
        return [f"P:{form.surname}", *initial, *_full_key(form)]
    if form.country:
        return ["C:" + normalize(form.country)]
    if form.located:
        return ["O:" + "|".join(form.located)]
    stop = {"of", "and", "for", "in", "on", "at", "to", "de", "la"}
    # An acronym and its expansion share the initials key (both kinds: "EU" may be tagged ORG or GPE).
    initials = [f"A:{form.acronym}"] if form.acronym else []
    # The whole name whatever its kind (a one-word name too: "Huntsville" tagged a place here, an ORG there).
    return [
        *initials,
        "X:" + " ".join(form.tokens),
        *(f"{form.coarse[0]}:{w}" for w in form.tokens if w not in stop and len(w) > 2),
    ]


def _full_key(form: NameForm) -> list[str]:
    """The whole name, whatever its kind: the same full name tagged differently still meets."""
    return ["X:" + " ".join(form.tokens)] if len(form.tokens) >= 2 else []


@functools.lru_cache(maxsize=FORM_CACHE)
def alias_key(name: str) -> str:
    """The key under which a canonical entity is found by a short form it was learned to go by ("the Fed");
    remembered, as ``name_form`` is: every name of every record and candidate asks for it."""
    return "N:" + " ".join(w for w in words(name) if w != "the")


def _same_given(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree: equal or variant spellings, one the other's initial or its start ("Fred",
    "Frederick"), or one person known by a middle name ("W. Mark Felt", "Mark Felt")."""
    if _same_first(a[0], b[0]):
        return True
    # Most given names are one word: the middle names' loops only where there are any (a person's candidates
    # are mostly namesakes of the same surname, each asked this; bench/RESULTS-linking.md, session 19).
    if len(a) > 1 and any(_same_first(g, b[0]) for g in a[1:] if len(g) > 1):
        return True
    return len(b) > 1 and any(_same_first(a[0], g) for g in b[1:] if len(g) > 1)


@functools.lru_cache(maxsize=FORM_CACHE)
def _same_first(a: str, b: str) -> bool:
    """Two given names (or initials) agree. Remembered: a full name's candidates are mostly namesakes, so the
    same pairs of common given names ("john", "david") are asked again and again, each a rapidfuzz ratio."""
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a == b:
        # ``fuzz.ratio`` of equal strings is 100.
        return True
    # The shorter first, ``a`` when both are as long (as a stable sort by length orders them).
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return fuzz.ratio(a, b) >= NAME_SIMILARITY or (len(shorter) >= 3 and longer.startswith(shorter))


def _similar_surnames(a: str, b: str) -> bool:
    """Two folded surnames are spelling variants (``NAME_SIMILARITY``); equal ones without asking rapidfuzz
    (its ratio of equal strings is 100): a person's candidates mostly share the record's surname."""
    return a == b or fuzz.ratio(a, b) >= NAME_SIMILARITY


def _similar_orgs(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two organisation names' token-sort ratio reaches ``ORG_SIMILARITY``. The ratio is 100 * (1 - d / n) for
    an edit distance d at least the two texts' difference in length and n their summed length, so texts whose
    lengths differ by more than (100 - ORG_SIMILARITY)% of n cannot reach it and are not scored (integers, so
    no rounding decides; a name form's tokens hold no whitespace, so sorting them keeps each text's length):
    64% of the pairs on the linking continuation (bench/RESULTS-linking.md, session 19)."""
    x, y = " ".join(a), " ".join(b)
    if 100 * abs(len(x) - len(y)) > (100 - ORG_SIMILARITY) * (len(x) + len(y)):
        return False
    return fuzz.token_sort_ratio(x, y) >= ORG_SIMILARITY


def compatible(a: NameForm, b: NameForm) -> bool:
    """Whether two name forms may name the same entity (given names required to agree when both have one)."""
    if a.country or b.country:
        return a.country == b.country
    if len(a.tokens) >= 2 and a.tokens == b.tokens and a.suffix == b.suffix and not (a.located or b.located):
        # The same full name tagged differently in two articles ("Bettie Page" as a person and as an ORG).
        return True
    if a.coarse == PERSON or b.coarse == PERSON:
        if a.coarse != b.coarse:
            return False
    elif a.is_acronym != b.is_acronym:
        return (a.acronym or "-") == (b.acronym or "+")
    elif a.tokens == b.tokens and not (a.located or b.located):
        # One name tagged as a place in one article and an organisation in another ("Huntsville" the town and
        # its prison, "Seacom"): a tagger's guess, not two entities.
        return True
    if a.coarse != b.coarse:
        return False
    if a.coarse == PERSON:
        if a.feminine != b.feminine or not _similar_surnames(a.surname, b.surname):
            return False
        if not (a.given and b.given):
            return True
        return a.suffix == b.suffix and _same_given(a.given, b.given)
    if a.located or b.located:
        return a.located == b.located
    return _similar_orgs(a.tokens, b.tokens)


# How strongly a stored form supports a record's form (``_score``): a full-name match (any kind but a person,
# or a person's given name and surname both), or a partial one (a person's surname alone, on either side).
FULL_MATCH, PARTIAL_MATCH = 2, 1


def _score(form: NameForm, forms: list[NameForm]) -> int:
    """How strongly a canonical entity's forms support ``form``: ``FULL_MATCH``, ``PARTIAL_MATCH`` or 0."""
    best = 0
    for other in forms:
        if compatible(form, other):
            if form.coarse != PERSON or (form.given and other.given):
                # No other form can score more.
                return FULL_MATCH
            best = PARTIAL_MATCH
    return best


def entity_names(entity: Entity) -> list[str]:
    """The names an entity record is known by: its name and its capitalised aliases (not "he", "the minister")."""
    return _names(entity.name, entity.aliases)


def _names(name: str, aliases: Iterable[str]) -> list[str]:
    """``entity_names`` of a record of ``name`` and ``aliases``."""
    return [_one_line(n) for n in (name, *aliases) if n[:1].isupper()] or [_one_line(name)]


def _one_line(name: str) -> str:
    """A name run across a line break ("Teixeira\nBoston", "html\nSeacom"): its first capitalised line."""
    if "\n" not in name:
        return name
    return next((line.strip() for line in name.splitlines() if line.strip()[:1].isupper()), name)


class _Candidate(NamedTuple):
    """A canonical entity that may be meant: ``FULL_MATCH`` or ``PARTIAL_MATCH`` (also for a learned one); how often
    it was learned to go by the record's names in articles that also gave its full name; its mentions.
    A named tuple, not a frozen dataclass: one is made per candidate judged (hundreds per long report), and a
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``."""

    score: int
    learned: int
    mentions: int
    group_id: str


def resolve(session: LinkSession, entity: Entity, article: Article, *, host: str | None = None) -> str:
    """The canonical entity id for one per-article entity record (creating or updating the canonical entity).

    ``host``: the canonical entity a short form ("Trump", "the Fed", "EU") was resolved to inside the article;
    the record joins it, and the entity learns to go by the short form in other articles too."""
    look = _entity_look_up(entity)
    names, forms, keys = list(look.names), list(look.forms), look.keys
    main = forms[0]
    if host is not None:
        hosting = session.peek_groups(KIND, [host]).get(host)
        group_id, group = host, _own(hosting) if hosting else None
    else:
        # Its forms' keys and its names' alias keys (``candidates`` looks up their set, in any order).
        found = session.candidates(KIND, look.looked_up, cap=BLOCK_CAP, limit=CANDIDATES)
        by_name = look.by_name
        # One query for the candidates and the id a new entity would take; read-only, only the one chosen is
        # copied to be changed.
        groups = session.peek_groups(KIND, [*found, by_name])
        record = _record_token(session, forms, names)
        scored = _judged(session, sorted(found), groups, forms, look.name_keys, record)
        best = _pick(scored)
        if (
            best
            and len(main.tokens) >= 2
            and lone(groups[best])
            and not any(c.score == FULL_MATCH for c in scored if c.group_id == best)
        ):
            # A full name does not join a short form met earlier ("Comeaux" before "Arcade Comeaux"): it starts
            # its own entity and the merge pass folds the short form in, as if the full name had come first.
            best = None
        group_id = best or _new_id(by_name, main, article, taken=by_name in groups)
        # The chosen one as peeked, its changing parts copied: no second parse of its row.
        group = _own(groups[best]) if best else None
    # The short forms the entity goes by: a hosted record's names, or a record's own aliases ("Teixeira").
    learned = names if host else names[1:]
    group = _merge(group, group_id, entity, forms, article, learned=learned, hosted=host is not None)
    # ``group`` is this call's own (``_own``'s copy or new) and not used again: handed over as the row's parsed form.
    session.put_group(KIND, group_id, group, label=group["name"], handed_over=True)
    session.add_keys(KIND, [*keys, *(alias_key(n) for n in learned)], group_id, cap=BLOCK_CAP)
    session.add_member(KIND, group_id, entity.id, entity.article_id, {"name": entity.name})
    return group_id


def _stored_forms(session: LinkSession, group_id: str, group: dict[str, Any]) -> tuple[int, list[NameForm]]:
    """The name forms of a read-only (peeked) group dict, parsed once per version of the group, with a token
    that stays the same while its forms do: an entity named in every article is written (a new version) each
    time, its mentions and aliases counted, but its forms seldom change, and nor do the verdicts on them.
    Remembered per version (``LinkCache.held``, ``keep``): asked of every candidate a record meets."""
    cache = session.cache
    key = ("forms", id(group))
    found = cache.held(key, group)
    if found is not None:
        answer: tuple[int, list[NameForm]] = found[1]
        return answer
    raw = group["forms"]
    last = cache.memo(("forms", group_id))
    if last is not None and last[0] == raw:
        answer = (last[1], last[2])
    else:
        answer = (cache.token(), [NameForm.from_dict(f) for f in raw])
        # The raw list is a peeked row's: never changed, so it can stand for the content it parsed to.
        cache.remember(("forms", group_id), (raw, *answer))
    cache.keep(key, group, answer)
    return answer


def _record_token(session: LinkSession, forms: list[NameForm], names: list[str]) -> int:
    """A token for a record's forms and names, looked up once per record, not hashed again per candidate."""
    key = ("record", tuple(forms), tuple(names))
    token = session.cache.memo(key)
    if token is None:
        token = session.cache.token()
        session.cache.remember(key, token)
    return int(token)


def _judged(
    session: LinkSession,
    group_ids: Iterable[str],
    groups: dict[str, dict[str, Any]],
    forms: list[NameForm],
    name_keys: tuple[str, ...],
    record: int,
) -> list[_Candidate]:
    """``_judge`` of each of ``group_ids`` held in ``groups`` (read-only, peeked group dicts), in that order, the
    candidates it does not reject; each verdict remembered per version of the group (``LinkCache.held``, ``keep``):
    names recur from article to article, and most candidate groups are unchanged since the same names last met
    them. ``name_keys``: the alias keys of the record's names; ``record``: ``_record_token`` of its forms and names.

    One call per record, not one per candidate: a long report's records meet some 300 candidates, about half
    answered from memory, and each went through the cache with a closure of its own."""
    cache = session.cache
    out: list[_Candidate] = []
    for group_id in group_ids:
        group = groups.get(group_id)
        if group is None:
            continue
        key = ("candidate", group_id, id(group), record)
        found = cache.held(key, group)
        if found is not None:
            judged = found[1]
        else:
            judged = _judge(session, group_id, group, forms, name_keys, record)
            cache.keep(key, group, judged)
        if judged is not None:
            out.append(judged)
    return out


def _ruled_out(forms: list[NameForm], stored: list[NameForm]) -> bool:
    """A record of ``forms`` cannot name an entity of the ``stored`` forms (a conflicting full name, another
    expansion of an acronym), however well its forms score."""
    return any(_conflicts(f, stored) for f in forms) or _other_expansion(forms, stored)


def _best_score(forms: list[NameForm], stored: list[NameForm]) -> int:
    """How strongly the ``stored`` forms support a record of ``forms`` (``_score``'s best; 0 for no forms),
    conflicts aside: the first full match (the most a pair gives) ends the search."""
    best = 0
    for form in forms:
        best = max(best, _score(form, stored))
        if best == FULL_MATCH:
            break
    return best


def _judge(
    session: LinkSession,
    group_id: str,
    group: dict[str, Any],
    forms: list[NameForm],
    name_keys: tuple[str, ...],
    record: int,
) -> _Candidate | None:
    """Whether the canonical entity ``group`` may be what a record of ``forms`` and names of alias keys
    ``name_keys`` names, and how strongly."""
    token, stored = _stored_forms(session, group_id, group)
    learned = 0
    if learned_as := group.get("learned"):
        for key in name_keys:
            learned += learned_as.get(key, 0)
    # The verdict on the forms depends on the forms alone: remembered across versions of the group.
    found = session.cache.memo(("verdict", record, token))
    if found is None:
        score = _best_score(forms, stored)
        if not score and not learned:
            # No form of the record fits one of the entity's and it was never learned to go by the record's
            # names: rejected whatever the verdict (None or 0), so the conflicts are not looked for. Most fresh
            # pairs end here (bench/RESULTS-linking.md, session 18); nothing is remembered, the verdict unknown.
            return None
        # The verdict: None when the record cannot name the entity, else the score.
        found = (None if _ruled_out(forms, stored) else score,)
        session.cache.remember(("verdict", record, token), found)
    score = found[0]
    if score is None:
        return None
    if not score and not learned:
        return None
    if learned >= LEARNED_FULL and len(forms[0].tokens) == 1:
        # A short form the entity is known by in several articles ("Trump", even where it was tagged ORG).
        score = FULL_MATCH
    return _Candidate(score or PARTIAL_MATCH, learned, int(group["mentions"]), group_id)


def _other_expansion(forms: list[NameForm], stored: list[NameForm]) -> bool:
    """A full name that would meet an entity only through one of its short forms while none of the entity's own
    full names fits it and each is of another kind or has the same initials: another expansion of an acronym
    ("Buenos Aires", a place, and "British Airways" known as "BA"; "Bank of America" or "the Bush
    administration" and "British Airways", all "BA"), which would join or not depend on which came first."""
    full = [f for f in forms if len(f.tokens) >= 2 and f.coarse != PERSON]
    known = [s for s in stored if len(s.tokens) >= 2 and s.coarse != PERSON]
    if not (full and known) or any(compatible(f, s) for f in full for s in known):
        return False
    return all(f.coarse != s.coarse or (f.acronym and f.acronym == s.acronym) for f in full for s in known)


# Times an entity must have been learned to go by a one-word name before that name alone is a full match.
LEARNED_FULL = 3


def _new_id(by_name: str, main: NameForm, article: Article, *, taken: bool) -> str:
    """A new canonical entity's id: ``by_name``, from its name alone, so that the same corpus gets the same ids
    whatever order its articles were linked in; with the article too when that id is ``taken`` by an entity
    it must not merge with (two people of the same name with conflicting offices)."""
    if not taken:
        return by_name
    return content_id("canonical", main.coarse, " ".join(main.tokens), article.id)


def _name_id(main: NameForm) -> str:
    return _id_of_name(main.coarse, " ".join(main.tokens))


@functools.lru_cache(maxsize=FORM_CACHE)
def _id_of_name(coarse: str, name: str) -> str:
    """``_name_id``'s hash, remembered: asked twice for every record (a JSON dump and a SHA-256 each time)."""
    return content_id("canonical", coarse, name)


def _conflicts(form: NameForm, stored: list[NameForm]) -> bool:
    """A person form whose full name contradicts a stored full name of the same surname (different given names)."""
    if form.coarse != PERSON or not form.given:
        return False
    return any(
        s.given
        and _similar_surnames(s.surname, form.surname)
        and (s.suffix != form.suffix or not _same_given(s.given, form.given))
        and s.feminine == form.feminine
        for s in stored
    )


# A surname or short form alone that several known entities could carry goes to the one named this many times
# more often than the next: "Trump" in a corpus full of Donald Trump and with a few Melania Trump articles.
DOMINANCE = 3


def _pick(scored: list[_Candidate]) -> str | None:
    """The candidate to merge with: the full match most often learned to go by the name; else, among partial matches ("Farhadov" alone), the
    only one, the one most often learned to go by this name, or one named far more often than the others."""
    full = sorted((-c.learned, c.group_id) for c in scored if c.score == FULL_MATCH)
    if full:
        return full[0][1]
    return _dominant(scored)


def _own(group: dict[str, Any]) -> dict[str, Any]:
    """A copy of a read-only (peeked) canonical entity that ``_merge`` may change: the lists and dicts it changes
    (aliases, forms, counts, offices) are copied, what it only replaces or reads is shared. Equal to a fresh read
    of the row (``get_group``), without parsing its JSON again for every record that joins it."""
    out = dict(group)
    out["aliases"] = list(group["aliases"])
    out["forms"] = list(group["forms"])
    for counts in ("alias_counts", "learned"):
        if counts in group:
            out[counts] = dict(group[counts])
    out["roles_over_time"] = [dict(role) for role in group["roles_over_time"]]
    return out


def _merge(
    group: dict[str, Any] | None,
    group_id: str,
    entity: Entity,
    forms: list[NameForm],
    article: Article,
    *,
    learned: list[str],
    hosted: bool,
) -> dict[str, Any]:
    # A country is named and typed by its canonical name however the article wrote it ("U.S.", "American").
    name, kind = (forms[0].country, "GPE") if forms[0].country else (entity.name, entity.type)
    group = group or {
        "id": group_id,
        "name": name,
        "type": kind,
        "aliases": [],
        "forms": [],
        "roles_over_time": [],
        "mentions": 0,
    }
    # A short form or headline run-on resolved inside its article never renames the entity it joined.
    if not hosted and len(forms[0].tokens) > len(name_form(group["name"], group["type"]).tokens):
        group["aliases"].append(group["name"])
        group["name"] = name
    _count(group.setdefault("alias_counts", {}), (s.text for s in entity.spans if s.text[:1].isupper()))
    _count(group.setdefault("learned", {}), (alias_key(n) for n in learned))
    for alias in (entity.name, *entity.aliases):
        if alias != group["name"] and alias not in group["aliases"] and len(group["aliases"]) < MAX_FORMS:
            group["aliases"].append(alias)
    # Kept per kind: a person's name tagged ORG in most articles still lets "Page" (a surname) find her.
    known = {(f["coarse"], normalize(" ".join(f["tokens"]))) for f in group["forms"]}
    for form in forms:
        key = (form.coarse, normalize(" ".join(form.tokens)))
        if key not in known and len(group["forms"]) < MAX_FORMS:
            group["forms"].append(form.to_dict())
            known.add(key)
    group["aliases"] = sorted(set(group["aliases"]))
    group["mentions"] += 1
    date = article.reference_date
    _add_roles(group, entity, date.isoformat() if date else None)
    return group


def _count(counts: dict[str, int], items: Iterable[str]) -> None:
    """Add one to each item's count (new items only while fewer than ``MAX_FORMS`` are counted)."""
    for item in items:
        if item in counts or len(counts) < MAX_FORMS:
            counts[item] = counts.get(item, 0) + 1


def _add_roles(group: dict[str, Any], entity: Entity, date: str | None) -> None:
    """Offices over time: each (title, of, to) with the first and last article date it was seen, and in how
    many articles. The title is kept whole, so "former President" is an office apart from "President"."""
    for role in entity.roles:
        key = [normalize(role.title), normalize(role.of or ""), normalize(role.to or "")]
        entry = next((r for r in group["roles_over_time"] if r["key"] == key), None)
        if entry is None:
            entry = {
                "key": key,
                "title": role.title,
                "of": role.of,
                "to": role.to,
                "first_seen": date,
                "last_seen": date,
                "articles": [],
                "count": 0,
            }
            group["roles_over_time"].append(entry)
        if date:
            entry["first_seen"] = min(filter(None, [entry["first_seen"], date]))
            entry["last_seen"] = max(filter(None, [entry["last_seen"], date]))
        if entity.article_id not in entry["articles"]:
            # The id list is capped; the count goes on (an article past the cap is counted per record).
            entry["count"] = entry.get("count", len(entry["articles"])) + 1
            if len(entry["articles"]) < MAX_FORMS:
                entry["articles"] = sorted([*entry["articles"], entity.article_id])
    group["roles_over_time"].sort(key=lambda r: (r["first_seen"] or "", r["key"]))


def short_form_of(short: Entity, full: Entity) -> bool:
    """Whether ``short`` names ``full`` by a shorter form in the same article: a surname alone ("Trump",
    "President Trump" for "Donald Trump"), an acronym of its initials ("EU"), or the start of its first word
    ("the Fed" for "Federal Reserve"). Countries and names used as modifiers are never short forms."""
    if short.id == full.id:
        return False
    return _short_form(name_form(short.name, short.type), name_form(full.name, full.type))


def _short_form(s: NameForm, f: NameForm) -> bool:
    """``short_form_of`` on the two records' name forms (records known to be two)."""
    if s.country or f.country:
        return False
    if s.coarse == PERSON or f.coarse == PERSON:
        return s.coarse == f.coarse == PERSON and not s.given and bool(f.given) and compatible(s, f)
    if len(s.tokens) != 1 or len(f.tokens) < 2:
        return False
    if s.is_acronym:
        return s.acronym == f.acronym
    word = s.tokens[0]
    return len(word) >= 3 and s.coarse == f.coarse and f.tokens[0].startswith(word) and f.tokens[0] != word


# A line is a title-case headline when at least this share of its (three or more) words are capitalised.
HEADLINE_CAPITALISED = 0.7


def headline_run_on(long: Entity, full: Entity, text: str) -> bool:
    """Whether ``long`` is ``full``'s name run on into a title-case headline's next words ("Lindsay Lohan
    Check", "Microsoft Launches"): found only in such headlines, starting with all of ``full``'s words."""
    if long.id == full.id:
        return False
    return _run_on(long, name_form(long.name, long.type), name_form(full.name, full.type), text)


def _run_on(long: Entity, a: NameForm, b: NameForm, text: str) -> bool:
    """``headline_run_on`` given the two records' name forms (``a`` of ``long``; records known to be two)."""
    n = len(b.tokens)
    if not n or len(a.tokens) <= n or a.tokens[:n] != b.tokens:
        return False
    if b.coarse == PERSON and a.coarse not in (PERSON, OTHER):
        return False
    return all(_title_case_line(text, span.start) for span in long.spans)


def _title_case_line(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(line) >= 3 and sum(w[:1].isupper() for w in line) >= HEADLINE_CAPITALISED * len(line)


def hosts(entities: list[Entity], text: str) -> dict[int, int]:
    """Record index -> the index of the one record of the same article it is a short form (or a headline
    run-on) of; records with several possible full forms (two Petrovs) stay unresolved."""
    # Each record's name form is looked up once, not once per pair.
    forms = [name_form(e.name, e.type) for e in entities]
    # The records of each name: a run-on's full form is a record whose words start its own.
    by_tokens: dict[tuple[str, ...], list[int]] = {}
    for j, form in enumerate(forms):
        by_tokens.setdefault(form.tokens, []).append(j)
    pairs = range(len(entities))

    def hosting(i: int) -> list[int]:
        """The records ``i`` is a short form or a run-on of, in index order. Only a name of one word (or none)
        can be a short form (a person's short form has no given name; any other is one word), and only one of
        two or more words a run-on (it has more words than the full form it starts with): so a record is
        compared with every other only when it is one word, else only with the records its first words name
        (of 53,988 records of 3,000 AllSides articles' light records, 390 pairs per article were compared)."""
        form, ident = forms[i], entities[i].id
        n = len(form.tokens)
        if n <= 1:
            return [
                j
                for j in pairs
                if len(forms[j].tokens) != n and entities[j].id != ident and _short_form(form, forms[j])
            ]
        starts = sorted(j for k in range(1, n) for j in by_tokens.get(form.tokens[:k], ()))
        return [j for j in starts if entities[j].id != ident and _run_on(entities[i], form, forms[j], text)]

    # What each record is a short form of, worked out once per record: a full form must itself be no one's.
    full = [hosting(i) for i in pairs]
    return {i: found[0] for i, found in enumerate(full) if len(found) == 1 and not full[found[0]]}


def _record_keys(entities: Iterable[Entity]) -> Iterator[str]:
    """Every blocking key ``resolve`` looks up for ``entities`` (their names' keys and alias keys, as a
    canonical entity's are built: ``_group_keys``)."""
    for entity in entities:
        yield from _entity_look_up(entity).looked_up


def _by_name(entity: Entity) -> str:
    """The id a new canonical entity of ``entity`` would take from its name alone (``resolve``'s ``by_name``;
    ``_new_id`` adds the article when that id is taken)."""
    return _entity_look_up(entity).by_name


class _LookUp(NamedTuple):
    """What ``resolve`` works out of a record's name, aliases and type before it reads anything."""

    names: tuple[str, ...]
    forms: tuple[NameForm, ...]
    # The forms' blocking keys, sorted (what the entity is indexed under, with the alias keys it learns).
    keys: tuple[str, ...]
    # Every key the record's candidates are looked up by: ``keys`` and the names' alias keys (``_group_keys``).
    looked_up: tuple[str, ...]
    by_name: str
    # The names' alias keys, in ``names``' order (what ``_judge`` counts in a candidate's ``learned``).
    name_keys: tuple[str, ...]


def _entity_look_up(entity: Entity) -> _LookUp:
    """``_look_up`` of an entity record."""
    return _look_up(entity.name, tuple(entity.aliases), entity.type)


@functools.lru_cache(maxsize=LOOK_UP_CACHE)
def _look_up(name: str, aliases: tuple[str, ...], entity_type: str) -> _LookUp:
    """``_LookUp`` of a record of ``name``, ``aliases`` and ``entity_type`` (a function of the three alone): worked
    out once, where a batch asked for it five times (``LOOK_UP_CACHE``), and not again while it is among the last
    ``LOOK_UP_CACHE`` asked for (a name named again in the next batches)."""
    names = _names(name, aliases)
    forms = [name_form(n, entity_type) for n in names]
    keys = tuple(sorted({k for f in forms for k in block_keys(f)}))
    return _LookUp(
        tuple(names),
        tuple(forms),
        keys,
        tuple(_group_keys(forms, names)),
        _name_id(forms[0]),
        _name_keys(names),
    )


def prefetch(session: LinkSession, batch: Iterable[list[Entity]]) -> None:
    """Read what a batch of articles' entity records will look up, for the whole batch at once: their blocking
    keys' postings, the rows of the entities those postings hold (their candidates' pool) and the rows of the ids
    their new entities would take (one query per ``IN_BATCH`` keys or ids for the batch, instead of two per
    article and one per record that has candidates; a record ``link`` finds hosted takes no new id, but telling
    those apart needs each article's ``hosts``, and on real reports they are a few in a thousand). What the
    articles' linking adds meanwhile goes to the same caches (this process is the single writer), so the reads
    are what each article would read in its turn; a mid-batch flush may trim some, which are then read again.
    The link tables are the same with and without it (tests/link/test_readahead.py: batches, a second pass
    after a merge pass, a run stopped mid-batch and resumed, caches trimmed mid-batch, PostgreSQL)."""
    records = [e for entities in batch for e in entities]
    postings = session.prefetch(KIND, _record_keys(records))
    # With those ids, every entity the records' candidates can be drawn from (``candidates`` counts the items of
    # the lists of at most ``BLOCK_CAP``): read with the batch, not one query per record as each record's
    # candidates are peeked (10,000-article base, 100 added reports: 867 queries for 7,905 rows, of a pool of
    # 10,358). Read, not parsed: only the rows a record peeks are parsed, as before.
    pool = (item for items in postings.values() if len(items) <= BLOCK_CAP for item in items)
    session.prefetch_groups(KIND, chain((_by_name(e) for e in records), pool))


def link(session: LinkSession, article: Article, entities: list[Entity]) -> list[Entity]:
    """Resolve every entity record of one article (full forms first, then the short forms they host); the
    records with ``entity_id`` filled."""
    # Held already when ``link_batch`` read the batch ahead (``prefetch``), and then no query is sent; asked
    # here for the postings a mid-batch flush has trimmed since, and for a caller that links an article outside
    # a batch (tests/link/test_session.py).
    session.prefetch(KIND, _record_keys(entities))
    host_of = hosts(entities, article.text)
    # The ids new entities would take, read at once (most are new names, so each would be a query of its own).
    session.peek_groups(KIND, (_by_name(e) for i, e in enumerate(entities) if i not in host_of))
    ids: dict[int, str] = {}
    for i, entity in enumerate(entities):
        if i not in host_of:
            ids[i] = resolve(session, entity, article)
    for i, host in host_of.items():
        ids[i] = resolve(session, entities[i], article, host=ids[host])
    return [dataclasses.replace(e, entity_id=ids[i]) for i, e in enumerate(entities)]


# ------------------------------------------------------------------------------------- merge pass
# Linking is incremental, so a short form ("Comeaux", "Saints", "EU") met before the full name it stands
# for becomes an entity of its own, and a full name met twice before the articles that tie its forms together
# can start two entities. After each linking pass the entities it touched are looked at again against
# everything linked so far, so that what ends up merged does not depend on the order articles came in.


def lone(group: dict[str, Any]) -> bool:
    """A canonical entity known only by one-word forms (a surname, an acronym, a short form), not a country."""
    # Read off the stored forms' dicts (the two fields ``NameForm.from_dict`` would give the same), not a
    # ``NameForm`` built per form: asked of the chosen candidate of most records and of every group the merge
    # pass looks at, entities of up to ``MAX_FORMS`` forms (bench/RESULTS-linking.md, session 19).
    forms = group["forms"]
    return bool(forms) and all(len(f["tokens"]) == 1 and not f.get("country", "") for f in forms)


def _group_names(group: dict[str, Any]) -> list[str]:
    names = [group["name"], *group["aliases"]]
    return [n for n in names if n[:1].isupper()] or names[:1]


def _name_keys(names: Iterable[str]) -> tuple[str, ...]:
    """The alias keys of a record's names, in their order: what ``_judge`` counts in a candidate's ``learned``."""
    return tuple(alias_key(n) for n in names)


def _group_keys(forms: list[NameForm], names: list[str]) -> list[str]:
    return sorted({k for f in forms for k in block_keys(f)} | {alias_key(n) for n in names})


def _keys_of(group: dict[str, Any]) -> list[str]:
    """A canonical entity's blocking keys, from the names it goes by."""
    return _group_keys([NameForm.from_dict(f) for f in group["forms"]], _group_names(group))


def _dominant(scored: list[_Candidate]) -> str | None:
    """The only candidate, or the one learned to go by the name more often than any other, or named far more
    often than the next; none when two are as likely (two people who share a surname)."""
    ranked = sorted(scored, key=lambda c: (-c.learned, -c.mentions, c.group_id))
    if len(ranked) <= 1:
        return ranked[0].group_id if ranked else None
    first, second = ranked[0], ranked[1]
    if first.learned > second.learned or first.mentions >= DOMINANCE * max(second.mentions, 1):
        return first.group_id
    return None


def _host_group(session: LinkSession, group_id: str, group: dict[str, Any]) -> str | None:
    """The entity with a full name that a lone short-form entity stands for, judged on the corpus linked so far
    (full matches first; an entity that is itself lone never hosts)."""
    titles = lexicon_set("titles")
    forms = [f for f in map(NameForm.from_dict, group["forms"]) if len(f.tokens[0]) > 1 and f.tokens[0] not in titles]
    if not forms:
        # A title ("Sheriff") or an initial alone says nothing about whose it is.
        return None
    names = _group_names(group)
    found = session.candidates(KIND, _group_keys(forms, names), cap=BLOCK_CAP, limit=CANDIDATES)
    others = session.peek_groups(KIND, [c for c in found if c != group_id])
    record = _record_token(session, forms, names)
    scored = _judged(
        session, [cid for cid in sorted(others) if not lone(others[cid])], others, forms, _name_keys(names), record
    )
    # A name that fits (a surname, an acronym) or a short form learned often enough to count as a full match;
    # a short form learned once or twice (a record's stray alias) does not move a whole entity.
    # The candidate's forms as ``_judge`` parsed them (``_stored_forms``), not parsed again.
    fitting = [
        c
        for c in scored
        if c.score == FULL_MATCH or _best_score(forms, _stored_forms(session, c.group_id, others[c.group_id])[1]) > 0
    ]
    return _dominant([c for c in fitting if c.score == FULL_MATCH] or fitting)


def _same_full_name(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two entities that go by the same full name (two or more words, same suffix) and whose other names do not
    conflict. Only the names they go by count: a form learned from a headline run-on must not glue two."""
    x = name_form(a["name"], a["type"])
    if len(x.tokens) < 2 or not (x.country or _may_share_tokens(x.tokens, b["name"])):
        return False
    y = name_form(b["name"], b["type"])
    if x.tokens != y.tokens or x.suffix != y.suffix or not compatible(x, y):
        return False
    fa = [NameForm.from_dict(f) for f in a["forms"]]
    fb = [NameForm.from_dict(f) for f in b["forms"]]
    return not (any(_conflicts(f, fb) for f in fa) or any(_conflicts(f, fa) for f in fb))


def _may_share_tokens(tokens: tuple[str, ...], name: str) -> bool:
    """Whether ``name``'s form may have ``tokens``, for tokens that are not a country's: a form that is not a
    country's has words of its name as tokens, each a piece of the name normalised (a country's form has the
    country's canonical words, and then fits no form but that country's). The merge pass asks this of every
    candidate of every entity it looks at before working out the candidate's form, which for a name this
    process has not met costs some 33 us: on the 30,000-article bench 17,089 of the pass's 19,191 forms were
    candidates' for ``_same_full_name``, whose name test 9 of its 47,179 pairs passed
    (bench/RESULTS-linking.md, session 22)."""
    text = normalize(name)
    return all(t in text for t in tokens)


def _size(group_id: str, group: dict[str, Any]) -> tuple[int, str]:
    """Which of two entities absorbs the other: the more often named, then the smaller id (any order agrees)."""
    return -int(group["mentions"]), group_id


# Touched entities read at a time by the merge pass (bounded memory whatever the size of the pass).
MERGE_CHUNK = 1000


def merges(session: LinkSession, touched: Iterable[str]) -> dict[str, str]:
    """Canonical entity -> the entity it is to be folded into: lone short forms into the one full name they
    stand for, and entities sharing a full name into the more often named one."""
    out: dict[str, str] = {}
    looked_at: set[str] = set()
    ids = sorted(set(touched))
    for start in range(0, len(ids), MERGE_CHUNK):
        groups = session.peek_groups(KIND, ids[start : start + MERGE_CHUNK])
        lone_groups = {gid: g for gid, g in groups.items() if lone(g)}
        keys = {gid: _keys_of(g) for gid, g in groups.items() if gid not in lone_groups}
        # The chunk's blocking keys, then the groups they lead to, read in a query or two, not group by group.
        session.prefetch(KIND, (k for ks in keys.values() for k in ks))
        found = {gid: session.candidates(KIND, ks, cap=BLOCK_CAP, limit=CANDIDATES) for gid, ks in keys.items()}
        session.prefetch_groups(KIND, (c for cands in found.values() for c in cands))
        for gid in sorted(found):
            group = groups[gid]
            for oid, other in session.peek_groups(KIND, [c for c in found[gid] if c != gid]).items():
                if lone(other):
                    # A short form linked in an earlier pass, before this full name was known.
                    lone_groups.setdefault(oid, other)
                elif _same_full_name(group, other):
                    small, large = sorted([(gid, group), (oid, other)], key=lambda g: _size(*g), reverse=True)
                    out[small[0]] = large[0]
        session.prefetch(KIND, (k for gid, g in lone_groups.items() if gid not in looked_at for k in _keys_of(g)))
        for gid, group in sorted(lone_groups.items()):
            if gid not in looked_at:
                looked_at.add(gid)
                host = _host_group(session, gid, group)
                if host is not None:
                    out[gid] = host
    return {source: _final(out, source) for source in out}


def canonical_id(group: dict[str, Any]) -> str:
    """The id a canonical entity goes by: that of its fullest name form (most words, then the smaller id).
    It depends only on the names the entity ends up with, never on which of them came first."""
    ids = {(-len(f["tokens"]), _name_id(NameForm.from_dict(f))) for f in group["forms"]}
    return min(ids)[1] if ids else str(group["id"])


def renames(session: LinkSession, touched: Iterable[str], merged: dict[str, str]) -> dict[str, str]:
    """Entity -> the id it is to go by (``canonical_id`` of its data once ``merged`` is folded in), for the
    entities a pass touched or folded into whose id is not that one. An id held by another entity that stays
    (a namesake) is left alone."""
    sources: dict[str, list[str]] = {}
    for source, target in sorted(merged.items()):
        sources.setdefault(target, []).append(source)
    ids = sorted((set(touched) - set(merged)) | set(sources))
    out: dict[str, str] = {}
    for start in range(0, len(ids), MERGE_CHUNK):
        chunk = ids[start : start + MERGE_CHUNK]
        groups = session.get_groups(KIND, [*chunk, *(s for t in chunk for s in sources.get(t, []))])
        wanted: dict[str, str] = {}
        for gid in chunk:
            if gid not in groups:
                continue
            group = groups[gid]
            for source in sources.get(gid, []):
                if source in groups:
                    group = fold(group, groups[source])
            if (cid := canonical_id(group)) != gid:
                wanted[gid] = cid
        held = session.get_groups(KIND, wanted.values())
        claimed = set(out.values())
        # The entity named most often takes a free id two want (each rename target is one entity's).
        for gid in sorted(wanted, key=lambda g: _size(g, groups[g])):
            cid = wanted[gid]
            if cid not in claimed and (cid not in held or cid in merged):
                out[gid] = cid
                claimed.add(cid)
    return out


def _final(merged: dict[str, str], source: str) -> str:
    seen = {source}
    target = merged[source]
    while target in merged and merged[target] not in seen:
        seen.add(target)
        target = merged[target]
    return target


def fold(target: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    """``target``'s data with ``source``'s names, forms, counts and offices added (its name and id kept)."""
    out = dict(target)
    aliases = list(target["aliases"])
    for alias in (source["name"], *source["aliases"]):
        if alias != target["name"] and alias not in aliases and len(aliases) < MAX_FORMS:
            aliases.append(alias)
    out["aliases"] = sorted(aliases)
    for field in ("alias_counts", "learned"):
        counts = dict(target.get(field, {}))
        for item, n in source.get(field, {}).items():
            if item in counts or len(counts) < MAX_FORMS:
                counts[item] = counts.get(item, 0) + n
        out[field] = counts
    forms = list(target["forms"])
    known = {(f["coarse"], normalize(" ".join(f["tokens"]))) for f in forms}
    for form in source["forms"]:
        key = (form["coarse"], normalize(" ".join(form["tokens"])))
        if key not in known and len(forms) < MAX_FORMS:
            forms.append(form)
            known.add(key)
    out["forms"] = forms
    out["mentions"] = int(target["mentions"]) + int(source["mentions"])
    out["roles_over_time"] = _fold_roles(target["roles_over_time"], source["roles_over_time"])
    return out


def _fold_roles(target: list[dict[str, Any]], source: list[dict[str, Any]]) -> list[dict[str, Any]]:
    roles = {tuple(r["key"]): dict(r) for r in target}
    for role in source:
        entry = roles.get(tuple(role["key"]))
        if entry is None:
            roles[tuple(role["key"])] = dict(role)
            continue
        dates = [d for d in (entry["first_seen"], entry["last_seen"], role["first_seen"], role["last_seen"]) if d]
        entry["first_seen"], entry["last_seen"] = (min(dates), max(dates)) if dates else (None, None)
        articles = sorted({*entry["articles"], *role["articles"]})
        entry["count"] = (
            entry.get("count", 0)
            + role.get("count", 0)
            - (len(entry["articles"]) + len(role["articles"]) - len(articles))
        )
        entry["articles"] = articles[:MAX_FORMS]
    return sorted(roles.values(), key=lambda r: (r["first_seen"] or "", r["key"]))


def apply_merges(session: LinkSession, merged: dict[str, str]) -> None:
    """Fold each source entity into its target, or give it the target's id where no entity has it yet: data,
    members and blocking keys (records are the caller's)."""
    groups = session.get_groups(KIND, [*merged, *merged.values()])
    moves: list[tuple[str, str]] = []
    for source in sorted(merged):
        target = merged[source]
        if source not in groups:
            continue
        # A target not stored yet is the source renamed (``renames``): its data under the new id.
        base = groups.get(target)
        moved = groups.pop(source)
        groups[target] = fold(base, moved) if base is not None else {**moved, "id": target}
        session.put_group(KIND, target, groups[target], label=groups[target]["name"])
        moves.append((source, target))
    session.move_groups(KIND, moves)
