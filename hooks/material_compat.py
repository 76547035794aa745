"""Two adjustments where Material and mkdocs-static-i18n meet.

1. mkdocs-static-i18n warns that its language switcher cannot follow the page
   under instant navigation. We keep instant navigation and make the switcher
   follow the page in assets/javascripts/site.js, so that warning (which
   ``--strict`` would turn into a failure) is filtered out here.

2. Material's bundle fetches ``sitemap.xml`` next to every
   ``<link rel="alternate">`` in <head>, expecting each to be a language root.
   Our alternates are per-page hreflang links (as search engines want), so it
   would request /en/some/page/sitemap.xml and get a 404 on every page. The
   call that starts that feature is removed from the copied bundle. If a
   Material update changes the bundle, the build fails here with a message.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

INSTANT_WARNING = "language switcher contextual link is not compatible"


class _DropInstantWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return INSTANT_WARNING not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(
    _DropInstantWarning()
)

# function NAME({document$:e}){let t=new Map;e.pipe(b(()=>M("link[rel=alternate]"))
ALTERNATE_FEATURE = re.compile(
    r"function (?P<name>\w+)\(\{document\$:\w+\}\)\{let \w+=new Map;"
    r'\w+\.pipe\(\w+\(\(\)=>\w+\("link\[rel=alternate\]"\)\)'
)


def disable_alternate_sitemaps(bundle: str) -> str:
    """Remove the single call that starts Material's alternate-sitemap feature.

    A bundle that was patched already (``mkdocs serve`` rebuilds) is returned as is.
    """
    definitions = ALTERNATE_FEATURE.findall(bundle)
    if len(definitions) != 1:
        raise PluginError(
            "hooks/material_compat.py: cannot find Material's alternate-link "
            "feature in the JavaScript bundle (did Material change?). Check that "
            "pages still make no request for */sitemap.xml, then update the pattern."
        )
    call = re.compile(r"\b" + re.escape(definitions[0]) + r"\(\{document\$:\w+\}\);")
    patched, count = call.subn("", bundle)
    if count > 1:
        raise PluginError(
            "hooks/material_compat.py: expected one call of Material's "
            f"alternate-link feature in the bundle, found {count}."
        )
    return patched


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    bundles = list(
        (Path(config.site_dir) / "assets/javascripts").glob("bundle.*.min.js")
    )
    if len(bundles) != 1:
        raise PluginError(f"expected one Material bundle, found {bundles}")
    text = bundles[0].read_text(encoding="utf-8")
    patched = disable_alternate_sitemaps(text)
    if patched != text:
        bundles[0].write_text(patched, encoding="utf-8")
