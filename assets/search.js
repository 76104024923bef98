// Search: the box in the header, and the highlight of the terms on the
// page a result opens.
//
// The index is made by the generator (generator/internal/render/search.go
// describes its files): search/index.js, loaded when the reader first uses
// the box, then the dictionary, postings and store shards a query needs,
// each a script, so that search works from file:// as over HTTP. Text is
// folded and cut into terms by one rule, the generator's searchtext
// package: fold and tokens below are that rule, tested against the same
// table of cases (generator/internal/searchtext/testdata).

import { has, t } from "./i18n.js";

// Every string search shows the reader, from the handbook's table of
// strings (i18n/<language>.yaml, through i18n.js).
export const STRINGS = {
  loading: () => t("search_loading"),
  failed: () => t("search_failed"),
  none: (query) => t("search_none", { query }),
  count: (n) => t("search_count", n),
  showing: (shown, total) => t("search_more", { shown, total }),
  more: (shown, total) => t("search_show_more", { shown, total }),
  hits: (query) => t("search_hits", { query }),
  clear: () => t("search_clear"),
  // A result's kind badge (the index names the kinds that show one) and
  // status, in the handbook's language.
  kind: (kind, badge) => (has("badge_" + kind) ? t("badge_" + kind) : badge),
  status: (st) => (has("status_" + st) ? t("status_" + st) : st),
  section: "§ ", // before the heading of the section a snippet is from
};

const PAGE = 10; // results shown at a time
const SUGGESTIONS = 5; // pages a page-not-found page suggests
const PREFIX_TERMS = 40; // dictionary terms a prefix or a typo stands for, most frequent first
const TAIL_TERMS = 8; // words a typo in the first letter may stand for
const SHARDS = 2; // postings shards a prefix or a typo may add
const FILTERS = { status: 1, kind: 1, tag: 1, tags: 1, owner: 1 };
// How well a dictionary term matches a query word.
const QUALITY = { exact: 1, plural: 0.9, prefix: 0.75, typo: 0.6 };

// ------------------------------------------------------------- the rule

// fold: compatibility decomposition, the combining diacritical marks
// removed, composition, lower case (final sigma as sigma).
export function fold(s) {
  return (s || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").toLowerCase().replace(/ς/g, "σ");
}

const CJK = [/\p{sc=Han}/u, /\p{sc=Hiragana}/u, /[\p{sc=Katakana}ー]/u, /\p{sc=Hangul}/u];
const IN_WORD = /^[\p{L}\p{N}\p{M}ー]$/u;

// script is a CJK character's script, 1 to 4, or 0 for any other.
function script(ch) {
  if (ch < "\u1100") return 0;
  for (let i = 0; i < CJK.length; i++) if (CJK[i].test(ch)) return i + 1;
  return 0;
}

// tokens cuts folded text into terms as the generator does: words of
// minWord characters or more, and for runs of Han, Hiragana, Katakana or
// Hangul (cut where the script changes) bigrams and the run's last
// character, each with its position. Returns the position after the text.
export function tokens(folded, minWord, pos, fn) {
  let gap = false;
  let run = [];
  let sc = 0;
  let word = "";
  const flush = () => {
    for (let i = 0; i < run.length; i++) {
      fn({ term: i + 1 < run.length ? run[i] + run[i + 1] : run[i], cjk: true, pos, last: i + 1 === run.length, len: run.length });
      pos++;
    }
    run = [];
  };
  const endWord = () => {
    if (word && Array.from(word).length >= minWord) fn({ term: word, cjk: false, pos: 0 });
    word = "";
  };
  for (const ch of folded) {
    const s = script(ch);
    if (s) {
      endWord();
      if (s !== sc || gap) {
        flush();
        if (gap) {
          pos++;
          gap = false;
        }
      }
      sc = s;
      run.push(ch);
      continue;
    }
    if (run.length) {
      flush();
      gap = true;
    }
    sc = 0;
    if (IN_WORD.test(ch)) {
      word += ch;
      continue;
    }
    endWord();
    gap = true;
  }
  endWord();
  flush();
  return pos + 1;
}

const squash = (s) => Array.from(fold(s)).filter((c) => IN_WORD.test(c)).join("");

// ----------------------------------------------------------- the shards

// The index's parts, loaded as scripts on demand.
function loader(base) {
  const parts = Object.create(null);
  const waiting = Object.create(null);
  window.HANDBOOK_SEARCH_PART = (name, data) => {
    parts[name] = data;
  };
  function load(name) {
    if (name in parts) return Promise.resolve(parts[name]);
    if (!waiting[name]) {
      waiting[name] = new Promise((resolve, reject) => {
        const s = document.createElement("script");
        s.src = base + name + ".js";
        s.async = true;
        s.onload = () => (name in parts ? resolve(parts[name]) : reject(new Error("no part " + name)));
        s.onerror = () => {
          delete waiting[name];
          reject(new Error("cannot load " + s.src));
        };
        document.head.appendChild(s);
      });
    }
    return waiting[name];
  }
  return { load, parts };
}

// ------------------------------------------------------------ the engine

// engine answers queries from the index whose entry is meta.
function engine(meta, load) {
  const kindAlias = Object.create(null);
  for (const [word, kind] of Object.entries(meta.kind_aliases || {})) kindAlias[squash(word)] = squash(kind);
  const dicts = Object.create(null); // shard → {terms, shard, df}
  const postings = Object.create(null); // term → {docs, score, sec, pos}

  const tailShards = Object.create(null); // shard → {tails, terms}

  // tailTerms returns the terms whose tail (the term without its first
  // letter) is tail: the words one edit away in their first letter.
  async function tailTerms(tail) {
    const n = (meta.tails || {})[Array.from(tail)[0]];
    if (n === undefined) return [];
    if (!tailShards[n]) {
      const text = await load("t" + n);
      const tails = [], terms = [];
      for (const line of text.split("\n")) {
        if (!line) continue;
        const [a, b] = line.split("\t");
        tails.push(a);
        terms.push(b);
      }
      tailShards[n] = { tails, terms };
    }
    const ts = tailShards[n];
    const out = [];
    for (let i = lower(ts.tails, tail); i < ts.tails.length && ts.tails[i] === tail; i++) out.push(ts.terms[i]);
    return out;
  }

  async function dict(first) {
    const n = meta.dict[first];
    if (n === undefined) return null;
    if (!dicts[n]) {
      const text = await load("d" + n);
      const terms = [], shard = [], df = [];
      for (const line of text.split("\n")) {
        if (!line) continue;
        const [t, s, d] = line.split("\t");
        terms.push(t);
        shard.push(+s);
        df.push(+d);
      }
      dicts[n] = { terms, shard, df };
    }
    return dicts[n];
  }

  function lower(arr, x) {
    let lo = 0, hi = arr.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (arr[m] < x) lo = m + 1;
      else hi = m;
    }
    return lo;
  }

  // candidates lists the dictionary terms a query word stands for, each
  // {i, quality} into dictionary d.
  function candidates(d, w) {
    const out = new Map();
    const add = (i, q) => {
      if (!out.has(i) || out.get(i) < q) out.set(i, q);
    };
    const exact = (t, q) => {
      const i = lower(d.terms, t);
      if (d.terms[i] === t) add(i, q);
    };
    if (w.cjk) {
      if (w.prefix) {
        const from = lower(d.terms, w.text);
        for (let i = from; i < d.terms.length && d.terms[i].startsWith(w.text); i++) add(i, QUALITY.exact);
      } else exact(w.text, QUALITY.exact);
      return out;
    }
    exact(w.text, QUALITY.exact);
    if (w.text.length > 3 && w.text.endsWith("s")) exact(w.text.slice(0, -1), QUALITY.plural);
    exact(w.text + "s", QUALITY.plural);
    // Prefixes and typos stand for the most frequent terms they match, in
    // at most SHARDS postings shards besides the exact term's.
    const shards = new Set(Array.from(out.keys(), (i) => d.shard[i]));
    const limit = shards.size + SHARDS;
    const more = (found, q) => {
      found.sort((a, b) => d.df[b] - d.df[a]);
      let n = 0;
      for (const i of found) {
        if (n >= PREFIX_TERMS) break;
        if (!shards.has(d.shard[i])) {
          if (shards.size >= limit) continue;
          shards.add(d.shard[i]);
        }
        add(i, q);
        n++;
      }
    };
    if (w.prefix) {
      const from = lower(d.terms, w.text);
      const found = [];
      for (let i = from; i < d.terms.length && d.terms[i].startsWith(w.text); i++) {
        if (d.terms[i].indexOf(":") < 0 && !out.has(i)) found.push(i);
      }
      more(found, QUALITY.prefix);
    }
    const chars = Array.from(w.text);
    if (chars.length >= 5) {
      // One edit (insertion, deletion, substitution or transposition)
      // after the first letter: the terms of the same dictionary shard.
      // (match looks for a typo in the first letter itself.)
      const found = [];
      for (let i = 0; i < d.terms.length; i++) {
        const t = d.terms[i];
        if (Math.abs(t.length - w.text.length) > 1 || t[0] !== w.text[0] || out.has(i)) continue;
        if (oneEdit(chars, Array.from(t))) found.push(i);
      }
      more(found, QUALITY.typo);
    }
    return out;
  }

  async function posting(d, i) {
    const term = d.terms[i];
    if (!postings[term]) {
      const shard = await load("p" + d.shard[i]);
      const enc = shard[term] || "";
      const docs = [], score = [], sec = [], pos = [];
      let doc = 0;
      for (const p of enc ? enc.split(",") : []) {
        const f = p.split(".");
        doc += parseInt(f[0], 36);
        docs.push(doc);
        score.push(parseInt(f[1], 36));
        sec.push(parseInt(f[2], 36));
        if (f.length > 3) {
          const ps = [];
          let at = 0;
          for (let k = 3; k < f.length; k++) ps.push((at += parseInt(f[k], 36)));
          pos.push(ps);
        } else pos.push(null);
      }
      postings[term] = { docs, score, sec, pos };
    }
    return postings[term];
  }

  const N = meta.docs;

  // match returns, for one query word, each document's score (0: no
  // match) and section, and the postings of the terms it stands for.
  async function match(w) {
    const chars = Array.from(w.text);
    const res = { score: new Float32Array(N), sec: new Int32Array(N), lists: [], terms: [] };
    const groups = []; // [dictionary, its candidates]
    const d = await dict(chars[0]);
    const cands = d ? candidates(d, w) : new Map();
    if (d) groups.push([d, cands]);
    // A word of the handbook as typed is taken as meant: only a word
    // without an exact match looks for a typo in its first letter.
    const known = Array.from(cands.values()).includes(QUALITY.exact);
    if (!w.cjk && !known && chars.length >= 5 && chars[1] !== chars[0]) {
      // A typo in the first letter: one letter too many before the word,
      // or its first two letters swapped; both are in the dictionary of
      // the word's second letter.
      const d2 = await dict(chars[1]);
      const found = new Map();
      for (const v of [chars.slice(1).join(""), chars[1] + chars[0] + chars.slice(2).join("")]) {
        const i = d2 ? lower(d2.terms, v) : -1;
        if (i >= 0 && d2.terms[i] === v) found.set(i, QUALITY.typo);
      }
      if (found.size) groups.push([d2, found]);
      // Its first letter changed (the same tail) or missing (the query is
      // a tail): a few such words at the most.
      const words = (await tailTerms(chars.slice(1).join(""))).concat(await tailTerms(w.text));
      const byDict = new Map();
      for (const term of words.slice(0, TAIL_TERMS)) {
        if (term === w.text) continue;
        const dd = await dict(Array.from(term)[0]);
        const i = dd ? lower(dd.terms, term) : -1;
        if (i < 0 || dd.terms[i] !== term) continue;
        if (!byDict.has(dd)) byDict.set(dd, new Map());
        byDict.get(dd).set(i, QUALITY.typo);
      }
      for (const [dd, m] of byDict) groups.push([dd, m]);
    }
    for (const [dd, cands] of groups) {
      const lists = await Promise.all(Array.from(cands.keys(), (i) => posting(dd, i)));
      let k = 0;
      for (const [i, q] of cands) {
        const p = lists[k++];
        if (p.docs.length) res.terms.push(dd.terms[i]);
        for (let j = 0; j < p.docs.length; j++) {
          const doc = p.docs[j];
          const s = p.score[j] * q;
          if (s > res.score[doc]) {
            res.score[doc] = s;
            res.sec[doc] = p.sec[j];
          }
        }
      }
      res.lists.push(...lists);
    }
    return res;
  }

  // filterDocs returns the documents a filter admits: 1 for each.
  async function filterDocs(f) {
    const key = f.field + ":";
    const d = await dict(f.field[0]);
    const out = new Uint8Array(N);
    if (!d) return out;
    const from = lower(d.terms, key);
    const picked = [];
    for (let i = from; i < d.terms.length && d.terms[i].startsWith(key); i++) {
      const v = d.terms[i].slice(key.length);
      if (v === f.value || (f.prefix && v.startsWith(f.value)) || (f.field === "owner" && v.includes(f.value))) picked.push(i);
    }
    for (const p of await Promise.all(picked.map((i) => posting(d, i)))) for (const doc of p.docs) out[doc] = 1;
    return out;
  }

  // phraseDocs scores the documents where a phrase's parts stand in
  // sequence.
  function phraseDocs(ph, ms) {
    const res = { score: new Float32Array(N), sec: new Int32Array(N), terms: [] };
    if (!ms.length) return res;
    // A cursor in each postings list: documents are visited in order.
    const cur = ms.map((m) => m.lists.map(() => 0));
    for (let doc = 0; doc < N; doc++) {
      let all = true;
      for (const m of ms) all = all && m.score[doc] > 0;
      if (!all) continue;
      if (ph.length > 1) {
        const arrs = ms.map((m, k) => {
          let out = null;
          m.lists.forEach((p, li) => {
            let j = cur[k][li];
            while (j < p.docs.length && p.docs[j] < doc) j++;
            cur[k][li] = j;
            if (p.docs[j] === doc && p.pos[j]) out = out ? out.concat(p.pos[j]) : p.pos[j];
          });
          return out && m.lists.length > 1 ? out.slice().sort((a, b) => a - b) : out || [];
        });
        if (!inSequence(arrs, ph)) continue;
      }
      for (const m of ms) {
        if (m.score[doc] > res.score[doc]) {
          res.score[doc] = m.score[doc];
          res.sec[doc] = m.sec[doc];
        }
      }
    }
    return res;
  }

  // run answers a query: every result's document number, score and
  // section, best first, and what to highlight.
  async function run(q) {
    const { filters, words, phrases } = parseQuery(q, kindAlias);
    if (!filters.length && !words.length && !phrases.length) return { results: [], marks: [] };
    const [fsets, wmatch, pmatch] = await Promise.all([
      Promise.all(filters.map(filterDocs)),
      Promise.all(words.map(match)),
      Promise.all(phrases.map((ph) => Promise.all(ph.map(match)))),
    ]);
    // Required: words (but short ones, of one or two letters and not the
    // last, which add to a score and exclude nothing), phrases (their
    // parts in sequence) and filters.
    const scores = wmatch.concat(phrases.map((ph, i) => phraseDocs(ph, pmatch[i])));
    const required = scores.filter((m, i) => i >= words.length || !words[i].optional);
    const alive = new Uint8Array(N);
    if (required.length || filters.length) alive.fill(1);
    else for (const m of scores) for (let d = 0; d < N; d++) if (m.score[d] > 0) alive[d] = 1;
    for (const m of required) for (let d = 0; d < N; d++) if (!(m.score[d] > 0)) alive[d] = 0;
    for (const f of fsets) for (let d = 0; d < N; d++) if (!f[d]) alive[d] = 0;
    const results = [];
    for (let doc = 0; doc < N; doc++) {
      if (!alive[doc]) continue;
      let score = 1, sec = -1, best = 0;
      for (const m of scores) {
        const s = m.score[doc];
        score += s;
        if (s > best && m.sec[doc] > 0) {
          best = s;
          sec = m.sec[doc];
        }
      }
      results.push({ doc, score, sec });
    }
    results.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const marks = new Set();
    words.forEach((w, i) => {
      marks.add(w.prefix ? w.text + "*" : w.text);
      for (const t of wmatch[i].terms) if (t !== w.text && !t.startsWith(w.text)) marks.add(t);
    });
    for (const ph of phrases) marks.add(ph.text);
    return { results, marks: Array.from(marks) };
  }

  return { run };
}

// inSequence says whether the parts of a phrase stand in sequence: some
// position p of the first part's (sorted) positions has each other part k
// at p plus its offset from the first.
function inSequence(arrs, ph) {
  const ptr = arrs.map(() => 0);
  for (const p of arrs[0]) {
    let ok = true;
    for (let k = 1; k < arrs.length && ok; k++) {
      const want = p + ph[k].off - ph[0].off;
      const a = arrs[k];
      while (ptr[k] < a.length && a[ptr[k]] < want) ptr[k]++;
      ok = a[ptr[k]] === want;
    }
    if (ok) return true;
  }
  return false;
}

// oneEdit says whether a and b (arrays of characters) are one insertion,
// deletion, substitution or transposition apart.
function oneEdit(a, b) {
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (i === a.length) return true;
    if (a.slice(i + 1).join("") === b.slice(i + 1).join("")) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2).join("") === b.slice(i + 2).join("");
  }
  return b.length - a.length === 1 && a.slice(i).join("") === b.slice(i + 1).join("");
}

// parseQuery splits a query into filters, words and CJK phrases. The last
// word (and the value of a last filter) match as prefixes unless the query
// ends in a space; a single CJK character always does.
export function parseQuery(q, kindAlias) {
  const chunks = q.trim().split(/\s+/).filter(Boolean);
  const open = !/\s$/.test(q);
  const filters = [], words = [], phrases = [];
  chunks.forEach((chunk, ci) => {
    const lastChunk = open && ci === chunks.length - 1;
    const m = /^([a-z]+):(.*)$/i.exec(chunk);
    if (m && FILTERS[m[1].toLowerCase()]) {
      let field = m[1].toLowerCase();
      if (field === "tags") field = "tag";
      const value = squash(m[2]);
      if (value) filters.push({ field, value: field === "kind" ? (kindAlias && kindAlias[value]) || value : value, prefix: lastChunk });
      return;
    }
    const ws = [];
    let phrase = null;
    let lastPos = -2;
    tokens(fold(chunk), 1, 0, (t) => {
      if (!t.cjk) {
        ws.push({ text: t.term, cjk: false });
        return;
      }
      // A run's last character is in its bigram already; a run of one
      // character stands as a prefix.
      if (t.len > 1 && t.last) {
        lastPos = t.pos;
        return;
      }
      if (!phrase || t.pos > lastPos + 1) {
        phrase = [];
        phrases.push(phrase);
      }
      phrase.push({ text: t.term, cjk: true, prefix: t.len === 1, off: t.pos });
      lastPos = t.pos;
    });
    for (const ph of phrases) {
      // The phrase's text, for highlighting: each part's first character,
      // and all of the last part.
      ph.text = ph.map((p, k) => (k === ph.length - 1 ? p.text : Array.from(p.text)[0])).join("");
    }
    ws.forEach((w, j) => {
      w.prefix = lastChunk && j === ws.length - 1 && !phrase;
      w.optional = Array.from(w.text).length < 3 && !w.prefix;
      words.push(w);
    });
  });
  return { filters, words, phrases };
}

// ------------------------------------------------------------ highlight

// foldMap folds text character by character: the folded text and, for
// each of its UTF-16 units, the offset in text it came from.
function foldMap(text) {
  let f = "";
  const map = [];
  let at = 0;
  for (const ch of text) {
    const fc = fold(ch);
    for (let k = 0; k < fc.length; k++) map.push(at);
    f += fc;
    at += ch.length;
  }
  map.push(at);
  return { f, map };
}

// ranges finds the marks in text: [start, end) offsets of text. A mark is a
// folded word ("term"), a prefix ("term*", matching the start of words)
// or a CJK phrase (matching anywhere).
export function ranges(text, marks) {
  if (!marks.length || !text) return [];
  const { f, map } = foldMap(text);
  const out = [];
  const words = new Map();
  const cjk = [];
  for (const m of marks) {
    if (script(Array.from(m)[0])) cjk.push(m);
    else if (m.endsWith("*")) words.set(m.slice(0, -1), "prefix");
    else {
      words.set(m, words.get(m) || "word");
      if (m.length > 3 && m.endsWith("s")) words.set(m.slice(0, -1), words.get(m.slice(0, -1)) || "word");
      words.set(m + "s", words.get(m + "s") || "word");
    }
  }
  if (words.size) {
    const re = /[\p{L}\p{N}\p{M}]+/gu;
    for (const m of f.matchAll(re)) {
      const w = m[0];
      let len = 0;
      for (const [t, how] of words) {
        if (w === t || (how === "prefix" && w.startsWith(t))) len = Math.max(len, how === "prefix" && w !== t ? t.length : w.length);
      }
      if (len) out.push([m.index, m.index + len]);
    }
  }
  for (const c of cjk) {
    for (let i = f.indexOf(c); i >= 0; i = f.indexOf(c, i + c.length)) out.push([i, i + c.length]);
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r.slice());
  }
  return merged.map(([a, b]) => [map[a], map[b]]);
}

function el(tag, props, children) {
  const node = document.createElement(tag);
  for (const k of Object.keys(props || {})) {
    if (k === "text") node.textContent = props[k];
    else if (k === "class") node.className = props[k];
    else node.setAttribute(k, props[k]);
  }
  for (const c of children || []) if (c != null) node.append(c);
  return node;
}

// marked returns text as nodes, the ranges in <mark>.
function marked(text, rs) {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [a, b] of rs) {
    frag.append(text.slice(at, a), el("mark", { text: text.slice(a, b) }));
    at = b;
  }
  frag.append(text.slice(at));
  return frag;
}

const SNIPPET = 180; // characters of a snippet, about

// snippet picks, in a stored document, the section with the most marks
// (the given section first on a tie) and cuts the text around its first.
function snippet(doc, marks, sec) {
  const secs = doc[5] || [];
  let best = null;
  secs.forEach(([id, heading, text], k) => {
    const hr = ranges(heading, marks);
    const tr = ranges(text, marks);
    if (!hr.length && !tr.length) return;
    // The distinct words marked, a heading's counting a half more.
    const seen = new Set(hr.map(([a, b]) => fold(heading.slice(a, b))).concat(tr.map(([a, b]) => fold(text.slice(a, b)))));
    const count = seen.size + (hr.length ? 0.5 : 0) + (k === sec ? 0.25 : 0);
    if (!best || count > best.count) best = { k, id, heading, text, hr, tr, count };
  });
  if (!best) return { id: "", nodes: doc[4] ? marked(doc[4], ranges(doc[4], marks)) : null };
  let { text, tr } = best;
  let start = 0;
  if (tr.length && tr[0][0] > SNIPPET / 3) {
    start = text.lastIndexOf(" ", tr[0][0] - SNIPPET / 3);
    start = start < 0 || tr[0][0] - start > SNIPPET / 2 ? tr[0][0] - Math.floor(SNIPPET / 3) : start + 1;
  }
  let end = Math.min(text.length, start + SNIPPET);
  const cut = text.slice(start, end);
  const rs = tr.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a - start, b - start]);
  const frag = document.createDocumentFragment();
  if (best.heading) frag.append(el("span", { class: "search-section" }, [STRINGS.section, marked(best.heading, best.hr), " "]));
  frag.append(start > 0 ? "…" : "", marked(cut, rs), end < text.length ? "…" : "");
  return { id: best.k > 0 ? best.id : "", nodes: frag };
}

// ---------------------------------------------------------- the search box

export function search() {
  const box = document.querySelector(".search[data-index]");
  const input = document.getElementById("search-input");
  const list = document.getElementById("search-results");
  if (!box || !input || !list) return;
  const root = box.dataset.root || "";
  const base = box.dataset.index.replace(/[^/]*$/, "");
  const status = el("p", { class: "visually-hidden search-status", role: "status" });
  box.append(status);

  const parts = loader(base);
  // The rule, for the tests that hold it against the generator's.
  window.handbookSearchText = { fold, tokens };
  let eng = null; // the engine, once the entry is loaded
  let meta = null;
  let state = "idle"; // idle | loading | ready | failed
  let options = []; // the option elements shown
  let active = -1;
  let timer = 0;
  let lastQuery = null;
  let current = null; // {q, res, shown}
  let seq = 0;

  function load() {
    if (state !== "idle") return;
    state = "loading";
    const s = document.createElement("script");
    s.src = box.dataset.index;
    s.async = true;
    s.onload = () => {
      meta = window.HANDBOOK_SEARCH;
      if (!meta || meta.v !== 2) {
        state = "failed";
      } else {
        eng = engine(meta, parts.load);
        state = "ready";
        // The engine, for measuring it at scale (see the browser tests):
        // resolves to the number of results.
        window.handbookSearch = (q) => eng.run(q).then((r) => r.results.length);
      }
      lastQuery = null;
      if (document.activeElement === input || input.value) run();
      for (const f of waiting.splice(0)) f();
    };
    s.onerror = () => {
      state = "failed";
      lastQuery = null;
      run();
      waiting.length = 0;
    };
    document.head.appendChild(s);
  }

  // whenReady runs f once the engine is ready (never if the index fails
  // to load), loading it if need be.
  const waiting = [];
  function whenReady(f) {
    if (state === "ready") return void f();
    waiting.push(f);
    load();
  }

  // suggest fills the page-not-found page's list (data-suggest) with the
  // pages the missing address may have meant: each word of the address
  // (below the handbook's root) is searched on its own, typos and all,
  // and the pages that match more of its words come first.
  async function suggest(section) {
    let rest = location.pathname;
    const at = new URL(root || "./", location.href).pathname;
    if (rest.startsWith(at)) rest = rest.slice(at.length);
    try {
      rest = decodeURIComponent(rest);
    } catch (e) {
      /* shown as it is */
    }
    const words = Array.from(new Set(fold(rest).split(/[^\p{L}\p{N}]+/u))).filter((w) => w.length > 2 && !/^(index|html?|md)$/.test(w));
    const found = new Map(); // doc → {n: words matched, score}
    for (const w of words.slice(0, 8)) {
      for (const r of (await eng.run(w)).results) {
        const f = found.get(r.doc) || { doc: r.doc, n: 0, score: 0 };
        f.n++;
        f.score += r.score;
        found.set(r.doc, f);
      }
    }
    const best = Array.from(found.values()).sort((a, b) => b.n - a.n || b.score - a.score || a.doc - b.doc).slice(0, SUGGESTIONS);
    if (!best.length) return;
    const groups = Array.from(new Set(best.map((r) => Math.floor(r.doc / meta.group))));
    const stores = new Map(await Promise.all(groups.map(async (g) => [g, await parts.load("s" + g)])));
    const items = best.map((r) => {
      const [url, title, kind] = stores.get(Math.floor(r.doc / meta.group))[r.doc % meta.group];
      return el("li", {}, [
        el("a", { href: href(url, "", []), text: title }),
        meta.kinds[kind] ? el("span", { class: "kind", text: STRINGS.kind(kind, meta.kinds[kind]) }) : null,
      ]);
    });
    section.querySelector("ul").replaceChildren(...items);
    section.hidden = false;
  }

  function href(url, id, marks) {
    let h = root + url;
    // From file:// a folder does not open its index.html by itself.
    if (location.protocol === "file:" && (h === "" || h.endsWith("/"))) h += "index.html";
    h = h || "./";
    if (marks.length) h += "?h=" + encodeURIComponent(marks.join(" "));
    if (id) h += "#" + encodeURIComponent(id);
    return h;
  }

  function open(yes) {
    list.hidden = !yes;
    input.setAttribute("aria-expanded", yes ? "true" : "false");
    if (!yes) setActive(-1);
  }

  function setActive(i, fromMouse) {
    if (active >= 0 && options[active]) {
      options[active].parentNode.classList.remove("active");
      options[active].setAttribute("aria-selected", "false");
    }
    active = i;
    if (i >= 0 && options[i]) {
      const o = options[i];
      o.parentNode.classList.add("active");
      o.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", o.id);
      if (!fromMouse) o.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function message(text) {
    list.replaceChildren(el("li", { class: "search-message", role: "option", "aria-disabled": "true", text }));
    options = [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    status.textContent = text;
    open(true);
  }

  // option makes a result's entry: a link with the option role, in an
  // item without one, so that no control nests in another.
  function option(r, doc, marks, i) {
    const [url, title, kind, st] = doc;
    const badges = [];
    if (meta.kinds[kind]) badges.push(el("span", { class: "kind", text: STRINGS.kind(kind, meta.kinds[kind]) }));
    if (st) badges.push(el("span", { class: "badge status-" + st, text: STRINGS.status(st) }));
    const sn = snippet(doc, marks, r.sec);
    const a = el("a", { href: href(url, sn.id, marks), id: "search-opt-" + i, role: "option", "aria-selected": "false", tabindex: "-1" }, [
      el("span", { class: "search-title" }, [marked(title, ranges(title, marks))]),
      badges.length ? el("span", { class: "search-badges" }, badges) : null,
      sn.nodes ? el("span", { class: "search-snippet" }, [sn.nodes]) : null,
    ]);
    return el("li", { role: "none" }, [a]);
  }

  // show adds the next page of results to the list.
  async function show(cur, first) {
    const page = cur.res.results.slice(cur.shown, cur.shown + PAGE);
    const groups = Array.from(new Set(page.map((r) => Math.floor(r.doc / meta.group))));
    const stores = await Promise.all(groups.map((g) => parts.load("s" + g)));
    if (cur !== current) return;
    const store = new Map(groups.map((g, k) => [g, stores[k]]));
    const items = page.map((r, k) => option(r, store.get(Math.floor(r.doc / meta.group))[r.doc % meta.group], cur.res.marks, cur.shown + k));
    cur.shown += page.length;
    const old = list.querySelector(".search-more");
    if (old) old.remove();
    if (first) {
      list.replaceChildren(...items);
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
    } else list.append(...items);
    options = Array.from(list.querySelectorAll("[role=option]:not([aria-disabled])"));
    const total = cur.res.results.length;
    if (cur.shown < total) {
      const more = el("li", { role: "none", class: "search-more" }, [
        el("button", { type: "button", id: "search-more", role: "option", "aria-selected": "false", tabindex: "-1", text: STRINGS.more(cur.shown, total) }),
      ]);
      list.append(more);
      options.push(more.firstChild);
    }
    status.textContent = cur.shown < total ? STRINGS.showing(cur.shown, total) : STRINGS.count(total);
    list.dataset.query = cur.q; // the query the list shows (tests wait for it)
    list.dataset.shown = String(cur.shown);
    open(true);
  }

  async function more() {
    if (!current || current.shown >= current.res.results.length) return;
    const at = current.shown;
    await show(current, false);
    setActive(Math.min(at, options.length - 1));
  }

  async function run() {
    clearTimeout(timer);
    const q = input.value;
    if (!q.trim()) {
      lastQuery = q;
      current = null;
      list.replaceChildren();
      options = [];
      status.textContent = "";
      open(false);
      return;
    }
    if (state === "idle") load();
    if (state === "loading") return message(STRINGS.loading());
    if (state === "failed") return message(STRINGS.failed());
    if (q === lastQuery) return open(true);
    lastQuery = q;
    const my = ++seq;
    let res;
    try {
      res = await eng.run(q);
    } catch (e) {
      if (my === seq) message(STRINGS.failed());
      return;
    }
    if (my !== seq) return;
    if (!res.results.length) {
      current = null;
      message(STRINGS.none(q.trim()));
      list.dataset.query = q;
      return;
    }
    current = { q, res, shown: 0 };
    try {
      await show(current, true);
    } catch (e) {
      if (my === seq) message(STRINGS.failed());
    }
  }

  function go(i) {
    const o = options[i];
    if (!o) return;
    if (o.id === "search-more") more();
    else window.location.href = o.href;
  }

  input.addEventListener("focus", () => {
    load();
    if (input.value.trim()) run();
  });
  input.addEventListener("input", () => {
    load();
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  input.addEventListener("keydown", (e) => {
    if (e.isComposing) return;
    switch (e.key) {
      case "ArrowDown":
      case "ArrowUp": {
        e.preventDefault();
        if (list.hidden || input.value !== lastQuery) run();
        if (!options.length) return;
        const step = e.key === "ArrowDown" ? 1 : -1;
        setActive(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
        return;
      }
      case "Enter":
        if (input.value !== lastQuery) run();
        if (!list.hidden && options.length) {
          e.preventDefault();
          go(active >= 0 ? active : 0);
        }
        return;
      case "Escape":
        if (!list.hidden) {
          e.preventDefault();
          open(false);
        } else if (input.value) {
          e.preventDefault();
          input.value = "";
          run();
        } else {
          input.blur();
        }
        return;
    }
  });
  list.addEventListener("mousemove", (e) => {
    const o = e.target.closest("[role=option]");
    const i = options.indexOf(o);
    if (i >= 0 && i !== active) setActive(i, true);
  });
  list.addEventListener("click", (e) => {
    if (e.target.closest("#search-more")) {
      e.preventDefault();
      more();
    }
  });
  box.addEventListener("focusout", (e) => {
    if (!box.contains(e.relatedTarget)) open(false);
  });
  const missing = document.querySelector("[data-suggest]");
  if (missing) whenReady(() => suggest(missing).catch(() => {}));
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    load();
    input.focus();
    input.select();
  });
  box.hidden = false;
  // ?search=words opens any page with the box holding them and their
  // results shown: a search to link to, or a browser's keyword search.
  const asked = new URLSearchParams(location.search).get("search");
  if (asked && asked.trim()) {
    input.value = asked;
    input.focus();
    load();
  }
}

// ------------------------------------------------- highlight on the page

// pageHighlight marks the terms a search result passed (?h=) in the page's
// article, with a note that removes the marks.
export function pageHighlight() {
  const params = new URLSearchParams(location.search);
  const h = params.get("h");
  if (!h) return;
  const marks = h.split(/\s+/).filter(Boolean);
  const article = document.querySelector("main article") || document.querySelector("main");
  if (!article || !marks.length) return;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest("script, style, textarea, mark, .anchor, nav, button") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  const hits = [];
  for (const n of nodes) {
    const rs = ranges(n.data, marks);
    if (!rs.length) continue;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [a, b] of rs) {
      const m = el("mark", { class: "search-hit", text: n.data.slice(a, b) });
      frag.append(n.data.slice(at, a), m);
      hits.push(m);
      at = b;
    }
    frag.append(n.data.slice(at));
    n.replaceWith(frag);
  }
  if (!hits.length) return;
  const shown = marks.map((m) => m.replace(/\*$/, "")).join(" ");
  const clear = el("button", { type: "button", class: "search-hits-clear", text: STRINGS.clear() });
  const note = el("p", { class: "search-hits", role: "status" }, [el("span", { text: STRINGS.hits(shown) }), " ", clear]);
  const h1 = article.querySelector("h1");
  if (h1) h1.after(note);
  else article.prepend(note);
  clear.addEventListener("click", () => {
    for (const m of article.querySelectorAll("mark.search-hit")) m.replaceWith(m.textContent);
    article.normalize();
    note.remove();
    params.delete("h");
    const rest = params.toString();
    history.replaceState(null, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
  });
  if (!location.hash) {
    hits[0].scrollIntoView({ block: "center" });
  }
}
