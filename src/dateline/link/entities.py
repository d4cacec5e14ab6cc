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
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from dateline.link.text import country_code, lexicon, normalize, words
from dateline.model import Article, Entity, content_id
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

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

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
        )


def fold_surname(surname: str) -> tuple[str, bool]:
    """(masculine folded form, whether the form was feminine)."""
    folded = surname
    for old, new in lexicon()["transliterations"]:
        folded = folded.replace(old, new)
    for fem, masc in lexicon()["feminine_endings"]:
        if folded.endswith(fem) and len(folded) > len(fem) + 1:
            return folded[: -len(fem)] + masc, True
    return folded, False


def coarse_type(name: str, entity_type: str) -> str:
    coarse = _COARSE.get(entity_type.upper(), OTHER)
    heads = set(lexicon()["org_heads"])
    if coarse in (PERSON, OTHER) and any(w in heads for w in words(name)):
        return ORG
    return coarse


def _located(tokens: list[str]) -> tuple[str, str, str] | None:
    """(head, of-country, in-country) for "embassy of X in Y", "X's embassy to Y", "Xian embassy in Y"."""
    heads = set(lexicon()["located_heads"])
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


# Name forms remembered (a name recurs across mentions and articles; computing its form costs lexicon look-ups).
FORM_CACHE = 65_536


@functools.lru_cache(maxsize=FORM_CACHE)
def name_form(name: str, entity_type: str) -> NameForm:
    coarse = coarse_type(name, entity_type)
    tokens = [w for w in words(name) if w != "the"]
    if coarse == PERSON:
        titles = set(lexicon()["titles"])
        core = [w for w in tokens if w not in titles and not w.endswith(".")] or tokens
        surname, feminine = fold_surname(core[-1]) if core else ("", False)
        return NameForm(PERSON, tuple(core), tuple(core[:-1]), surname, feminine)
    if coarse == ORG:
        return NameForm(ORG, tuple(tokens), located=_located(tokens))
    return NameForm(coarse, tuple(tokens))


def block_keys(form: NameForm) -> list[str]:
    if form.coarse == PERSON and form.surname:
        # The given name's initial as a second key: full-name matches share both keys and rank first.
        initial = [f"P:{form.surname}|{form.given[0][0]}"] if form.given else []
        return [f"P:{form.surname}", *initial]
    if form.located:
        return ["O:" + "|".join(form.located)]
    stop = {"of", "and", "for", "in", "on", "at", "to", "de", "la"}
    return [f"{form.coarse[0]}:{w}" for w in form.tokens if w not in stop and len(w) > 2]


def _same_given(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree: equal or variant spellings, or one is the other's initial."""
    first_a, first_b = a[0].rstrip("."), b[0].rstrip(".")
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return fuzz.ratio(first_a, first_b) >= NAME_SIMILARITY


def compatible(a: NameForm, b: NameForm) -> bool:
    """Whether two name forms may name the same entity (given names required to agree when both have one)."""
    if a.coarse != b.coarse:
        return False
    if a.coarse == PERSON:
        if a.feminine != b.feminine or fuzz.ratio(a.surname, b.surname) < NAME_SIMILARITY:
            return False
        return not (a.given and b.given) or _same_given(a.given, b.given)
    if a.located or b.located:
        return a.located == b.located
    return fuzz.token_sort_ratio(" ".join(a.tokens), " ".join(b.tokens)) >= ORG_SIMILARITY


def _score(form: NameForm, forms: list[NameForm]) -> int:
    """How strongly a canonical entity's forms support ``form``: 2 for a full-name match, 1 for partial."""
    best = 0
    for other in forms:
        if compatible(form, other):
            full = form.coarse != PERSON or bool(form.given and other.given)
            best = max(best, 2 if full else 1)
    return best


def entity_names(entity: Entity) -> list[str]:
    """The names an entity record is known by: its name and its capitalised aliases (not "he", "the minister")."""
    return [entity.name, *[a for a in entity.aliases if a[:1].isupper()]]


def resolve(session: LinkSession, entity: Entity, article: Article) -> str:
    """The canonical entity id for one per-article entity record (creating or updating the canonical entity)."""
    forms = [name_form(n, entity.type) for n in entity_names(entity)]
    main = forms[0]
    keys = sorted({k for f in forms for k in block_keys(f)})
    found = session.candidates(KIND, keys, cap=BLOCK_CAP, limit=CANDIDATES)
    by_name = _name_id(main)
    # One query for the candidates and the id a new entity would take.
    groups = session.get_groups(KIND, [*found, by_name])
    scored: list[tuple[int, str]] = []
    for cand in sorted(found):
        group = groups.get(cand)
        if group is None:
            continue
        stored = [NameForm.from_dict(f) for f in group["forms"]]
        if any(_conflicts(f, stored) for f in forms):
            continue
        score = max(_score(f, stored) for f in forms)
        if score:
            scored.append((score, cand))
    best = _pick(scored)
    group_id = best or _new_id(by_name, main, article, taken=by_name in groups)
    group = _merge(groups[best] if best else None, group_id, entity, forms, article)
    session.put_group(KIND, group_id, group, label=group["name"])
    session.add_keys(KIND, keys, group_id, cap=BLOCK_CAP)
    session.add_member(KIND, group_id, entity.id, entity.article_id, {"name": entity.name})
    return group_id


def _new_id(by_name: str, main: NameForm, article: Article, *, taken: bool) -> str:
    """A new canonical entity's id: ``by_name``, from its name alone, so that the same corpus gets the same ids
    whatever order its articles were linked in; with the article too when that id is ``taken`` by an entity
    it must not merge with (two people of the same name with conflicting offices)."""
    if not taken:
        return by_name
    return content_id("canonical", main.coarse, " ".join(main.tokens), article.id)


def _name_id(main: NameForm) -> str:
    return content_id("canonical", main.coarse, " ".join(main.tokens))


def _conflicts(form: NameForm, stored: list[NameForm]) -> bool:
    """A person form whose full name contradicts a stored full name of the same surname (different given names)."""
    if form.coarse != PERSON or not form.given:
        return False
    return any(
        s.given
        and fuzz.ratio(s.surname, form.surname) >= NAME_SIMILARITY
        and not _same_given(s.given, form.given)
        and s.feminine == form.feminine
        for s in stored
    )


def _pick(scored: list[tuple[int, str]]) -> str | None:
    """The candidate to merge with: the only full match, or the only partial match ("Farhadov" alone merges
    only when exactly one known entity could be meant)."""
    full = sorted(c for s, c in scored if s == 2)
    if full:
        return full[0]
    partial = sorted(c for s, c in scored if s == 1)
    return partial[0] if len(partial) == 1 else None


def _merge(
    group: dict[str, Any] | None, group_id: str, entity: Entity, forms: list[NameForm], article: Article
) -> dict[str, Any]:
    group = group or {
        "id": group_id,
        "name": entity.name,
        "type": entity.type,
        "aliases": [],
        "forms": [],
        "roles_over_time": [],
        "mentions": 0,
    }
    if len(forms[0].tokens) > len(name_form(group["name"], group["type"]).tokens):
        group["aliases"].append(group["name"])
        group["name"] = entity.name
    for alias in (entity.name, *entity.aliases):
        if alias != group["name"] and alias not in group["aliases"] and len(group["aliases"]) < MAX_FORMS:
            group["aliases"].append(alias)
    known = {normalize(" ".join(f["tokens"])) for f in group["forms"]}
    for form in forms:
        if normalize(" ".join(form.tokens)) not in known and len(group["forms"]) < MAX_FORMS:
            group["forms"].append(form.to_dict())
            known.add(normalize(" ".join(form.tokens)))
    group["aliases"] = sorted(set(group["aliases"]))
    group["mentions"] += 1
    date = article.reference_date
    _add_roles(group, entity, date.isoformat() if date else None)
    return group


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


def link(session: LinkSession, article: Article, entities: list[Entity]) -> list[Entity]:
    """Resolve every entity record of one article; the records with ``entity_id`` filled."""
    session.prefetch(KIND, (k for e in entities for n in entity_names(e) for k in block_keys(name_form(n, e.type))))
    return [dataclasses.replace(e, entity_id=resolve(session, e, article)) for e in entities]
