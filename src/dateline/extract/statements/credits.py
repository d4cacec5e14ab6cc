"""Credit lines: "NAME, OUTLET" under a quotation names whose words it is.

Roundups that quote columnists (AllSides' "The Flip Side": "Regarding Biden, many note that “...”" with
"Jim Newell, Slate" after the closing mark, or on a line of its own under one or more quoted paragraphs)
credit each quotation to its author on a line of its own. The cue before the quotation, when there is one,
names nobody ("some note", "others argue"); the credit line does. A statement inside the credited block
whose speaker names no entity takes the credited person as its speaker, and a quotation of the block that no
statement reads becomes one (the annotation guide's quotation with no cue of its own), so the figures inside
it name their claimant. Counts in docs/extractors.md ("Credit lines under a quotation").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dateline.extract.statements.lexicon import Cue
from dateline.model import Span, Speaker, Statement

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from dateline.extract.statements.records import Builder

# A credit line: two to four capitalised words naming a person ("E. Fuller Torrey", "Jim Newell"), a comma
# and an outlet of capitalised words ("Wall Street Journal", "The Atlantic"), ending its line; alone on the
# line, or right after the closing mark of the quotation it credits. "By NAME, OUTLET" is a byline.
_NAME = r"(?!By )[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|van|von|del|la)){1,3}"
_OUTLET = r"(?:The |the )?[A-Z][\w'’&.-]*(?: (?:[A-Z][\w'’&.-]*|of|the|and|&)){0,5}"
CREDIT_LINE = re.compile(rf"(?m)(?:^|(?<=[”\"] ))(?P<name>{_NAME}), (?P<outlet>{_OUTLET})[ \t]*$")
# Outlets that credit a photograph, not a columnist's words: a caption quoting a banner or a chant over
# "John Smith, Associated Press" names the photographer. No roundup credit of the 6,996 AllSides reports names
# one of them (95 reports hold a credit line; their outlets are opinion pages and papers).
PHOTO_OUTLET = re.compile(
    r"\b(?:Associated Press|AP|Reuters|AFP|Agence France-Presse|Getty|Images|EPA|UPI|Shutterstock|Pool|Photos?|"
    r"Photography|via)\b"
)
# Marks that open or close a quotation a credit line may stand under.
QUOTE_MARKS = '“”"'
OPENING_MARK = "“"
# The entity type a credited name must have (the parse's, or the article's entity record): a place and its
# state ("Des Moines, Iowa") or a title and its body are no credit.
PERSON = "PERSON"
# A statement the credit line may re-speaker holds a quotation (a credit line credits quoted words).
QUOTED_KINDS = frozenset({"direct", "mixed"})
# Words a quotation of a credited block needs to be a statement of its own (a scare quote is not).
MIN_WORDS = 3
# The cue kind of a statement read from a credit line (the comma between name and outlet is its cue, as the
# colon is a "Name:" label's).
CREDIT_KIND = "credit"


@dataclass(frozen=True)
class Credit:
    """A credit line: the credited name's characters, the comma (the cue) and the quoted block it credits."""

    name: tuple[int, int]
    comma: int
    block: tuple[int, int]


def credit_lines(text: str) -> list[Credit]:
    """The credit lines of ``text`` with the block each credits: the credit's own paragraph up to it and the
    paragraphs before it that hold a quotation mark, back to the previous credit line. None when the lines
    head what follows them (``_heads``); a photo credit credits nothing."""
    matches = list(CREDIT_LINE.finditer(text))
    credits: list[Credit] = []
    floor = 0
    for n, match in enumerate(matches):
        start = match.start("name")
        block = (_block_start(text, start, floor), start)
        if n == 0 and _heads(text, match.end(), block, alone=len(matches) == 1):
            # "William Kristol, The Weekly Standard" over his quoted answers, after an unquoted introduction:
            # name lines that head what follows them credit nothing above them.
            return []
        if not PHOTO_OUTLET.search(match.group("outlet")):
            credits.append(Credit(match.span("name"), match.end("name"), block))
        floor = match.end()
    return credits


def _heads(text: str, end: int, block: tuple[int, int], *, alone: bool) -> bool:
    """Whether a document's first credit line heads what follows it: a quotation under it, and nothing quoted
    above it or no other credit line to tell (a lone line between quotations reads either way, and crediting
    nothing is the safe reading). The first line decides, not the last: a quotation under a roundup's last
    credit line (the article going on) had cancelled every credit above it."""
    return (alone or block[0] == block[1]) and _quoted(_next_line(text, end))


def _next_line(text: str, end: int) -> str:
    """The first line after ``end`` that is not blank ("" at the end of the text)."""
    return next((line for line in text[end:].split("\n") if line.strip()), "")


def _block_start(text: str, credit: int, floor: int) -> int:
    """Where the quoted block a credit line at ``credit`` closes begins: its own line's start when it follows
    a quotation there, then every line before that holds a quotation mark (blank lines skipped), back to the
    line that holds none or to ``floor`` (the end of the credit line before)."""
    line_start = max(text.rfind("\n", 0, credit) + 1, floor)
    block = line_start if _quoted(text[line_start:credit]) else credit
    position = line_start
    while position > floor:
        previous_end = position - 1
        previous_start = max(text.rfind("\n", 0, previous_end) + 1, floor)
        line = text[previous_start:previous_end]
        if line.strip():
            if not _quoted(line) or _ends_unquoted(line):
                break
            block = previous_start
        position = previous_start
    return block


def _quoted(line: str) -> bool:
    return any(c in QUOTE_MARKS for c in line)


def _ends_unquoted(line: str) -> bool:
    """Whether a line goes on in words of its own after its last closing mark: a credit this module cannot
    read ("... .” Karl A. Racine, Brian E. Frosh and Norman L. Eisen, New York Times") or a line of the page
    ("British police seek “rightful owner” of the One Ring."), which ends the block above a credit. A line
    whose last mark opens a quotation runs on into the next paragraph (news style) and does not."""
    last = max(line.rfind(c) for c in QUOTE_MARKS)
    if line[last] == OPENING_MARK:
        return False
    return any(c.isalpha() for c in line[last + 1 :])


def credited(builder: Builder, statements: Sequence[Statement]) -> list[Statement]:
    """``statements`` with those inside a credited block that name nobody given the credited person, and a
    statement for each quotation of such a block that none reads."""
    out = list(statements)
    for credit in credit_lines(builder.article.text):
        speaker = _credited_speaker(builder, credit)
        if speaker is None:
            continue
        out = [_respoken(s, speaker) if _inside(s, credit.block) else s for s in out]
        out.extend(_unread_quotations(builder, credit, speaker, [s for s in out if _inside(s, credit.block)]))
    return out


def _credited_speaker(builder: Builder, credit: Credit) -> Speaker | None:
    """The person a credit line names, resolved like any speaker; None for a name that is no person."""
    name = builder.doc.char_span(*credit.name, alignment_mode="expand")
    if name is None or not len(name) or not _person(builder, name):
        return None
    return builder.resolver.resolve(name.root, name)[0]


def _inside(statement: Statement, block: tuple[int, int]) -> bool:
    content = statement.content_span
    return content is not None and block[0] <= content.start and content.end <= block[1]


def _respoken(statement: Statement, speaker: Speaker) -> Statement:
    """A quoted statement of a credited block whose speaker names nobody ("some note"), given the credited
    person (its evidence spans follow: the credit line's name replaces the old subject)."""
    if statement.speaker.entity is not None or statement.statement_kind not in QUOTED_KINDS:
        return statement
    spans = {s for s in statement.spans if s != statement.speaker.span}
    if speaker.span is not None:
        spans.add(speaker.span)
    ordered = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
    return replace(statement, speaker=speaker, speakers=(), spans=ordered)


def _unread_quotations(
    builder: Builder, credit: Credit, speaker: Speaker, read: Sequence[Statement]
) -> list[Statement]:
    """A statement, its cue the credit line's comma, for each quotation of the credited block that no
    statement reads (a scare quote of a few words is none)."""
    text = builder.article.text
    comma = builder.doc.char_span(credit.comma, credit.comma + 1, alignment_mode="expand")
    if comma is None:
        return []
    cue = Cue(comma.start, comma.start, comma.start, CREDIT_KIND)
    taken = [span for s in read if (span := s.content_span) is not None]
    found: list[Statement] = []
    for start, end in builder.quotes.regions:
        region = Span.of(text, start, end)
        if not (credit.block[0] <= start and end <= credit.block[1]) or len(region.text.split()) < MIN_WORDS:
            continue
        if not any(span.overlaps(region) for span in taken):
            found.append(builder.statement(cue, speaker, (), region, ()))
            taken.append(region)
    return found


def _person(builder: Builder, name: SpacySpan) -> bool:
    """Whether a credited name is a person: an entity record of the article or the parse's entity type."""
    entity = builder.resolver.entity_at(name.root)
    if entity is not None:
        return entity.type == PERSON
    return all(t.ent_type_ == PERSON for t in name if t.is_alpha)
