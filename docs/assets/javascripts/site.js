// Site behaviour on top of Material. Runs on every page, including after each
// instant navigation (document$ emits once per page shown).
"use strict";

// The language switcher in the header is rendered once and kept by instant
// navigation, while <head> is replaced on every page. Copy the current page's
// hreflang alternates (overrides/main.html) into the switcher's links, so that
// it always leads to the same page in the other language. data-path is relative
// to the site root (__md_scope), so this also works on a preview host.
function followAlternates() {
  for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
    const lang = link.getAttribute("hreflang");
    const alternate = document.head.querySelector(
      `link[rel="alternate"][hreflang="${lang}"]`,
    );
    if (alternate) link.href = new URL(alternate.dataset.path, __md_scope).href;
  }
}

// Material refreshes search results on keyup. Input methods (pinyin, for
// Chinese), pasting and dictation change the field without a keyup, so turn
// every finished input into one.
function searchOnInput() {
  const query = document.querySelector("[data-md-component=search-query]");
  if (!query || query.dataset.inputHooked) return;
  query.dataset.inputHooked = "true";
  const refresh = () => query.dispatchEvent(new KeyboardEvent("keyup"));
  query.addEventListener("input", (event) => {
    if (!event.isComposing) refresh();
  });
  query.addEventListener("compositionend", refresh);
}

document$.subscribe(() => {
  followAlternates();
  searchOnInput();
});
