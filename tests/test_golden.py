"""Golden files: the whole pipeline's output on the two sample reports, compared field by field.

Any change in the output fails this test; after an intended change, regenerate and review the diff:
``DATELINE_UPDATE_GOLDEN=1 pytest tests/test_golden.py``.

The sample reports are third-party text, so the golden files hold a text-free projection of
``Analysis.to_dict()``: spans as ``[start, end]`` offsets; short labels kept as they are (ids, kinds,
extractor names, types, lemmas, predicates, units, role titles, ISO values, country codes); every other
string replaced by where it occurs in the article (``"@start:end"``, first occurrence) or, when it does not
occur verbatim, by its size (``"<chars:words>"``). The article's text, content hash and machine-specific
path are left out (its file name is kept).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from dateline.ingest import iter_documents
from dateline.model import Analysis, Failure
from dateline.pipeline import Pipeline

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DATELINE_UPDATE_GOLDEN") == "1"
# Keys whose string values are labels or codes, not article text.
LABEL_KEYS = frozenset(
    {
        "id",
        "article_id",
        "kind",
        "extractor",
        "type",
        "lemma",
        "mode",
        "predicate",
        "unit",
        "statement_kind",
        "cue_class",
        "value",
        "time_kind",
        "anchor",
        "anniversary_of",
        "date",
        "country",
        "sector",
        "feature",
        "why",
        "entity_id",
        "place_id",
        "attributed_to",
        "part_of",
        "statement_id",
        "published",
        "language",
        "outlet",
        "of",
        "to",
    }
)  # plus "title" inside roles (see _project)
# A label longer than this ("head of the Faculty of ...") is text, and is located like text. Three words
# keep units ("elderly citizens") and most titles ("Vice President") readable.
MAX_LABEL_WORDS = 3
DROPPED_ARTICLE_KEYS = frozenset({"text", "content_hash", "source_path"})


def _is_label(value: Any) -> bool:
    return not isinstance(value, str) or len(value.split()) <= MAX_LABEL_WORDS


def _project(value: Any, text: str, key: str = "") -> Any:
    if isinstance(value, dict):
        if set(value) == {"start", "end", "text"}:
            return [value["start"], value["end"]]
        # A role's title is a short label ("Ambassador"); an article's title is the headline, which is text.
        labels = LABEL_KEYS | {"title"} if key == "roles" else LABEL_KEYS
        return {k: (v if k in labels and _is_label(v) else _project(v, text, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_project(v, text, key) for v in value]
    if isinstance(value, str):
        found = text.find(value) if value else -1
        return f"@{found}:{found + len(value)}" if found >= 0 else f"<{len(value)}:{len(value.split())}>"
    return value


def project(result: Analysis | Failure) -> dict[str, Any]:
    """The text-free golden form of one pipeline result."""
    if isinstance(result, Failure):
        # The reason may quote article text, so only the stable code is kept.
        return {"failure": {"file": Path(result.source_path).name, "code": result.code}}
    text = result.article.text
    article = {k: v for k, v in result.article.to_dict().items() if k not in DROPPED_ARTICLE_KEYS}
    return {
        "article": {**_project(article, text), "file": Path(result.article.source_path).name},
        "records": [_project(r.to_dict(), text) for r in result.records],
    }


@pytest.fixture(scope="module")
def outputs(samples: list[Path]) -> dict[str, dict[str, Any]]:
    results = Pipeline().run(iter_documents([str(p) for p in samples]))
    return {path.stem: project(result) for path, result in zip(samples, results, strict=True)}


def test_golden_files_cover_every_sample(outputs: dict[str, dict[str, Any]]) -> None:
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        for stem, data in outputs.items():
            (GOLDEN / f"{stem}.json").write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(outputs), (
        "golden files are missing or stale: DATELINE_UPDATE_GOLDEN=1 pytest tests/test_golden.py"
    )


def test_output_equals_the_golden_files(outputs: dict[str, dict[str, Any]]) -> None:
    for stem, data in outputs.items():
        path = GOLDEN / f"{stem}.json"
        assert path.is_file(), f"no golden file {path}: DATELINE_UPDATE_GOLDEN=1 pytest tests/test_golden.py"
        assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(data)), (
            f"pipeline output on {stem} changed; if intended: DATELINE_UPDATE_GOLDEN=1 pytest tests/test_golden.py"
        )


def test_golden_files_hold_no_article_text(samples: list[Path]) -> None:
    # Any run of 4+ words from a sample would be copied text; labels are one or two words.
    for path in GOLDEN.glob("*.json"):
        golden = path.read_text(encoding="utf-8")
        for sample in samples:
            words = sample.read_text(encoding="utf-8").split()
            for i in range(len(words) - 3):
                assert " ".join(words[i : i + 4]) not in golden, f"{path.name} copies text from {sample.name}"
