"""The pages as a journalist reads them: forms and paging that work, figures and speakers in words, labels a
reader recognises, no raw JSON behind a link."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from dateline import render
from dateline.link.stories import headline
from dateline.model import Analysis, Article, Span, Speaker, Statement
from dateline.serve import pages
from dateline.serve.app import create_app
from dateline.store import Store, queries
from tests.serve.conftest import TOKEN


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="(/[^"#]*)', html)


def test_statements_filter_with_blank_fields_and_paging(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    # The form sends every field, blank ones as "since=" and "until=".
    response = client.get("/statements", params={"speaker": "", "since": "", "until": "", "q": ""})
    assert response.status_code == 200, response.text
    monkeypatch.setattr(pages, "PAGE_SIZE", 3)
    first = client.get("/statements", params={"speaker": "", "since": "", "until": "", "q": "the"})
    nexts = [h for h in _hrefs(first.text) if h.startswith("/statements?") and "offset=3" in h]
    assert nexts, first.text
    following = client.get(nexts[0].replace("&amp;", "&"))
    assert following.status_code == 200 and "Error" not in following.text
    assert client.get("/statements", params={"since": "yesterday"}).status_code == 422


def test_statements_show_date_article_and_outlet(client: TestClient, store: Store) -> None:
    html = client.get("/statements").text
    article = store.articles(limit=1)[0]
    assert article.outlet and article.outlet in html
    assert (article.published or "")[:10] in html


def test_entity_page_quotes_direct_speech_only(client: TestClient, store: Store) -> None:
    indirect = next(
        s
        for s in store.records(kind="statement")
        if isinstance(s, Statement) and s.statement_kind == "indirect" and s.speaker.entity_id
    )
    html = client.get(f"/entities/{indirect.speaker.entity_id}").text
    shown = html.replace("&#39;", "'").replace("&#34;", '"').replace("&quot;", '"')
    at = shown.index(indirect.content[:40])
    assert shown[at - 1] != "“" and f"{indirect.cue}</i> that" in shown


def test_speech_reads_once_with_a_colon() -> None:
    """A cue the text wrote with its colon ("went on:") is not followed by a second one."""
    macro = pages.templates.env.get_template("_speech.html").module.speech  # type: ignore[attr-defined]
    said = {"cue": "went on:", "statement_kind": "direct", "content": "“He doesn't stop there.”"}
    assert str(macro(said)).strip() == "<i>went on</i>: “He doesn&#39;t stop there.”"


def test_figures_in_words() -> None:
    assert render.figure(1e6) == "1,000,000"
    assert render.figure(1234567) == "1,234,567"
    assert render.figure(100000, 1000000, approx=True) == "100,000–1,000,000"
    assert render.figure(2000, hedge="at least") == "at least 2,000"
    assert render.figure(300, approx=True) == "about 300"
    assert render.figure(2.5) == "2.5"
    assert render.figure_of({"value": 1e6, "value_max": 2e6}) == "1,000,000–2,000,000"


def test_ledger_figures_and_claim_links(client: TestClient) -> None:
    html = client.get("/ledger").text
    assert "e+" not in html and "100,000" in html
    assert "/api/groups/ledger/" not in html
    entries = [h for h in _hrefs(html) if h.startswith("/ledger/")]
    assert entries
    entry = client.get(entries[0])
    assert entry.status_code == 200 and entry.headers["content-type"].startswith("text/html")
    assert 'id="claims"' in entry.text
    # Who said it first is named only where several say it: a lone source is not repeated.
    for row in re.findall(r"<tr class=\"[^\"]*\">(.*?)</tr>", html, re.S):
        according, first = re.findall(r"<td>(.*?)</td>", row, re.S)[2:4]
        if "," not in according:
            assert "(" not in first, row


def _write(store: Store, text: str, *, published: str | None, title: str | None = None, speaker: str = "") -> str:
    article = Article(
        id=Article.make_id(text),
        text=text,
        source_path=f"extra/{Article.make_id(text)}.txt",
        content_hash=Article.make_id(text),
        title=title,
        outlet="Test Wire",
        published=published,
    )
    records = []
    if speaker:
        start = text.index(speaker)
        records.append(
            Statement(
                article_id=article.id,
                spans=(Span.of(text, start, len(text)),),
                extractor="test.v1",
                speaker=Speaker(text=speaker),
                cue="said",
                content="rain was coming",
            )
        )
    assert store.write(Analysis(article, tuple(records)))
    return article.id


def test_overview_counts_undated_and_leaves_out_pronouns(fresh_store: Store) -> None:
    for n in range(4):
        _write(fresh_store, f"Report {n}. They said rain was coming.", published=None, speaker="They")
    client = TestClient(create_app(fresh_store, token=TOKEN))
    overview = client.get("/").text
    assert "undated: 4 articles" in overview
    speakers = overview.split('id="top-speakers"')[1].split("</ol>")[0]
    assert ">They<" not in speakers and ">they<" not in speakers
    statements = client.get("/statements", params={"q": "rain"}).text
    assert "unresolved (They)" in statements


def test_top_speakers_are_canonical_entities(client: TestClient, store: Store) -> None:
    """Top speakers count statements by the canonical entity the speaker resolved to (every name form of one
    person in one row, under the linker's name), and each count lists exactly those statements."""
    spoken = Counter(
        s.speaker.entity_id for s in store.records(kind="statement") if isinstance(s, Statement) and s.speaker.entity_id
    )
    assert spoken
    listed = client.get("/").text.split('id="top-speakers"')[1].split("</ol>")[0]
    rows = re.findall(
        r'<a href="/entities/([^"]+)">([^<]+)</a> <a class="n" href="/statements\?entity=\1">(\d+)', listed
    )
    expected = sorted(spoken.items(), key=lambda kv: (-kv[1], kv[0]))[: pages.TOP_N]
    assert [(i, int(n)) for i, _, n in rows] == expected
    ident, name, n = rows[0]
    assert name == queries.group(store, "canonical", ident)["name"]  # type: ignore[index]
    by_entity = client.get("/statements", params={"entity": ident, "since": "", "until": ""})
    assert by_entity.status_code == 200
    assert by_entity.text.count("<tr><td>") == int(n)
    assert client.get("/api/statements", params={"entity": ident}).json()["total"] == int(n)
    assert client.get("/statements", params={"entity": "bad id!"}).status_code == 422


def test_speaker_names_and_aliases() -> None:
    assert render.speaker_name({"text": "he"}) == "unresolved (he)"
    assert render.speaker_name({"text": "he", "entity": "Khazar Farhadov"}) == "Khazar Farhadov"
    assert render.speaker_name({"text": "the ministry"}) == "the ministry"
    aliases = ["Milli Majlis", "MILLI MAJLIS", "Parliament", "parliament"]
    assert render.distinct_names(aliases, besides="milli majlis") == ["Parliament"]


def test_labels_and_recurrence_in_words(client: TestClient, store: Store) -> None:
    series = queries.all_groups(store, "series")
    assert series and all(not re.search(r"genocid\b", s["label"]) for s in series)
    assert any(s["label"] == "Khojaly genocide anniversary" for s in series)
    html = client.get(f"/series/{series[0]['id']}").text + client.get("/series").text
    assert "P1Y" not in html and "yearly" in html and re.search(r"3[12](st|nd)", html)
    assert render.recurrence("P1Y") == "yearly" and render.recurrence("P2W") == "every 2 weeks"
    assert [render.ordinal(n) for n in (1, 2, 3, 11, 12, 22, 32, 113)] == [
        "1st", "2nd", "3rd", "11th", "12th", "22nd", "32nd", "113th"
    ]  # fmt: skip


def test_story_label_is_the_headline() -> None:
    titled = Article(id="a", text="Body.", source_path="a.txt", content_hash="a", title="Floods hit Valletta")
    assert headline(titled) == "Floods hit Valletta"
    long = "word " * 40
    untitled = Article(id="b", text=f"\n{long}\nsecond line", source_path="b.txt", content_hash="b")
    assert headline(untitled).endswith("word…") and len(headline(untitled)) <= 90


def test_story_page_has_a_timeline_and_shared_entities(client: TestClient, store: Store) -> None:
    listed = client.get("/stories").text
    assert not re.search(r"article,\s*</span>", listed) and "article, <" not in listed
    stories = queries.groups(store, "stories", label_contains=None, limit=50, offset=0).items
    firsts = [min(a.published or "~" for a in queries.articles_by_id(store, s["article_ids"])) for s in stories]
    assert firsts == sorted(firsts)
    html = client.get(f"/stories/{stories[0]['id']}").text
    assert 'id="story-timeline"' in html
    article = queries.articles_by_id(store, stories[0]["article_ids"])[0]
    assert (article.published or "")[:10] in html and str(article.outlet) in html
    assert 'id="story-entities"' in html


def test_article_by_file_name_and_plurals(client: TestClient, store: Store) -> None:
    article = store.articles(limit=1)[0]
    stem = article.source_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    response = client.get(f"/articles/{stem}")
    assert response.status_code == 200 and article.id in response.text
    assert "entitys" not in response.text and "entities (" in response.text


def test_title_is_the_heading(fresh_store: Store) -> None:
    article_id = _write(fresh_store, "Floods hit the city on Monday.", published="2024-01-02", title="Floods hit")
    html = TestClient(create_app(fresh_store)).get(f"/articles/{article_id}").text
    assert '<h1 id="article-title">Floods hit</h1>' in html


def test_text_is_cut_at_word_boundaries() -> None:
    cut = render.short("The ambassador noted the importance of international recognition", 30)
    assert cut == "The ambassador noted the…"
    assert render.short("short", 30) == "short"


def test_said_chart_groups_cues_by_lemma() -> None:
    said = [{"cue": c} for c in ("stressed", "Stressing", "stressed", "noting", "noted", "said")]
    rows = pages.cue_rows(said)
    assert rows["Stressing"] == rows["stressed"] == "stressed"
    assert rows["noting"] == rows["noted"]
    assert len(set(rows.values())) == 3
    # Irregular forms and cue phrases join their verb's row: one row per verb on real cues.
    spoken = [{"cue": c} for c in ("said", "saying", "says", "told", "tells", "tweeted", "tweeted Tuesday")]
    more = pages.cue_rows([*spoken, {"cue": "has repeatedly warned"}, {"cue": "warned"}])
    assert more["said"] == more["saying"] == more["says"] and more["told"] == more["tells"]
    assert more["tweeted Tuesday"] == more["tweeted"] and more["has repeatedly warned"] == more["warned"]
    assert len(set(more.values())) == 4


def test_direct_and_reported_speech() -> None:
    assert render.unquoted('"These maps were drawn by sailors,"') == "These maps were drawn by sailors"
    assert render.unquoted("“We are ready.”") == "We are ready."
    assert render.reported_as("said", "the team will travel") == " that"
    assert render.reported_as("According to", "the team will travel") == ":"
    assert render.reported_as("said", "that the team will travel") == ""
    # An infinitive or the object of a verb that takes no clause reads on without "that".
    assert render.reported_as("urged", "to use all his negotiating powers") == ""
    assert render.reported_as("described", "Africa as a scar on the world's conscience") == ""
    assert render.reported_as("confirmed", "the talks would resume") == " that"


def test_said_chart_on_one_day_spans_days() -> None:
    one = pages.said_figure([{"cue": "said", "content": "x", "article_published": "2024-03-04T10:00"}])
    assert one["layout"]["xaxis"]["range"] == ["2024-02-03", "2024-04-03"]
    year = pages.said_figure([{"cue": "said", "content": "x", "article_published": "2024"}])
    assert "range" not in year["layout"]["xaxis"]


def test_terminal_ledger_names_the_first_source_only_among_several() -> None:
    one = {
        "value": 613,
        "predicate": "killed",
        "claimants": ["News.Az"],
        "first_seen": "2024-02-27",
        "first_claimant": "News.Az",
    }
    two = {**one, "claimants": ["News.Az", "Trend"]}
    _, rows = render.group_rows("ledger", [one, two], {})
    assert rows[0][2] == "2024-02-27" and rows[1][2] == "2024-02-27 (News.Az)"
