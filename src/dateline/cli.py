"""The ``dateline`` command line: a thin layer over the Python API.

Exit codes (stable; documented in the README):
  0  everything was processed
  1  an unexpected internal error
  2  bad usage or configuration (unknown option, extractor, format, or file)
  3  the run finished but some documents failed (each is in the failures table with its reason)
  4  the database could not be opened, migrated or written
  5  an evaluation gate failed (``dateline eval --min-f1``)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from dateline.errors import ConfigError, DatelineError, Errors, EvalError, PipelineError, StoreError
from dateline.model import Entity, Record

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_PARTIAL, EXIT_STORE, EXIT_GATE = 0, 1, 2, 3, 4, 5

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="dateline: who said and did what, to whom, where and when."
)
query_app = typer.Typer(
    no_args_is_help=True, help="Query the database: statements, claims, entities, events, times, places."
)
app.add_typer(query_app, name="query")

console = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)

DbOption = Annotated[
    str, typer.Option("--db", help="Database: a SQLite file path or a postgresql:// URL.", envvar="DATELINE_DB")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _fail(exc: DatelineError) -> typer.Exit:
    console.print(f"[red]error[/red] {exc}")
    if isinstance(exc, StoreError):
        return typer.Exit(EXIT_STORE)
    if isinstance(exc, (ConfigError, PipelineError, EvalError)):
        return typer.Exit(EXIT_USAGE)
    return typer.Exit(EXIT_INTERNAL)


def _store(db: str) -> Any:
    from dateline.store import Store

    return Store(db)


def _print_json(data: Any) -> None:
    out.print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True), markup=False)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = "dateline.db",
    extractors: Annotated[str | None, typer.Option(help="Comma-separated extractor names (default: all).")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
    as_json: JsonOption = False,
    workers: Annotated[int, typer.Option("--workers", help="Run the pipeline in this many local processes.")] = 1,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="Run the pipeline on this Dask scheduler (tcp://host:port).")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="YAML configuration file (section `ingest`: max_bytes, jsonl fields)."),
    ] = None,
    jsonl_text_field: Annotated[
        str | None, typer.Option("--jsonl-text-field", help="JSONL/JSON key holding the article text.")
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option("--max-bytes", help="Largest document read, in bytes (default 10 MB).")
    ] = None,
) -> None:
    """Ingest, extract and store articles; print a summary. Re-running adds nothing already stored."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dateline.batch import run_corpus
    from dateline.ingest import iter_documents
    from dateline.pipeline import Pipeline

    try:
        ingest = _ingest_config(config, jsonl_text_field, max_bytes)
        store = _store(db)
        # Named extractors are resolved here, so that a wrong name stops the run before it starts; the default
        # ones are left to ``run_corpus``, which resolves them where the pipeline runs (with local workers, in
        # their fork server only: ``batch.run._backend``).
        pipeline = Pipeline(extractors.split(",")) if extractors else None
        columns = (
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, disable=not progress or not console.is_terminal) as bar:
            task = bar.add_task("articles", total=None)
            summary = run_corpus(
                paths,
                store,
                pipeline=pipeline,
                progress=lambda _item: bar.advance(task),
                workers=workers,
                cluster=cluster,
                documents=iter_documents(paths, config=ingest),
                on_wait=_waiting,
                keep_frozen=True,  # this process ends with the run
            )
    except DatelineError as exc:
        raise _fail(exc) from exc
    if as_json:
        _print_json(summary.to_dict())
    else:
        _print_summary(summary.to_dict())
    raise typer.Exit(EXIT_PARTIAL if summary.failures else EXIT_OK)


def _ingest_config(path: Path | None, jsonl_text_field: str | None, max_bytes: int | None) -> Any:
    """The ingest configuration: the file's ``ingest`` section, then the command-line options over it."""
    from pydantic import ValidationError

    from dateline.config import load_config

    ingest = load_config(path).ingest
    changes: dict[str, Any] = {}
    if jsonl_text_field:
        changes["jsonl"] = ingest.jsonl.model_copy(update={"text": jsonl_text_field})
    if max_bytes is not None:
        changes["max_bytes"] = max_bytes
    try:
        return type(ingest).model_validate({**ingest.model_dump(), **changes})
    except ValidationError as exc:
        raise ConfigError(Errors.E013_INGEST_OPTION, error=exc) from exc


def _print_summary(data: dict[str, Any]) -> None:
    table = Table(title="dateline run", show_header=False)
    table.add_row("documents seen", str(data["documents"]))
    table.add_row("articles stored", str(data["stored"]))
    table.add_row("already stored", str(data["already_stored"]))
    table.add_row("failed", str(data["failed"]))
    for kind, n in data["records"].items():
        table.add_row(f"records: {kind}", str(n))
    out.print(table)
    for failure in data["failures"]:
        out.print(f"[red]failed[/red] {failure['source_path']}: [{failure['code']}] {failure['reason']}", markup=True)


@app.command()
def show(
    article: Annotated[
        str, typer.Argument(help="Article id (or unique prefix), source path, or file name without its extension.")
    ],
    db: DbOption = "dateline.db",
    as_json: JsonOption = False,
) -> None:
    """One article's analysis, readable in a terminal."""
    from dateline.render import groups_panel, render_analysis
    from dateline.store import queries

    try:
        store = _store(db)
        analysis = store.analysis(article)
        if analysis is None:
            # The file name without its extension, as the web reader takes it.
            found = queries.article_id_by_stem(store, article)
            analysis = store.analysis(found) if found else None
    except DatelineError as exc:
        raise _fail(exc) from exc
    if analysis is None:
        console.print(f"[red]error[/red] no article {article!r} in {db}")
        raise typer.Exit(EXIT_USAGE)
    if as_json:
        _print_json(analysis.to_dict())
        return
    render_analysis(analysis, out)
    panel = groups_panel(
        queries.article_groups(store, "stories", analysis.article.id),
        queries.article_groups(store, "series", analysis.article.id),
    )
    if panel is not None:
        out.print(panel)


def _query(
    kind: str,
    db: str,
    *,
    label_contains: str | None,
    article: str | None,
    limit: int,
    as_json: bool,
    cue_classes: list[str] | None = None,
) -> list[Record]:
    """Print the records asked for (a table, or JSON) and return them."""
    from dateline.render import record_table
    from dateline.store.db import cue_classes_of

    try:
        classes = cue_classes_of(cue_classes or ())
        store = _store(db)
        article_id = None
        if article:
            found = store.article(article)
            if found is None:
                console.print(f"[red]error[/red] no article {article!r}")
                raise typer.Exit(EXIT_USAGE)
            article_id = found.id
        records = store.records(
            kind=kind, label_contains=label_contains, article_id=article_id, cue_classes=classes, limit=limit
        )
    except DatelineError as exc:
        raise _fail(exc) from exc
    if as_json:
        _print_json([r.to_dict() for r in records])
    else:
        out.print(record_table(kind, records))
    return records


LimitOption = Annotated[int, typer.Option(help="At most this many rows.")]
ArticleOption = Annotated[str | None, typer.Option(help="Only this article (id, prefix or path).")]


@app.command()
def search(
    q: Annotated[str, typer.Argument(help="Words to find, in order; the last may be the start of a word.")],
    db: DbOption = "dateline.db",
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over article titles and texts (the database's full-text index), and record labels."""
    from dateline.store import queries

    try:
        found = queries.search(_store(db), q, limit=limit, offset=0)
    except DatelineError as exc:
        raise _fail(exc) from exc
    if as_json:
        _print_json(found)
        return
    hits = found["articles"]
    table = Table("article", "published", "outlet", "title", "snippet", title=f"{hits['total']} articles")
    for hit in hits["items"]:
        table.add_row(hit["id"][:12], hit["published"] or "", hit["outlet"] or "", hit["title"] or "", hit["snippet"])
    out.print(table)
    out.print(f"{len(found['records'])} records whose label matches (--json lists them)")


@query_app.command("statements")
def query_statements(
    speaker: Annotated[str | None, typer.Option(help="Speaker name contains this (case-insensitive).")] = None,
    cue_class: Annotated[
        list[str] | None,
        typer.Option(
            "--cue-class",
            help="Only statements whose cue is of this class: speech (said, told, according to), attitude"
            " (believes, wants), other (another act: declined to comment, backed the bill). Repeat it, or"
            " separate classes by commas, for several.",
        ),
    ] = None,
    article: ArticleOption = None,
    db: DbOption = "dateline.db",
    limit: LimitOption = 100,
    as_json: JsonOption = False,
) -> None:
    """Statements, by speaker and cue class."""
    _query(
        "statement",
        db,
        label_contains=speaker,
        article=article,
        limit=limit,
        as_json=as_json,
        cue_classes=cue_class,
    )


@query_app.command("entities")
def query_entities(
    name: Annotated[str | None, typer.Option(help="Entity name contains this.")] = None,
    article: ArticleOption = None,
    db: DbOption = "dateline.db",
    limit: LimitOption = 100,
    as_json: JsonOption = False,
) -> None:
    """Entities (per article), by name; then the offices over time of those linked across the corpus."""
    from dateline.store.queries import offices_over_time

    records = _query("entity", db, label_contains=name, article=article, limit=limit, as_json=as_json)
    linked = {r.entity_id for r in records if isinstance(r, Entity) and r.entity_id}
    if as_json or not linked:
        return
    table = Table("entity", "offices over time", title="Offices over time")
    for entity_name, offices in offices_over_time(_store(db), linked).values():
        table.add_row(entity_name, "\n".join(offices))
    out.print(table)


@query_app.command("claims")
def query_claims(
    predicate: Annotated[str | None, typer.Option(help="killed, injured, missing, detained, hostage, ...")] = None,
    article: ArticleOption = None,
    db: DbOption = "dateline.db",
    limit: LimitOption = 100,
    as_json: JsonOption = False,
) -> None:
    """Numeric claims, by predicate."""
    _query("claim", db, label_contains=predicate, article=article, limit=limit, as_json=as_json)


@query_app.command("events")
def query_events(
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type (or trigger lemma when untyped).")] = None,
    article: ArticleOption = None,
    db: DbOption = "dateline.db",
    limit: LimitOption = 100,
    as_json: JsonOption = False,
) -> None:
    """Events, by PLOVER type."""
    _query("event", db, label_contains=type, article=article, limit=limit, as_json=as_json)


@query_app.command("times")
def query_times(
    value: Annotated[str | None, typer.Option(help="TIMEX3 value contains this (e.g. 1992).")] = None,
    article: ArticleOption = None,
    db: DbOption = "dateline.db",
    limit: LimitOption = 100,
    as_json: JsonOption = False,
) -> None:
    """Time expressions, by normalised value."""
    _query("time", db, label_contains=value, article=article, limit=limit, as_json=as_json)


@query_app.command("places")
def query_places(
    name: Annotated[str | None, typer.Option(help="Place name contains this.")] = None,
    article: ArticleOption = None,
    db: DbOption = "dateline.db",
    limit: LimitOption = 100,
    as_json: JsonOption = False,
) -> None:
    """Places, by resolved name."""
    _query("place", db, label_contains=name, article=article, limit=limit, as_json=as_json)


def _link_query(what: str, db: str, *, label_contains: str | None, limit: int, as_json: bool) -> None:
    from dateline.render import group_article_ids, group_table
    from dateline.store import queries

    try:
        store = _store(db)
        found = queries.all_groups(store, what, label_contains=label_contains, limit=limit)
        articles = {} if as_json else {a.id: a for a in queries.articles_by_id(store, sorted(group_article_ids(found)))}
    except DatelineError as exc:
        raise _fail(exc) from exc
    if as_json:
        _print_json(found)
        return
    out.print(group_table(what, found, articles))


LabelOption = Annotated[str | None, typer.Option("--label", help="Label (name, speaker, predicate) contains this.")]


def _link_command(what: str) -> Callable[..., None]:
    """A ``dateline query <what>`` command over corpus-level links, filtered by label."""

    def command(
        label: LabelOption = None, db: DbOption = "dateline.db", limit: LimitOption = 100, as_json: JsonOption = False
    ) -> None:
        _link_query(what, db, label_contains=label, limit=limit, as_json=as_json)

    return command


def query_duplicates(db: DbOption = "dateline.db", limit: LimitOption = 100, as_json: JsonOption = False) -> None:
    _link_query("duplicates", db, label_contains=None, limit=limit, as_json=as_json)


# The corpus-level link queries, with their help, in the order ``dateline query --help`` lists them. All but
# ``duplicates`` (copies have no label) filter by ``--label``.
LINK_QUERIES = {
    "canonical": "Canonical (cross-article) entities, with aliases and offices over time.",
    "duplicates": "Near-duplicate (syndicated or lightly edited) copies, by original article.",
    "stories": "Stories: articles reporting the same occurrence.",
    "series": "Series of recurring occurrences (ordinal anniversaries) with base date, period and members.",
    "ledger": "Claim ledger: each figure, who states it first and who repeats it, and disagreeing figures.",
    "repeated": "Repeated statements: one speaker saying nearly the same thing in different articles.",
}


def _register_link_queries() -> None:
    for what, help_text in LINK_QUERIES.items():
        command = query_duplicates if what == "duplicates" else _link_command(what)
        query_app.command(what, help=help_text)(command)


_register_link_queries()


@app.command()
def export(
    out_path: Annotated[Path, typer.Option("--out", "-o", help="Output file (jsonl) or folder (csv, parquet).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    db: DbOption = "dateline.db",
) -> None:
    """Export articles, records and failures."""
    from dateline.store.export import export as do_export

    try:
        counts = do_export(_store(db), out_path, fmt=fmt)
    except DatelineError as exc:
        raise _fail(exc) from exc
    out.print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + f" -> {out_path}")


@app.command()
def link(
    db: DbOption = "dateline.db",
    full: Annotated[
        bool, typer.Option("--full/--incremental", help="Forget all links and re-link every article.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Link articles across the corpus (canonical entities, duplicates, stories, series, ledger, repeats)."""
    from dateline.link import link_corpus, link_pending

    try:
        store = _store(db)
        with store.writer_lock(_waiting):
            summary = link_corpus(store) if full else link_pending(store)
    except DatelineError as exc:
        raise _fail(exc) from exc
    if as_json:
        _print_json(summary.to_dict())
    else:
        out.print(json.dumps(summary.to_dict(), sort_keys=True), markup=False)


def _waiting(message: str) -> None:
    console.print(f"[yellow]waiting[/yellow] {message}")


@app.command()
def serve(
    db: DbOption = "dateline.db",
    host: Annotated[str, typer.Option(help="Interface to listen on (localhost by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Allow corrections to whoever sends this token; without it the server is read-only.",
            envvar="DATELINE_TOKEN",
        ),
    ] = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="Answer only requests whose Host header is this name (repeatable; e.g. localhost).",
        ),
    ] = None,
) -> None:
    """Web UI and REST API (OpenAPI at /openapi.json) over the database."""
    import uvicorn

    from dateline.serve.app import create_app

    try:
        application = create_app(_store(db), token=token, allowed_hosts=allowed_host)
    except DatelineError as exc:
        raise _fail(exc) from exc
    mode = "corrections allowed with the token" if token else "read-only"
    console.print(f"dateline serve: http://{host}:{port}/ ({mode})")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def extractors() -> None:
    """List the registered extractors, what they require and what they assign."""
    from dateline.registry import describe

    table = Table("extractor", "requires", "assigns", "default")
    for row in describe():
        table.add_row(
            row["name"], ", ".join(row["requires"]), ", ".join(row["assigns"]), "yes" if row["default"] else "no"
        )
    out.print(table)


@app.command()
def demo(
    db: DbOption = "dateline-demo.db",
    fresh: Annotated[bool, typer.Option("--fresh/--keep", help="Start from an empty database.")] = True,
) -> None:
    """Run the whole pipeline on the built-in demo corpus (short reports written for dateline) and show it."""
    from dateline.batch import run_corpus
    from dateline.demo import demo_corpus_path
    from dateline.render import render_analysis

    if fresh and "://" not in db:
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    try:
        store = _store(db)
        summary = run_corpus([str(demo_corpus_path())], store)
    except DatelineError as exc:
        raise _fail(exc) from exc
    _print_summary(summary.to_dict())
    for article in store.articles(limit=1):
        analysis = store.analysis(article.id)
        if analysis is not None:
            render_analysis(analysis, out)
    out.print(f"\nDatabase: {db}. Try: dateline query statements --db {db}")
    raise typer.Exit(EXIT_PARTIAL if summary.failures else EXIT_OK)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold folder/file, or the corpus folder of a --format adapter.")],
    inputs: Annotated[
        Path | None,
        typer.Option("--inputs", help="The articles the gold annotates (default: ../samples beside the gold folder)."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="gold (ours), or an adapter: see `dateline eval --help`.")
    ] = "gold",
    split: Annotated[str, typer.Option(help="Corpus split for adapters (dev, train).")] = "dev",
    limit: Annotated[int | None, typer.Option(help="Evaluate at most this many documents (adapters).")] = None,
    folds: Annotated[
        int | None, typer.Option("--folds", help="Also score each of N interleaved folds (adapters: plover).")
    ] = None,
    mixed: Annotated[
        bool, typer.Option("--mixed", help="ecbplus: cluster the documents of every chosen topic together.")
    ] = False,
    as_json: JsonOption = False,
    min_f1: Annotated[
        list[str] | None, typer.Option("--min-f1", help="Gate: KIND=VALUE; exit 5 when a kind's F1 is lower.")
    ] = None,
) -> None:
    """Precision / recall / F1 against gold: our format, or standard corpora through adapters."""
    from dateline.evaluate import evaluate, format_report

    try:
        report = evaluate(gold, fmt=fmt, inputs=inputs, split=split, limit=limit, folds=folds, mixed=mixed)
    except DatelineError as exc:
        raise _fail(exc) from exc
    if as_json:
        _print_json(report)
    else:
        out.print(format_report(report), markup=False)
    failed = _gate(report, min_f1 or [])
    if failed:
        console.print("[red]evaluation gate failed[/red]: " + "; ".join(failed))
        raise typer.Exit(EXIT_GATE)


def _gate(report: dict[str, Any], gates: list[str]) -> list[str]:
    failed = []
    for gate in gates:
        kind, _, value = gate.partition("=")
        try:
            threshold = float(value)
        except ValueError as exc:
            raise typer.BadParameter(f"--min-f1 takes KIND=VALUE, not {gate!r}") from exc
        f1 = report.get(kind, {}).get("f1")
        if f1 is None or f1 < threshold:
            failed.append(f"{kind} F1 {f1} < {threshold}")
    return failed


def main() -> None:
    """Entry point: run the app; an error escaping a command exits with its documented code and message, not a
    traceback dump."""
    try:
        app()
    except DatelineError as exc:
        sys.exit(_fail(exc).exit_code)


if __name__ == "__main__":
    main()
