"""Cross-document entity coreference on ECB+: named participant and location mentions, scored after the real
pipeline and corpus linking have run over the documents of the chosen topics all at once.

Gold mentions are the HUMAN_PART and LOC markables that carry a CROSS_DOC_COREF instance id, in the
sentences listed in ``ECBplus_coreference_sentences.csv`` (the only ones annotated in full), and named: their
head is a capitalised word that is not a stop word and not merely capitalised because it starts the sentence.
The head is the last word before a post-modifier (a preposition, a comma, a relative pronoun), after any
leading preposition: "at the Betty Ford Center" is named by "Center", "a Newport Beach rehab facility" and
"rehab in Newport Beach" are nominal mentions of a facility, not mentions of the town. Predicted mentions are
the named spans of our entity records in those sentences. A predicted mention matches a gold mention only if
it covers the gold head; gold and predicted mentions are matched one to one, largest overlaps first. Reported: mention detection P/R/F1, and over the
matched mentions B³ and pairwise P/R/F1 within each document and across all documents at once.
"""

from __future__ import annotations

import csv
import hashlib
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from dateline.errors import Errors, EvalError
from dateline.evaluate import adapter
from dateline.evaluate.corpus import b_cubed, ecb_document, ecb_root, ecb_topics
from dateline.evaluate.text import rates
from dateline.link.text import stopwords
from dateline.model import Article, Entity

GOLD_PREFIXES = ("HUMAN_PART", "LOC")
# Entity record types scored: the named kinds a participant or location mention can be.
PREDICTED_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
SENTENCES_FILE = "ECBplus_coreference_sentences.csv"


@dataclass(frozen=True)
class Mention:
    """A mention in one document: character offsets and the cluster it belongs to."""

    doc: str
    start: int
    end: int
    cluster: str
    # The head word's offsets (a predicted mention must cover them to match); the whole span when not given.
    head: tuple[int, int] | None = None

    def covers_head(self, other: Mention) -> bool:
        start, end = self.head or (self.start, self.end)
        return other.start < end and start < other.end


def pairwise(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> dict[str, float]:
    """Pairwise (link) precision, recall and F1 over the items both mappings cover."""
    items = sorted(set(gold) & set(pred))
    gold_pairs = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    pred_pairs = {(a, b) for a, b in combinations(items, 2) if pred[a] == pred[b]}
    precision, recall, f1 = rates(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))
    return {"precision": precision, "recall": recall, "f1": f1}


def _listed_sentences(path: Path) -> dict[str, set[int]]:
    """Document ("topic/stem") -> the sentence numbers annotated in full."""
    file = path / SENTENCES_FILE
    if not file.exists():
        raise EvalError(Errors.E404_ECB_SENTENCES, name=SENTENCES_FILE, root=path)
    out: dict[str, set[int]] = defaultdict(set)
    with file.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out[f"{row['Topic']}/{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return out


# Words that end a noun phrase's pre-head part: prepositions, relative pronouns, conjunctions and punctuation
# (a closed class; what follows them modifies the head).
POSTMODIFIERS = frozenset({
    "of", "in", "at", "on", "near", "off", "along", "inside", "outside", "from", "to", "for", "with", "by", "into",
    "around", "across", "after", "before", "over", "under", "between", "behind", "beyond", "during", "within",
    "without", "who", "whose", "which", "that", "where", "when", "and", "or", ",", "(", ")", ":", ";", "--", "-",
})  # fmt: skip
# Tokens that never head a phrase: possessive markers and quotes.
_NOT_HEADS = frozenset({"'s", "'", "’s", "’", '"', "''", "``", "."})


def head_index(words: list[str]) -> int:
    """The index of a mention's head word: the last word before the first post-modifier, after any leading
    preposition ("in Newport Beach" -> "Beach"; "rehab in Newport Beach" -> "rehab")."""
    lowered = [w.casefold() for w in words]
    first = 0
    while first < len(words) - 1 and lowered[first] in POSTMODIFIERS:
        first += 1
    last = first
    while last + 1 < len(words) and lowered[last + 1] not in POSTMODIFIERS:
        last += 1
    while last > first and words[last] in _NOT_HEADS:
        last -= 1
    return last


def _named(text: str, starts_sentence: bool, lowered: set[str]) -> bool:
    """A capitalised non-stop word; at a sentence start only if the document never writes it in lower case."""
    word = text.strip("\"'")
    if not word[:1].isupper() or word.casefold() in stopwords():
        return False
    return not starts_sentence or word.casefold() not in lowered


def _gold_mentions(doc: str, text: str, root: ET.Element, tokens: Any, sentences: set[int]) -> list[Mention]:
    instance = {m.get("m_id", ""): m.get("instance_id", "") for m in root.iter() if m.get("instance_id")}
    cluster: dict[str, str] = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        target = relation.find("target")
        ident = instance.get(target.get("m_id", ""), "") if target is not None else ""
        for source in relation.findall("source"):
            cluster[source.get("m_id", "")] = ident or relation.get("note", "")
    numbers = {t.sentence for t in tokens.values()}
    lowered = set(text.split()) - {w for w in text.split() if w[:1].isupper()}
    first = {min((t.start, t.t_id) for t in tokens.values() if t.sentence == s)[1] for s in sentences if s in numbers}
    out = []
    markables = root.find("Markables")
    for markable in list(markables) if markables is not None else []:
        anchors = [tokens[a.get("t_id")] for a in markable.findall("token_anchor") if a.get("t_id") in tokens]
        m_id = markable.get("m_id", "")
        if not markable.tag.startswith(GOLD_PREFIXES) or not anchors or m_id not in cluster:
            continue
        if anchors[0].sentence not in sentences:
            continue
        head = anchors[head_index([text[t.start : t.end] for t in anchors])]
        if not _named(text[head.start : head.end], head.t_id in first, lowered):
            continue
        out.append(Mention(doc, anchors[0].start, anchors[-1].end, cluster[m_id], (head.start, head.end)))
    return out


def _predicted(doc: str, text: str, entities: list[Entity], tokens: Any, sentences: set[int]) -> list[Mention]:
    sentence_at = {t.start: t.sentence for t in tokens.values()}
    out = []
    for entity in entities:
        if entity.type not in PREDICTED_TYPES or not entity.entity_id:
            continue
        for span in entity.spans:
            if sentence_at.get(span.start) not in sentences:
                continue
            if any(w[:1].isupper() and w.casefold() not in stopwords() for w in span.text.split()):
                out.append(Mention(doc, span.start, span.end, entity.entity_id))
    return out


def match(gold: list[Mention], predicted: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(gold, predicted) pairs, one to one, largest overlaps first, a prediction covering the gold head: a gold
    mention that spans several predicted names ("Mafia boss Gaetano Lo Presti") matches the one it shares most
    with, and a name that only modifies the head ("Brooklyn" in "Brooklyn mother") matches nothing."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for mention in gold:
        by_doc[mention.doc].append(mention)
    overlaps = []
    for pred in predicted:
        for g in by_doc[pred.doc]:
            shared = min(g.end, pred.end) - max(g.start, pred.start)
            if shared > 0 and g.covers_head(pred):
                overlaps.append((-shared, pred.doc, pred.start, pred.end, g.start, g.end, g, pred))
    taken_gold: set[Mention] = set()
    taken_pred: set[Mention] = set()
    pairs = []
    for *_, g, pred in sorted(overlaps, key=lambda o: o[:6]):
        if g not in taken_gold and pred not in taken_pred:
            taken_gold.add(g)
            taken_pred.add(pred)
            pairs.append((g, pred))
    return sorted(pairs, key=lambda gp: (gp[1].doc, gp[1].start, gp[1].end))


def score(gold: list[Mention], predicted: list[Mention]) -> dict[str, Any]:
    """Mention detection, and B³ / pairwise within documents and across all documents over matched mentions."""
    pairs = match(gold, predicted)
    precision, recall, f1 = rates(len(pairs), len(predicted), len(gold))
    report: dict[str, Any] = {
        "mentions": {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "gold": len(gold),
            "predicted": len(predicted),
            "matched": len(pairs),
        }
    }
    keys = {g: f"{g.doc}:{g.start}" for g, _ in pairs}
    for scope, within in (("within_doc", True), ("cross_doc", False)):
        g_of = {keys[g]: (g.doc if within else "", g.cluster) for g, _ in pairs}
        p_of = {keys[g]: (g.doc if within else "", p.cluster) for g, p in pairs}
        b3, pw = b_cubed(g_of, p_of), pairwise(g_of, p_of)
        report[f"{scope}_b3"] = {**b3, "gold": len(set(g_of.values())), "predicted": len(set(p_of.values()))}
        report[f"{scope}_pairwise"] = {**pw, "matched": len(pairs)}
    return report


def _document(topic: int, file: Path) -> tuple[str, Article]:
    doc = f"{topic}/{file.stem}"
    text = ecb_document(file)[0]
    url = f"ecbplus:{doc}"
    article = Article(
        id=Article.make_id(text, url),
        text=text,
        source_path=doc,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        url=url,
    )
    return doc, article


@adapter("ecbplus-entities")
def ecbplus_entities(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    """Run the pipeline (entity extraction) and corpus linking on the ECB+ documents of ``split``'s topics all
    at once, and score named participant/location coreference within and across documents."""
    del inputs
    from dateline.batch import run_corpus
    from dateline.link import link_corpus
    from dateline.pipeline import Pipeline
    from dateline.store import Store

    root = ecb_root(path)
    listed = _listed_sentences(path if (path / SENTENCES_FILE).exists() else root.parent)
    files = [(t, f) for t in ecb_topics(split) for f in sorted((root / str(t)).glob("*.xml"))[: limit or None]]
    if not files:
        raise EvalError(Errors.E404_ECB, root=root)
    gold: list[Mention] = []
    predicted: list[Mention] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "ecbplus.db"))
        documents = dict(_document(t, f) for t, f in files)
        run_corpus([], store, pipeline=Pipeline(["entities.rules"]), documents=documents.values(), link=False)
        link_corpus(store)
        for topic, file in files:
            doc = f"{topic}/{file.stem}"
            text, tokens, xml = ecb_document(file)
            sentences = listed.get(doc, set())
            gold.extend(_gold_mentions(doc, text, xml, tokens, sentences))
            records = store.records(kind="entity", article_id=documents[doc].id)
            predicted.extend(_predicted(doc, text, [r for r in records if isinstance(r, Entity)], tokens, sentences))
        store.close()
    return {**score(gold, predicted), "documents": {"count": len(files), "topics": len(ecb_topics(split))}}
