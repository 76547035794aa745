"""A 404 page in each language.

mkdocs-static-i18n renders 404.html once per language into the same file, so
the language built last wins. This hook keeps both: the Chinese page at
/404.html, which GitHub Pages serves for every missing path, and the English
page at /en/404.html. overrides/404.html makes the Chinese page show the
English one when the missing path is under /en/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

DESTINATIONS = {"zh": "404.html", "en": "en/404.html"}
_rendered: dict[str, str] = {}


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _rendered[config.theme["language"]] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested build of one language
    for language, destination in DESTINATIONS.items():
        if language not in _rendered:
            raise PluginError(f"no 404 page was rendered for '{language}'")
        path = Path(config.site_dir) / destination
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_rendered[language], encoding="utf-8")
    _rendered.clear()
