"""One search index per language, loaded only when a reader searches.

mkdocs-static-i18n builds Chinese and English one after the other and then
writes a single search/search_index.json holding both languages under the
last language's settings, so out of the box a reader gets results in both
languages. After the last build this hook writes instead:

* ``search/zh.json`` and ``search/en.json``: each language's documents with
  settings that suit it (see ``LANGUAGE_CONFIG``);
* ``search/search_index.json``: an empty index. Material fetches this file on
  every page load; the real index is fetched by our worker wrapper
  (``assets/javascripts/workers/search.js``) on the first query.

Chinese text arrives segmented by jieba (Material's search plugin, with
``hooks/jieba_userdict.txt``), so 三次握手 is one token. jieba's search mode
supplies the parts of each long word (三次, 握手), stored in a ``keywords``
field that is searched but never shown: the compound and its parts all match.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

LANGUAGES = ("zh", "en")
FIELDS = {
    "title": {"boost": 1000.0},
    "text": {"boost": 1.0},
    "tags": {"boost": 1000000.0},
    "keywords": {"boost": 1.0},
}
LANGUAGE_CONFIG = {
    # Chinese pages mix Han text with English terms (TCP, socket). lunr's
    # Chinese support has an identity stemmer, so English words keep their
    # full form and a prefix query such as "sock" still finds "socket".
    "zh": {
        "lang": ["zh"],
        "separator": r"[\s\u200b\u3000\-、。，．？！；：（）《》“”]+",
        "pipeline": ["stemmer"],
    },
    # Without the stemmer "sock" finds "socket" and "sockets" alike; queries
    # are prefix queries anyway, which covers most of what stemming gives.
    "en": {
        "lang": ["en"],
        "separator": r"[\s\-]+",
        "pipeline": ["stopWordFilter", "trimmer"],
    },
}
HAN_WORD = re.compile(r"[\u3400-\u9fff]{3,}")


def language_of(location: str) -> str:
    """English documents live under en/, everything else is Chinese."""
    return "en" if location.startswith("en/") else "zh"


def keywords(text: str) -> str:
    """Return the parts of every long Chinese word in ``text``, space-separated."""
    parts: dict[str, None] = {}
    for word in HAN_WORD.findall(text):
        for part in jieba.cut_for_search(word):
            if part != word and len(part) > 1:
                parts[part] = None
    return " ".join(parts)


def split_index(index: dict) -> dict[str, dict]:
    """Split Material's combined index into one index per language."""
    result = {
        language: {
            "config": {**LANGUAGE_CONFIG[language], "fields": FIELDS},
            "docs": [],
        }
        for language in LANGUAGES
    }
    for doc in index["docs"]:
        language = language_of(doc["location"])
        if language == "zh":
            extra = keywords(doc["title"] + " " + doc["text"])
            doc = {**doc, "keywords": extra} if extra else doc
        result[language]["docs"].append(doc)
    return result


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested build of one language; the merged index comes later
    search_dir = Path(config.site_dir) / "search"
    merged = search_dir / "search_index.json"
    if not merged.exists():
        raise PluginError(f"{merged} was not written: is the search plugin enabled?")
    index = json.loads(merged.read_text(encoding="utf-8"))
    for language, data in split_index(index).items():
        if not data["docs"]:
            raise PluginError(f"the search index has no {language} documents")
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        (search_dir / f"{language}.json").write_text(text, encoding="utf-8")
    stub = {"config": {**LANGUAGE_CONFIG["zh"], "fields": FIELDS}, "docs": []}
    merged.write_text(json.dumps(stub, separators=(",", ":")), encoding="utf-8")
