"""One normal form for skill labels, shared by the importers, the matcher and autocomplete."""

from __future__ import annotations

import re
import unicodedata

from careerpath.core.text import squash

_SEPARATORS = re.compile(r"[\s_\-/]+")
_KEEP = re.compile(r"[^a-z0-9+#.& ]")


def normalize(text: str) -> str:
    """Lower case, accents folded, punctuation other than + # . & dropped, spaces collapsed.

    "Node.js" → "node.js", "C++" → "c++", "Problem-Solving" → "problem solving".
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _SEPARATORS.sub(" ", text)
    text = _KEEP.sub("", text)
    return squash(text).strip(" .")
