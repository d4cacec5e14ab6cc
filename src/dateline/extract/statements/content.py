"""What a cue reports: its content clause or phrase, kept inside the paragraph, and the speaker phrase
around a postposed cue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.extract.statements.cues import (
    RELATIVE_PRONOUNS,
    clause_only_verb,
    cue_at,
    first_word,
    light_clause,
    marked_by_that,
    passive_agent,
    reports_clause,
    survey_finding,
)
from dateline.extract.statements.lexicon import (
    CLAUSE_POS,
    CLOSE_QUOTES,
    DOUBLED_APOSTROPHE,
    NOUN_POS,
    OPEN_QUOTES,
    SPEAKER_POS,
    STANCE_PREPOSITIONS,
    STRAIGHT_QUOTE,
    STRAY_CLAUSE_DEPS,
    Cue,
    Lexicon,
    quote_mark,
)
from dateline.extract.statements.quotes import Quotes
from dateline.extract.support.common import AUX_DEPS, BRACKETS, MODAL_TAG, RELATIVE_TAGS
from dateline.extract.support.speakers import SUBJECT_DEPS, TIME_ENTITY_TYPES, person_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# Words that stand for a whole answer right after a cue ("said yes", "said so").
ANSWER_WORDS = frozenset({"yes", "no", "so"})

# Dependents of a cue noun that hold what was said: a that-clause or infinitive ("his warning that ...",
# "refusal to disavow ..."); a prepositional object only after the prepositions ``_noun_content`` names.
NOUN_CONTENT_DEPS = frozenset({"acl", "ccomp"})
# The tag of a past participle: one modifying a cue noun describes the document, not what it said.
PAST_PARTICIPLE = "VBN"

# Dependents of a cue that says nothing of its own ("As the Times previously reported, X").
BARE_CUE_DEPS = frozenset({"nsubj", "mark", "advmod", "aux", "npadvmod", "punct"})
# Dependents an as-clause cue may add and still report the clause it hangs on: the setting of the act ("As
# one of us wrote in NRO at the time, X", "As Steve Malanga recently wrote in The Wall Street Journal, X")
# and a phrasal cue's particle ("As a McClatchy article pointed out, X"); its addressee is allowed by the
# lexicon's addressee verbs ("As he told reporters, X"). The class counted in docs/extractors.md.
AS_CLAUSE_ADDRESSEE_DEPS = frozenset({"dobj", "dative"})

# A preposition whose object characterises the cue's object ("called it a disgrace" written "dismissed X as a
# joke", "denounced as a buffoon"): what was said, as the stance prepositions are.
PREDICATE_PREPOSITIONS = frozenset({"as"})

# A preposition giving what a question or a telling was about after a verb whose object is its addressee
# ("Baier asked about cyber warfare. “Why did you ...?”": the quotation after it is the question, and
# continues the statement).
QUESTION_PREPOSITIONS = frozenset({"about"})

# Particles of a listed phrasal cue that name what a remark was about rather than what was said ("referred
# to the Founding Fathers", "commented on South Korea's appeasement", "talked about Clinton's firewall",
# "responded to North Korea's nuclear test"), when a noun phrase alone follows (``names_topic``).
TOPIC_PARTICLES = frozenset({"to", "on", "about"})

# Prepositions that give an as-clause cue a topic or a hearer rather than a setting ("As he said of the
# plan", "as she wrote to the board"): such a clause stays out of ``_as_clause``, unless the phrase names a
# time alone ("as he told reporters on Monday").
SETTING_EXCLUDED = TOPIC_PARTICLES | {"of"}

# Phrasal cue verbs whose particle's object is the evidence a speaker put forward, as "cited X" is, not a
# topic: "pointed to the budget surplus, noting that ..." (PolNeAR annotates it as an attribution).
CITING_VERBS = frozenset({"point"})

# Dependents that end a cue's phrase: a coordinated verb or clause is a statement of its own.
PHRASE_BREAKS = frozenset({"conj", "cc"})
# What may stand between a content and a clause coordinated with it on the cue's verb ("X, and Y", "X but Y").
COORDINATION_GAP_DEPS = frozenset({"cc", "punct", "preconj"})
# The part of speech of "and", "but", "or": one ending a content is left dangling by the parse.
COORDINATOR_POS = "CCONJ"

# A participial cue, or one with a subject of its own, heading one of these inside a content starts a
# statement of its own, where the content ends: "pointed to X, noting that Y", "charged X after prosecutors
# determined that Y" (PolNeAR annotates each as its own attribution). On PolNeAR train 150 the participles
# took overlap F1 0.740 -> 0.745, the cues with a subject 0.7706 -> 0.7722; cutting also at relative
# clauses ("..., which I said was ...") and finite coordinated cues added more false statements than it
# found.
NESTED_STATEMENT_DEPS = frozenset({"advcl"})

# Tags of a wh-word opening a relative clause ("whom", "which", "whose"): the clause after a comma that
# such a word opens modifies the noun before it; it is no postposed attribution. The relative pronouns of
# support.common plus the possessive "whose".
RELATIVE_OPENERS = RELATIVE_TAGS | {"WP$"}

# Words opening a relative clause that a comma sets off after the noun it describes ("Kentucky, where ...",
# "the FBI, which ...", "McCain, who ..."): an aside, ``_trailing_aside``; "that" opens no such clause.
ASIDE_OPENERS = frozenset({"which", "who", "whom", "whose", "where"})
# What opens a describing noun phrase set off after a noun ("McCain, a former nominee ..."): a determiner or a
# possessive (``_trailing_apposition``); a bare noun after a comma is as often a list's next item.
APPOSITION_OPENERS = frozenset({"det", "poss"})
# The tag of an infinitive's "to" ("to replace"): an infinitive closing such a phrase keeps it in the content.
INFINITIVE_TAG = "TO"
# Marks of quotation inside a clause (exact tokens): the double marks and an opening single curly one (a
# closing single curly mark or a straight one is also an apostrophe, "officers’").
QUOTATION_TOKENS = frozenset(OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT_QUOTE + "‘") | {DOUBLED_APOSTROPHE}
# A clause that goes on with the speaker's own account, not the author's aside on a noun: a narrative
# "then" ("her boss, who then hired his nephew"), a first-person pronoun (the speaker's words, "a plan,
# which I endorse") or the speaker's own view or source ("which in his view slows ...", "which,
# according to the audit, ..."). Counts in docs/extractors.md.
NARRATIVE_ADVERBS = frozenset({"then"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
VIEW_NOUNS = frozenset({"view", "opinion", "words"})
SOURCE_WORDS = frozenset({"according"})

# Dependents of a subject that are not part of naming the speaker ("X, who ..., said").
SPEAKER_TRIM = frozenset({"relcl", "acl"})

# Complements that say what was said: a clause ("stressing that X"), an infinitive ("urging voters to
# reject X") or a predicate ("calling the plan a disgrace").
SAYING_COMPLEMENTS = frozenset({"ccomp", "xcomp", "oprd"})

# What an object cue's own object hangs on it (or on its particle) by.
OBJECT_DEPS = frozenset({"dobj", "pobj", "xcomp", "ccomp"})


# How the cue's verb may govern a part of what it reports across its own clause (the parse hangs "X, he
# said, Y" either way: X or Y the verb's clause, or the verb a parenthesis of X or Y).
PARENTHESIS_DEPS = frozenset({"ccomp", "parataxis", "dep"})

# Words that make a part say something ("But, he said, ..." is no part of its own).
SAYING_POS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM", "ADJ"})


def _light_content(cue: Cue, doc: Doc, sent: SpacySpan) -> tuple[int, int] | None:
    """What a light-verb cue reports: a clause, else the object of its preposition ("the case for X")."""
    last = doc[cue.last]
    if last.dep_ == "prep":
        return _trimmed(doc, *_within_paragraph(sent, cue, cue.last + 1, last.right_edge.i))
    clause = light_clause(doc[cue.head], last)
    if clause is None:
        return None
    return _trimmed(doc, *_within_paragraph(sent, cue, clause.left_edge.i, clause.right_edge.i))


def _trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Token range ``[first, last]`` without edge punctuation (quote marks kept) or a leading "that"."""
    while first <= last and (_edge_punct(doc[first]) or doc[first].is_space):
        first += 1
    if first <= last and doc[first].lower_ == "that" and doc[first].dep_ == "mark":
        first += 1
    while last >= first and (_edge_punct(doc[last]) or doc[last].is_space):
        last -= 1
    return (first, last) if first <= last else None


def _edge_punct(token: Token) -> bool:
    # v28: spaCy calls "%" punctuation, but the parse reads it as the noun its number counts ("tied at 16%",
    # "56% to 40%", a speaker "70% said"): a word of the content, not a mark at its edge. Only with a number on
    # it: the parse also tags a stray hyphen a noun ("co-chairman" split at "-").
    return token.is_punct and not _counted_unit(token) and token.text not in OPEN_QUOTES and not quote_mark(token.text)


def _counted_unit(token: Token) -> bool:
    """A punctuation token the parse reads as the noun of a figure: a ``NOUN_POS`` with a number modifying it,
    or written onto the number before it ("56% to 40%", where the parse hangs "40" elsewhere)."""
    if token.pos_ not in NOUN_POS:
        return False
    before = token.nbor(-1) if token.i > 0 else None
    glued = before is not None and before.like_num and not before.whitespace_
    return glued or any(c.dep_ == "nummod" for c in token.children)


def _phrase_end(head: Token, start: int) -> int:
    """The last token of ``head``'s phrase from ``start`` on, stopping before coordinated verbs or cues."""
    end = head.right_edge.i
    for child in head.children:
        if child.i > start and child.dep_ in PHRASE_BREAKS:
            end = min(end, child.left_edge.i - 1)
    return end


def _content(cue: Cue, doc: Doc, sent: SpacySpan, lex: Lexicon) -> tuple[int, int] | None:
    """The content's token range (see the module docstring), ending before a statement of its own that
    runs on inside it."""
    bounds = _closed(doc, _content_bounds(cue, doc, sent, lex))
    if bounds is None or bounds[1] < cue.first:
        return bounds
    nested = [
        t.left_edge.i
        for t in doc[bounds[0] : bounds[1] + 1]
        if t.dep_ in NESTED_STATEMENT_DEPS
        and (t.tag_ == "VBG" or any(c.dep_ in SUBJECT_DEPS for c in t.children))
        and t.left_edge.i > bounds[0]
        and cue_at(t, lex)
    ]
    if nested:
        return _closed(doc, _trimmed(doc, bounds[0], min(nested) - 1))
    aside = _trailing_aside(doc, bounds, lex)
    if aside is None:
        aside = _trailing_apposition(doc, bounds, lex)
    if aside is not None:
        return _closed(doc, _trimmed(doc, bounds[0], aside - 1))
    return _closed(doc, _without_dangling_coordinator(doc, bounds))


def _without_dangling_coordinator(doc: Doc, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """ "said they are less likely to vote Republican, and": a coordinator ending a content joins it to a
    clause the parse left outside (another speaker's, or the author's); what was said does not end with it."""
    first, last = bounds
    while last > first and doc[last].pos_ == COORDINATOR_POS:
        last -= 1
    return bounds if last == bounds[1] else _trimmed(doc, first, last)


def _closed(doc: Doc, bounds: tuple[int, int] | None) -> tuple[int, int] | None:
    """``bounds`` with the closing bracket after it that trimming took off, where its opener lies inside
    ("the Tucson and Phoenix areas (Pima and Maricopa Counties)", "the agreement (NAFTA)"). Contents only:
    speaker phrases are another owner's."""
    if bounds is None or bounds[1] + 1 >= len(doc):
        return bounds
    after = doc[bounds[1] + 1]
    opener = BRACKETS.get(after.text)
    if opener is None or not any(t.text == opener for t in doc[bounds[0] : bounds[1] + 1]):
        return bounds
    return bounds[0], after.i


def _trailing_aside(doc: Doc, bounds: tuple[int, int], lex: Lexicon) -> int | None:
    """ "said she backed a recount in Kentucky, where he trailed by 0.5 percent": a relative clause set off
    by a comma that ends a content is the author's aside on the noun before it, not what was said (PolNeAR
    leaves it out; the guide's content is what was said). Returns the comma's index. Kept: a clause with a
    comma inside (the parse ran it over the rest of the content), a quotation mark (the speaker's words), a
    modal on its verb (``MODAL_TAG``), a cue (its statement stays nested in the content, as before the cut:
    freed, 4 of 15 were right), or the speaker's own account (``_own_account``). A clause inside a kept one
    is kept with it. Counts in docs/extractors.md."""
    for token in doc[bounds[0] : bounds[1] + 1]:
        if token.dep_ != "relcl" or token.head.pos_ not in NOUN_POS or token.right_edge.i < bounds[1]:
            continue
        opener = token.left_edge
        if opener.lower_ not in ASIDE_OPENERS or opener.i - 1 <= bounds[0] or doc[opener.i - 1].text != ",":
            continue
        clause = doc[opener.i : bounds[1] + 1]
        if (
            any(t.text == "," or t.text in QUOTATION_TOKENS for t in clause)
            or any(c.tag_ == MODAL_TAG for c in token.children)
            or any(cue_at(t, lex) is not None for t in clause)
            or _own_account(clause)
        ):
            return None  # the clauses inside this one end the content too: they stay with it
        return opener.i - 1
    return None


def _trailing_apposition(doc: Doc, bounds: tuple[int, int], lex: Lexicon) -> int | None:
    """ "said he was as much a citizen as John McCain, a former nominee who was born in Panama": a noun phrase
    set off by a comma that ends a content and says who the noun before it is (an apposition opened by a
    determiner or a possessive, headed by a person noun, ``person_nouns``) is the author's introduction of
    that person to the reader, not what was said (PolNeAR leaves it out too). Kept as ``_trailing_aside``
    keeps a relative clause: with a comma, a quotation mark, a cue or the speaker's own account inside; and
    kept after a verb's "as" (``_cast_as``), with an infinitive inside, or inside a nested cue's own content.
    Returns the comma's index. Counts in docs/extractors.md."""
    for token in doc[bounds[0] : bounds[1] + 1]:
        if token.dep_ != "appos" or token.pos_ != "NOUN" or token.head.pos_ not in NOUN_POS:
            continue
        if token.lemma_.lower() not in person_nouns():
            continue  # a deal, a crime, an increase: a summary of what the clause says, as often the speaker's
        if token.right_edge.i < bounds[1] or token.head.i > token.i:
            continue
        opener = token.left_edge
        if opener.i - 1 <= bounds[0] or doc[opener.i - 1].text != ",":
            continue
        if not any(c.dep_ in APPOSITION_OPENERS and c.i < token.i for c in token.children):
            continue
        if token.head.i == _root(doc, bounds) or any(c.dep_ == "nummod" for c in token.head.children):
            continue  # a noun content's own description ("Hillary Clinton, the nominee"); a figure's summary
        if _cast_as(token.head):
            return None  # "portray himself as the anti-Bush, a president who ...": the noun is what is said
        phrase = doc[opener.i : bounds[1] + 1]
        if (
            any(t.text == "," or t.text in QUOTATION_TOKENS for t in phrase)
            or any(cue_at(t, lex) is not None for t in phrase)
            or _own_account(phrase)
            or any(t.tag_ == INFINITIVE_TAG and t.head.pos_ == "VERB" for t in phrase)
            or any(cue_at(t, lex) is not None and t.is_ancestor(token) for t in doc[bounds[0] : opener.i])
        ):
            # An infinitive at a content's end is as often the content verb's purpose, misparsed into the
            # phrase ("tapped Elisse Walter, a commissioner at the SEC to replace Schapiro"); a cue inside the
            # content whose own content holds the phrase keeps it (cut off, that statement runs on past the
            # content that holds it and is no longer nested in it).
            return None
        return opener.i - 1
    return None


def _cast_as(noun: Token) -> bool:
    """Whether ``noun`` is the object of an "as" that a verb governs ("portray himself as X", "see her as X",
    "described the plan as X"): the noun is then the predicate the speaker gives, and a noun phrase set off
    after it goes on saying it. A comparison's "as" hangs on a noun or an adjective ("as much of a citizen as
    McCain")."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "as" and prep.head.pos_ in {"VERB", "AUX"}


def _root(doc: Doc, bounds: tuple[int, int]) -> int:
    """The index of the token of ``bounds`` whose head lies outside them (the first such)."""
    return next(
        (t.i for t in doc[bounds[0] : bounds[1] + 1] if not bounds[0] <= t.head.i <= bounds[1] or t.head.i == t.i),
        bounds[0],
    )


def _own_account(clause: SpacySpan) -> bool:
    """Whether a relative clause goes on with the speaker's account (``NARRATIVE_ADVERBS``,
    ``FIRST_PERSON``, "in his view", "according to")."""
    for token in clause:
        lower = token.lower_
        if lower in FIRST_PERSON or lower in SOURCE_WORDS:
            return True
        if lower in NARRATIVE_ADVERBS and token.dep_ == "advmod" and token.head.pos_ in CLAUSE_POS:
            return True  # "who then canceled", not "then-campaign chairman"
        if lower in VIEW_NOUNS and token.head.lower_ == "in" and any(c.dep_ == "poss" for c in token.children):
            return True
    return False


def _content_bounds(cue: Cue, doc: Doc, sent: SpacySpan, lex: Lexicon) -> tuple[int, int] | None:
    verb = doc[cue.head]
    if cue.kind == "according":
        return _host_clause(doc[cue.first], sent)
    if cue.kind == "light":
        return _light_content(cue, doc, sent)
    if cue.kind == "noun":
        arg = next((c for c in verb.children if _noun_content(c, lex) and c.i > cue.last), None)
        return None if arg is None else _trimmed(doc, *_within_paragraph(sent, cue, arg.left_edge.i, arg.right_edge.i))
    comp = _complement(verb, cue) or _stray_that_clause(verb, cue, lex)
    if comp is not None:
        last = _coordinated_end(verb, comp, lex) if comp.i > cue.last else comp.right_edge.i
        return _trimmed(doc, *_within_paragraph(sent, cue, comp.left_edge.i, last))
    # "As the Times reported, X": a bare as-clause cue reports the clause it hangs on.
    if _as_clause(verb, cue, lex):
        return _host_clause(verb, sent)
    if clause_only_verb(verb, lex) and not reports_clause(verb) and not survey_finding(verb, lex):
        return None  # no clause: only a quotation makes it a cue ("denied a request" is no statement)
    if cue.kind == "phrasal" or verb.lemma_.lower() in lex.objects:
        antecedent = _relativised_object(verb, cue)
        if antecedent is not None:
            return _trimmed(doc, *_within_paragraph(sent, cue, *antecedent))
        if cue.kind == "phrasal" or _has_object(verb, cue, lex):
            return _trimmed(doc, cue.last + 1, _phrase_end(verb, cue.last))
    # A clause verb without a clause says its object or infinitive: "said the same", "tweeted her thanks",
    # "expects to win" -- unless the object is whom it was said to ("told reporters").
    said = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp") and c.i > cue.last), None)
    if said is not None and verb.lemma_.lower() not in lex.unsaid_objects:
        return _trimmed(doc, said.left_edge.i, said.right_edge.i)
    # A passive cue with its speaker in a "by" phrase reports its subject ("The meeting was first reported by
    # Politico"); not one whose object is no statement ("The bodies were found by hikers").
    reported = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if reported is not None and passive_agent(verb) is not None and verb.lemma_.lower() not in lex.unsaid_objects:
        return _trimmed(doc, reported.left_edge.i, reported.right_edge.i)
    # "72 percent said yes", "half said so": an answer word stands for what was said.
    answer = next((c for c in verb.children if c.lower_ in ANSWER_WORDS and c.i == cue.last + 1), None)
    return (answer.i, answer.i) if answer is not None else None


def _coordinated_end(verb: Token, comp: Token, lex: Lexicon) -> int:
    """ "said the economy had hit bottom, and that it was now bouncing back": the parse hangs a that-clause
    coordinated with the content on the cue's verb, yet it is still what was said (the guide and PolNeAR
    agree). The content's last token, run on over each such conjunct right after it (``_reported_conjunct``);
    a conjunct that fails ends the run."""
    doc = verb.doc
    end = comp.right_edge.i
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.i <= end:
            continue
        if child.dep_ != "conj":
            if child.dep_ in COORDINATION_GAP_DEPS:
                continue
            break
        gap = doc[end + 1 : child.left_edge.i]
        if not all(t.dep_ in COORDINATION_GAP_DEPS or t.is_space for t in gap) or not _reported_conjunct(child, lex):
            break
        end = child.right_edge.i
    return end


def _reported_conjunct(conj: Token, lex: Lexicon) -> bool:
    """Whether a clause coordinated with the cue goes on with what was said: a second that-clause ("said
    the economy had hit bottom, and that it was now bouncing back", "but that this could cause further
    damage") whose verb is no cue of its own and holds no cue with a subject of its own (another speaker).
    A conjunct without "that" is left out, with a subject of its own or not: it is as often the author's
    narrative or the speaker's own act ("but the turnout in Iowa was higher", "but has since given a more
    complicated assessment") as the speaker's words; counts in docs/extractors.md."""
    if conj.pos_ not in CLAUSE_POS or cue_at(conj, lex) is not None:
        return False
    if not marked_by_that(conj):
        return False
    return not any(
        cue_at(t, lex) is not None and any(c.dep_ in SUBJECT_DEPS for c in t.children)
        for t in conj.subtree
        if t.i != conj.i
    )


def _as_clause(verb: Token, cue: Cue, lex: Lexicon) -> bool:
    """ "As the Times reported, X", "As he wrote in NRO at the time, X", "As a report pointed out, X": an
    as-clause cue with nothing of its own to report, only its subject, its setting, its particle or its
    addressee; what it reports is the clause it hangs on. Only a clause verb or a phrasal cue may add a
    setting: "As he talked ..." or a topic ("As Mayor Reyes spoke about the dam, ...") tells when, and so
    does a phrasal cue whose particle is a preposition ("even as staffers pushed for answers", "as she votes
    for president"); an object that is no addressee is what the clause is about ("as he found them")."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    if verb.lemma_.lower() in lex.prefixes:
        # "as protests continue over ...", "as the release of the emails continued to Election Day": a verb
        # of going on (the lexicon's cue prefixes) says nothing in an as-clause; it tells when.
        return False
    extra = [c for c in verb.children if c.dep_ not in BARE_CUE_DEPS]
    if not extra:
        return True
    if cue.kind != "phrasal" and verb.lemma_.lower() not in lex.clause:
        return False
    addressee = verb.lemma_.lower() in lex.addressed
    return all(
        (c.dep_ == "prep" and c.i != cue.last and (c.lower_ not in SETTING_EXCLUDED or _names_time(c)))
        or (c.dep_ == "prt" and cue.kind == "phrasal")
        or (addressee and c.dep_ in AS_CLAUSE_ADDRESSEE_DEPS)
        for c in extra
    )


def _has_object(verb: Token, cue: Cue, lex: Lexicon) -> bool:
    """Whether an object cue has, after it, an object, particle or infinitive, or a prepositional phrase that
    can hold what was said (``said_by_preposition``). A passive cue's object is its subject: its prepositional
    phrases are left as they were read before (the tail they give overlaps the "by" speaker, and no statement
    is made)."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    return any(
        c.i > cue.last
        and (
            c.dep_ in {"dobj", "prt", "xcomp"} or (c.dep_ == "prep" and (passive or said_by_preposition(verb, c, lex)))
        )
        for c in verb.children
    )


def _noun_content(child: Token, lex: Lexicon) -> bool:
    """Whether a dependent of a cue noun holds what was said: a clause or infinitive, or the object of a
    preposition that names a content after a cue noun (``light_prepositions``: "criticism of the deal",
    "calls for an inquiry", "his warning about X"). Another preposition is an adjunct of the remark: its
    addressee, place, time or partner ("his comments to ABC", "his remarks in the White House", "Trump's
    call with Ukraine's leader", "its endorsement by Trump", whose object is not even the possessor); counts
    in docs/extractors.md."""
    if child.dep_ == "prep":
        return child.lower_ in lex.light_prepositions and not _names_time(child)
    if child.dep_ == "acl" and child.tag_ == PAST_PARTICIPLE and not any(c.dep_ in AUX_DEPS for c in child.children):
        # "Trump's statement, issued at 2:34 p.m.": a bare participle describes the remark ("her claims to
        # have worked there", with its auxiliaries, is what was claimed).
        return False
    return child.dep_ in NOUN_CONTENT_DEPS


def _names_time(preposition: Token) -> bool:
    """Whether a preposition's object is a time expression alone, every word of it inside a date or time
    the parse's entity recogniser found (``speakers.TIME_ENTITY_TYPES``: "on Thursday", "on March 3", "over
    the weekend"): a cue noun's phrase naming only when the remark was made ("Boehner's comments on
    Thursday", "her statement on March 3") says nothing of what was said."""
    objects = [t for t in preposition.children if t.dep_ == "pobj"]
    return bool(objects) and all(t.ent_type_ in TIME_ENTITY_TYPES for o in objects for t in o.subtree)


def said_by_preposition(verb: Token, preposition: Token, lex: Lexicon) -> bool:
    """Whether an object cue's prepositional phrase can hold what was said: a preposition the lexicon pairs
    with the verb (``phrasal``), a stance one ("asked for a recount", ``STANCE_PREPOSITIONS``), a
    characterisation ("dismissed as a joke", ``PREDICATE_PREPOSITIONS``), the topic of a question
    ("asked about X", ``QUESTION_PREPOSITIONS``, after an addressee verb), or one whose phrase holds a
    that-clause ("claimed without evidence that X") or a quotation ("which Trump has accused of “importing
    low-wage workers ...”"). Any other is an adjunct of the act ("called into Fox & Friends", "questioned in
    the inquiry", "mentioned during the incident"), no content; counts in docs/extractors.md."""
    lemma = verb.lemma_.lower()
    listed = lex.phrasal.get(lemma, frozenset()) | STANCE_PREPOSITIONS | PREDICATE_PREPOSITIONS
    if lemma in lex.addressed:
        listed |= QUESTION_PREPOSITIONS
    return preposition.lower_ in listed or any(
        marked_by_that(t) or t.text in OPEN_QUOTES or quote_mark(t.text) for t in preposition.subtree
    )


def names_topic(particle: Token, content: SpacySpan) -> bool:
    """Whether a phrasal cue's content is only the topic of the remark: its particle is a topic one
    (``TOPIC_PARTICLES``; not after a citing verb, ``CITING_VERBS``) and the content a noun phrase, with no
    verb (no clause or infinitive: "called on Congress to act", "pointed to the strike as evidence that X"
    stay) and no stance preposition ("called on Congress for a new law"). Callers keep a content that holds
    a quotation, which is what was said; counts in docs/extractors.md."""
    return (
        particle.lower_ in TOPIC_PARTICLES
        and particle.head.lemma_.lower() not in CITING_VERBS
        and not any(t.pos_ in CLAUSE_POS for t in content)
        and not any(t.dep_ == "prep" and t.lower_ in STANCE_PREPOSITIONS for t in content)
    )


def _relativised_object(verb: Token, cue: Cue) -> tuple[int, int] | None:
    """ "the moratorium that Trump called for during the campaign": a phrasal cue in a relative clause whose
    particle lost its object to the relative pronoun says the noun the clause modifies, not what follows
    the particle. Returns the noun's phrase up to the clause."""
    if cue.kind != "phrasal" or verb.dep_ != "relcl" or verb.head.pos_ not in NOUN_POS or verb.head.i > verb.i:
        return None
    particle = verb.doc[cue.last]
    if any(c.dep_ in OBJECT_DEPS and c.i > particle.i for c in particle.children):
        return None
    if any(c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
        return None  # "officials who called for X": the noun is the speaker
    return verb.head.left_edge.i, verb.left_edge.i - 1


def _complement(verb: Token, cue: Cue) -> Token | None:
    """The cue's complement clause. With one on each side the one after it: a clause before the cue that
    is not the inverted "X, said Y" is a misparsed adjunct ("In a statement released after ..., Cruz said he
    is certain ..."; two complements of one verb are always a misparse)."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in comps if c.i > cue.last]
    return after[0] if after else (comps[0] if comps else None)


def _stray_that_clause(verb: Token, cue: Cue, lex: Lexicon) -> Token | None:
    """ "says in a statement that X", "said following a vote in 2001 that X": a that-clause the parse hung
    on the noun of a phrase after the cue (as a relative clause, though "that" marks it rather than standing
    in it as subject or object) is the cue's complement, unless the noun has clauses of its own ("amid
    complaints that X") or a named owner's ("following Canada's demand that X"; "in his remarks that X" stays
    the speaker's). On PolNeAR train 150: 4 more matches for 1 more prediction."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > cue.last):
        for token in prep.subtree:
            if (
                token.dep_ in STRAY_CLAUSE_DEPS
                and token.head.pos_ in NOUN_POS
                and token.head.lemma_.lower() not in lex.clause_nouns
                and not any(c.dep_ == "poss" and c.pos_ != "PRON" for c in token.head.children)
                and marked_by_that(token)
            ):
                return token
    return None


def _within_paragraph(sent: SpacySpan, cue: Cue, first: int, last: int) -> tuple[int, int]:
    """``[first, last]`` clipped to the cue's sentence and paragraph: a parse can run a clause across a
    line break (page debris before a first paragraph), but a content never does."""
    first, last = max(first, sent.start), min(last, sent.end - 1)
    doc = sent.doc
    for i in range(first, last + 1):
        if doc[i].is_space and "\n" in doc[i].text:
            if i < cue.first:
                first = i + 1
            elif i > cue.last:
                return first, i - 1
    return first, last


def _participial_adjunct(cue: Cue, sent: SpacySpan, quotes: Quotes) -> bool:
    """ "Referring to the campaign, the ambassador spoke about ...": a participle opening the sentence as an
    adjunct of its main verb, with no complement clause or quotation, frames the sentence rather than
    reports speech; the main verb says what was said. "Stressing that X, Farhadov expressed ..." and
    "Calling the plan a disgrace, X left" keep their complement, and so their statement."""
    verb = sent.doc[cue.head]
    opening = first_word(sent)
    if opening is None or opening.i != cue.first or verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return False
    phrase = sent.doc[verb.left_edge.i : verb.right_edge.i + 1]
    quoted = quotes.overlapping(phrase.start_char, phrase.end_char) or quotes.near(phrase.start_char, phrase.end_char)
    return not any(c.dep_ in SAYING_COMPLEMENTS for c in verb.children) and not quoted


def _postposed(cue: Cue, sent: SpacySpan, stop: int) -> tuple[Token, tuple[int, int]] | None:
    """ "X, the Embassy told News.Az." read as the attribution it is when the parse missed it: a verbless
    noun phrase between the last comma and the cue is the speaker, the clause before the comma the content,
    and nothing after the cue but its objects."""
    doc = sent.doc
    comma = next((i for i in range(cue.first - 1, sent.start, -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= cue.first:
        return None
    phrase = doc[comma + 1 : cue.first]
    if any(t.pos_ in CLAUSE_POS for t in phrase) or not any(t.pos_ in SPEAKER_POS for t in phrase):
        return None
    if phrase[0].tag_ in RELATIVE_OPENERS:
        return None  # "X, whom Shelby called “eminently qualified”": a relative clause on X, no attribution
    tail = doc[cue.last + 1 : stop]
    left = _trimmed(doc, *_within_paragraph(sent, cue, sent.start, comma - 1))
    if any(t.pos_ in CLAUSE_POS for t in tail):
        if tail[0].text != ",":
            return None
        # Parenthetical "A, he says, B": the content runs on both sides; the longer side stands for it.
        right = _trimmed(doc, *_within_paragraph(sent, cue, cue.last + 2, stop - 1))
        sides = [b for b in (left, right) if b is not None]
        left = max(sides, key=lambda b: b[1] - b[0]) if sides else None
    return (phrase.root, left) if left is not None else None


def _host_clause(anchor: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """ "According to X, Y" / "Y, according to X" / "As X reported, Y": the longer part of the sentence
    outside the phrase ``anchor`` heads."""
    doc = sent.doc
    left = _trimmed(doc, sent.start, anchor.left_edge.i - 1) if anchor.left_edge.i > sent.start else None
    right = _trimmed(doc, anchor.right_edge.i + 1, sent.end - 1) if anchor.right_edge.i < sent.end - 1 else None
    sides = [s for s in (left, right) if s is not None]
    return max(sides, key=lambda s: s[1] - s[0]) if sides else None


def _in_host(clause: Token, part: tuple[int, int], sent: SpacySpan) -> bool:
    """ "Impeachment, as a colleague points out, is a weak check": whether ``part`` (a token range) lies in
    the clause an as-clause cue is set in, between its subject and its verb, so that the cue reports that
    whole clause across the as-clause (the subject had been lost: "is a weak check"); not an adverb before
    it ("Already, as she writes, many lawmakers ...")."""
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children):
        return False
    host = _host(clause)
    subject = next((c for c in host.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not (subject.i < clause.left_edge.i and clause.right_edge.i < host.i):
        return False
    return max(host.left_edge.i, sent.start) <= part[0] and part[1] <= host.right_edge.i


def _host(clause: Token) -> Token:
    """The verb of the clause an as-clause hangs on: the parse hangs it on the verb or on its subject."""
    return clause.head.head if clause.head.dep_ in SUBJECT_DEPS else clause.head


def _speaker_phrase(head: Token, stop: int) -> tuple[int, int] | None:
    """The subject's noun phrase, without relative clauses and not reaching ``stop`` (a relay tail)."""
    first, last = head.left_edge.i, min(head.right_edge.i, stop - 1)
    # A quotation the parse hung on the speaker ("“...,” Reyes, 58, told") is not part of the name.
    closing = [t.i for t in head.doc[first : head.i] if quote_mark(t.text)]
    first = closing[-1] + 1 if closing else first
    for child in head.children:
        if child.dep_ in SPEAKER_TRIM and child.i > head.i:
            last = min(last, child.left_edge.i - 1)
    return _trimmed(head.doc, first, last)


def around_parenthesis(
    cue: Cue,
    phrase: tuple[int, int],
    content: tuple[int, int],
    sent: SpacySpan,
    stop: int,
    lex: Lexicon,
    quotes: Quotes,
) -> tuple[int, int] | None:
    """ "The plan, she said, will fail", "“X,” he said, “Y”", "X, according to NAME, Y": a cue clause set
    between commas inside what it reports interrupts one content; the part on the other side of it from
    ``content`` (a token range) is reported too. A quotation there is the same speaker's words whatever the
    parse hung it on; an unquoted part must hang on the cue's verb, if at all, as a clause. Returns the
    other part's character range, or None."""
    doc = sent.doc
    hole = _parenthesis(cue, phrase, sent, stop, quotes)
    if hole is None:
        return None
    if content[0] > hole[1] and _only_punct(doc[hole[1] + 1 : content[0]]):
        quoted = quotes.leading(doc[hole[0]].idx)
        other = _trimmed(doc, *_within_paragraph(sent, cue, sent.start, hole[0] - 1))
    elif content[1] < hole[0] and _only_punct(doc[content[1] + 1 : hole[0]]):
        comma = doc[hole[1] + 1]
        quoted = quotes.following(comma.idx + 1)
        other = _trimmed(doc, *_within_paragraph(sent, cue, hole[1] + 1, stop - 1))
    else:
        return None
    if doc[hole[0]].dep_ == "mark":
        # An as-clause set in what it reports: only the subject before it ("X, as Y points out, is Z"); a
        # quotation or a clause on the other side is the author's ("I was taught, as Hughes said, “...”").
        if other is None or not _in_host(doc[cue.head], other, sent):
            return None
    elif quoted is not None and _quoted_from(quoted, sent):
        return quoted
    elif other is None or not _reported_part(doc[other[0] : other[1] + 1], doc[cue.head], lex):
        return None
    return doc[other[0]].idx, doc[other[1]].idx + len(doc[other[1]])


def _quoted_from(quoted: tuple[int, int], sent: SpacySpan) -> bool:
    """Whether a quotation beside a parenthetical cue is the other part of what it reports: it touches the
    cue's sentence and stays in its paragraph. It may run on past the sentence ("“A,” Obama said, “they don't
    become a populist because they say something. That's not populism.”", "“A,” she said, “is the fact that
    I knew ... . When you know ...”"): a quotation goes on across sentences, and kept to the sentence the
    part was lost, leaving the shorter part alone and the cue inside the quotation ("say", "knew") the
    speaker of a statement of its own. Counts in docs/extractors.md.

    Past the sentence it must also end as a quotation ends: on a closing mark, or at its paragraph's end (news
    style reopens it in the next one). A quotation the scan closed on a mark that opens the next one ('"A,"
    Smith said, "and they know it. Jones then replied, "They will lose."', a closing mark missing) holds
    another speaker's cue: kept to the sentence, as before."""
    text = sent.doc.text
    start, end = quoted
    if not (start < sent.end_char and sent.start_char < end and "\n" not in text[start:end]):
        return False
    return (sent.start_char <= start and end <= sent.end_char) or _closed_quotation(text, end)


def _closed_quotation(text: str, end: int) -> bool:
    """Whether the quotation scanned to ``end`` ends as a quotation does: a closing mark (``quote_mark``: curly,
    straight, or wire copy's doubled apostrophe, which the scan closes on too) after a word or punctuation, not
    followed by a word (a straight mark there opens one), or its paragraph's end."""
    if text[end : end + 1] in ("\n", ""):
        return True
    # The scan ends a quotation after its mark, after both apostrophes of a doubled one.
    mark = DOUBLED_APOSTROPHE if text.endswith(DOUBLED_APOSTROPHE, 0, end) else text[end - 1 : end]
    before, after = text[end - len(mark) - 1 : end - len(mark)], text[end : end + 1]
    return quote_mark(mark) and not before.isspace() and not after.isalnum()


def _parenthesis(
    cue: Cue, phrase: tuple[int, int], sent: SpacySpan, stop: int, quotes: Quotes
) -> tuple[int, int] | None:
    """The cue's clause (speaker, cue and the cue's own objects and adjuncts after it, up to a quotation)
    when commas set it off inside the sentence, a closing quotation mark allowed before the first comma."""
    doc = sent.doc
    verb = doc[cue.head]
    first, last = min(cue.first, phrase[0]), max(cue.last, phrase[1])
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.i > last and child.dep_ not in PARENTHESIS_DEPS | PHRASE_BREAKS | {"punct"}:
            end = child.right_edge.i
            if quotes.overlapping(doc[last].idx + len(doc[last]), doc[end].idx + len(doc[end])):
                break
            last = end
    # "Impeachment, as a colleague points out, is ...": an as-clause's mark opens the parenthesis.
    if any(c.dep_ == "mark" and c.lower_ == "as" and c.i == first - 1 for c in verb.children):
        first -= 1
    if first - 1 <= sent.start or last + 2 >= stop:
        return None
    # Nothing else in it: "the mayor began by saying," is the mayor's own clause, not a parenthesis.
    own = {t.i for t in verb.subtree} | set(range(phrase[0], phrase[1] + 1)) | set(range(cue.first, cue.last + 1))
    if any(i not in own for i in range(first, last + 1)):
        return None
    before, after = doc[first - 1], doc[last + 1]
    if before.text != "," and not (quote_mark(before.text) and doc[first - 2].text == ","):
        return None
    return (first, last) if after.text == "," else None


def _only_punct(tokens: SpacySpan) -> bool:
    return all(t.is_punct or t.is_space for t in tokens)


def _reported_part(part: SpacySpan, verb: Token, lex: Lexicon) -> bool:
    """Whether ``part`` is said rather than the cue's own adjunct ("In a statement, he said, ...") or a
    statement of its own: no word of it hangs on the cue's verb but through a clause, and no cue with a
    subject of its own heads it."""
    if not any(t.pos_ in SAYING_POS for t in part):
        return False
    for token in part:
        if token.is_punct or token.is_space:
            continue  # the parse hangs commas and quote marks anywhere
        if token.i != verb.i and cue_at(token, lex) is not None and any(c.dep_ in SUBJECT_DEPS for c in token.children):
            return False
        while token.head.i != token.i and token.head.i != verb.i:
            token = token.head
        if token.head.i == verb.i and token.i != verb.i and token.dep_ not in PARENTHESIS_DEPS:
            return False
    return True
