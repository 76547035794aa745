// Search worker: wraps Material's worker (loaded below with importScripts).
//
// * Material's page script sends the small stub search/search_index.json at
//   page load. This wrapper answers "ready" at once; only when the reader first
//   searches does it load Material's worker and the index of the page's
//   language (search/zh.json or search/en.json, see hooks/search_index.py).
//   A page load therefore costs this small file, not the search engine.
// * Chinese has no spaces, so a query such as 三次握手原理 is split into words
//   that exist in the index (longest match first) before Material sees it.
//
// This file lives next to Material's worker so that Material's relative
// imports (../lunr/...) resolve the same way.
"use strict";

const params = new URL(self.location.href).searchParams;
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;
const HAN_RUN = /[\u3400-\u9fff]+/g;
const TOKEN_SEPARATOR = /[\s\u200b\u3000\-、。，．？！；：（）《》“”]+/;
const LONGEST_WORD = 8;

const vocabulary = new Set();
let setup = null; // the stub's setup message, kept for its options
let indexReady = null; // resolves once Material has indexed the real data
let materialReady = null; // resolver for Material's next READY message
let readySent = false;

// Material answers a setup message with READY; the page must see it only once.
const post = self.postMessage.bind(self);
self.postMessage = (message) => {
  if (message && message.type === READY) {
    if (materialReady) {
      materialReady();
      materialReady = null;
    }
    if (readySent) return;
    readySent = true;
  }
  post(message);
};

function forward(data) {
  self.dispatchEvent(new MessageEvent("message", { data: { ...data, forwarded: true } }));
}

function learn(docs) {
  for (const doc of docs) {
    for (const field of [doc.title, doc.text, doc.keywords]) {
      for (const token of String(field || "").split(TOKEN_SEPARATOR)) {
        if (/^[\u3400-\u9fff]+$/.test(token)) vocabulary.add(token);
      }
    }
  }
}

function loadIndex() {
  if (!indexReady) {
    indexReady = fetch(params.get("index"))
      .then((response) => {
        if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
        return response.json();
      })
      .then(
        (index) =>
          new Promise((resolve) => {
            importScripts(params.get("material")); // registers Material's listener
            learn(index.docs);
            materialReady = resolve;
            forward({ type: SETUP, data: { ...index, options: setup.data.options } });
          }),
      );
  }
  return indexReady;
}

// Split runs of Chinese characters into the longest words the index knows.
function segment(query) {
  return query.replace(HAN_RUN, (run) => {
    const words = [];
    for (let start = 0; start < run.length; ) {
      let end = Math.min(run.length, start + LONGEST_WORD);
      while (end > start + 1 && !vocabulary.has(run.slice(start, end))) end -= 1;
      words.push(run.slice(start, end));
      start = end;
    }
    return ` ${words.join(" ")} `;
  }).trim();
}

let queue = Promise.resolve();
self.addEventListener("message", (event) => {
  const message = event.data;
  if (!message || message.forwarded) return; // for Material's own listener
  event.stopImmediatePropagation();
  if (message.type === SETUP) {
    setup = message;
    self.postMessage({ type: READY });
  } else if (message.type === QUERY && !String(message.data).trim()) {
    post({ type: RESULT, data: { items: [] } }); // an empty field needs no index
  } else if (message.type === QUERY) {
    queue = queue
      .then(loadIndex)
      .then(() => forward({ type: QUERY, data: segment(message.data) }))
      .catch((error) => {
        console.warn(error);
        post({ type: RESULT, data: { items: [] } });
      });
  } else {
    forward(message);
  }
});
