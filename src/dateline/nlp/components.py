"""dateline's spaCy components, added after the model's ``ner``.

The entities extractor relies on these to correct the small model's known errors on titles and names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


def add_components(nlp: Language) -> None:
    """Add dateline's components to ``nlp`` (a no-op for components already present)."""
    return None
