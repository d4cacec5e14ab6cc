"""Corpus-level scoring: our corpus gold (canonical entities, stories, series, repeated statements), and
document clustering on ECB+ subtopics and Giveme5W1H's news clusters (adjusted Rand index and B³ F1).

The document-clustering adapters run the story linker's own similarity (``link.stories``) over each
document, with entities and places approximated by capitalised words (no per-article extraction), clustering
incrementally exactly as ``link_articles`` does: each document joins the cluster of its most similar earlier
document when the similarity reaches the story threshold. ``--mixed`` ECB+ clusters the documents of every
chosen topic together, as in a user's corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from scipy.special import comb

from dateline.errors import Errors, EvalError
from dateline.evaluate import adapter
from dateline.evaluate.text import f1_score, rates
from dateline.link import stories
from dateline.link.text import keywords, normalize

# ECB+ topics in this copy (36-45 are held out; 15 and 17 do not exist) and the dev topics of the usual split
# (Cybulska & Vossen 2015; Kenyon-Dean et al. 2018), see eval-data/coref/SOURCE.md.
ECB_TOPICS = [t for t in range(1, 36) if t not in (15, 17)]
ECB_DEV = [2, 5, 12, 18, 21, 23, 34, 35]


# ---------------------------------------------------------------------------------------------- metrics


def b_cubed(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> dict[str, float]:
    """B³ precision, recall and F1 (Bagga & Baldwin 1998) over the items both mappings cover."""
    items = sorted(set(gold) & set(pred))
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    gold_sets: dict[Hashable, set[str]] = defaultdict(set)
    pred_sets: dict[Hashable, set[str]] = defaultdict(set)
    for item in items:
        gold_sets[gold[item]].add(item)
        pred_sets[pred[item]].add(item)
    precision = recall = 0.0
    for item in items:
        g, p = gold_sets[gold[item]], pred_sets[pred[item]]
        shared = len(g & p)
        precision += shared / len(p)
        recall += shared / len(g)
    precision, recall = precision / len(items), recall / len(items)
    return {"precision": precision, "recall": recall, "f1": f1_score(precision, recall)}


def adjusted_rand(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985) from the contingency table of two clusterings."""
    items = sorted(set(gold) & set(pred))
    n = len(items)
    if n < 2:
        return 0.0
    cells = Counter((gold[i], pred[i]) for i in items)
    rows = Counter(gold[i] for i in items)
    cols = Counter(pred[i] for i in items)
    index = sum(comb(v, 2) for v in cells.values())
    sum_rows = sum(comb(v, 2) for v in rows.values())
    sum_cols = sum(comb(v, 2) for v in cols.values())
    expected = sum_rows * sum_cols / comb(n, 2)
    maximum = (sum_rows + sum_cols) / 2
    return float((index - expected) / (maximum - expected)) if maximum != expected else 1.0


def cluster(docs: list[tuple[str, stories.Features]]) -> dict[str, str]:
    """Incremental clustering with the story similarity: a document joins its best earlier match's cluster."""
    out: dict[str, str] = {}
    seen: list[tuple[str, stories.Features]] = []
    for ident, feats in docs:
        best: tuple[float, str] | None = None
        for other, other_feats in seen:
            sim = stories.similarity(feats, other_feats)
            if sim >= stories.THRESHOLD and (best is None or sim > best[0]):
                best = (sim, other)
        out[ident] = out[best[1]] if best else ident
        seen.append((ident, feats))
    return out


def text_features(text: str, date: str | None = None) -> stories.Features:
    """Story features from raw text alone (capitalised words stand in for entities and places)."""
    return stories.Features(
        date,
        tuple(stories.text_names(text)),
        keywords=tuple(keywords(text, stories.N_KEYWORDS)),
        figures=tuple(stories.text_figures(text)),
    )


def _clustering_report(
    gold: dict[str, str], pred: dict[str, str], topics: dict[str, str] | None = None
) -> dict[str, Any]:
    b3 = b_cubed(gold, pred)
    report: dict[str, Any] = {
        **b3,
        "gold": len(set(gold.values())),
        "predicted": len(set(pred.values())),
        "matched": len(gold),
        "ari": adjusted_rand(gold, pred),
        "b3_f1": b3["f1"],
    }
    if topics:
        by_topic: dict[str, list[str]] = defaultdict(list)
        for item, topic in topics.items():
            by_topic[topic].append(item)
        per = [b_cubed({i: gold[i] for i in v}, {i: pred[i] for i in v})["f1"] for v in by_topic.values()]
        report["b3_f1_topic_mean"] = sum(per) / len(per)
    return report


# ---------------------------------------------------------------------------------------------- ECB+


@dataclass(frozen=True)
class EcbToken:
    """One ECB+ token: its id, sentence number and character offsets in ``ecb_document``'s text."""

    t_id: str
    sentence: int
    start: int
    end: int


def ecb_document(path: Path) -> tuple[str, dict[str, EcbToken], ET.Element]:
    """An ECB+ document's text (tokens joined by spaces, one sentence a line), its tokens by id, its XML root."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[ET.Element]] = defaultdict(list)
    for token in root.iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token)
    parts: list[str] = []
    tokens: dict[str, EcbToken] = {}
    at = 0
    for number, toks in sorted(sentences.items()):
        if parts:
            parts.append("\n")
            at += 1
        for i, token in enumerate(toks):
            if i:
                parts.append(" ")
                at += 1
            word = token.text or ""
            tokens[token.get("t_id", "")] = EcbToken(token.get("t_id", ""), number, at, at + len(word))
            parts.append(word)
            at += len(word)
    return "".join(parts), tokens, root


def _ecb_text(path: Path) -> str:
    return ecb_document(path)[0]


def ecb_topics(split: str) -> list[int]:
    """The ECB+ topics of ``split``: dev, train or all (topics 1-35)."""
    topics = {"dev": ECB_DEV, "train": [t for t in ECB_TOPICS if t not in ECB_DEV], "all": ECB_TOPICS}.get(split)
    if topics is None:
        raise EvalError(Errors.E403_ECB_SPLIT, split=split)
    return topics


def ecb_root(path: Path) -> Path:
    """The folder holding the topic folders (``path`` itself or its ``ECBplus`` folder)."""
    return path / "ECBplus" if (path / "ECBplus").is_dir() else path


def _ecb_documents(root: Path, topics: list[int], limit: int | None) -> list[tuple[int, str, str, str]]:
    """(topic, document id, gold subtopic, text) of the topics' documents, topic by topic, by file name."""
    out = []
    for topic in topics:
        for f in sorted((root / str(topic)).glob("*.xml"), key=lambda p: p.name)[: limit or None]:
            half = "ecbplus" if f.stem.endswith("ecbplus") else "ecb"
            out.append((topic, f"{topic}/{f.stem}", f"{topic}/{half}", _ecb_text(f)))
    return out


def _ecb_mixed(docs: list[tuple[int, str, str, stories.Features]], topics: list[int]) -> dict[str, Any]:
    """Every document of ``topics`` clustered together, as a user's corpus holds them."""
    chosen = [d for d in docs if d[0] in topics]
    pred = cluster([(ident, feats) for _, ident, _, feats in chosen])
    return _clustering_report({ident: gold for _, ident, gold, _ in chosen}, pred)


@adapter("ecbplus")
def ecbplus(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None, mixed: bool = False
) -> dict[str, Any]:
    """Cluster ECB+ documents into subtopics (the ECB and ecbplus halves of each topic); ``split`` is dev,
    train or all (topics 1-35). Per topic (``subtopics``): which of its two subtopics a document belongs to.
    ``mixed``: the documents of every chosen topic clustered together (``mixed``, the harder and realistic
    figure: same-kind occurrences of other topics compete), and for ``all`` the train and dev topics apart."""
    del inputs
    root = ecb_root(path)
    topics = ecb_topics(split)
    docs = [(t, ident, gold, text_features(text)) for t, ident, gold, text in _ecb_documents(root, topics, limit)]
    if not docs:
        raise EvalError(Errors.E404_ECB, root=root)
    gold = {ident: g for _, ident, g, _ in docs}
    topic_of = {ident: str(t) for t, ident, _, _ in docs}
    pred: dict[str, str] = {}
    for topic in topics:
        own = [(ident, feats) for t, ident, _, feats in docs if t == topic]
        pred.update({k: f"{topic}/{v}" for k, v in cluster(own).items()})
    report: dict[str, Any] = {}
    if mixed:
        report["mixed"] = _ecb_mixed(docs, topics)
        if split == "all":
            report["mixed_train"] = _ecb_mixed(docs, ecb_topics("train"))
            report["mixed_dev"] = _ecb_mixed(docs, ECB_DEV)
    report["subtopics"] = _clustering_report(gold, pred, topic_of)
    return report


# ---------------------------------------------------------------------------------------------- news clusters


def _literal(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    import ast

    parsed: dict[str, Any] = ast.literal_eval(str(value))
    return parsed


NEWS_HALVES = {"half1": 0, "half2": 1}


@adapter("newsclusters")
def newsclusters(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    """Cluster Giveme5W1H's news-cluster articles into events (gold: ``newsCluster.EventId``). The corpus has
    no train/dev split: ``split`` half1 / half2 clusters the articles of alternate events (by event id) alone,
    so that the linker can be tuned on one half and checked on the other; any other split takes every event."""
    del inputs
    root = path / "data" if (path / "data").is_dir() else path
    files = sorted(root.glob("*.json"))[: limit or None]
    rows = []
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        date = str(data.get("date_publish") or "")[:10] or None
        rows.append((date or "", file.stem, data, date))
    events = sorted({int(_literal(data["newsCluster"])["EventId"]) for _, _, data, _ in rows})
    half = NEWS_HALVES.get(split)
    chosen = {e for i, e in enumerate(events) if half is None or i % 2 == half}
    gold, docs = {}, []
    for _, ident, data, date in sorted(rows, key=lambda r: (r[0], r[1])):
        event = int(_literal(data["newsCluster"])["EventId"])
        if event not in chosen:
            continue
        gold[ident] = str(event)
        text = f"{data.get('title') or ''}\n{data.get('text') or ''}"
        docs.append((ident, text_features(text, date if date and re.match(r"\d{4}-\d\d-\d\d", date) else None)))
    if not gold:
        raise EvalError(Errors.E404_CLUSTERS, root=root)
    return {"events": _clustering_report(gold, cluster(docs))}


# ---------------------------------------------------------------------------------------------- our gold


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _pair(item: Any) -> list[tuple[str, str]]:
    """A gold pair written as a list of one-key maps: [(article file, name), ...]."""
    return [(str(k), str(v)) for entry in item for k, v in entry.items()]


@adapter("corpus")
def corpus_gold(
    path: Path, *, inputs: Path | None = None, split: str = "dev", limit: int | None = None
) -> dict[str, Any]:
    """Run the pipeline and linking on the gold's articles and score ``corpus.gold.yaml``."""
    del split, limit
    from dateline.batch import run_corpus
    from dateline.link import link_corpus
    from dateline.store import Store

    gold_file = path / "corpus.gold.yaml" if path.is_dir() else path
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    folder = inputs or gold_file.parent.parent / "samples"
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "corpus.db"))
        run_corpus([str(folder / name) for name in gold["articles"]], store)
        link_corpus(store)
        report = score_corpus(store, gold)
        store.close()
    return {"corpus": report}


def score_corpus(store: Any, gold: dict[str, Any]) -> dict[str, Any]:
    """Score a linked store against a corpus gold dict (``corpus.gold.yaml``)."""
    from dateline.link import groups

    ids = {Path(a.source_path).name: a.id for a in store.iter_articles()}
    names = _entity_index(store, ids)
    same = [_merged(names, ids, p) for p in gold.get("same_entity", [])]
    different = [_merged(names, ids, p) for p in gold.get("different_entity", [])]
    story_of = {m: s["id"] for s in groups(store, "stories") for m in s["article_ids"]}
    gold_story = {ids.get(a, a): str(i) for i, group in enumerate(gold.get("stories", [])) for a in group}
    series, gold_series = groups(store, "series"), gold.get("series", [])
    _, _, series_f1 = rates(_series_matches(series, gold_series, ids), len(series), len(gold_series))
    repeated_groups = groups(store, "repeated")
    repeated = [_repeated_found(repeated_groups, item, ids) for item in gold.get("repeated_statements", [])]
    return {
        "same_entity_recall": sum(s is True for s in same) / len(same) if same else None,
        "different_entity_accuracy": sum(d is False for d in different) / len(different) if different else None,
        "stories_b3_f1": b_cubed(gold_story, story_of)["f1"] if gold_story else None,
        "series_f1": series_f1,
        "repeated_statements_recall": sum(repeated) / len(repeated) if repeated else None,
    }


def _entity_index(store: Any, ids: dict[str, str]) -> dict[tuple[str, str], set[str]]:
    """(article id, normalised name or alias) -> canonical entity ids."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article_id in ids.values():
        for record in store.records(kind="entity", article_id=article_id):
            for name in (record.name, *record.aliases):
                if record.entity_id:
                    out[(article_id, normalize(name))].add(record.entity_id)
    return out


def _merged(names: dict[tuple[str, str], set[str]], ids: dict[str, str], item: Any) -> bool | None:
    """True when both names resolve to a shared canonical entity, False when both resolve apart, None when a
    name was not found (counted as a miss for the recall and as a wrong answer for the accuracy)."""
    (a_file, a_name), (b_file, b_name) = _pair(item)
    a = names.get((ids.get(a_file, a_file), normalize(a_name)), set())
    b = names.get((ids.get(b_file, b_file), normalize(b_name)), set())
    if not a or not b:
        return None
    return bool(a & b)


def _series_matches(predicted: list[dict[str, Any]], gold: list[dict[str, Any]], ids: dict[str, str]) -> int:
    """Gold series found: a predicted series with the same base date and the same (article, ordinal) members."""
    hits = 0
    for item in gold:
        want = {(ids.get(m["article"], m["article"]), int(m["ordinal"])) for m in item["members"]}
        for series in predicted:
            got = {(m["article_id"], m["ordinal"]) for m in series["members"]}
            if series["base_date"] == _iso(item["base_date"]) and got == want:
                hits += 1
                break
    return hits


def _repeated_found(predicted: list[dict[str, Any]], item: dict[str, Any], ids: dict[str, str]) -> bool:
    want = {ids.get(a, a) for a in item["articles"]}
    speaker = normalize(str(item["speaker"]))
    return any(normalize(g["speaker"]) == speaker and want <= set(g["article_ids"]) for g in predicted)
