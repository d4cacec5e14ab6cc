"""The PETRARCH2 unit-test adapter: real states' actor codes only, scored on the sentence's events."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from dateline.evaluate import evaluate
from dateline.evaluate.petrarch import ACTORS_FILE, IGO, RECORDS_FILE, Coding, load_sentences, real_codes, tally
from dateline.train.events import CAMEO_FILE
from tests.conftest import EVAL_DATA

PETRARCH = EVAL_DATA / "events" / "petrarch2_unittest"


def test_real_codes_are_the_dictionarys_codes_of_real_country_names() -> None:
    # Our own lines in the dictionary's format: a made-up state sharing an ISO code's letters is no country.
    text = "NORWAY  [NOR]\nKUWAIT  [KUW] # an older coder's code\nMIDDLE_EARTH  [MID]\nERIADOR  [ERI]\n"
    assert real_codes(text) == {"NOR": "NOR", "KUW": "KWT"}


_ACTORS = "NORWAY  [NOR]\nSWEDEN  [SWE]\nGONDOR  [GON]\nARNOR  [ARN]\nERIADOR  [ERI]\n"
# Our own lines in the CAMEO-to-PLOVER table's format; 999 maps to no type.
_CAMEO = "064: COOPERATE\n111: ACCUSE\n"


def _suite(tmp_path: Path, codings: list[str]) -> Path:
    """A PETRARCH-like folder of our own: one sentence per coding line, with the dictionary and table beside."""
    folder = tmp_path / "petrarch2_unittest"
    folder.mkdir()
    (folder / ACTORS_FILE).write_text(_ACTORS, "utf-8")
    (tmp_path / CAMEO_FILE).parent.mkdir(parents=True)
    (tmp_path / CAMEO_FILE).write_text(_CAMEO, "utf-8")
    body = "".join(f"<Sentence>{c}<Text>Sentence {i}.</Text></Sentence>" for i, c in enumerate(codings))
    (folder / RECORDS_FILE).write_text(f"<Sentences>{body}</Sentences>", "utf-8")
    return folder


def _coding(source: str, target: str, code: str) -> str:
    return f'<EventCoding sourcecode="{source}" targetcode="{target}" eventcode="{code}"></EventCoding>'


def test_sentences_drop_codings_of_made_up_states(tmp_path: Path) -> None:
    folder = _suite(
        tmp_path,
        [
            _coding("ARNGOV", "GONMIL", "111"),  # two made-up states: the sentence goes
            _coding("ERI", "NORGOV", "064") + _coding("GON", "ARN", "064"),  # Eriador's ERI is no Eritrea here
            _coding("SWEGOV", "IGOUNO", "999"),
        ],
    )
    assert load_sentences(folder) == [
        ("Sentence 1.", [Coding("COOPERATE", None, "NOR")]),
        ("Sentence 2.", [Coding(None, "SWE", IGO)]),
    ]


def test_a_coding_with_no_plover_type_is_no_type_to_find() -> None:
    coded: Counter[str] = Counter()
    right: Counter[str] = Counter()
    tally([Coding(None, "SWE", None), Coding("ACCUSE", "NOR", None)], [], {}, coded, right)
    assert (coded["coding"], coded["type"], coded["source"], right["type"]) == (2, 1, 2, 0)


def test_adapter_scores_actor_countries_per_fold() -> None:
    report = evaluate(PETRARCH, fmt="petrarch", folds=2)
    whole = report["events"]
    assert whole["gold"] == report["events_fold1"]["gold"] + report["events_fold2"]["gold"]
    assert whole["sources"] >= whole["targets"] > 0
    # Most of the suite's real-state sentences are light-verb phrasings the lexicon leaves out ("is about to
    # restore full diplomatic ties with"): low, but above zero ("Russian police arrested students": RUS).
    assert 0.0 < whole["source_country_accuracy"] < 1.0
