"""claims.rules: numeric claims — how many of whom (or how much money, what share), what happened, who says so.

A claim is a figure (digits, number words, or a vague quantity such as "hundreds of thousands of") with what
it measures: the noun it counts ("613 people", "70 elderly citizens"), a currency ("$2.3 billion", "£40m",
"Rs 500 crore" -> ISO code and the value in units) or a percentage ("8.2 percent", "3 percentage points").
A bare figure is not a claim, which keeps ordinals ("32nd"), years, durations ("44-day"), regiment numbers
and "a minute" out by construction. "130,000 to 150,000 jobs" is one claim with ``value_max``. Within a
sentence, "613 people, including 63 children, 106 women" makes the listed figures parts of the first, and
"... out of 1275 people" makes the first a part of the last.

The predicate comes from the parse: the word that governs the counted noun (or the figure) — the verb of an
active, passive or participial clause, a relative clause on the noun, a noun such as "toll" or "among the
dead" — mapped by lemma through ``data/claims.yaml``; its lemma is kept as ``predicate_text`` so the ledger can
say what a money amount or a percentage is about. Without a parse, the first lexicon phrase after the figure
decides. The claimant is the speaker of the statement whose content holds the figure (not a request, an act on
a thing or a misparsed speaker), or of the quotation a paragraph continues, resumes or splits around its cue,
or of a phrase framing its clause ("according to ...", "In a CBS News poll,"), or the writer who signs the
embedded post holding it, or the name a "Name:" label gives the quotation, or the claimant of a quotation carried
over from the paragraph before, else the outlet, speaking in its own voice (DESIGN.md, "Attribution over assertion").

Quantities and units are read by the patterns here rather than quantulum3: its unit model knows no counted
nouns ("613 people" is a dimensionless 613), it has no crore/lakh and it reads "$-5" as a negative amount;
what claims need from it — currency symbols, scale words, percentages — is a few lexicon lines.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.countries import country_code, demonym_code
from dateline.extract.statements.lexicon import (
    CLAUSE_POS,
    CLOSE_QUOTES,
    DOUBLED_APOSTROPHE,
    OPEN_QUOTES,
    SPEAKER_POS,
    STRAIGHT_QUOTE,
    Lexicon,
)
from dateline.extract.statements.records import CONJUNCT_DEP, POST_SIGNATURE
from dateline.extract.support.blocks import block_after, colon_closing
from dateline.extract.support.common import (
    MODAL_TAG,
    RELATIVE_TAGS,
    LastIndex,
    LastResult,
    alternation,
    climb,
    innermost_statement,
    numbers_lexicon,
    span_root,
    subtree_range,
    tie_rank,
    token_at,
    unit_nouns,
)
from dateline.extract.support.issuers import (
    ISSUING_TYPES,
    MAX_FRAME_HOPS,
    PERSONAL_PRONOUN_TAGS,
    PRONOUN_TAGS,
    Issuers,
    document_nouns,
    names_someone,
    reckoning_documents,
    reckoning_verbs,
)
from dateline.extract.support.speakers import PERSON, PLACE_TYPES, SUBJECT_DEPS, load_cues
from dateline.extract.support.subordinators import SUPPOSING_MARKS
from dateline.gazetteer import load_gazetteer
from dateline.model import CUE_SPEECH, Claim, Span, Speaker
from dateline.registry import extractor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dateline.model import Analysis, Article, Entity, Statement

NAME = "claims.rules"
VERSION = 42
# The kind of statement that reports speech in the writer's words, not quoted (``Statement.statement_kind``).
INDIRECT = "indirect"
# How many words may sit between a figure and its counted noun ("70 elderly citizens": one modifier).
MAX_MODIFIERS = 2
# v16: one more modifier where the parse hangs the figure on the noun as its count ("the two African American
# GOP members", "12 Russian military intelligence officers": nummod of the noun). 80 random AllSides reports
# (seed 9300): 4 claims added, all right; PolNeAR train 13 added, 12 with the claimant PolNeAR gives.
MAX_PARSED_MODIFIERS = 3
NUMMOD_DEP = "nummod"
# A verb's open complement, which says what befell the verb's subject where the verb names nothing (``_raised``).
OPEN_COMPLEMENT_DEP = "xcomp"
# How many words before a figure are searched for a hedge ("at least", "more than") or "the fate of".
HEDGE_WINDOW_WORDS = 3
FATE_WINDOW_WORDS = 3
# The suffix that makes a figure a lower bound ("$1 trillion-plus deficits"): approximate, as "more than" is.
PLUS_SUFFIX = "-plus"
# Four-digit figures after these words are years, not counts ("in 1994 people ...").
YEAR_LEADS = frozenset({"in", "since", "by", "until", "till", "during", "before", "after"})
# The speaker used when the outlet is unknown: the figure still needs a claimant, and this one says so.
UNKNOWN_OUTLET = "unknown outlet"
# No news figure has more significant digits than this or exceeds a quadrillion (world GDP is ~1e14 USD):
# anything beyond is a serial number, a hash or garbage, and would make an absurd claim.
MAX_DIGITS = 16
MAX_VALUE = 1e15
# The United States' alpha-2, whose dollar is the lexicon's "dollars", and the initial ISO 4217 gives a dollar.
US = "US"
DOLLAR_INITIAL = "D"
# The least number word that "and" may follow inside one number ("two hundred and five").
HUNDRED = 100
# The joiner that makes a range only after "between" ("between one and two pct"); elsewhere "and" coordinates two
# amounts ("gains of six, five and four rigs, respectively", "the six and eight peso wage increases"). Review draws,
# seeds 106100-106302: 17 of 17 "between X and Y" ranges right, 1 of 11 bare "X and Y" read as a range right.
COORDINATOR = "and"
# How many times larger or smaller than the second of two amounts under one unit the first may be ("denominations
# of 5,000 and 100,000 Canadian dlrs": 20); beyond, the first is another quantity whose unit the clause left out
# ("revenue passenger miles rose 43.2 pct to 4,573,200 from 3,192,700 and 34.3 pct"). Review draw (seeds
# 112020-112022): the 27 right pairs span at most 20 times, the 5 wrong ones at least 90,000.
PAIR_RATIO = 100
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# How many steps up the parse tree the governing word is looked for (noun -> preposition -> verb -> ...).
MAX_HOPS = 4
# Units that are not counted nouns: a money amount or a percentage has its predicate text from the parse.
PERCENT_UNITS = frozenset({"percent", "percentage point"})
# The parse's label of a relative clause, which set off by a comma is an aside ("the debt, which is ...")
# (issuers.RECKONING_ASIDE_DEPS are the asides on the way up to a verb of reckoning).
ASIDE_DEPS = frozenset({"relcl"})
# Heads of a speaker phrase that name who speaks: a noun, a name or a pronoun, and an adjective the parse
# tags in a noun's place ("the RealClearPolitics polling average", "many in the Republican establishment").
# On PolNeAR train 49 statements have an adjective head; admitting them turned 5 claimants right and 2 wrong.
# Not a number: a bare "one" or "four" is an elliptic or cut phrase ("four declined to name ..."), wrong for
# both claims it changed on a 200-report AllSides sample.
NOMINAL_HEADS = SPEAKER_POS | {"ADJ"}
# Named-entity labels that make a "Label:" a name: a person or an organisation ("Cory Booker:", "UN:").
LABEL_NAME_TYPES = frozenset({"PERSON", "ORG"})
# The parse's labels of a passive auxiliary ("is projected") and of a passive verb's "by" agent.
PASSIVE_DEP = "auxpass"
AGENT_DEP = "agent"
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
COMPOUND_DEP = "compound"
# v16: entity types whose mention may be widened over the proper nouns the parse compounds onto it.
NAME_RUN_TYPES = frozenset({"ORG"})
# The word that marks a comparative clause ("more broadly applied than Senator Sanders proposes", "grew faster
# than economists had expected"): the parse makes it the clause verb's marker, or the head of the verb as its
# prepositional complement.
COMPARATIVE_MARK = "than"
# Words that may name a pronoun's referent (a pronoun subject before it is the same referent, passed over).
NAMING_POS = frozenset({"PROPN", "NOUN"})
NEGATION_DEP = "neg"
# v19: a block quotation's introducing clause without a statement cue names its speaker only when a verb heads
# it ("Brad Malt ... summarizes the 2011 data:", "Terry Jeffery has more on the numbers:"); a clause of being
# describes its subject ("Bernie Sanders was 57 years old when ..., which brought charges of ...:").
BLOCK_CLAUSE_POS = "VERB"
# Dependents that complete a request verb into a request cue ("called for", "pushed for").
REQUEST_ATTACHMENT_DEPS = frozenset({"prep", "prt"})
# Heads of a noun object: what an act cue ("claimed 205 lives") does something to (``act_cues``).
OBJECT_POS = frozenset({"NOUN", "PROPN", "NUM"})
# The dependency of a content that is its verb's direct object ("unwilling to support a bill").
OBJECT_DEPS = frozenset({"dobj"})
# How far up from a figure its relative clause is looked for: a clause's object's modifier and its preposition.
ASIDE_HOPS = 6
# How many paragraphs back a quotation carried over paragraph breaks is followed (``_carried_quotation``): each
# step re-reads the claimant of the paragraph before, so the limit bounds that recursion. Of 688 runs of
# paragraphs carrying one quotation in the AllSides and BBC corpora (v31 review), 643 cross one break, 44 two to
# six, and one 11 (a speech printed whole), which is followed for its first 8.
MAX_CARRIED_PARAGRAPHS = 8
# v31: the nouns a name before a colon may hang on as a phrase's part ("a challenger to Hillary Clinton:").
HEAD_NOUN_POS = frozenset({"NOUN", "PROPN"})

# A cue after a quotation's closing mark is its own short clause ("Trump said.", "he tweeted"): its verb
# stands within this many characters of the mark's next word, room for a subject of a few words ("Senate
# Majority Leader Mitch McConnell said" has 39 before its verb) but not for a sentence of the outlet's.
CUE_AFTER_CHARS = 40
# v16: between a trailing cue's subject and its verb only adverbs and auxiliaries ("Gould also says", "the
# Commerce Department has reported"); a verb with a clause or an object after it has its own content.
TRAILING_CUE_GAP_POS = frozenset({"ADV", "AUX", "PART"})
TRAILING_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd"})
CONTENT_CLAUSE_DEP = "ccomp"
# v33: how a possessive pronoun ("our data") hangs on what it owns.
POSSESSIVE_DEP = "poss"
PRONOUN_POS = "PRON"
# v18: a document closing its sentence (", campaign finance records show."): its phrase holds at most this
# many words, all of them determiners, modifiers or nouns, and its last word is a document noun. A verb only as
# a gerund or participle the small model tags a verb ("fundraising documents", "leaked records"); a finite
# verb opens a clause ("officials said records show"): no document phrase.
MAX_TRAILING_DOCUMENT_WORDS = 5
DOCUMENT_PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART", "NUM"})
DOCUMENT_PHRASE_VERB_TAGS = frozenset({"VBG", "VBN"})
DOCUMENT_HEAD_POS = frozenset({"NOUN", "PROPN"})
# v27: the most characters a paragraph holding an embedded post may have before the post's signature: a post
# of 280 characters and the links the page prints with it ("https://t.co/...", "pic.twitter.com/..."); the
# longest of 51 signed posts holding a figure on a corpus scan of AllSides reports has 305, while a paragraph
# of the outlet's that a post closes ran to 4,161 (``_signed_post``).
MAX_POST_CHARS = 360
# A quotation's closing mark, and the punctuation and space between it and a cue after it.
_CLOSING = re.compile("|".join(re.escape(m) for m in (*CLOSE_QUOTES, DOUBLED_APOSTROPHE, STRAIGHT_QUOTE)))
_AFTER_CLOSING = re.compile(r"[\s,.;:!?—–-]*")
# What may stand between an indirect content and a quotation that runs on from it: punctuation and space.
_RUNS_ON = re.compile(r"[\s,;:—–-]*")
# What may stand between the content ending one paragraph and a quotation opening the next: the sentence's
# closing punctuation and marks, then the paragraph break.
_PARAGRAPH_BREAK = re.compile(r"[.!?\"”’']*[ \t]*\n\s*")
# A straight quotation mark, or wire copy's two apostrophes standing for one.
_STRAIGHT_MARKS = re.compile(re.escape(DOUBLED_APOSTROPHE) + "|" + re.escape(STRAIGHT_QUOTE))

# Four-digit figures in this span before a noun outside the units lexicon are years ("2018 midterms").
YEARS = (1800, 2100)
# Digits right after a month name within this range are the day of the month ("the Sept. 11 attacks", "the
# Nov. 6 midterm elections"), never a count of what follows.
MONTH_DAYS = (1, 31)
# How many steps up the parse a weighed quantity looks for its weight word ("weighs between 60 pounds and 70
# pounds": pounds -> between -> weighs).
WEIGHT_HOPS = 2
# How many characters before a figure are searched for the lead of a ratio: the longest lead ("seventy-seven
# out of every " has 27).
RATIO_LEAD_CHARS = 27
# The part that makes a bare "out of" a ratio's lead ("one out of five"); any other part makes a partitive.
RATIO_ONE = frozenset({"one", "1"})
# How many characters before a figure are searched for a gallery counter's lead ("Slideshow (" has 11, "1 of "
# fewer): the longest lead and a space more.
GALLERY_LEAD_CHARS = 12
# How many characters before a day of the month hold a month name's tail (". " after "Sept", one space
# more), and how many hold the month name itself with that tail ("September" has 9).
MONTH_TAIL_CHARS = 3
MONTH_LEAD_CHARS = 12

# What lies between an amount and its conversion into another currency, and what closes the conversion: an
# opening parenthesis, perhaps a hedge ("(about $1.3bn)"), and the closing one.
_CONVERSION_OPEN = re.compile(r"\s*\(\s*(?:(?:about|around|approximately|roughly|some|nearly|almost)\s+)?")
_CONVERSION_CLOSE = re.compile(r"\s*\)")
# "21 of those states": the figure counts the noun after the partitive.
_PARTITIVE = re.compile(r" of (?:those|these|the|its|their)(?= )", re.IGNORECASE)
# A ratio's lead: its part and "in" / "out of (every)" before the whole ("three in 10 voters", "one out of every
# six residents"); the part is read by `_ratio_part`.
_RATIO = re.compile(
    r"(?<![\w.,-])(?P<part>[\w.,-]+)\s+(?:in(?:\s+every)?|(?P<out>out of)(?P<every>\s+every)?)\s+$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# A word between a figure and its counted noun may be an initialism written with full stops ("2,200 U.S. troops",
# "35 U.K. diplomats"): read whole (any other word as ``_WORD``), so the parse can show it a modifier of the noun,
# where the plain word pattern stopped at its first full stop and lost the figure. v41, session 33: 4 counts
# missed in 150 unseen reports (seed 142000), and about 250 such phrases in the AllSides corpus ("troops",
# "officials", "citizens").
_UNIT_WORD = re.compile(rf"(?P<initialism>(?:[A-Za-z]\.){{2,}})|{_WORD.pattern}")
# Where an initialism opens no unit (session 33 review, seed 145000-145100: 23 added claims, 14 right): a
# ranking's "Top 10 U.S. fighter jets" (a list's heading, 4 of the 13 wrong over both hand checks) and a
# currency's subunit, "50 U.S. cents" (money by the guide, 0.50 USD, which the rules do not convert: 4 of the
# 16 wrong or unsure, all Reuters). Both stay as v40 left them, no claim.
_TOP_LEAD = re.compile(r"\btop\s+$", re.IGNORECASE)
_SUBUNIT = re.compile(r" (?:cents|pence)\b", re.IGNORECASE)
# A capitalised name of one or two words right after a figure, then a dollar word: "100 million Canadian dollars",
# "5.3 mln U.S. dlrs", "2.5 billion Taiwan dlrs" (the words must name a country: ``_named_dollar``).
_NAMED_DOLLAR = re.compile(r" (?P<land>[A-Z][\w.]*(?: [A-Z][\w.]*)?) (?P<word>[a-z]+)\b")
# A month name's optional full stop and the space before the day ("Sept. 11", "March 1").
_MONTH_TAIL = re.compile(r"\.?\s+$")
# The endings of a web address written without its scheme ("whitehouse.gov/briefings", "index.htm" and, by the
# ``\S*`` after it, "index.html"): the URL pattern and its pre-test (``_URL_NEEDS``) are both made from them.
_WEB_ENDINGS = ("com", "org", "net", "gov", "htm", "php")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:" + "|".join(_WEB_ENDINGS) + r")\S*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _personal_pronouns() -> frozenset[str]:
    """Pronouns that stand for the person who last spoke ("he", "she"): the genders of the cues lexicon."""
    return frozenset(load_cues()["pronouns"]["gender"].values())


@lru_cache(maxsize=1)
def _saying_verbs() -> frozenset[str]:
    """Verbs whose clause says a figure: the statement lexicon's clause verbs and the verbs of reckoning an
    issuer heads ("estimated", "projects")."""
    return Lexicon.load().clause | reckoning_verbs()[1]


@lru_cache(maxsize=1)
def _unit_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-cased (units, unit modifiers, words that block a count, modifiers kept in the unit) of the lexicon."""
    lex = numbers_lexicon()
    return (
        unit_nouns(),
        frozenset(m.lower() for m in lex["unit_modifiers"]),
        frozenset(w.lower() for w in lex["not_count_after"]),
        frozenset(w.lower() for w in lex["kept_modifiers"]),
    )


@lru_cache(maxsize=1)
def _scales() -> dict[str, int]:
    lex = numbers_lexicon()
    return {**{k.lower(): int(v) for k, v in lex["scales"].items()}, **_money_scales(), **_wire_scales()}


@lru_cache(maxsize=1)
def _wire_scales() -> dict[str, int]:
    """Wire copy's abbreviated scale words ("1.73 mln sets", "two mln"), kept out of the number words and scales
    that times.rules shares (there "1.5 mln days" would be a million-day duration)."""
    return {k.lower(): int(v) for k, v in numbers_lexicon()["wire_scales"].items()}


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    """The words a figure may be written in: the shared number words and wire copy's scales ("two mln")."""
    return {**{k.lower(): int(v) for k, v in numbers_lexicon()["number_words"].items()}, **_wire_scales()}


@lru_cache(maxsize=1)
def _money_scales() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in numbers_lexicon()["money_scales"].items()}


@lru_cache(maxsize=1)
def _figure_pattern() -> re.Pattern[str]:
    """Figures: an optional currency before, then a vague quantity, digits with an optional scale, or number
    words, then an optional percent sign or word and an optional currency word."""
    lex = numbers_lexicon()
    spaced = alternation(k for k in _scales() if len(k) > 2)
    glued = alternation(_money_scales())
    word = alternation(_number_words())
    # "and" joins number words inside one number only after a hundred or more ("two hundred and five"); after
    # a smaller one it joins two numbers ("between one and two pct" is 1 to 2, not 3).
    hundreds = alternation(w for w, v in _number_words().items() if v >= HUNDRED)
    vague = alternation(lex["vague"])
    before = alternation(lex["currency_before"])
    after = alternation(lex["currency_after"])
    percent = alternation(lex["percent_words"])
    return re.compile(
        rf"(?<![\w$£€¥₹.,/-])(?:(?P<cur>{before})\s?)?(?:"
        rf"(?P<vague>{vague})\s+of"
        rf"|(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?!,\d)|\d+(?!,\d))(?P<decimal>\.\d+)?"
        rf"(?:[-–](?P<upper>\d+(?:\.\d+)?)(?=(?:{glued})\b|\s+(?:{spaced})\b))?"
        rf"(?:(?P<glued>{glued})\b|\s+(?P<dscale>{spaced})\b)?"
        # The lookahead fails at once where no number word opens (most words); without it each such word
        # tries three alternations (the hundreds, the words of the repeat, the last word): the whole pattern
        # took 1.7 times as long.
        rf"|(?P<words>(?=(?:{word}))(?:(?:{hundreds})\s+and\s+|(?:{word})[\s-]+)*(?:{word}))"
        rf")(?:\s?(?P<pct>{percent}))?(?:\s+(?P<curword>{after}))?"
        # No word or hyphen runs on from a figure ("31-page", "$5,000-a-person" are modifiers), but a scale word
        # ending in "-lion" may be hyphened to the next ("$100 billion-a-year commitment", "$5 million-plus"):
        # v40 backtracked off the scale and read $100. v41, session 33: 26 such in 24 AllSides reports.
        rf"(?:(?<=lion)(?=-)|(?![\w-]))",
        re.IGNORECASE,
    )


@dataclass
class Figure:
    """A figure and what it measures, before it becomes a Claim."""

    start: int
    end: int
    value: float
    value_max: float | None
    approx: bool
    unit: str
    unit_predicate: str | None = None
    # Where the counted noun starts (the parse anchor), or None for money and percentages.
    noun_start: int | None = None
    # "21 of those states": a part of an earlier figure of the same unit.
    partitive: bool = False
    parent: int | None = None
    predicate: str | None = None
    predicate_text: str | None = None
    predicate_span: tuple[int, int] | None = None
    members: list[int] = field(default_factory=list)
    hedge: str | None = None
    # The currency word as written after the figure match that carries the unit: the figure's own, or the second
    # amount's for the first of a coordinated pair ("1,000 and 10,000 dlrs": "dlrs"); None for a count, a sign
    # ("$5") or a dollar a country's name qualifies ("5.3 mln U.S. dlrs": the match ends before the name).
    unit_word: str | None = None


def _word_value(text: str) -> float | None:
    """ "eight" -> 8, "twenty-five" -> 25, "two hundred" -> 200, "two dozen" -> 24, "three thousand five hundred"."""
    words = _number_words()
    total, current = 0, 0
    for part in re.split(r"[\s-]+", text.lower()):
        if part == "and":
            continue
        value = int(words[part])
        if value >= 1000:
            total += max(current, 1) * value
            current = 0
        elif value in (12, 100) and part != "twelve":
            # "hundred" and "dozen" multiply what precedes them ("two dozen" is 24, not 14).
            current = max(current, 1) * value
        else:
            current += value
    result = total + current
    return float(result) if result else None


@dataclass(frozen=True)
class Measure:
    """A figure match read as a number: (value, value_max, approx) and the unit it carries itself, if any."""

    value: float
    value_max: float | None
    approx: bool
    unit: str | None
    # What the figure's own scale word multiplies by ("20 million" 1e6, "two hundred thousand" 1e5), 1 for none:
    # a range's bare lower bound takes it ("15 to 20 million" is 15 million to 20 million).
    scale: float = 1
    # Where the figure ends when its currency is named past the match ("100 million Canadian dollars").
    end: int | None = None


def _measure(match: re.Match[str]) -> Measure | None:
    """The number a figure match states, or None when it is no sound figure (too long, glued "m" with no
    currency, infinite)."""
    lex = numbers_lexicon()
    unit = _own_unit(match)
    if match["vague"]:
        low, high = lex["vague"][match["vague"].lower()]
        return Measure(float(low), float(high), True, unit)
    if match["digits"]:
        digits = match["digits"].replace(",", "")
        if len(digits.lstrip("0")) > MAX_DIGITS or len(match["decimal"] or "") > MAX_DIGITS:
            return None
        value = float(digits + (match["decimal"] or ""))
        scale = (match["glued"] or match["dscale"] or "").lower()
        if match["glued"] and scale != "k" and unit not in lex["currency_before"].values():
            return None  # "40m" alone is forty metres as often as forty million
        factor: float = _scales().get(scale, 1)
        value *= factor
        # "$5-10 billion", "52-55 mln": a hyphened range under one scale (the pattern takes the upper bound only
        # before a scale word); the lower bound must be the smaller.
        upper = float(match["upper"]) * factor if match["upper"] else None
        if upper is not None and upper <= value:
            return None
    else:
        if all(part in _wire_scales() for part in re.split(r"[\s-]+", match["words"].lower())):
            return None  # a wire scale with no number before it: "72-75 mln acres" is not one million acres
        if (word := _word_value(match["words"])) is None:
            return None
        value, upper, factor = word, None, _words_scale(match["words"])
    if not math.isfinite(value) or value > MAX_VALUE or (upper is not None and upper > MAX_VALUE):
        return None
    return Measure(value, upper, False, unit, factor)


def _words_scale(words: str) -> float:
    """The scale words ending a figure in words, multiplied ("two hundred thousand" 1e5, "five mln" 1e6), when a
    number precedes them; 1 for none ("twenty", "a million" alone names no scale of a number before it)."""
    values = [_number_words()[part] for part in re.split(r"[\s-]+", words.lower()) if part != "and"]
    scale = 1
    while len(values) > 1 and values[-1] >= HUNDRED:
        scale *= values.pop()
    return float(scale)


def _own_unit(match: re.Match[str]) -> str | None:
    """The ISO currency or percent unit a figure carries itself ("$", "euros", "%"), or None for a count."""
    lex = numbers_lexicon()
    if match["pct"]:
        return str(lex["percent_words"][_fold(match["pct"])])
    if match["cur"]:
        return str(lex["currency_before"][next(k for k in lex["currency_before"] if k.lower() == match["cur"].lower())])
    if match["curword"]:
        return str(lex["currency_after"][match["curword"].lower()])
    return None


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _unit_after(text: str, end: int, doc: Doc | None, partitive: bool = False) -> tuple[int, int, str] | None:
    """The counted noun right after a figure (or after "of those" when ``partitive``): (noun start, end, unit)."""
    units, modifiers, blocked, kept = _unit_words()
    position = end
    if partitive and (found := _PARTITIVE.match(text, end)) is not None:
        position = found.end()
    words: list[str] = []
    for _ in range(MAX_PARSED_MODIFIERS + 1):
        word = _UNIT_WORD.match(text, position + 1) if text[position : position + 1] == " " else None
        if word is None:
            return None
        lower = word.group(0).lower()
        if lower in blocked:
            return None
        if word["initialism"] and (_SUBUNIT.match(text, word.end()) or _ranked(text, end)):
            return None
        if len(words) > MAX_MODIFIERS and not _counts(doc, end, word.start()):
            return None
        if (lower in units or _is_plural_noun(doc, word.start()) or _hyphenated_plural(doc, word)) and not (
            lower in modifiers and _unit_after(text, word.end(), doc) is not None
        ):
            # The unit is the head noun, with only the modifiers gold keeps as part of it ("elderly citizens").
            return word.start(), word.end(), " ".join([*(w for w in words if w.lower() in kept), word.group(0)])
        if lower not in modifiers and not _is_adjective(doc, word.start()) and not _is_compound(doc, word.start()):
            return None
        words.append(word.group(0))
        position = word.end()
    return None


def _ranked(text: str, end: int) -> bool:
    """Whether "top" leads the figure ending at ``end`` ("Top 10 U.S. imports"): a ranking, not a count."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return _TOP_LEAD.search(text, max(0, start - len("top") - 2), start) is not None


def _counts(doc: Doc | None, figure_end: int, char: int) -> bool:
    """Whether the parse makes the figure ending at ``figure_end`` the count of the noun at ``char`` (nummod)."""
    figure, noun = token_at(doc, figure_end - 1), token_at(doc, char)
    return figure is not None and noun is not None and figure.dep_ == NUMMOD_DEP and figure.head.i == noun.i


def _is_plural_noun(doc: Doc | None, char: int) -> bool:
    token = token_at(doc, char)
    return token is not None and token.tag_ in PLURAL_TAGS


def _hyphenated_plural(doc: Doc | None, word: re.Match[str]) -> bool:
    """Whether a hyphenated word is a plural noun heading its phrase: its last part, which the parse splits off
    ("asylum-seekers", "front-runners"), is plural and modifies no noun after it ("gun-rights activists"), and
    its first part is no number ("13 one-hundredths of a degree" is a fraction)."""
    hyphen = word.group(0).rfind("-")
    first = token_at(doc, word.start()) if hyphen > 0 else None
    token = token_at(doc, word.start() + hyphen + 1) if first is not None and not first.like_num else None
    if token is None or token.tag_ not in PLURAL_TAGS or token.dep_ == COMPOUND_DEP:
        return False
    return token.lower_ not in _unit_words()[2]  # a measure's unit is no count ("16 terawatt-hours")


def _is_adjective(doc: Doc | None, char: int) -> bool:
    token = token_at(doc, char)
    return token is not None and token.pos_ == "ADJ"


def _is_compound(doc: Doc | None, char: int) -> bool:
    """A noun modifying the counted noun ("500,000 manufacturing jobs"), or one link of a compound chain that
    ends on it ("500 health care workers", "750 Border Patrol agents": "health" hangs on "care", which hangs
    on "workers")."""
    token = token_at(doc, char)
    if token is None or token.dep_ not in {COMPOUND_DEP, "amod"}:
        return False
    head = token.head
    for _ in range(MAX_PARSED_MODIFIERS):
        if head.tag_ in PLURAL_TAGS or head.dep_ != COMPOUND_DEP or head.i <= token.i:
            break
        head = head.head
    return head.tag_ in PLURAL_TAGS


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    """A hedge ending the words before a figure ("about", "more than")."""
    return re.compile(rf"(?:^|\s)(?:{alternation(numbers_lexicon()['hedges'])})$")


def _hedge(text: str, start: int) -> str | None:
    """The hedge before a figure, lower-cased ("at least", "more than"), kept so a reader sees "at least 2,000"
    rather than "about 2,000"."""
    before = " ".join(w.lower() for w in _WORD.findall(text[max(0, start - 60) : start])[-HEDGE_WINDOW_WORDS:])
    found = _hedge_pattern().search(before)
    return found.group(0).strip() if found else None


# The strings one of which every ``_URL`` match holds, lower-cased, one per alternative of the pattern: its scheme
# or "www.", an e-mail's "@", a web ending after its dot (no character that ``re.IGNORECASE`` folds onto one of
# these letters lower-cases to anything else). Most reports hold none, and scanning one for ``_URL`` tries
# each of its words against each alternative.
_URL_NEEDS = ("http", "www.", "@", *(f".{ending}" for ending in _WEB_ENDINGS))


def _in_urls(text: str) -> list[tuple[int, int]]:
    lowered = text.lower()
    if not any(need in lowered for need in _URL_NEEDS):
        return []
    return [m.span() for m in _URL.finditer(text)]


@lru_cache(maxsize=1)
def _joiner() -> re.Pattern[str]:
    """What joins the two ends of a range ("130,000 to 150,000 jobs", "8 to 10 percent")."""
    return re.compile(rf"\s*(?:{alternation(numbers_lexicon()['range_joiners'])})\s*$", re.IGNORECASE)


def find_figures(text: str, doc: Doc | None = None) -> list[Figure]:
    """Every claimed figure in ``text``, in text order (no breakdowns or predicates yet)."""
    figures: list[Figure] = []
    urls = _in_urls(text)
    pending: tuple[int, int, Measure] | None = None  # a bare figure that may open a range: start, end, measure
    # A figure with its own currency and no scale that may open a range ("$15 to $20 million"), and its Figure.
    money_low: tuple[int, int, Measure, Figure] | None = None
    matches = list(_figure_pattern().finditer(text))
    # One sense per text: where the parse shows one "pounds" weighing something, every bare "pounds" in the
    # text is a weight ("130 pounds of sugar a year ... about three pounds a week").
    weights = [m for m in matches if m["curword"] and m["curword"].lower() in _weight_words()]
    weighed = any(_weighed(doc, m) for m in weights)
    for match in matches:
        if any(a <= match.start() < b for a, b in urls):
            continue
        measure = _measure(match)
        if (
            measure is not None
            and measure.unit is None
            and not match["vague"]
            and (named := _named_dollar(text, match.end()))
        ):
            measure = dataclasses.replace(measure, unit=named[1], end=named[0])
        if measure is not None and match in weights and ((weighed and not _scaled(match)) or _weighed(doc, match)):
            measure = None  # "weighs 130 pounds", "pounds of sugar": a weight, not money
        if measure is None:
            pending = None
            continue
        low, pending = pending, None
        start = match.start()
        joined = low is not None and _joins(text, low[0], low[1], start)
        if low is None and money_low is not None and _money_range(text, money_low, start, measure):
            # "$3.2 to $3.8 trillion": the lower bound carries its currency but not its scale.
            low, joined = money_low[:3], True
            figures.remove(money_low[3])
        money_low = None
        if low is not None and joined and (bound := _lower_bound(low[2], measure)) is not None:
            # "is not None": a range may open on 0 ("explained about 0 to 7 percent").
            start, measure = (
                low[0],
                dataclasses.replace(measure, value=bound, value_max=measure.value, approx=low[2].approx),
            )
        elif (
            low is not None
            and not joined
            and measure.unit is not None
            and (first := _first_of_pair(text, low, start, measure))
        ):
            first.unit_word = match["curword"]
            figures.append(first)
        figure = _figure(text, doc, match, start, measure)
        if figure is None:
            if (
                measure.unit is None
                and not match["vague"]
                and not _day_of_month(text, match)
                and not _year(text, match)
            ):
                pending = (start, match.end(), measure)
            continue
        figure.unit_word = match["curword"]
        figures.append(figure)
        if measure.unit is not None and measure.scale == 1 and measure.value_max is None and start == match.start():
            money_low = (start, match.end(), measure, figure)
    return figures


def _joins(text: str, low_start: int, low_end: int, start: int) -> bool:
    """Whether a range joiner alone lies between a lower bound and the figure at ``start``; "and" only after
    "between" ("between 3 and 4 pct", not "20 and five mln yen": two amounts)."""
    joiner = _joiner().match(text[low_end:start])
    if joiner is None:
        return False
    return text[low_end:start].strip().lower() != COORDINATOR or _BETWEEN.search(text, 0, low_start) is not None


def _first_of_pair(text: str, low: tuple[int, int, Measure], start: int, high: Measure) -> Figure | None:
    """The first of two amounts coordinated by "and" outside "between" (the caller has found that ``_joins``
    makes them no range: "denominations of 1,000 and 10,000 dlrs", "2.6 mln and 7.7 mln dlrs, respectively",
    "gains of four and seven pct"): its own claim in the second's currency or percent, the second's scale taken
    as a range's lower bound takes it; None when the pair is no such coordination. Each amount is a claim
    (guide), and the first is bare only because the unit is written once. Review draw (seeds 112020-112022,
    find_figures): 27 first amounts added, 27 right (``PAIR_RATIO`` keeps out 5 wrong); a bare first number as
    large as the second's ("20 and five mln yen": 20 million or 20 yen?) and a year ("certificates due 1995 and
    25 mln dlrs") are left out.
    """
    if text[low[1] : start].strip().lower() != COORDINATOR:
        return None
    takes = _takes_scale(low[2], high)
    if low[2].scale == 1 and high.scale > 1 and not takes:
        return None  # which scale the first takes is unknown
    value = low[2].value * high.scale if takes else low[2].value
    if not high.value / PAIR_RATIO <= value <= high.value * PAIR_RATIO:
        return None  # "rose to 4,573,200 from 3,192,700 and 34.3 pct year-to-date": another quantity's number
    digits = text[low[0] : low[1]]
    if re.fullmatch(r"\d{4}", digits) and YEARS[0] <= value <= YEARS[1]:
        return None  # "notes due 1995 and 25 mln dlrs": a year, then the next amount
    figure = Figure(low[0], low[1], value, None, low[2].approx, str(high.unit))
    figure.hedge = _hedge(text, low[0])
    if figure.hedge is not None:
        figure.approx = True
    return figure


def _money_range(text: str, low: tuple[int, int, Measure, Figure], start: int, high: Measure) -> bool:
    """Whether an amount with its own currency and no scale opens a range with the next one ("$3.2 to $3.8
    trillion", "$15 to $20 million"): a joiner between, the same currency, a scale the lower bound takes."""
    # Only one that lacks the scale (``low`` has none of its own): "from 395,000 dlrs to 2.9 mln dlrs" is a change
    # between two amounts.
    return high.unit == low[2].unit and _takes_scale(low[2], high) and _joins(text, low[0], low[1], start)


def _named_dollar(text: str, end: int) -> tuple[int, str] | None:
    """A dollar a country's name, demonym or abbreviation qualifies right after a figure ("100 million Canadian
    dollars", "U.S. dlrs", "Taiwan dlrs"): (where it ends, its ISO 4217 code), or None. The country is
    ``dateline.countries``' (its names and demonyms); a dollar is its own only for the ``dollar_countries``.
    """
    found = _NAMED_DOLLAR.match(text, end)
    if found is None or found["word"] not in _dollar_words():
        return None
    land = found["land"]
    code = country_code(land) or demonym_code(land)
    if code == US:
        return found.end(), str(numbers_lexicon()["currency_after"]["dollars"])
    if code in _dollar_countries():
        # ISO 4217 codes a national currency by the country's alpha-2 and the currency's initial (CAD, TWD).
        return found.end(), code + DOLLAR_INITIAL
    return None


@lru_cache(maxsize=1)
def _dollar_words() -> frozenset[str]:
    """The currency words of the US dollar ("dollars", "dlrs"), which a country's name before them makes its own."""
    usd = numbers_lexicon()["currency_after"]["dollars"]
    return frozenset(k.lower() for k, v in numbers_lexicon()["currency_after"].items() if v == usd)


def _lower_bound(low: Measure, high: Measure) -> float | None:
    """The value of a range's lower bound ``low`` before ``high``, or None when the two make no range.

    A lower bound with no scale of its own that is smaller than the upper bound's number takes the upper
    bound's scale ("15 to 20 million dollars" is 15 million, "between one and 1.25 billion" 1 billion); one
    as large keeps its own ("800,000 to 2.2 million"). The bound must stay below the upper one.
    """
    value = low.value * high.scale if _takes_scale(low, high) else low.value
    return value if value < high.value else None


def _takes_scale(low: Measure, high: Measure) -> bool:
    """Whether the first of two amounts under one unit takes the second's scale: it has none of its own and is
    smaller than the second's number ("15 to 20 million", "1,000 and 10,000 dlrs"; not "800,000 to 2.2 million")."""
    return low.scale == 1 and high.scale > 1 and low.value < high.value / high.scale


def _year(text: str, match: re.Match[str]) -> bool:
    """A year after a preposition of time ("from 1.2 billion in 1986 to 1.5 billion") opens no range."""
    digits = match["digits"]
    return bool(digits) and len(digits) == 4 and not _scaled(match) and _after_year_lead(text, match.start())


def _figure(text: str, doc: Doc | None, match: re.Match[str], start: int, measure: Measure) -> Figure | None:
    hedge = _hedge(text, start)
    # "$50 billion-plus" is more than $50 billion, a hedge written after the figure (v41: 6 of the 26 hyphened
    # scale words in AllSides).
    plus = text.startswith(PLUS_SUFFIX, match.end())
    figure = _measured(text, doc, match, start, measure, measure.approx or hedge is not None or plus)
    if figure is not None:
        figure.hedge = hedge
    return figure


def _measured(
    text: str, doc: Doc | None, match: re.Match[str], start: int, measure: Measure, approx: bool
) -> Figure | None:
    if measure.unit is not None:
        return Figure(start, measure.end or match.end(), measure.value, measure.value_max, approx, measure.unit)
    if _day_of_month(text, match):
        return None
    if _ratio_part(text, start, measure.value):
        return None  # "one in five jobs", "eight in 10 voters" are ratios, not counts of five or ten
    year = match["digits"] and len(match["digits"]) == 4 and not _scaled(match)
    if year and _after_year_lead(text, match.start()):
        return None
    # "one of the gravest crimes" singles one out; "21 of those states" counts them.
    partitive = measure.value > 1 and _PARTITIVE.match(text, match.end()) is not None
    unit = _unit_after(text, match.end(), doc, partitive)
    if unit is None:
        toll = _toll_unit(doc, start, match.end())
        return None if toll is None else Figure(start, match.end(), measure.value, measure.value_max, approx, toll)
    noun_start, unit_end, unit_text = unit
    head = unit_text.split()[-1].lower()
    if head in _gallery_nouns() and _gallery_lead().search(text, max(0, start - GALLERY_LEAD_CHARS), start):
        return None  # "1 of 21 Photos", "Slideshow (24 Images)": a photo gallery's counter, page furniture
    if year and YEARS[0] <= measure.value <= YEARS[1] and head not in _unit_words()[0]:
        return None  # "2018 midterms", "2020 candidates": a year naming the thing, not a count of it
    # "30 hostages" counts hostages; "20 dead", "30 wounded" count people, and the word is the predicate.
    unit_predicate = numbers_lexicon()["predicates"].get(head)
    adjectival = head in _unit_words()[1]
    return Figure(
        start,
        unit_end,
        measure.value,
        measure.value_max,
        approx,
        "people" if adjectival else unit_text,
        unit_predicate,
        noun_start,
        partitive=partitive,
    )


def _ratio_part(text: str, start: int, whole: float) -> bool:
    """Whether a figure is the whole of a ratio: a smaller number and "in" / "out of (every)" lead it.

    "Eight in 10 voters", "two in three Republicans", "one out of every six residents"; the part must be
    smaller than the whole, so "won 3 in 2 states" is no ratio. A bare "out of" after a part other than one is
    a partitive ("19 out of 522 stories", "seven out of 11 states" count their wholes). Counts: docs/extractors.md,
    ``claims.rules.v17``.
    """
    lead = _RATIO.search(text, max(0, start - RATIO_LEAD_CHARS), start)
    if lead is None:
        return False
    part = lead["part"].replace(",", "")
    if not part:
        return False
    if lead["out"] and not lead["every"] and part.lower() not in RATIO_ONE:
        return False  # "seven out of 11 states" counts the states, as "seven of the 11 states" does
    try:
        value = float(part) if part[0].isdigit() else _word_value(part)
    except (KeyError, ValueError):
        return False
    return value is not None and 0 < value < whole


def _day_of_month(text: str, match: re.Match[str]) -> bool:
    """Whether a bare figure is the day after a month name ("Sept. 11 attacks", "March 1 nears")."""
    if not match["digits"] or match["decimal"] or _scaled(match):
        return False
    if not MONTH_DAYS[0] <= int(match["digits"].replace(",", "")) <= MONTH_DAYS[1]:
        return False
    tail = _MONTH_TAIL.search(text, max(0, match.start() - MONTH_TAIL_CHARS), match.start())
    before = _WORD.findall(text[max(0, match.start() - MONTH_LEAD_CHARS) : tail.start()]) if tail is not None else []
    # Month names are matched as written (capitalised), so the verb "may" never makes a date.
    return bool(before) and before[-1] in _months()


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    """Month names and their abbreviations, from the times lexicon that owns them."""
    from dateline.extract.times import lexicon as times_lexicon

    return frozenset(str(name) for name in times_lexicon()["months"])


@lru_cache(maxsize=1)
def _gallery_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in numbers_lexicon()["gallery_nouns"])


@lru_cache(maxsize=1)
def _gallery_lead() -> re.Pattern[str]:
    """What stands before a gallery counter's total: "1 of 21 Photos" (CNN), "Slideshow (24 Images)" (Reuters)."""
    leads = alternation(w.lower() for w in numbers_lexicon()["gallery_leads"])
    return re.compile(rf"(?:\d+\s+of\s+|\b(?:{leads})\s*\(\s*)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _weight_words() -> frozenset[str]:
    """Currency words that are also units of weight ("pounds")."""
    return frozenset(w.lower() for w in numbers_lexicon()["weight_words"])


@lru_cache(maxsize=1)
def _weight_lemmas() -> frozenset[str]:
    """Lemmas that make a currency word that is also a weight measure weight ("weighs", "shed", "heavier")."""
    return frozenset(w.lower() for w in numbers_lexicon()["weight_lemmas"])


def _scaled(match: re.Match[str]) -> bool:
    """Whether a figure has a scale word or suffix ("5 million", "£40m")."""
    return bool(match["dscale"] or match["glued"])


def _weight_word(token: Token) -> bool:
    """Whether a word makes a weight of the currency word it governs or modifies ("weighs", "heavier")."""
    return token.tag_ == "JJR" or token.lemma_.lower() in _weight_lemmas()


def _weighed(doc: Doc | None, match: re.Match[str]) -> bool:
    """Whether a currency word that is also a weight ("pounds") measures weight in the parse: it weighs
    something ("pounds of sugar"), or a weight word governs it ("weighs 210 pounds", "shed 60 pounds",
    "60 pounds overweight", "30 pounds heavier")."""
    word = token_at(doc, match.start("curword")) if doc is not None else None
    if word is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children) for c in word.children):
        return True
    if _scaled(match):
        return False  # "lost 5 million pounds": a scaled amount weighs only what it is "of"
    if any(_weight_word(c) for c in word.children):
        return True
    return any(_weight_word(head) for _, head in climb(word, WEIGHT_HOPS))


def _toll_unit(doc: Doc | None, start: int, end: int) -> str | None:
    """The unit of a bare figure that a toll noun counts ("the death toll rose to 71", "a toll of 71")."""
    tolls = numbers_lexicon()["toll_nouns"]
    root = span_root(doc, start, end)
    for _, head in climb(root, MAX_HOPS) if root is not None else ():
        if head.lemma_.lower() in tolls:
            return str(tolls[head.lemma_.lower()])
        if head.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            return next((str(tolls[c.lemma_.lower()]) for c in subjects if c.lemma_.lower() in tolls), None)
    return None


def _after_year_lead(text: str, start: int) -> bool:
    before = _WORD.findall(text[max(0, start - 20) : start])
    return bool(before) and before[-1].lower() in YEAR_LEADS


def _sentence_bounds(text: str, doc: Doc | None) -> list[tuple[int, int]]:
    if doc is not None:
        return [(s.start_char, s.end_char) for s in doc.sents]
    bounds, start = [], 0
    for match in re.finditer(r"[.!?](?:\s+|$)|\n\s*\n", text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


@lru_cache(maxsize=1)
def _breakdown_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What stands between a whole and its first part, between parts, and before a whole ("out of")."""
    lex = numbers_lexicon()
    return (
        re.compile(rf"\s*,?\s*(?:{alternation(lex['breakdown_cues'])})\s*$", re.IGNORECASE),
        re.compile(r"\s*(?:,|and|,\s*and|as well as)\s*$", re.IGNORECASE),
        re.compile(rf"\s*,?\s*(?:{alternation(lex['whole_cues'])})\s*$", re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def _predicate_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(numbers_lexicon()['predicates'])})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _fate() -> tuple[str, re.Pattern[str]]:
    """The fate word before a figure, and a pattern for the one after it ("fate ... unknown")."""
    before, after = (w.lower() for w in numbers_lexicon()["fate_words"])
    return before, re.compile(rf"\b{re.escape(after)}\b", re.IGNORECASE)


def _link(text: str, figures: list[Figure]) -> None:
    """Breakdowns within a sentence: "613 people, including 63 children, 106 women" and "... out of 1275"."""
    opens, continues, whole = _breakdown_patterns()
    head: int | None = None
    for index in range(1, len(figures)):
        between = text[figures[index - 1].end : figures[index].start]
        if opens.match(between):
            head = index - 1
            figures[index].parent = head
            figures[head].members.append(index)
        elif head is not None and figures[index - 1].parent == head and continues.match(between):
            figures[index].parent = head
            figures[head].members.append(index)
        elif head is not None and figures[index - 1].parent == head and whole.match(between):
            figures[head].parent = index
            figures[index].members.append(head)
            head = None
        else:
            head = None


def _predicates(text: str, figures: list[Figure], limit: int, doc: Doc | None) -> None:
    """The predicate of each top-level figure: the counted word itself ("20 dead"), "fate ... unknown", the
    governing word in the parse, else the first lexicon phrase after the figure."""
    lex = numbers_lexicon()
    fate_before, fate_after = _fate()
    for index, figure in enumerate(figures):
        if figure.unit_predicate:
            figure.predicate = figure.unit_predicate
            continue
        last = _last_member_end(figures, index)
        before = [w.lower() for w in _WORD.findall(text[max(0, figure.start - 40) : figure.start])][-FATE_WINDOW_WORDS:]
        after_words = fate_after.search(text[last:limit])
        if fate_before in before and after_words:
            figure.predicate = str(lex["fate_predicate"])
            figure.predicate_span = (last + after_words.start(), last + after_words.end())
            continue
        governed = _governor(doc, figure)
        if governed is not None:
            figure.predicate, figure.predicate_text, figure.predicate_span = governed
            continue
        found = _phrase_after(text, figures, index, last, limit)
        if found is not None:
            figure.predicate, figure.predicate_span = found


def _phrase_after(
    text: str, figures: list[Figure], index: int, last: int, limit: int
) -> tuple[str, tuple[int, int]] | None:
    """The first lexicon phrase after a figure (and its breakdown), before the next figure: the reading of a
    text with no parse, and of a counted noun whose governing word is not in the lexicon ("... crashed, killing
    all 12 people" parses as "killing" -> killed; "12 people on board" of a fragment has no governor)."""
    following = [f.start for f in figures[index + 1 :] if f.start >= last and f.parent != index]
    found = _predicate_pattern().search(text, last, min(following, default=limit))
    if found is None:
        return None
    return str(numbers_lexicon()["predicates"][found.group(0).lower()]), (found.start(), found.end())


@lru_cache(maxsize=1)
def _raising_lemmas() -> frozenset[str]:
    """Verbs of belief, report or seeming that pass their subject on to an open complement (``raising_lemmas``
    of the claims lexicon, read by ``_governor`` for ``_raised``)."""
    return frozenset(numbers_lexicon()["raising_lemmas"])


def _governor(doc: Doc | None, figure: Figure) -> tuple[str, str | None, tuple[int, int]] | None:
    """(predicate, governing lemma, its span) from the parse: a relative clause or participle on the counted
    noun ("people who died", "12 people killed"), else the first verb or lexicon noun above it ("20 people were
    killed", "killing 12 people", "were among the dead", "the death toll rose to 71")."""
    if doc is None:
        return None
    anchor = _anchor(doc, figure)
    if anchor is None:
        return None
    for child in anchor.children:
        if child.dep_ in {"relcl", "acl"} and (found := _lexicon_word(child)) is not None:
            return found
    node = anchor
    light = numbers_lexicon()["light_lemmas"]
    for _ in range(MAX_HOPS):
        head = node.head
        if head.i == node.i:
            return None
        if (found := _lexicon_word(head)) is not None:
            return found
        if head.pos_ in {"VERB", "AUX"}:
            if head.lemma_.lower() in light:
                for word in _complements(head, node):
                    if (found := _lexicon_word(word)) is not None:
                        return found
            if (
                node.dep_ in SUBJECT_DEPS
                and head.lemma_.lower() in _raising_lemmas()
                and (found := _raised(head, light)) is not None
            ):
                return found
            return "other", _lemma_text(head), (head.idx, head.idx + len(head.text))
        if head.pos_ in {"NOUN", "PROPN"} and figure.noun_start is None:
            # A money amount or a share of something: "a $36 billion budget", "the unemployment rate of 8.2%".
            return "other", _lemma_text(head, figure), (head.idx, head.idx + len(head.text))
        node = head
    return None


def _raised(verb: Token, light: Iterable[str]) -> tuple[str, str | None, tuple[int, int]] | None:
    """The predicate a verb's open complement gives its subject, where the verb itself names none (v23): what
    counted people "are thought to have died", "are believed to be dead", "were reported to have been
    killed", "are expected to attend" is the complement's (its subject is the counted noun's, by the parse),
    not the verb of belief or report above it (was other/think). Only such a verb (``raising_lemmas`` of
    ``data/claims.yaml``, checked by the caller) passes its subject on: "refused to attend", "threatened to
    kill" say what the subject did, not that it attended or killed. A light complement defers to its own
    complements as a light verb does ("to be missing")."""
    for clause in (c for c in verb.children if c.dep_ == OPEN_COMPLEMENT_DEP):
        if (found := _lexicon_word(clause)) is not None:
            return found
        if clause.lemma_.lower() in light:
            for word in _complements(clause, verb):
                if (found := _lexicon_word(word)) is not None:
                    return found
    return None


def _anchor(doc: Doc, figure: Figure) -> Token | None:
    if figure.noun_start is not None:
        token: Token | None = token_at(doc, figure.noun_start)
        return token
    root: Token | None = span_root(doc, figure.start, figure.end)
    return root


def _complements(verb: Token, node: Token) -> Iterator[Token]:
    """What a light verb's meaning lies in: "were among the dead", "remain missing", "the toll rose to 71"."""
    for child in verb.children:
        if child.i == node.i:
            continue
        if child.dep_ in {"attr", "acomp", "oprd", "nsubj", "nsubjpass"}:
            yield child
        elif child.dep_ == "prep":
            yield from (c for c in child.children if c.dep_ == "pobj")


def _lexicon_word(token: Token) -> tuple[str, str | None, tuple[int, int]] | None:
    """The predicate of a word by its lemma, completed by a particle or object ("wipe out", "take hostage"), or by
    a compound noun ("death toll")."""
    lemmas = numbers_lexicon()["predicate_lemmas"]
    lemma = token.lemma_.lower()
    extra = [c for c in token.children if c.dep_ in {"prt", "oprd", "dobj", "acomp", "attr", "compound", "conj"}]
    for word in extra:
        phrase = f"{lemma} {word.lemma_.lower()}"
        if phrase in lemmas:
            return str(lemmas[phrase]), phrase, (token.idx, token.idx + len(token.text))
    for key in (lemma, token.text.lower()):
        if key in lemmas:
            return str(lemmas[key]), key, (token.idx, token.idx + len(token.text))
    for word in extra:
        if word.dep_ == "compound" and word.lemma_.lower() in lemmas:
            return str(lemmas[word.lemma_.lower()]), _lemma_text(token), (word.idx, token.idx + len(token.text))
    return None


def _lemma_text(token: Token, figure: Figure | None = None) -> str:
    """A governing word as the ledger shows it: its lemma with its compound nouns ("unemployment rate"), not
    the figure itself where the parse compounds a glued amount onto its noun ("a $1tn economy" -> "economy",
    not "1tn economy")."""
    compounds = [
        c.lemma_.lower()
        for c in token.children
        if c.dep_ == "compound" and c.i < token.i and not (figure is not None and figure.start <= c.idx < figure.end)
    ]
    return " ".join([*compounds, token.lemma_.lower()])


def _last_member_end(figures: list[Figure], index: int) -> int:
    members = [m for m in figures[index].members if figures[m].parent == index and m > index]
    return max((figures[m].end for m in members), default=figures[index].end)


def _inherit(figures: list[Figure]) -> None:
    """Parts share their whole's predicate unless they have their own ("63 children" of "613 ... murdered")."""
    for index, figure in enumerate(figures):
        if figure.parent is not None and figures[figure.parent].parent != index:
            parent = figures[figure.parent]
            if figure.predicate in (None, "other") or figure.predicate_span == parent.predicate_span:
                figure.predicate = parent.predicate
                figure.predicate_text = parent.predicate_text
                figure.predicate_span = parent.predicate_span


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    """The ISO codes the lexicon's currency words and signs stand for, and those of the dollars a country's name
    makes its own (``_named_dollar``: TWD, HKD, SGD ...)."""
    lex = numbers_lexicon()
    return frozenset(
        (
            *(str(v) for v in (*lex["currency_before"].values(), *lex["currency_after"].values())),
            *(code + DOLLAR_INITIAL for code in _dollar_countries()),
        )
    )


def _conversions(text: str, figures: list[Figure]) -> None:
    """An amount converted into another currency in parentheses right after it ("$5.7bn (£4.5bn)", "€1.2bn
    (about $1.3bn)") is the same amount, so it takes the first one's predicate: the parse hangs the bracketed
    figure on the first ("5.7bn"), which says nothing of what the money is for. British and wire copy convert
    this way as a house style (see docs/extractors.md, claims.rules v20, for the counts)."""
    money = _currencies()
    for index in range(1, len(figures)):
        first, second = figures[index - 1], figures[index]
        if first.unit not in money or second.unit not in money or first.unit == second.unit:
            continue
        if _CONVERSION_OPEN.fullmatch(text, first.end, second.start) and _CONVERSION_CLOSE.match(text, second.end):
            second.predicate = first.predicate
            second.predicate_text = first.predicate_text
            second.predicate_span = first.predicate_span


def asserting(statements: Iterable[Statement], doc: Doc | None = None) -> tuple[Statement, ...]:
    """The statements that may hold a claim. A request reports what someone asked for, not a figure they
    assert ("Nine states have asked DOL for $36 billion"), and an act on a thing is no assertion either
    (``_acts_on``): the outlet states the amount."""
    return tuple(
        s
        for s in statements
        if not _requests(s, doc)
        and not _acts_on(s, doc)
        and _has_speaker(s, doc)
        and not _labels_nobody(s, doc)
        and not _passive_cue(s, doc)
        and not _compared(s, doc)
    )


def _labels_nobody(statement: Statement, doc: Doc | None) -> bool:
    """Whether a statement's speaker is a "Label:" opening a line that names nobody: a fact check's "Facts:",
    a chart's "Key:", "Answer:", "Sources:". A name label is written as a name: the parse tags a person or an
    organisation in it, it is a document ("Poll:" heading a poll's results), or the article writes the same
    words capitalised within a sentence elsewhere ("Trump:" and "... said Trump"). An all-capitals label
    ("AMY GOODMAN:") the statement rules have vetted already (a name the article gives, or turns taken), and
    its case says nothing here. On two 40-report AllSides samples (seeds 11 and 12) 18 claims changed, all in
    such labels' contents ("Facts:" 16, "Key:" 2; none on 200 fresh reports, seeds 13-15): 14 now right (the
    outlet's), 4 still wrong (a later "..., Gould says" inside the label's paragraph); PolNeAR train 3428 ->
    3429 right of 4038 ("Poll:" kept as a document, 4 claims wrong either way)."""
    speaker = statement.speaker.span
    if doc is None or speaker is None or statement.cue.strip() != ":" or speaker.text.isupper():
        return False
    label = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if (
        label is None
        or any(t.ent_type_ in LABEL_NAME_TYPES for t in label)
        or _is_document(doc, speaker.start, speaker.end)
    ):
        return False
    written = re.compile(rf"(?<![\w-]){re.escape(speaker.text)}(?![\w-])")
    for match in written.finditer(doc.text):
        token = token_at(doc, match.start())
        if match.start() != speaker.start and token is not None and not token.is_sent_start:
            return False
    return True


def _has_speaker(statement: Statement, doc: Doc | None) -> bool:
    """Whether a statement's speaker phrase is headed by a noun, a name, a pronoun or an adjective
    (``NOMINAL_HEADS``): a lower-case conjunction, adverb, number or verb ("and", "or", "while", "even") is a
    misparse, and who said the figure is then unknown to the statement. A capitalised head is a name, whatever
    its tag ("ADP reported" tags the company as an adverb), unless it is a number word."""
    speaker = statement.speaker.span
    head = span_root(doc, speaker.start, speaker.end) if speaker is not None else None
    if head is not None and head.like_num and head.is_alpha:
        # A number word is no name even capitalised at a sentence's opening ("Seven reported in the past two
        # weeks have killed at least 31 people": seven strikes; 1 claim in 280 AllSides reports, seeds 11-15).
        return False
    return head is None or head.pos_ in NOMINAL_HEADS or not head.is_lower


def _reported_cue_verb(statement: Statement, doc: Doc | None) -> Token | None:
    """The verb heading a reported (not direct) statement's cue, which ``_passive_cue`` and ``_compared`` read;
    None for a quotation, a cue with no verb at its head, or no parse."""
    cue = statement.cue_span
    if doc is None or cue is None or statement.statement_kind == "direct":
        return None
    head = span_root(doc, cue.start, cue.end)
    return head if head is not None and head.pos_ == "VERB" else None


def _passive_cue(statement: Statement, doc: Doc | None) -> bool:
    """Whether a statement's cue verb is passive with no agent: its subject is what was reckoned or expected,
    not who reckons it ("The Senate farm bill ... is projected to cost $89 billion over the next decade", "the
    federal deficit is expected to blow through $1 trillion in 2019", "releases from both ICE and Border
    Patrol are expected to last ..."). Who projects is unsaid: the outlet states the figure. With an agent
    ("is expected by analysts to ...") the statement rules' reading stands. v12: 3 AllSides claims in 360
    reports (seeds 3100-3107, 3300), all now right; none on PolNeAR train, whose passive cues hold no figure."""
    head = _reported_cue_verb(statement, doc)
    if head is None:
        return False
    deps = {c.dep_ for c in head.children}
    return PASSIVE_DEP in deps and AGENT_DEP not in deps


def _compared(statement: Statement, doc: Doc | None) -> bool:
    """Whether a statement's cue heads a comparative clause ("than Senator Sanders or Senator Warren
    proposes", "than analysts had forecast") and its content lies outside that clause. The clause's content
    is the compared amount, elided; the main clause it hangs on, and whatever runs on after it, is the
    outlet's, so the speaker of the comparison claims none of its figures (statements.combined's tagger
    reads the rest of the sentence as what was proposed). A content inside the clause ("than he said it
    would") stays the speaker's. v13: 4 claims of one sentence on the seed-3300 proxy and 1 on PolNeAR train
    ("$105 billion more than last year, and $130 billion more than the budget office had projected"), all
    now right; none changed in 250 fresh AllSides reports (seeds 3600, 3601, 3610), a rare class."""
    content = statement.content_span
    head = _reported_cue_verb(statement, doc)
    if head is None or content is None:
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == COMPARATIVE_MARK for c in head.children)
    if not marked and not (head.dep_ == "pcomp" and head.head.lower_ == COMPARATIVE_MARK):
        return False
    first, last = head.left_edge, head.right_edge
    return content.start < first.idx or content.end > last.idx + len(last.text)


def _requests(statement: Statement, doc: Doc | None) -> bool:
    """Whether a statement's cue is a request, as written ("called for") or by its verb's lemma ("demanding").
    A direct quotation is never one: whatever its cue, the marks hold the speaker's own words ("“Can you
    really reform Wall Street when they are spending millions of dollars ...?” Sanders asked")."""
    if statement.statement_kind == "direct":
        return False
    requests = _request_cues()
    if _fold(statement.cue) in requests:
        return True
    cue = statement.cue_span
    head = span_root(doc, cue.start, cue.end) if cue is not None else None
    return head is not None and head.pos_ == "VERB" and head.lemma_.lower() in requests


def _acts_on(statement: Statement, doc: Doc | None) -> bool:
    """Whether a statement reports an act on a thing rather than words: its cue is a verb that takes only an
    object (``object_verbs`` of the cue lexicon that are no ``clause_verbs``: back, support, charge, offer,
    decline) and its content is a noun phrase, not a clause or a quotation ("the club charged a $100,000
    initiation fee", "Authorities are offering a $100,000 reward for information leading to ...", "The Japanese
    yen declined 0.3 percent"); or its cue is a speech verb that also takes a thing (``act_cues``: "claimed at
    least 205 lives") and its content is a noun object. Its figures are the outlet's."""
    cue, content = statement.cue_span, statement.content_span
    if doc is None or cue is None or content is None or statement.statement_kind != INDIRECT:
        return False
    head = span_root(doc, cue.start, cue.end)
    said = span_root(doc, content.start, content.end)
    if head is None or said is None:
        return False
    if said.dep_ in OBJECT_DEPS and said.head.pos_ == "VERB" and cue.start <= said.head.idx < cue.end:
        # v14: the verb whose object the content is, where the cue phrase heads another ("Some Republicans
        # have been unwilling to support a bill that ...": the phrase's root is "been").
        head = said.head
    lemma = head.lemma_.lower()
    if lemma in _act_cues():
        # A verb of speech that also takes a thing ("claimed 205 lives"): only a noun object is an act.
        return said.pos_ in OBJECT_POS
    lexicon = Lexicon.load()
    return lemma in lexicon.objects and lemma not in lexicon.clause and said.pos_ not in CLAUSE_POS


@lru_cache(maxsize=1)
def _act_cues() -> frozenset[str]:
    return frozenset(numbers_lexicon()["act_cues"])


def claimant_of(
    article: Article,
    statements: tuple[Statement, ...],
    start: int,
    end: int,
    issuers: Issuers | None = None,
    doc: Doc | None = None,
    every: tuple[Statement, ...] = (),
) -> tuple[Speaker, str | None]:
    """The claimant of the figure at ``[start, end)`` (``_claimant``), unless the figure lies inside the very
    phrase that names it (``_names``): a source is no claimant of a count of itself ("..., according to an
    informal survey of three dozen friends, allies and former aides", "..., according to two officials"),
    which the outlet states. v15: 4 claims changed in 40 AllSides reports holding a figure after "according
    to" (seed 4503), all right; PolNeAR train +2 ("according to three recent polls"), dev unchanged."""
    speaker, statement_id = _claimant(article, statements, start, end, issuers, doc, every)
    if _names(speaker, start, end):
        return _outlet(article), None
    if speaker.span is not None and speaker.span == article.outlet_span:
        return speaker, statement_id
    if issuers is not None and speaker.entity is None and speaker.text.lower() in _personal_pronouns():
        return _person_referent(doc, issuers, speaker), statement_id
    return _whole_name(doc, issuers, speaker), statement_id


def _whole_name(doc: Doc | None, issuers: Issuers | None, speaker: Speaker) -> Speaker:
    """An organisation claimant whose mention the entity records cut from the name the parse joins it to (v16:
    "A Pew Research Center poll found 69% ..." had the mention "Center", the parse compounding "Pew Research"
    onto it): the mention widened over the proper nouns the parse compounds onto it, where none of them is an
    entity mention of its own ("the U.S. Senate" keeps "Senate": "U.S." is a place's mention). The widened
    name links to no entity record, as none holds it. Proxy seed 9200: 1 claim, now right; PolNeAR train 2
    changed ("Center" -> "Pew Research Center"), right either way by span."""
    span = speaker.span
    first = token_at(doc, span.start) if doc is not None and issuers is not None and span is not None else None
    if doc is None or issuers is None or span is None or first is None or first.idx != span.start:
        return speaker
    entity = issuers.resolver.entity_at(first)
    if entity is None or entity.type not in NAME_RUN_TYPES:
        return speaker
    lead = first
    while lead.i > 0:
        before = doc[lead.i - 1]
        joined = before.dep_ == COMPOUND_DEP and lead.i <= before.head.i and before.head.idx < span.end
        if before.pos_ != "PROPN" or not joined or issuers.resolver.entity_at(before) is not None:
            break
        lead = before
    if lead is first:
        return speaker
    whole = Span.of(doc.text, lead.idx, span.end)
    return Speaker(text=whole.text, span=whole)


def _names(speaker: Speaker, start: int, end: int) -> bool:
    span = speaker.span
    return span is not None and span.start <= start and end <= span.end


def _outlet(article: Article) -> Speaker:
    outlet = article.outlet or UNKNOWN_OUTLET
    return Speaker(text=outlet, entity=article.outlet, span=article.outlet_span)


def _claimant(
    article: Article,
    statements: tuple[Statement, ...],
    start: int,
    end: int,
    issuers: Issuers | None,
    doc: Doc | None,
    every: tuple[Statement, ...],
    hops: int = 0,
) -> tuple[Speaker, str | None]:
    """The speaker of the innermost of ``statements`` (``asserting`` ones, one tuple per article) whose content
    says ``[start, end)`` (a quotation resumed after its cue included), or of one continued by the figure's paragraph,
    of a content whose edge cuts the figure, of a document statement whose results its sentence lists on
    (``doc``), of one whose cue verb governs the figure's clause past its content's cut end
    (``_governing_statement``, v34), or a speech verb heading a relative clause that holds the figure (inside any of those), else
    of a phrase framing the figure's clause (``Issuers.frame``), or the writer signing the embedded post that
    holds it (``_signed_post``, v27), or the name labelling its quotation (``_quotation_label``, v30), or the
    claimant of a quotation carried over from the paragraph before (``_carried_quotation``, v30), else the
    outlet. A share of people ("51 percent of respondents said") is no claimant, and a document speaker ("the
    report said") gives way to its issuer where the text names one (``issuers``, with a parse)."""
    inner = innermost_statement(statements, start, end)
    # A quotation's own cue after its closing mark names its speaker before any continuation of an earlier
    # quotation does ("''We have accepted decades of back-room deals which, 12 times in a row, ...,'' it said."
    # after another speaker's quotation); likewise a quotation cue in the figure's paragraph ("''She needs one
    # or two big ideas ...,'' said Robert Reich" after a paragraph quoting Gene Sperling). v11: PolNeAR train
    # 3 claims now right, 5 AllSides claims (seeds 3100-3107, 320 reports) now right, none wrong.
    trailing = _cue_after(article.text, doc, issuers, statements, start) if issuers and inner is None else None
    if trailing is not None:
        return trailing, None
    # v30: a quotation a "Name:" label introduces is the name's (``_quotation_label``): a statement whose speaker
    # stands before the label gives way to it, and so do the rules that guess a speaker from the neighbours.
    labelled = (
        _quotation_label(article.text, doc, issuers, start)
        if issuers is not None and (inner is None or _opens_before(inner, article.text, start))
        else None
    )
    # v27: a figure in an embedded post its writer signs is the writer's (``_signed_post``); the quotation
    # rules that guess a paragraph's speaker from its neighbours give way to the signature. A statement a label
    # sets aside is read past, as if none held the figure.
    post = _signed_post(article.text, doc, issuers, start) if inner is None or labelled is not None else None
    if labelled is not None:
        # Within a labelled quotation only a cue the quoted words hold themselves names a speaker of their own
        # ("“The Living Room ... has hosted countless singer-songwriters in three locations ..., its owners
        # ... said").
        inner = _nested_quotation(article.text, statements, start)
    else:
        neighbours = post is None
        inner = (
            inner
            or (_paragraph_quotation(article.text, statements, start) if neighbours else None)
            or (_quotation_after(article.text, every or statements, start) if neighbours else None)
            or (_continued_quotation(article.text, statements, start) if neighbours else None)
            or _edge_statement(statements, start)
            or _document_tail(doc, statements, start)
            or _governing_statement(doc, statements, start, end)
            or (_introduced_quotation(article.text, doc, statements, start) if neighbours else None)
        )
    if inner is not None and _in_aside(article.text, doc, inner, start, end):
        inner = None
    relative = _relative_cue(doc, issuers, start, end) if issuers is not None else None
    if relative is not None and (inner is None or _holds(inner, relative[0])):
        return relative[1], None
    if inner is not None and _is_share(inner.speaker, article.text):
        # "51 percent of respondents said ...": what a share of those polled say is the poll's result, claimed
        # by whoever reports the poll (a statement holding the share, a framing phrase), else the outlet.
        share = inner.speaker.span
        inner = innermost_statement(statements, share.start, share.end) if share is not None else None
    quoted = issuers.quoted_within(start) if issuers is not None else None
    if quoted is not None:
        return quoted, inner.id if inner is not None else None
    nested = _nested_reckoning(article.text, issuers, inner, start, end) if issuers is not None else None
    if nested is not None:
        return nested, None
    spoken = _nested_cue(doc, issuers, inner, start, end) if issuers is not None else None
    if spoken is not None:
        return spoken, None
    sourced = _nested_source(doc, issuers, inner, start, end) if issuers is not None else None
    if sourced is not None:
        return sourced, None
    if inner is not None:
        if issuers is None:
            return inner.speaker, inner.id
        return _relative_antecedent(doc, issuers, _referent(doc, issuers, issuers.claimant(inner))), inner.id
    framed = issuers.frame(start, end) if issuers is not None else None
    if framed is not None:
        return framed[1], framed[0].id if framed[0] is not None else None
    reckoned = issuers.reckoned(start, end) if issuers is not None else None
    if reckoned is not None and issuers is not None:
        resolved = _referent(doc, issuers, reckoned)
        # A pronoun subject ("It last week estimated that ...") claims only once read as what it stands for.
        if resolved is not reckoned or reckoned.text.lower() not in PRONOUN_TAGS:
            return resolved, None
    cited = _citer(doc, issuers, start, end) if issuers is not None else None
    if cited is not None:
        return cited, None
    tail = issuers.reckoned_tail(start, end) if issuers is not None else None
    if tail is not None:
        return tail, None
    introducer = _introducer(article.text, doc, issuers, start) if issuers is not None else None
    if introducer is not None:
        return introducer, None
    cued = _cue_after(article.text, doc, issuers, statements, start) if issuers is not None else None
    if cued is not None:
        return cued, None
    trailing = _trailing_cue(article.text, doc, issuers, statements, start, end) if issuers is not None else None
    if trailing is not None:
        return trailing, None
    documented = _trailing_document(article.text, doc, issuers, start, end) if issuers is not None else None
    if documented is not None:
        return documented, None
    if post is not None:
        return post, None
    if labelled is not None:
        return labelled, None
    turn = _turn(article.text, statements, start)
    if turn is not None:
        return turn, None
    carried = _carried_quotation(article, statements, start, issuers, doc, every, hops) if issuers is not None else None
    if carried is not None:
        return carried
    return _outlet(article), None


def _quotation_label(text: str, doc: Doc | None, issuers: Issuers, start: int) -> Speaker | None:
    """The person or organisation a "Name:" label names right before the opening mark of the figure's
    quotation, in its paragraph ("RED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME - Jeffrey M. Jones:
    “Gallup's analysis ... finds that 20 states are ..."): the label's last words before the colon are an
    entity mention of a person or an organisation, which introduces the words it quotes as a cue would.
    v31: a mention the entity records run across punctuation standing apart, a spaced dash in practice ("More
    glitches for ObamaCare - WSJ:"), is cut after it, as it sets a label apart from a heading; the cut name
    links to no entity record."""
    opening = _open_mark(text, start)
    if doc is None or opening is None:
        return None
    colon = len(text[:opening].rstrip(" \t")) - 1
    if colon < 1 or text[colon] != ":" or not text[colon - 1].isalnum():
        return None
    token = token_at(doc, colon - 1)
    entity = issuers.resolver.entity_at(token) if token is not None else None
    if token is not None and entity is None:
        return _name_label(text, token) if not _reports_within(doc, opening, start) else None
    if token is None or entity is None or entity.type not in ISSUING_TYPES:
        return None
    mentions = [m for m in issuers.resolver.overlapping(token.idx, colon) if m.end == colon]
    if not mentions:
        return None
    mention = max(mentions, key=lambda m: m.end - m.start)
    words = [t for t in doc[: token.i + 1] if t.idx >= mention.start]
    dash = next((t for t in reversed(words) if _spaced(t)), None)
    first = words[0] if dash is None else doc[dash.i + 1]
    head = span_root(doc, first.idx, mention.end)
    if head is None or _in_clause(head, first):
        return None
    span = Span.of(text, first.idx, mention.end)
    named = issuers.resolver.fullest(mention.entity) if dash is None else None
    return Speaker(text=span.text, entity=named, span=span)


# v35: a label no entity record holds is a name when it is a short run of proper nouns (an opening "The" allowed)
# standing alone on its line or after a spaced dash, none of them a place, a date or a group the parse tags.
MAX_LABEL_WORDS = 4
# v36: a law's name ("The Affordable Care Act: “...") heads a section about the bill; it says nothing.
NOT_SPEAKING_LABEL_TYPES = frozenset({"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "EVENT", "CARDINAL", "MONEY", "LAW"})
LABEL_DASHES = frozenset({"-", "–", "—", "--"})
# A label that is wholly the name of a place this populous is a dateline ("WASHINGTON:", "NEW DELHI:"), which
# the parse does not always tag as a place when written in capitals.
DATELINE_PLACE_POPULATION = 100_000


def _name_label(text: str, token: Token) -> Speaker | None:
    """v35: the source a "Name:" label names where no entity record holds it, an outlet written as a short name
    heading a quoted excerpt in a news roundup ("Daily Caller: “The fourth Georgia hospital ... holds 25 beds",
    "Obama's baggage for Mexico trip ... - NYT: “...", "IRS officials dodged taxes - The Hill: “..."): the words
    from the line's start or a spaced dash to the colon (``token`` its last word) are proper nouns. A place labels
    a dateline or a heading ("WASHINGTON:"), not a speaker, so a word the parse tags as a place, a date or a
    group stops it, and so does a label the gazetteer knows as a populous place (``DATELINE_PLACE_POPULATION``);
    so does any other word: a clause ("He told reporters:") ends with no name of its own."""
    words: list[Token] = []
    for word in reversed(token.doc[: token.i + 1]):
        if word.is_space or (word.is_punct and _spaced(word)):
            break
        words.insert(0, word)
    if not words or len(words) > MAX_LABEL_WORDS:
        return None
    # The label opens its line (after a blank token) or follows a spaced dash; a comma or a bracket before it
    # makes it the end of a phrase.
    before = token.doc[words[0].i - 1] if words[0].i > 0 else None
    if before is not None and not before.is_space and before.text not in LABEL_DASHES:
        return None
    names = words[1:] if words[0].lower_ == "the" and len(words) > 1 else words
    if not all(
        w.pos_ == "PROPN" and w.text[:1].isupper() and w.ent_type_ not in NOT_SPEAKING_LABEL_TYPES for w in names
    ):
        return None
    span = Span.of(text, words[0].idx, token.idx + len(token.text))
    places = load_gazetteer().lookup(span.text)
    if any(place.is_primary and place.population >= DATELINE_PLACE_POPULATION for place in places):
        return None
    return Speaker(text=span.text, span=span)


def _reports_within(doc: Doc, opening: int, start: int) -> bool:
    """v35: whether the figure's sentence, inside the quotation opening at ``opening``, reports words of its own:
    a verb of saying or reckoning (``_saying_verbs``) above the figure in the parse ("Treasury's inspector
    general ... found that the expenses for nine IRS executives ..."; not one in a clause beside it, "... have
    vowed to undercut his efforts") or a source preposition ("according to a new report from ..."). The figure
    is then the innermost source's, whom the label does not name."""
    anchor = token_at(doc, start)
    if anchor is None:
        return False
    speech = _saying_verbs()
    if any(w.idx > opening and w.pos_ == "VERB" and w.lemma_.lower() in speech for w in anchor.ancestors):
        return True
    sources = Lexicon.load().prepositions
    for word in anchor.sent:
        following = sources.get(word.lower_)
        if following is not None and word.i + 1 < len(doc) and doc[word.i + 1].lower_ == following:
            return True
    return False


def _spaced(token: Token) -> bool:
    """Whether a punctuation token stands apart from the words beside it (a dash or comma between phrases), not
    joined inside a word ("op-ed", "pro-Trump")."""
    glued = token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_
    return token.is_punct and not glued


def _in_clause(token: Token, first: Token) -> bool:
    """Whether a name before a colon, ``token`` its head word and ``first`` its first, belongs to a clause or a
    phrase: the nearest verb or noun above it in the parse is joined to it with no punctuation between ("Luis
    Osuna told The Huffington Post:", "He protested on Twitter:", "said of Mr. Rubio:"; v31: "From an aide to
    ... a potential Democratic challenger to Hillary Clinton:", "in an op-ed in the Times:", a hyphen inside a
    word setting nothing apart). Such a name ends a clause or a phrase, not a label naming who speaks; a label
    stands alone or after a dash or a title ("Pollsters agree - Carl Bialik:", "..., by The Wall Street
    Journal's Jennifer Smith:", "From Matt:")."""
    # A name coordinated with another (the parse's conjunct, "Jon Cohen" in "- Mark Blumenthal and Jon Cohen:") is
    # read from the first of them.
    while token.dep_ == CONJUNCT_DEP and token.head.i < token.i:
        token = token.head
    head = next((t for t in token.ancestors if t.pos_ in CLAUSE_POS or t.pos_ in HEAD_NOUN_POS), None)
    if head is None:
        return False
    low, high = sorted((head.i, min(first.i, token.i)))
    return not any(_spaced(t) for t in token.doc[low + 1 : high])


def _opens_before(statement: Statement, text: str, start: int) -> bool:
    """Whether a statement's speaker stands before the quotation that holds ``start``: the statement takes in
    the quotation ("Pollsters agree - Carl Bialik: “..."), rather than being said within it (a speaker the
    quoted words name, "..., its owners said", keeps the words nested in the quotation)."""
    opening = _open_mark(text, start)
    speaker = statement.speaker.span
    return opening is not None and speaker is not None and speaker.end <= opening


def _nested_quotation(text: str, statements: tuple[Statement, ...], start: int) -> Statement | None:
    """The statement ``_paragraph_quotation`` reads for the figure, when its speaker stands inside the quotation
    that holds the figure: a speaker the quoted words name themselves."""
    nested = _paragraph_quotation(text, statements, start)
    opening = _open_mark(text, start)
    speaker = nested.speaker.span if nested is not None else None
    return nested if opening is not None and speaker is not None and speaker.start > opening else None


def _carried_quotation(
    article: Article,
    statements: tuple[Statement, ...],
    start: int,
    issuers: Issuers,
    doc: Doc | None,
    every: tuple[Statement, ...],
    hops: int,
) -> tuple[Speaker, str | None] | None:
    """The claimant of a quotation carried over from the paragraph before: the figure's quotation opens its
    paragraph with no cue of its own, and the paragraph before ends inside a quotation never closed (a
    quotation of several paragraphs opens each with a mark and closes only the last). The words are the
    same speaker's, so the claimant is the one the previous paragraph's quotation has (read at its opening
    mark), when that is not the outlet; at most ``MAX_CARRIED_PARAGRAPHS`` paragraphs back."""
    text = article.text
    opening = _open_mark(text, start)
    first = text.rfind("\n", 0, start) + 1
    # A paragraph before needs a break and a character before the figure's paragraph (``first`` at 2 or more).
    if opening is None or text[first:opening].strip() or hops >= MAX_CARRIED_PARAGRAPHS or first < 2:
        return None
    previous_end = len(text[: first - 1].rstrip())
    previous = _open_mark(text, previous_end)
    if previous is None or previous + 1 >= previous_end:
        return None
    speaker, statement_id = _claimant(article, statements, previous + 1, previous + 2, issuers, doc, every, hops + 1)
    if statement_id is None and speaker.span == article.outlet_span and speaker.text == _outlet(article).text:
        return None
    return speaker, statement_id


def _signed_post(text: str, doc: Doc | None, issuers: Issuers | None, start: int) -> Speaker | None:
    """The writer of an embedded post whose paragraph holds the figure: the page prints a post with its
    writer's signature closing the paragraph ("Remember that only 1.8% of U.S. residents live in nursing homes
    ... — Avik Roy (@Avik) May 26, 2020"; ``records.POST_SIGNATURE``), and what the post says is the writer's,
    not the outlet's, though no cue names them. The writer is the name before the handle, linked to its
    entity where the entity records hold its last word. Only where no statement's content holds the figure
    (a post quoting someone keeps that speaker) and after the claimant rules within the figure's sentence;
    it comes before the rules that read a paragraph as a quotation continued from its neighbours. Not a
    figure inside quotation marks in the post ("Jt Tax Cmte forecasts tax bill will increase GDP "by about 0.8
    percent ..."": the words of whoever the post quotes), nor one in a paragraph longer than a post
    (``MAX_POST_CHARS``), where the signed post closes a paragraph of the outlet's own. v27: counted in
    docs/extractors.md."""
    first, end = text.rfind("\n", 0, start) + 1, text.find("\n", start)
    end = len(text) if end < 0 else end
    signature = POST_SIGNATURE.search(text, start, end)
    if signature is None or signature.start() - first > MAX_POST_CHARS or _inside_quotes(text, start):
        return None
    # The signature's ``writer`` group opens with a capitalised word, so it holds at least one word.
    words = list(_WORD.finditer(text, signature.start("writer"), signature.end("writer")))
    span = Span.of(text, words[0].start(), words[-1].end())
    last = token_at(doc, words[-1].start())  # None without a parse
    if issuers is None or last is None or (entity := issuers.resolver.entity_at(last)) is None:
        return Speaker(text=span.text, span=span)
    return Speaker(text=span.text, entity=issuers.resolver.fullest(entity), span=span)


def _citer(doc: Doc | None, issuers: Issuers, start: int, end: int) -> Speaker | None:
    """Who cites what holds the figure (``Issuers.cited``: "Mr. Cruz pointed to figures from 2010, when the
    Department of Justice brought just 44 prosecutions"), once a pronoun is read as what it stands for; a
    pronoun read as nothing claims nothing ("He cites the creation of about 5 million jobs" with no person
    before it). v26: every personal pronoun is resolved to a person or organisation or claims nothing ("they
    ..., citing" read as a description, "We cite ..."). Counts in docs/extractors.md, claims v25 and v26."""
    cited = issuers.cited(start, end)
    if cited is None:
        return None
    token = token_at(doc, cited.span.start) if cited.span is not None else None
    if cited.entity is not None or token is None or token.tag_ not in PERSONAL_PRONOUN_TAGS:
        return _referent(doc, issuers, cited)
    if cited.text.lower() in _personal_pronouns():
        resolved = _person_referent(doc, issuers, cited)
    else:
        resolved = _referent(doc, issuers, cited)
    return resolved if resolved.entity is not None else None


def _turn(text: str, statements: tuple[Statement, ...], start: int) -> Speaker | None:
    """The speaker of a transcript turn the statement rules did not read, whose label they read elsewhere in
    the article: the figure's paragraph opens with "LABEL:" and a "LABEL:" statement names its speaker
    ("MARY KAY HENRY: Well, ... Andrew Puzder's restaurants have been fined in California alone $20 million").
    A label the article never gives a statement for says nothing here (``_labels_nobody`` vets those it does).
    6 claims on 280 AllSides reports (seeds 11-15), all right and all in one transcript; PolNeAR unchanged."""
    first = text.rfind("\n", 0, start) + 1
    colon = text.find(":", first, start)
    if colon < 0:
        return None
    labelled = _LABELS.of(statements).get(text[first:colon].strip())
    return labelled[0].speaker if labelled else None


def _labels_of(statements: tuple[Statement, ...]) -> dict[str, list[Statement]]:
    labels: dict[str, list[Statement]] = {}
    for statement in statements:
        if statement.cue.strip() == ":":
            labels.setdefault(statement.speaker.text, []).append(statement)
    return labels


# The article's "LABEL:" statements by their label, computed once per tuple of statements.
_LABELS: LastResult[dict[str, list[Statement]]] = LastResult(_labels_of)


def _relative_cue(doc: Doc | None, issuers: Issuers, start: int, end: int) -> tuple[int, Speaker] | None:
    """The person or organisation subject of a speech verb whose relative clause holds the figure ("the war,
    which the United Nations says has killed more than 100,000 Syrians", "an April summit where CDC Director
    Thomas Frieden said caring for a single child ... can cost at least $10 million"): what that subject says,
    inside whatever the sentence reports. With the verb's character offset. A relative pronoun subject ("who
    says") is the statement rules' to resolve, and a figure in the subject itself is not what the verb says.
    On 280 AllSides reports (seeds 11-15) and PolNeAR train it changed 2 claims, both right."""
    root = span_root(doc, start, end)
    verbs = _saying_verbs()
    for node, head in climb(root, MAX_FRAME_HOPS) if root is not None else ():
        if head.dep_ != "relcl" or head.pos_ != "VERB" or head.lemma_.lower() not in verbs:
            continue
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        entity = issuers.resolver.entity_at(subject) if subject is not None else None
        if subject is None or node is subject or entity is None or entity.type not in ISSUING_TYPES:
            return None
        span = Span.of(issuers.text, *subtree_range(subject))
        return head.idx, Speaker(text=span.text, entity=issuers.resolver.fullest(entity), span=span)
    return None


def _nested_cue(doc: Doc | None, issuers: Issuers, inner: Statement | None, start: int, end: int) -> Speaker | None:
    """The person or organisation subject of a speech verb inside the content of the statement that holds the
    figure, the figure's clause being that verb's complement ("“The U.N. World Food Programme predicts the
    coronavirus could push an additional 130 million people to the brink of starvation ...,” the newspaper
    reported" -> the programme): nested speech is claimed by the innermost speaker, as in a relative clause
    (``_relative_cue``) or after a verb of reckoning (``_nested_reckoning``). The statement rules read no
    statement inside another one's quotation, so this reads the parse. Only a named subject: a pronoun or a
    common noun inside a quotation is the quoted speaker's own reference, left to the statement's speaker."""
    content = inner.content_span if inner is not None else None
    root = span_root(doc, start, end) if content is not None else None
    if content is None or root is None:
        return None
    verbs = _saying_verbs() - Lexicon.load().attitudes
    for node, head in climb(root, MAX_FRAME_HOPS):
        if not content.start <= head.idx < content.end:
            return None
        if node.dep_ != CONTENT_CLAUSE_DEP or head.pos_ != "VERB" or head.lemma_.lower() not in verbs:
            continue
        if any(c.tag_ == MODAL_TAG or c.dep_ == NEGATION_DEP for c in head.children) or _hypothetical(head, inner):
            # "The White House could announce that ...": a speech still to come, or one denied, says nothing yet.
            return None
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        entity = issuers.resolver.entity_at(subject) if subject is not None else None
        if subject is None or entity is None or entity.type not in ISSUING_TYPES:
            return None
        span = Span.of(issuers.text, *subtree_range(subject))
        return Speaker(text=span.text, entity=issuers.resolver.fullest(entity), span=span)
    return None


def _nested_source(doc: Doc | None, issuers: Issuers, inner: Statement | None, start: int, end: int) -> Speaker | None:
    """The source an "according to" or "per" phrase names inside the content of the statement that holds the
    figure, on the figure's clause or a head above it within the content ("“... Even in New York City, median
    household income is $78,000, according to the U.S. Census Bureau,” she said"; "According to the National
    Science Foundation, the federal government grants ... over $26 billion annually ..., the Washington Post
    reports"): nested attribution is claimed by the innermost source, as a nested speech verb's subject is
    (``_nested_cue``). The statement rules read no "according to" statement inside another's content, so this
    reads the parse. A figure inside the phrase itself is what the phrase names, not what the source says."""
    content = inner.content_span if inner is not None else None
    root = span_root(doc, start, end) if content is not None else None
    if inner is None or content is None or root is None:
        return None
    cue = inner.cue_span
    # A phrase before a coordinated clause the figure lies in frames only the first clause ("They pay $3 billion
    # a year, according to X, and are contributing ... when 77 million baby boomers retire"); one after both
    # ("A rose 5% and B fell 3%, according to X") frames both. ``after`` is where such a phrase must start.
    after: int | None = None
    for node, head in ((root, root), *climb(root, MAX_FRAME_HOPS)):
        if not content.start <= head.idx < content.end:
            return None
        if node.dep_ == CONJUNCT_DEP and node is not head:
            after = max(after or 0, subtree_range(node)[1])
        if node.dep_ == CONTENT_CLAUSE_DEP and head.lemma_.lower() in _saying_verbs():
            # v33: a verb of saying or reckoning between the figure and the phrase says the figure itself; the
            # phrase frames that speech ("reports claiming that Iran would receive as much as $50 billion ... are
            # “inaccurate,” according to the White House"; "According to RWJF, this official estimated that ...
            # would likely need about $30 million"), and the figure is left to the statement.
            return None
        for prep in head.children:
            if prep.dep_ != "prep":
                continue
            low, high = subtree_range(prep)
            if low <= start < high or not (content.start <= low and high <= content.end):
                continue
            if after is not None and low < after:
                continue
            if cue is not None and cue.start <= prep.idx < cue.end:
                continue  # the statement's own cue, which its content may run across ("X, according to Y, but Z")
            source = issuers.named_source(prep)
            # v33: a document the quoted speaker names without an issuer of its own ("“According to the report,
            # 5,000 people died,” she said") is claimed by that speaker, whose statement stays the claim's
            # evidence.
            if source is None or source.span == inner.speaker.span or source == issuers.claimant(inner):
                continue
            # v33: a source a possessive pronoun owns ("“According to our data, about 40 percent ...”") is the
            # quoted speaker's own reference, as a pronoun subject is for ``_nested_cue``.
            if source.span is not None and _owned_by_pronoun(doc, source.span):
                continue
            return source
    return None


def _owned_by_pronoun(doc: Doc | None, span: Span) -> bool:
    """Whether a possessive pronoun ("our", "his") determines a word of the phrase at ``span``."""
    phrase = doc.char_span(span.start, span.end, alignment_mode="expand") if doc is not None else None
    return phrase is not None and any(t.dep_ == POSSESSIVE_DEP and t.pos_ == PRONOUN_POS for t in phrase)


@lru_cache(maxsize=1)
def _denial_words() -> frozenset[str]:
    """``denial_words`` of ``data/claims.yaml``, read once."""
    return frozenset(w.lower() for w in numbers_lexicon()["denial_words"])


def _hypothetical(verb: Token, holding: Statement | None) -> bool:
    """A nested speech verb said only under a condition or under a denial, on the way up to the sentence's root:
    an "if"/"unless"/"whether" mark (``subordinators.SUPPOSING_MARKS``: "“If Pfizer says 3 million doses were
    lost, we will act,” the official said"), a negation or a denial word above it ("The official denied that
    Pfizer said ...", "It is false that Pfizer said ..."; ``denial_words`` of ``data/claims.yaml``)."""
    marks, denials = SUPPOSING_MARKS, _denial_words()
    cue = holding.cue_span if holding is not None else None
    if any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
        return True
    for _, head in climb(verb, MAX_FRAME_HOPS):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in head.children):
            return True
        if head.lemma_.lower() in denials or any(c.dep_ == NEGATION_DEP for c in head.children):
            return True
        if any(c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in denials for c in head.children):
            return True
        if cue is not None and cue.start <= head.idx < cue.end:
            return False
    return False


def _nested_reckoning(text: str, issuers: Issuers, inner: Statement | None, start: int, end: int) -> Speaker | None:
    """Who reckons the figure inside the content of the statement that holds it, outside quotation marks (v16:
    "The BBC adds that officials estimated casualties of at least 29 people, with more than 70 injured" ->
    officials): a verb of reckoning whose subject lies in the content names the innermost speaker, as a
    speech verb heading a relative clause there does (``_relative_cue``). ``Issuers.reckoned`` reads the verb
    and its subject; a pronoun is left to the statement's speaker. Proxy seed 9100: 2 claims, now right; 34
    AllSides reports holding a plural word before a verb of reckoning (seed 9103): 6 changed with the plural
    description of ``Issuers._reckoner``, all right ("The
    Washington Post found that ..., while The Associated Press put the figure at 3 percent" -> the AP)."""
    content = inner.content_span if inner is not None else None
    if content is None or _inside_quotes(text, start):
        return None
    reckoned = issuers.reckoned(start, end)
    span = reckoned.span if reckoned is not None else None
    if reckoned is None or span is None or reckoned.text.lower() in PRONOUN_TAGS:
        return None
    return reckoned if content.start <= span.start and span.end <= content.end else None


def _holds(statement: Statement, char: int) -> bool:
    content = statement.content_span
    return content is not None and content.start <= char < content.end


def _referent(doc: Doc | None, issuers: Issuers, speaker: Speaker) -> Speaker:
    """A speaker "it" or "they" that the statement rules left unresolved (they resolve people's pronouns), read
    as the nearest earlier subject of its sentence or the one before that agrees in number, is no pronoun and
    is not itself reported (``_reported``) ("Democrats remain anxious ... They say two of their incumbents
    ..."): the organisation or country it names, else its noun phrase as a description. v38: never a subject
    inside what the pronoun's own verb says, and past one only a speaker (``_bound_by``); an earlier same pronoun
    the statement rules resolved carries its organisation (``_same_pronoun_speaker``). The pronoun's span stays
    the mention the text gives."""
    tags = PRONOUN_TAGS.get(speaker.text.lower())
    pronoun = token_at(doc, speaker.span.start) if speaker.span is not None and tags is not None else None
    if speaker.entity is not None or tags is None or pronoun is None:
        return speaker
    sentence = pronoun.sent
    previous = sentence.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    bound = False
    for token in reversed(sentence.doc[previous.start : pronoun.i]):
        carried = _same_pronoun_speaker(issuers, pronoun, token)
        if carried is not None:
            return Speaker(text=speaker.text, entity=carried, span=speaker.span)
        if token.tag_ not in tags:
            continue
        speaks = issuers.heads_speaker(token)
        if token.dep_ not in SUBJECT_DEPS and not speaks:
            continue
        # Binding first: a subject inside the pronoun's own complement is what a statement's content usually
        # covers ("The remaining 500 billion yen will yield ..., they said"), and skipping it as reported would
        # let an earlier subject that says nothing stand for the pronoun (final read of session 30: Reuters
        # NEWID 11195 and 11244, "they" = "300 billion yen").
        if _bound_by(pronoun, token):
            bound = True
            continue
        if _reported(issuers, token):
            continue
        if bound and not speaks:
            return speaker  # past a bound subject only a speaker will do (``_bound_by``)
        entity = issuers.resolver.entity_at(token)
        if entity is not None and entity.type == PERSON:
            return speaker
        if entity is not None:
            return Speaker(text=speaker.text, entity=issuers.resolver.fullest(entity), span=speaker.span)
        phrase = sentence.doc[token.left_edge.i : token.i + 1].text
        return Speaker(text=speaker.text, description=phrase, span=speaker.span)
    return speaker


def _person_referent(doc: Doc | None, issuers: Issuers, speaker: Speaker) -> Speaker:
    """A speaker "he" or "she" the statement rules left unresolved, read as the nearest earlier subject of its
    sentence or the one before that names a person and is not itself reported ("When President Trump talks
    about the hundreds of vacancies ..., he's clear about where he places the blame: ..., he says"), as
    ``_referent`` reads "it" and "they"; anything else first (a subject naming no person) leaves it as it is;
    an earlier pronoun subject is passed over. The person must not be known as the other pronoun's: by an
    honorific ("Mrs. Ernst") or by a pronoun the statement rules resolved to them (``_known_pronouns``)."""
    pronoun = token_at(doc, speaker.span.start) if speaker.span is not None else None
    gender = load_cues()["pronouns"]["gender"].get(speaker.text.lower())
    if pronoun is None:
        return speaker
    known = _known_pronouns(issuers)
    sentence = pronoun.sent
    previous = sentence.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    bound = False
    for token in reversed(sentence.doc[previous.start : pronoun.i]):
        if token.dep_ not in SUBJECT_DEPS or token.pos_ not in NAMING_POS:
            continue
        if _bound_by(pronoun, token):
            bound = True
            continue
        if _reported(issuers, token):
            continue
        if bound and not issuers.heads_speaker(token):
            return speaker  # past a bound subject only a speaker will do (``_bound_by``)
        entity = issuers.resolver.entity_at(token)
        if entity is None or entity.type != PERSON:
            return speaker
        name = issuers.resolver.fullest(entity)
        if known.get(entity.name, known.get(name, gender)) != gender:
            return speaker  # "Mr. Hopkins ... she said": someone else
        return Speaker(text=speaker.text, entity=name, span=speaker.span)
    return speaker


def _bound_by(pronoun: Token, token: Token) -> bool:
    """v38: whether ``token`` lies in a clause that the pronoun's own verb takes as its complement (a subject
    pronoun c-commands its verb's complement, which binding theory's Principle C reads as "a name there is not
    what the pronoun stands for"). A heuristic measured on this corpus, not a law of news copy: a company may
    speak of itself ("Acme Corp will cut 2,000 jobs this year, it said"), and the statement rules, which own
    pronoun resolution and run first, read it so; this fallback applies only where they left the pronoun.
    "More than a third of all new PCs will be in these markets, with China adding 178 million new PCs by 2010, it
    said": "it" is not China, whatever the statement's content, cut at "markets",
    left unreported. Only complements the parse hangs on the verb (``GOVERNED_DEPS``, as v34 reads what a cue
    verb says); a clause the parse sets beside the verb, or an adverbial clause before it ("When President Trump
    talks about ..., he's clear ..."), may hold the referent. Alone, on unseen reports with a figure before a
    trailing pronoun cue (seeds 77004-77008): 24 claims changed, none right before, 16 right after (6 left as "it",
    which ``_same_pronoun_speaker`` completes); 200 random unseen reports (seeds 77002-77003): 0 changed.

    Past a bound subject ``_referent`` and ``_person_referent`` take only a speaker's subject (``heads_speaker``:
    "..., the EIA said. Refinery crude runs ... were 12.21 mln bpd, up 2.2 pct from 12 mln ..., it said"), else
    leave the pronoun as written: the subject before that says nothing is no better a reading than the bound one
    ("Montagu Mining is a subsidiary of ... . Hog Ranch ... is producing ... 50,000 ounces a year, it said":
    Royal Resources said it). Review draw (seed 85000, 759 reports with a figure before a trailing pronoun cue):
    36 claims changed from v37, 27 right; of the 9 not, 8 took such a non-speaker ("A basket", "The investment",
    "Preussag's domestic group turnover") before the speaker condition and are now "it", as is the ninth."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return False
    return any(
        child.dep_ in GOVERNED_DEPS and child.left_edge.i <= token.i <= child.right_edge.i
        for child in pronoun.head.children
    )


def _same_pronoun_speaker(issuers: Issuers, pronoun: Token, token: Token) -> str | None:
    """v38: the organisation that an earlier subject ``token``, the same pronoun as ``pronoun``, was read as by
    the statement rules where it spoke: a wire report's run of "it said" sentences keeps one speaker ("It said
    the dollar is poised to resume its decline ..." read as the EIU, then "The average mark/dollar rate is put at
    1.80 marks ..., it said"). Completes ``_bound_by``, which leaves such a pronoun as written where the only
    subject before it is another "it". No person (``_person_referent``'s) and no place (how the statement rules
    misread a wire report's dateline: "NEW YORK, March 3 - ... It said ..."); any other type the entity tagger
    gives carries, so a dateline city it types an organisation ("ORLANDO") does. Unseen Reuters reports (seeds
    77006-77008): 8 changed, 7 right, 1 that "ORLANDO"; review draw (seed 85000): 8 changed, 8 right."""
    if token.lower_ != pronoun.lower_ or token.dep_ not in SUBJECT_DEPS:
        return None
    said = issuers.speaker_at(token.idx)
    name = said.speaker.entity if said is not None else None
    entity = issuers.resolver.by_name(name)
    if entity is None or entity.type == PERSON or entity.type in PLACE_TYPES:
        return None
    return name


def _known_pronouns(issuers: Issuers) -> dict[str, str]:
    """The pronoun each person is known by: the honorifics' (``SpeakerResolver.pronoun_of``), then the "he" or
    "she" the statement rules resolved to them; a person met with both gets none."""
    gender = load_cues()["pronouns"]["gender"]
    seen: dict[str, set[str]] = {name: {g} for name, g in issuers.resolver.pronoun_of.items()}
    for statement in issuers.statements:
        said = statement.speaker
        pronoun = gender.get(said.text.lower())
        if said.entity and pronoun is not None:
            seen.setdefault(said.entity, set()).add(pronoun)
    return {name: next(iter(pronouns)) for name, pronouns in seen.items() if len(pronouns) == 1}


def _relative_antecedent(doc: Doc | None, issuers: Issuers, speaker: Speaker) -> Speaker:
    """A speaker phrase that opens with a relative word, read as what it relates to (v14): a relative
    pronoun subject as the noun its clause hangs on ("An estimated 22,000 people attended, according to
    authorities, who said one woman was arrested" -> authorities), a relative word heading more words left
    off ("Trump's move expanded this definition, which experts predict will prevent hundreds of thousands of
    immigrants ..." -> experts, the words after it). The organisation or person the words name, else their
    phrase as a description; the span stays the mention the text gives. Proxy seeds 3500 and 3600: 2 claims,
    both right (were "who", "which experts")."""
    first = token_at(doc, speaker.span.start) if speaker.span is not None and speaker.entity is None else None
    if first is None or first.tag_ not in RELATIVE_TAGS:
        return speaker
    before = first.doc[first.i - 2] if first.i >= 2 and first.doc[first.i - 1].text == "," else None
    rest = span_root(doc, first.idx + len(first.text), speaker.span.end) if speaker.span is not None else None
    if rest is not None and rest.i > first.i:
        named = rest  # the phrase after the relative word ("which experts predict will prevent ...")
    elif before is not None and before.pos_ in SPEAKER_POS:
        # A clause set off by a comma relates to the phrase just before it, however the parse hangs it
        # ("according to authorities, who said ...": the parse made "said" a clause of "attended").
        named = before
    elif first.dep_ in SUBJECT_DEPS and first.head.dep_ == "relcl" and first.head.head.pos_ in SPEAKER_POS:
        named = first.head.head
    else:
        return speaker
    entity = issuers.resolver.entity_at(named)
    if entity is not None:
        return Speaker(text=speaker.text, entity=issuers.resolver.fullest(entity), span=speaker.span)
    lead = first.i + 1 if named.i > first.i else named.left_edge.i
    return Speaker(text=speaker.text, description=named.doc[lead : named.i + 1].text, span=speaker.span)


def _reported(issuers: Issuers, token: Token) -> bool:
    """Whether a token lies in what a statement reports or inside quotation marks: someone named in reported
    speech is not who a later pronoun speaker points back to."""
    return bool(issuers.contents.overlapping(token.idx, token.idx + 1)) or _inside_quotes(issuers.text, token.idx)


@lru_cache(maxsize=1)
def _request_cues() -> frozenset[str]:
    return frozenset(_fold(c) for c in numbers_lexicon()["request_cues"])


def _by_content_end(statements: tuple[Statement, ...]) -> tuple[list[int], list[Statement]]:
    """Statements by where their content ends; among those ending together the preferred one last
    (``tie_rank``), so that ``_last_before`` takes it."""
    rows = sorted(((s.content_span.end, tie_rank(s), s) for s in statements if s.content_span), key=lambda r: r[:2])
    return [end for end, _, _ in rows], [s for _, _, s in rows]


# Asked once per figure about the article's one tuple of statements: computed once per tuple.
_ENDS: LastResult[tuple[list[int], list[Statement]]] = LastResult(_by_content_end)
# The same for all of an article's statements, requests included (``_quotation_after``).
_EVERY_ENDS: LastResult[tuple[list[int], list[Statement]]] = LastResult(_by_content_end)


def _last_before(
    statements: tuple[Statement, ...], start: int, index: LastResult[tuple[list[int], list[Statement]]] | None = None
) -> Statement | None:
    """The statement whose content ends last at or before ``start`` (ties: ``tie_rank``); ``index`` keeps
    the sorting of a second tuple of statements apart from the asserting ones' (``_ENDS``)."""
    ends, ordered = (index or _ENDS).of(statements)
    before = bisect.bisect_right(ends, start)
    return ordered[before - 1] if before else None


def _continued_quotation(text: str, statements: tuple[Statement, ...], start: int) -> Statement | None:
    """The statement a cue-less quotation continues: the figure sits between quotation marks, and the last
    statement before it is a quotation ("'...,' he said. 'We lost 80,000 jobs.'"), or an indirect content
    the quotation runs straight on from (v10; 2 claims in 280 AllSides reports, seeds 11-15, both right)."""
    opening = _open_mark(text, start)
    if opening is None:
        return None
    last = _last_before(statements, start)
    if last is None or last.content_span is None:
        return None
    if last.statement_kind in {"direct", "mixed"}:
        return last
    # An indirect content that a quotation goes straight on from ("Grassley says that kind of arrangement is
    # not against the law, "but it looks pretty bad ... hundreds of millions of dollars ..."): the same words.
    # Its speaker and cue stand before the quotation: one inside it speaks within the quotation, not before.
    parts = (last.content_span, last.speaker.span, last.cue_span)
    before = all(part is None or part.end <= opening for part in parts)
    return last if before and _RUNS_ON.fullmatch(text, last.content_span.end, opening) else None


def _quotation_after(text: str, statements: tuple[Statement, ...], start: int) -> Statement | None:
    """The statement ending the paragraph before a cue-less quotation that opens the figure's paragraph: the
    quotation gives the words of whoever the paragraph before reported (v14: 'Senator Lindsay Graham reminded
    CNN viewers yesterday that those currently violating the law ... aren't being prosecuted.' and a
    paragraph '"... there are 76,000 people last year who failed a background check. And less than 1
    percent got prosecuted.”'; 'Trump called for a return to "law and order" in a statement Friday.' and
    the statement's words in the next paragraph). ``statements`` are all the article's, requests included:
    a quotation is never a request, whatever its introduction asked for (``_requests``). The nearer reading
    comes before an earlier quotation's continuation (``_continued_quotation``), which had given the Trump
    statement's figures to Obama, quoted two paragraphs up. Proxy seeds 3500 and 3600: 4 claims changed, all
    right (wrong before)."""
    opening = _open_mark(text, start)
    first = text.rfind("\n", 0, start) + 1
    if opening is None or text[first:opening].strip():
        return None
    last = _last_before(statements, opening, _EVERY_ENDS)
    if last is None or last.content_span is None:
        return None
    parts = (last.content_span, last.speaker.span, last.cue_span)
    before = all(part is None or part.end <= opening for part in parts)
    return last if before and _PARAGRAPH_BREAK.fullmatch(text, last.content_span.end, opening) else None


def _paragraph_quotation(text: str, statements: tuple[Statement, ...], start: int) -> Statement | None:
    """The quotation statement whose cue stands in the figure's paragraph, nearest the figure, when the figure
    sits inside quotation marks no statement's content covers: a turn split by its cue ("“..., ” said the
    Florida senator, “because it puts in conflict two competing rights”") or one whose cue follows the closing
    mark's full stop ("“... the 30,000 emails that are missing.” Trump said.")."""
    if not _inside_quotes(text, start):
        return None
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", start)
    last = len(text) if last < 0 else last
    cued = [
        (abs(s.cue_span.start - start), s)
        for s in _CUES.of(statements).overlapping(first, last)
        if s.cue_span is not None and first <= s.cue_span.start and s.cue_span.end <= last and _quotes(text, s)
    ]
    return min(cued, key=lambda row: row[0], default=(0, None))[1]


def _quotes(text: str, statement: Statement) -> bool:
    """Whether a statement reports a quotation: its kind says so, or its content opens inside quotation marks
    (a quotation the statement rules read as indirect)."""
    content = statement.content_span
    return statement.statement_kind in {"direct", "mixed"} or (
        content is not None and _inside_quotes(text, content.start + 1)
    )


def _introduction(text: str, doc: Doc | None, start: int) -> Span | None:
    """The sentence that introduces the quotation holding ``start`` with a colon, up to the colon: the
    quotation opens its paragraph after a paragraph ending in a colon, or follows one in its own paragraph
    ("Clinton has since apologized for what happened: “Yes, I should have used two email addresses ...”"),
    or (v19) its paragraph is a block quotation, set off without marks after a paragraph ending in a colon
    ("In a statement to Recode, Lopez wrote:" and a paragraph of Lopez's statement; "The Wall Street Journal
    reported:", "PolitiFact ... finding that:"). Only the paragraph right after the colon's. PolNeAR train
    3457 -> 3465 right (8 figures given the outlet, none lost; dev unchanged); AllSides: 42 claims changed in
    the reports of seeds 9840-9844, 37 read right (see docs/extractors.md, claims v19)."""
    if doc is None:
        return None
    opening = _open_mark(text, start)
    first = text.rfind("\n", 0, start) + 1
    # A block quotation, or a quotation opening its paragraph: the colon ends the paragraph before.
    block_or_opening = opening is None or not text[first:opening].strip()
    colon = colon_closing(text, first if block_or_opening or opening is None else opening)
    if colon is None or (opening is None and block_after(text, colon) is None):
        return None  # an unmarked block is the one support.blocks reads (not one that ends in a colon itself)
    token = token_at(doc, colon)
    if token is None:
        return None
    return Span.of(text, max(token.sent.start_char, text.rfind("\n", 0, colon) + 1), colon)


def _introduced_quotation(
    text: str, doc: Doc | None, statements: tuple[Statement, ...], start: int
) -> Statement | None:
    """The statement whose cue stands in the clause that introduces the figure's quotation with a colon, the
    last such cue before the colon ("as Joel Pollak observed, the biggest victor was the stage itself:" and
    a paragraph that quotes him). A clause coordinated after the cue's, with a subject of its own, introduces
    the quotation instead ("The Times made these allegations, and Breitbart News responded:")."""
    introduction = _introduction(text, doc, start)
    if introduction is None:
        return None
    cued = [
        s
        for s in _CUES.of(statements).overlapping(introduction.start, introduction.end)
        if s.cue_span is not None and introduction.start <= s.cue_span.start
    ]
    last = max(cued, key=lambda s: s.cue_span.start if s.cue_span else 0, default=None)
    if last is None or last.cue_span is None:
        return None
    content = last.content_span
    if (
        _open_mark(text, start) is None
        and content is not None
        and last.cue_span.end <= content.start < introduction.end
    ):
        # A block quotation is introduced by a cue that stands with nothing of its own content after it ("Lopez
        # wrote:"); one whose content follows it before the colon says that ("the scenarios for when we'll know
        # whether Democrats or Republicans control the Senate:"), and the paragraph after is the outlet's.
        return None
    cue = span_root(doc, last.cue_span.start, last.cue_span.end)
    return None if cue is not None and _coordinated(cue, introduction.end) is not cue else last


def _coordinated(verb: Token, before: int) -> Token:
    """The last clause coordinated after ``verb`` (and after that one ...) with a subject of its own, before
    character ``before``: the clause nearest a colon is the one that introduces what follows it."""
    for _ in range(MAX_HOPS):
        later = [
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ in CLAUSE_POS
            and c.idx < before
            and any(g.dep_ in SUBJECT_DEPS for g in c.children)
        ]
        if not later:
            break
        verb = later[-1]
    return verb


def _introducer(text: str, doc: Doc | None, issuers: Issuers, start: int) -> Speaker | None:
    """The person or organisation subject of the clause that introduces the figure's quotation with a colon,
    where no statement's cue does ("The Clinton campaign ... worded it even more carefully: “...”")."""
    introduction = _introduction(text, doc, start)
    root = span_root(doc, introduction.start, introduction.end) if introduction is not None else None
    if root is None or introduction is None or root.pos_ not in CLAUSE_POS:
        return None
    clause = _coordinated(root, introduction.end)
    if _open_mark(text, start) is None and (clause.pos_ != BLOCK_CLAUSE_POS or _asks(clause)):
        # A block set off by a request ("Obama called for:" and a list of proposals) lists what was asked for;
        # the outlet states its amounts, as for a request statement (``_requests``). A clause of being names
        # no one who speaks (``BLOCK_CLAUSE_POS``).
        return None
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    entity = issuers.resolver.entity_at(subject) if subject is not None else None
    if subject is None or entity is None or entity.type not in ISSUING_TYPES:
        return None
    span = Span.of(text, *subtree_range(subject))
    return Speaker(text=span.text, entity=issuers.resolver.fullest(entity), span=span)


def _asks(verb: Token) -> bool:
    """Whether ``verb`` is a request cue (``request_cues`` of the lexicon), by its lemma ("demanded") or with
    its particle or preposition ("called for")."""
    requests = _request_cues()
    attached = (c for c in verb.children if c.dep_ in REQUEST_ATTACHMENT_DEPS and c.i > verb.i)
    return verb.lemma_.lower() in requests or any(_fold(f"{verb.text} {c.text}") in requests for c in attached)


def _cue_after(
    text: str, doc: Doc | None, issuers: Issuers, statements: tuple[Statement, ...], start: int
) -> Speaker | None:
    """The speaker of a cue right after the closing mark of the figure's quotation that no statement was read
    for ("“... I hope you’re able to find the 30,000 emails that are missing.” Trump said.", "“... over 75
    Billion Dollars a year ...," he tweeted."): the subject of a speech verb of the cue lexicon whose clause
    follows the mark, a name, "he"/"she" as the person who last spoke before, or (v11) "it"/"they" read as
    ``_referent`` reads a pronoun speaker ("“So far, 59 of the 75 witnesses ...,” it stated." after "Thursday's
    memo from the panel seemed aimed at ...": the memo)."""
    if doc is None or not _inside_quotes(text, start):
        return None
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    closing = _CLOSING.search(text, start, end)
    after = _AFTER_CLOSING.match(text, closing.end(), end) if closing is not None else None
    token = token_at(doc, after.end()) if after is not None and after.end() < end else None
    if token is None:
        return None
    verb = token
    for _ in range(MAX_HOPS):  # up from the subject's first word ("Donald" of "Donald Trump said")
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if (
        verb.pos_ != "VERB"
        or verb.lemma_.lower() not in Lexicon.load().clause
        or verb.idx - token.idx > CUE_AFTER_CHARS
    ):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.idx >= end:
        return None
    return _subject_speaker(text, doc, issuers, statements, subject, start)


def _subject_speaker(
    text: str, doc: Doc, issuers: Issuers, statements: tuple[Statement, ...], subject: Token, start: int
) -> Speaker | None:
    """The speaker a cue's subject names: an entity, "it"/"they" read as ``_referent`` reads a pronoun speaker,
    or "he"/"she" as the person who last spoke before ``start``; else None."""
    entity = issuers.resolver.entity_at(subject)
    span = Span.of(text, *subtree_range(subject))
    if entity is not None:
        return Speaker(text=span.text, entity=issuers.resolver.fullest(entity), span=span)
    if subject.lower_ in PRONOUN_TAGS:
        return _referent(doc, issuers, Speaker(text=span.text, span=span))
    if subject.lower_ not in _personal_pronouns():
        return None
    last = _last_before(statements, start)
    person = last.speaker if last is not None and last.speaker.entity is not None else None
    return Speaker(text=span.text, entity=person.entity, span=span) if person is not None else None


def _trailing_cue(
    text: str, doc: Doc | None, issuers: Issuers, statements: tuple[Statement, ...], start: int, end: int
) -> Speaker | None:
    """The speaker of a cue that closes the figure's sentence after a comma, where no statement was read
    for it ("Workers in the 10th percentile of income saw average pay rise 5.8% last year, compared with a
    6.9% gain for workers in the 90th percentile, Gould says.", "... while consumption shot up 8.2%, the
    Commerce Department reported."): a speech verb of the cue lexicon, or a verb of reckoning a person or
    organisation uses ("..., The NYT projects"), whose subject opens right after a comma past the figure and
    which takes no content of its own after it, so what it reports is the sentence before the comma. The
    subject is read as ``_cue_after`` reads one after a quotation's closing mark. Not inside quotation marks
    (``_cue_after``'s) and only where no content, frame or reckoning verb named a speaker first. Proxy seed
    9100: 5 claims, now right (a fact check's "Facts:" label had taken the paragraph); 40 AllSides reports
    holding ", Name says." after a figure (seed 9101): 3 changed, right; PolNeAR train 1 ("..., The Post
    found": the outlet's own name, which PolNeAR scores as the outlet)."""
    figure = token_at(doc, start) if doc is not None and not _inside_quotes(text, start) else None
    if doc is None or figure is None:
        return None
    cues = _saying_verbs()
    for verb in figure.sent:
        if verb.idx < end or verb.pos_ != "VERB" or verb.lemma_.lower() not in cues:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        edge = subject.left_edge if subject is not None else None
        if subject is None or edge is None or edge.idx < end or edge.i == 0 or doc[edge.i - 1].text != ",":
            continue
        # Only adverbs between the subject and its verb ("Gould also says"), and no content after the verb.
        if any(t.pos_ not in TRAILING_CUE_GAP_POS for t in doc[subject.right_edge.i + 1 : verb.i]):
            continue
        if any(c.dep_ in TRAILING_CONTENT_DEPS for c in verb.children if c.i > verb.i):
            continue
        # The parse gives the verb a clause before it as what it reports ("With 20 percent of the vote
        # counted, Smith conceded." has none: a circumstance, not a content).
        if not any(c.dep_ == CONTENT_CLAUSE_DEP and c.i < verb.i for c in verb.children):
            continue
        return _subject_speaker(text, doc, issuers, statements, subject, start)
    return None


def _trailing_document(text: str, doc: Doc | None, issuers: Issuers, start: int, end: int) -> Speaker | None:
    """The document that closes the figure's sentence after a comma, where nothing else named a speaker
    ("Smith donated $5,000 to the PAC on June 27, 2014, campaign finance records show."): a phrase of
    ``MAX_TRAILING_DOCUMENT_WORDS`` nouns and modifiers at most, headed by a document noun, then a
    document's verb of reckoning and the sentence's end; its issuer where named, else the phrase. Read on
    the words, not the parse: spaCy's small model tags such a closing "show" a noun or hangs it on a
    gerund ("fundraising documents show"), so ``_trailing_cue`` never sees a verb with a subject. v18
    (counted in docs/extractors.md)."""
    figure = token_at(doc, start) if doc is not None and not _inside_quotes(text, start) else None
    if figure is None:
        return None
    words = [t for t in figure.sent if not t.is_punct or t.text == ","]
    if len(words) < 3 or words[-1].idx < end or words[-1].lemma_.lower() not in reckoning_verbs()[0]:
        return None
    comma = next((i for i in range(len(words) - 2, -1, -1) if words[i].text == ","), None)
    if comma is None or words[comma].idx < end:
        return None
    phrase = words[comma + 1 : -1]
    head = phrase[-1] if phrase else None
    if (
        head is None
        or len(phrase) > MAX_TRAILING_DOCUMENT_WORDS
        or head.lemma_.lower() not in reckoning_documents()
        or head.pos_ not in DOCUMENT_HEAD_POS
        # "..., which polls suggest." opens a relative clause ("which" is tagged a determiner): no document.
        or any(not _in_document_phrase(t) for t in phrase)
    ):
        return None
    return issuers.document_phrase(phrase[0].idx, head.idx + len(head.text))


def _in_document_phrase(token: Token) -> bool:
    """Whether ``token`` may stand in a closing document phrase: a determiner, modifier or noun, or a verb as a
    gerund or participle ("fundraising documents"); not a relative word ("..., which polls suggest.": "which"
    is tagged a determiner) nor a finite verb ("..., officials said records show.")."""
    if token.tag_ in RELATIVE_TAGS:
        return False
    return token.pos_ in DOCUMENT_PHRASE_POS or (token.pos_ == "VERB" and token.tag_ in DOCUMENT_PHRASE_VERB_TAGS)


def _in_aside(text: str, doc: Doc | None, statement: Statement, start: int, end: int) -> bool:
    """Whether the figure sits in a relative clause set off by a comma inside an indirect content: the
    outlet's aside on what is reported ("he mentioned ... the debt, which is more than €300 billion"). Not
    in a content its cue follows (v11): what stands before ", the Associated Press reported" is all the
    report's ("Clinton made an impromptu stop at the Pulse nightclub in Orlando, where 49 people were killed
    June 12 by a lone gunman ..., the Associated Press reported Friday"; PolNeAR train 2 claims now right,
    dev 1 changed from the outlet to "sources" where PolNeAR gives it to a statement nested inside, wrong
    either way; 2 AllSides claims changed in 320 reports, seeds 3100-3107, both right)."""
    content = statement.content_span
    root = span_root(doc, start, end)
    if root is None or content is None or statement.statement_kind != INDIRECT or _inside_quotes(text, start):
        return False
    cue = statement.cue_span
    if cue is not None and cue.start >= content.end:
        return False  # the cue trails its content: the speaker said the relative clause too
    for node, _ in climb(root, ASIDE_HOPS):
        edge = node.left_edge
        if node.dep_ in ASIDE_DEPS and edge.i > 0 and edge.nbor(-1).text == "," and content.start <= edge.idx:
            return True
    return False


def _is_share(speaker: Speaker, text: str = "") -> bool:
    """Whether a speaker is a share of people ("25 percent of likely Republican voters", "Seventy-two percent"),
    also where the statement rules cut its phrase before the percent sign spaCy splits off ("32% call
    themselves conservative" -> "32"; with ``text``, the article's)."""
    span = speaker.span
    if span is None:
        return False
    if any(f.unit in PERCENT_UNITS for f in find_figures(speaker.text)):
        return True
    return speaker.text[-1:].isdigit() and _percent_after().match(text, span.end) is not None


@lru_cache(maxsize=1)
def _percent_after() -> re.Pattern[str]:
    """A percent sign or word right after a figure ("32%", "47 percent")."""
    return re.compile(rf"\s?(?:{alternation(numbers_lexicon()['percent_words'])})(?![\w-])", re.IGNORECASE)


def _edge_statement(statements: tuple[Statement, ...], start: int) -> Statement | None:
    """The innermost statement whose content holds the figure's start but not its end: the content's edge
    cut the figure ("Trump leads ... with just 22%, according to a poll" ends the content at "22")."""
    return innermost_statement(statements, start, start + 1)


# v34: how a figure's clause hangs under a statement's cue verb when it is what the verb says, though the
# content stopped short (``_governing_statement``); what may not lie on the way (a subject, a relative or an
# adverbial clause, a coordinated verb); and how far up the cue verb is looked for.
GOVERNED_DEPS = frozenset({"ccomp", "xcomp"})
UNGOVERNED_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "relcl", "advcl", "conj", "acl", "appos", "parataxis"})
MAX_GOVERNED_HOPS = 6
# Heads of a speaker phrase that speak in their own name: a pronoun ("he"), a proper noun ("Carson").
SPEAKING_HEAD_POS = frozenset({"PRON", "PROPN"})
_ASIDE_MARKS = re.compile(r"[(\[—–]| - ")


def _governing_statement(doc: Doc | None, statements: tuple[Statement, ...], start: int, end: int) -> Statement | None:
    """v34: the statement of the figure's sentence whose cue verb governs the figure's clause as what it says,
    though the statement's content stopped short of the figure ("Carson reported on his financial disclosure
    forms a speaking fee was between $50,000 and $100,000", content "forms"; "he reported earning $132
    million"): the climb from the figure reaches the cue verb through a complement (``GOVERNED_DEPS``), passing
    no other speech verb, no relative or adverbial clause and no subject on the way.

    The candidates are the figure's sentence's indirect statements whose cue stands before the figure, whose
    content (read after the cue) ends before it, with no dash or bracket aside between cue and figure and a
    speaker who speaks (``_speaks``). v37 tries first, over all of them whatever the cue's class, a clause
    coordinated with a cut content (``_continued_content``: the climb leaves the figure's clause as a conjunct or
    adverbial clause of a verb inside the content); only then v34's climb to the cue verb, for speech cues
    (``CUE_SPEECH``) alone."""
    root = span_root(doc, start, end)
    if root is None:
        return None
    sentence = root.sent
    shortened = [
        s
        for s in statements
        if s.cue_span is not None
        and s.content_span is not None
        and sentence.start_char <= s.cue_span.start < s.cue_span.end <= start < sentence.end_char
        # A content cut short after its cue; one read before the cue ("Still, job creation was supposed to be
        # Walker's big thing—he promised to create 250,000 jobs") is a misread statement, not a short one.
        and s.cue_span.end <= s.content_span.start
        and s.content_span.end <= start
        # A quotation is said in its own words: a clause after its cue is the writer's ("“...,” Trump said in
        # February of ... Carrier Corp., whose parent company ... relocated 1,400 jobs", misparsed as said's).
        and s.statement_kind == INDIRECT
        # An aside set off by a dash or a bracket after the cue is the writer's ("Clark said Brooks had begun
        # making calls to committee members - there are two from each of the state's nine ... districts").
        and not _ASIDE_MARKS.search(sentence.doc.text, s.cue_span.end, start)
        # Only a speaker who can say it: a thing the parse made the cue's subject explains nothing in its own
        # name ("Tribalism explains why Pruitt hired ..., built a $43,000 security phone booth").
        and _speaks(doc, s)
    ]
    # v37: a clause coordinated with the content goes on with it, whatever the cue's class ("Military Times
    # found": a finding the statement rules class with the attitudes, whose content claims its figures already).
    continued = _continued_content(root, shortened)
    if continued is not None:
        return continued
    cues = {s.cue_span.start: s for s in shortened if s.cue_span is not None and s.cue_class == CUE_SPEECH}
    if not cues:
        return None
    speech = _saying_verbs()
    for node, head in climb(root, MAX_GOVERNED_HOPS):
        if node.dep_ in UNGOVERNED_DEPS:
            return None
        cued = next((c for at, c in cues.items() if head.idx <= at < head.idx + len(head.text)), None)
        if cued is not None:
            return cued if node.dep_ in GOVERNED_DEPS and head.pos_ == "VERB" else None
        if head.pos_ == "VERB" and head.lemma_.lower() in speech:
            return None
    return None


# v37: how a clause continues a reported content it is coordinated with ("Military Times found Democrats favored
# Clinton, 72 percent to 8 percent, while Republicans favored Trump, 82 percent to 6 percent"; "They found that 60
# percent of respondents gave accurate answers ..., while just 32 percent of respondents ... expressed accurate
# beliefs"): a conjunct or an adverbial clause of a verb inside the content (``_continued_content``). PolNeAR
# train 2 claims changed, both right; 632 unseen AllSides/BBC/Reuters reports (seeds 64001-64004, 64006-64011)
# 1 changed, right.
CONTINUING_DEPS = frozenset({CONJUNCT_DEP, "advcl"})


def _continued_content(root: Token, candidates: Iterable[Statement]) -> Statement | None:
    """v37: the statement whose content holds the verb that the figure's clause is coordinated with, when the
    content stopped short of that clause: the climb from the figure leaves its own clause as a conjunct or an
    adverbial clause (``CONTINUING_DEPS``) of a verb inside a cut-short content. What the speaker reports goes
    on through the coordination; the writer's own clause hangs on the cue verb or on the sentence, not on a
    verb of what was said. A relative clause or a speech verb on the way ends the search: an aside on a noun,
    or words of another speaker."""
    speech = _saying_verbs()
    for node, head in climb(root, MAX_GOVERNED_HOPS):
        if node.dep_ in ASIDE_DEPS or (node is not root and node.pos_ in CLAUSE_POS and node.lemma_.lower() in speech):
            return None
        if node.dep_ in CONTINUING_DEPS:
            if head.pos_ not in CLAUSE_POS:
                return None
            return next(
                (
                    s
                    for s in candidates
                    if s.content_span is not None and s.content_span.start <= head.idx < s.content_span.end
                ),
                None,
            )
    return None


def _speaks(doc: Doc | None, statement: Statement) -> bool:
    """Whether a statement's speaker is someone who speaks: a named entity, a pronoun or a proper noun, a noun
    for someone (``issuers.names_someone``) or a document."""
    span = statement.speaker.span
    head = span_root(doc, span.start, span.end) if span is not None else None
    if head is None:
        return False
    return (
        statement.speaker.entity is not None
        or head.pos_ in SPEAKING_HEAD_POS
        or names_someone(head)
        or head.lemma_.lower() in document_nouns()
    )


# Statements by the span of their cue, per article.
_CUES: LastIndex[Statement] = LastIndex(
    lambda statements: [(s.cue_span.start, s.cue_span.end, s) for s in statements if s.cue_span]
)


def _document_tail(doc: Doc | None, statements: tuple[Statement, ...], start: int) -> Statement | None:
    """The document statement whose content a later figure of its sentence continues: a poll's or a report's
    results listed on past the content's end ("a WBUR poll showed Rubio at 11 percent, followed by Kasich at 10
    percent and Bush at 7 percent"), with no other cue between."""
    token = token_at(doc, start)
    if token is None:
        return None
    sentence = token.sent
    last = _last_before(statements, start)
    if last is None or last.content_span is None or last.content_span.end < sentence.start_char:
        return None
    later_cue = any(s is not last for s in _CUES.of(statements).overlapping(last.content_span.end, start))
    speaker = last.speaker.span
    if later_cue or speaker is None or not _is_document(doc, speaker.start, speaker.end):
        return None
    return last


def _is_document(doc: Doc | None, start: int, end: int) -> bool:
    """Whether a speaker phrase is a document ("The latest Reuters/Ipsos poll", "the report")."""
    root = span_root(doc, start, end)
    return root is not None and root.lemma_.lower() in document_nouns()


def _inside_quotes(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a quotation opened in its paragraph (see ``_open_mark``)."""
    return _open_mark(text, start) is not None


def _open_mark(text: str, start: int) -> int | None:
    """Where in ``text`` the quotation holding ``start`` opens, when it opened in ``start``'s paragraph, else
    None: the last opening curly mark not closed since, or else the last of an odd number of straight marks,
    wire copy's doubled apostrophes (''...,'' he said) counting as one straight mark."""
    first = text.rfind("\n", 0, start) + 1
    paragraph = text[first:start]
    opened = max(paragraph.rfind(mark) for mark in OPEN_QUOTES)
    if opened >= 0:
        if max(paragraph.rfind(mark) for mark in CLOSE_QUOTES) > opened:
            return None
        # v12: a curly opening mark that a straight one closes ('The New York Times said Mike “may be
        # remembered as one of the greatest mayors in New York history." Bloomberg brought a city ...') has
        # ended there, as a straight opening closed by a curly mark has (below): no curly mark closes it in
        # its paragraph and an odd number of straight marks follow it, a pair being a quotation inside the
        # quotation (as the statement rules' scan reads it, ``quote_regions``). 146 paragraphs in 3,000
        # random AllSides reports (seed 77, raw text) open a curly quotation no curly mark closes and hold a
        # straight mark.
        end = text.find("\n", start)
        rest = text[start : len(text) if end < 0 else end]
        closed = (
            not any(mark in rest for mark in CLOSE_QUOTES) and len(_STRAIGHT_MARKS.findall(paragraph, opened)) % 2 == 1
        )
        return None if closed else first + opened
    marks = [m.start() for m in _STRAIGHT_MARKS.finditer(paragraph)]
    if len(marks) % 2 == 0 or max(paragraph.rfind(mark) for mark in CLOSE_QUOTES) > marks[-1]:
        # A straight mark a curly one closes ("Clinton "wanted some good Trump hits ...,” Clinton aide Sarah
        # Solow emailed") opened a quotation that has ended.
        return None
    return first + marks[-1]


def _earlier(figure: Figure, earlier: dict[str, tuple[float, str]]) -> str | None:
    """The claim a partitive figure breaks down: the last earlier one of its unit, when it is larger."""
    found = earlier.get(figure.unit.lower()) if figure.partitive else None
    return found[1] if found is not None and found[0] > figure.value else None


def _order(figures: list[Figure]) -> list[int]:
    """Indices with every whole before its parts, so a part can name its whole's claim id."""
    done: list[int] = []

    def visit(index: int, depth: int) -> None:
        parent = figures[index].parent
        if parent is not None and parent not in done and depth < len(figures):
            visit(parent, depth + 1)
        if index not in done:
            done.append(index)

    for index in range(len(figures)):
        visit(index, 0)
    return done


def _claims(
    article: Article, doc: Doc | None, statements: Iterable[Statement], entities: Sequence[Entity] = ()
) -> Iterator[Claim]:
    text = article.text
    every_statement = tuple(statements)
    statements = asserting(every_statement, doc)
    issuers = Issuers.of(text, doc, statements, entities, lambda s: _is_share(s, text)) if doc is not None else None
    every = [f for f in find_figures(text, doc) if not _foreign_wire_dollar(article, f)]
    by_start = sorted(range(len(every)), key=lambda i: every[i].start)
    starts = [every[i].start for i in by_start]
    earlier: dict[str, tuple[float, str]] = {}  # the last claim of each unit: what "of those" refers to
    for start, end in _sentence_bounds(text, doc):
        # A byline or credit line is metadata, not a figure the report states.
        held = sorted(by_start[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])
        figures = [every[i] for i in held if not article.in_credits(every[i].start)]
        if not figures:
            continue
        _link(text, figures)
        _predicates(text, figures, end, doc)
        _inherit(figures)
        _conversions(text, figures)
        ids: dict[int, str] = {}
        for index in _order(figures):
            figure = figures[index]
            speaker, statement_id = claimant_of(
                article, statements, figure.start, figure.end, issuers, doc, every_statement
            )
            spans = [Span.of(text, figure.start, figure.end)]
            if figure.predicate_span and figure.predicate_span[0] >= figure.end:
                spans.append(Span.of(text, *figure.predicate_span))
            claim = Claim(
                article_id=article.id,
                spans=tuple(spans),
                value=figure.value,
                value_max=figure.value_max,
                approx=figure.approx,
                hedge=figure.hedge,
                unit=figure.unit,
                # Money is never a casualty count: "affecting 61 billion dlrs of debt" is not "affected" (v39
                # review, seed 100000: 4 such of 515 changed claims; docs/history/claims-and-times.md).
                predicate="other" if figure.unit in _currencies() else figure.predicate or "other",
                predicate_text=figure.predicate_text,
                part_of=ids.get(figure.parent) if figure.parent is not None else _earlier(figure, earlier),
                claimant=speaker,
                statement_id=statement_id,
                text=text[figure.start : max(s.end for s in spans)],
            )
            ids[index] = claim.id
            earlier[figure.unit.lower()] = (figure.value, claim.id)
            yield claim


def _foreign_wire_dollar(article: Article, figure: Figure) -> bool:
    """Whether a figure is the wire's "dlrs" in a report datelined where the dollar is the country's own (Ottawa,
    Brisbane): its currency is unknown there, so it is no claim (``wire_dollars``, ``dollar_countries``). The
    currency is read where it was written (``Figure.unit_word``): the first of "1,000 and 10,000 dlrs" takes the
    second's; "5.3 mln U.S. dlrs" has none, its dollar named (``_named_dollar``, in ``find_figures``)."""
    country = article.dateline.country if article.dateline else None
    return (
        country in _dollar_countries() and figure.unit_word is not None and figure.unit_word.lower() in _wire_dollars()
    )


@lru_cache(maxsize=1)
def _wire_dollars() -> frozenset[str]:
    return frozenset(w.lower() for w in numbers_lexicon()["wire_dollars"])


@lru_cache(maxsize=1)
def _dollar_countries() -> frozenset[str]:
    return frozenset(numbers_lexicon()["dollar_countries"])


@extractor(NAME, version=VERSION, requires=("statement", "entity"), assigns=("claim",))
def extract_claims(article: Article, doc: Doc, *, prior: Analysis) -> Iterable[Claim]:
    """Numeric claims of ``article``, attributed to the speaker whose statement holds them, else the outlet."""
    return list(_claims(article, doc, prior.statements, prior.entities))
