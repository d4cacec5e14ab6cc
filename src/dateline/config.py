"""Configuration at the boundary: pydantic models, loaded from a YAML file or built from CLI options.

Only this module validates user-supplied settings; the rest of dateline receives typed, checked objects.
A bad file or value is a ConfigError (E0xx), which the CLI turns into exit status 2.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dateline.errors import ConfigError, Errors

# Ten megabytes of text is several hundred times the longest news report in ../shared/corpus (AllSides'
# longest body is ~0.2 MB); anything bigger is a dump, a binary or a mistake, and is refused before it is read.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# A container (WARC, JSONL, anything gzipped) is streamed, so its size costs time, not memory; the bound on what
# one file may decompress to stops a gzip bomb (1,000:1 and more) from streaming for hours. 8 GiB is above a
# Common Crawl WARC file (about 1 GB compressed, 5 GB decompressed).
DEFAULT_MAX_FILE_BYTES = 8 * 1024**3


class JsonlFields(BaseModel):
    """Which keys of a JSONL/JSON object hold the article's parts (defaults fit common crawler output)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    outlet: str = "source"
    author: str = "author"


class IngestConfig(BaseModel):
    """How documents are read: size limit, JSONL field names, and the shortest body worth keeping."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, gt=0, description="Largest document (or WARC/JSONL record) read.")
    max_file_bytes: int = Field(
        default=DEFAULT_MAX_FILE_BYTES, gt=0, description="Most bytes one container file may decompress to."
    )
    jsonl: JsonlFields = JsonlFields()
    # Trafilatura returns a few words of boilerplate ("Subscribe", a cookie notice) for pages with no
    # article; 25 characters is below any real news paragraph in the AEB benchmark, above such leftovers.
    min_html_chars: int = Field(
        default=25, ge=0, description="HTML whose extracted body is shorter is a failure (E206)."
    )


class DatelineConfig(BaseModel):
    """The whole configuration file; sections other tools own may be added beside ``ingest``."""

    model_config = ConfigDict(frozen=True, extra="allow")

    ingest: IngestConfig = IngestConfig()


def load_config(path: Path | None) -> DatelineConfig:
    """The configuration in the YAML file at ``path`` (defaults when None)."""
    if path is None:
        return DatelineConfig()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(Errors.E011, path=path, error=exc) from exc
    if not isinstance(data, dict):
        raise ConfigError(Errors.E012, path=path, type=type(data).__name__)
    try:
        return DatelineConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(Errors.E013, path=path, error=exc) from exc
