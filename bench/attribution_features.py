"""Score candidate tagger features on PolNeAR's tuning slice, parsing train once (session 28).

Each named variant adds token features to ``attribution.features.token_features`` (appended after a token's own
attributes, as a featuriser with them would write them), is fit on train minus the tuning slice and scored on
the slice (``attribution_variants.score``: ``dateline eval --format polnear``'s figures). With ``--auto`` a variant
whose slice F1 beats the first one's is also trained on all of train and scored on PolNeAR dev, once. Never read
dev's texts; the variants (``+`` joins them; ``base`` is none):

- ``path``: the steps up the tree to the nearest listed cue above the token (up to 6, counted to 5) and the
  last two relations on that way ("nsubj>ccomp"): a content word inside a clause nested in the content;
- ``depth``: the token's clause depth (clause-opening relations on its way to the root, up to 3);
- ``wn``: WordNet 3.0's verb.communication class for the most frequent sense of the token's verb lemma, and
  the relation through which such a verb governs it, as its head or up to ``MAX_ANCESTORS`` above (a cue class
  from WordNet beside the lexicon's list).

    python bench/attribution_features.py --out /tmp/fv --auto base wn path+depth

Session 28 (docs/extractors.md, "The trained tagger"): base 1,928 / 2,087 on the slice (F1 0.7460), ``wn``
1,929 / 2,091 (0.7458), ``path+depth`` 1,937 / 2,096 (0.7482) and on dev 1,397 / 1,505 (0.7557); not shipped.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from attribution_variants import Stripped, Variant, score, train

from dateline.attribution import features
from dateline.evaluate import polnear
from dateline.extract.statements import Lexicon
from dateline.train import attribution

ORIGINAL = features.token_features
MODE: set[str] = set()
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis"}
WORDNET = Path("/usr/share/wordnet")
# WordNet 3.0's lexicographer file number of verb.communication (lexnames(5WN)).
COMMUNICATION = 32


def communication_verbs(wordnet: Path = WORDNET) -> set[str]:
    """Verb lemmas whose most frequent WordNet sense (the first offset in index.verb) is verb.communication."""
    data = (wordnet / "data.verb").read_bytes()
    out = set()
    for line in (wordnet / "index.verb").read_text(errors="replace").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        offsets = fields[4 + int(fields[3]) + 2 :]
        if offsets and int(data[int(offsets[0]) : int(offsets[0]) + 40].split()[1]) == COMMUNICATION:
            out.add(fields[0].replace("_", " "))
    return out


def extra_features(doc: Any, at: Sequence[int], verbs: set[str]) -> list[list[bytes]]:
    lex = Lexicon.load()
    lemmas = [t.lemma_.lower() for t in doc]
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    tags = [t.pos_ for t in doc]
    kinds = [features.cue_kind(lemma, lex) for lemma in lemmas]
    extra: list[list[bytes]] = [[] for _ in at]
    for k, i in enumerate(at):
        if "path" in MODE:
            child, node, chain = i, heads[i], []
            for step in range(1, 7):
                if node == child:
                    break
                chain.append(deps[child])
                if kinds[node]:
                    extra[k] += [f"cdist:{min(step, 5)}".encode(), ("cpath:" + ">".join(chain[-2:])).encode()]
                    break
                child, node = node, heads[node]
        if "depth" in MODE:
            n, node = 0, i
            for _ in range(12):
                if heads[node] == node:
                    break
                n += deps[node] in CLAUSE_DEPS
                node = heads[node]
            extra[k].append(f"cd:{min(n, 3)}".encode())
        if "wn" in MODE:
            if tags[i] == "VERB" and lemmas[i] in verbs:
                extra[k].append(b"wnc:1")
            head = heads[i]
            if head != i and tags[head] == "VERB" and lemmas[head] in verbs:
                extra[k].append(f"wgov:{deps[i]}".encode())
                continue
            child, node = i, head
            for _ in range(features.MAX_ANCESTORS):
                if node == child:
                    break
                if tags[node] == "VERB" and lemmas[node] in verbs:
                    extra[k].append(f"wanc:{deps[child]}".encode())
                    break
                child, node = node, heads[node]
    return extra


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="+")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--auto", action="store_true", help="train a variant beating the first on all of train")
    parser.add_argument("--polnear", type=Path, default=attribution.DEFAULT_POLNEAR)
    args = parser.parse_args()
    verbs = communication_verbs()

    def patched(doc: Any, quoted: Any, bounds: Any, vocab: Any = None) -> Any:
        own, seen = ORIGINAL(doc, quoted, bounds, vocab)
        if not MODE or not own:
            return own, seen
        extra = extra_features(doc, [i for s, e in bounds for i in range(s, e)], verbs)
        return [o + tuple(x) for o, x in zip(own, extra, strict=True)], seen

    features.token_features = patched
    t0 = time.time()
    docs = polnear.load_split(args.polnear, "train")
    parsed = list(attribution.parse(docs))
    tune_names = {d.name for d in attribution.tuning_split(docs)[1]}
    fit = [p for p in parsed if p.item.name not in tune_names]
    tune = [p for p in parsed if p.item.name in tune_names]
    dev = list(attribution.parse(polnear.load_split(args.polnear, "dev"))) if args.auto else []
    print(f"parsed in {time.time() - t0:.0f}s", flush=True)
    results: dict[str, Any] = {}
    for name in args.variants:
        MODE.clear()
        MODE.update(m for m in name.split("+") if m != "base")
        variant = Variant(dict(attribution.PARAMS))
        row: dict[str, Any] = {"fit_sha": train(fit, args.out / f"{name}-fit", variant)}
        row["tune"] = score(tune, Stripped(args.out / f"{name}-fit", ()))
        print(name, json.dumps(row), flush=True)
        first = results.get(args.variants[0])
        if args.auto and first and row["tune"]["f1"] > first["tune"]["f1"]:
            row["full_sha"] = train(parsed, args.out / f"{name}-full", variant)
            row["dev"] = score(dev, Stripped(args.out / f"{name}-full", ()))
            print(name, "full", json.dumps(row), flush=True)
        results[name] = row
        (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
