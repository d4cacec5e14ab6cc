"""The subordinators the extractors read a clause by: one owner for the words, used by events.rules and
claims.rules.

A subordinate clause's opening word is a ``mark`` dependent of the clause's verb in spaCy's English parse
(ClearNLP labels): of an adverbial clause (``advcl``: "If Pfizer says ..., we will act") or of a complement
clause (``ccomp``: "asked whether Pfizer would ..."). The same word can open either kind; these sets are the
classes by what the clause says, not by its label:

- ``CONDITION_MARKS`` open a condition, an adverbial clause whose content is supposed, not reported as having
  happened: "if" ("if they attack, we will respond") and "unless", its negative ("unless they withdraw").
- ``QUESTION_MARKS`` open an embedded yes/no question, a complement clause that asks rather than states:
  "whether" ("asked whether the talks would resume") and "if" as a complement ("asked if the talks would
  resume"); wh-words open the other embedded questions and are read by their tags, not here.
- ``SUPPOSING_MARKS``, their union, open a clause whose content nobody states outright: claims.rules takes no
  speaker from a speech verb under one ("If Pfizer says 3 million doses were lost", "asked whether Pfizer
  said ...").
"""

from __future__ import annotations

CONDITION_MARKS = frozenset({"if", "unless"})
QUESTION_MARKS = frozenset({"if", "whether"})
SUPPOSING_MARKS = CONDITION_MARKS | QUESTION_MARKS
