// Default theme behaviour. Every feature here is an enhancement: pages are
// complete and readable without JavaScript, and each feature un-hides its
// own controls. Nothing here requests anything from another host; the only
// request made is for the site's own search index, a script that also loads
// from file://.
//
// Storage (localStorage, every access guarded: it may be disabled):
//   handbook:theme                "dark" | "light"
//   handbook:checklist:<doc id>   {"<task id>": true, ...}  (false: a task the
//                                 Markdown ticks that the reader unticked)
//   handbook:path:<path id>       ["<site path>", ...]  pages read on the path
//
// Every word shown comes from the handbook's table of strings (t, from
// i18n.js).
import { t } from "./i18n.js";
import "./layout.js";

(function () {
  "use strict";

  // ---------------------------------------------------------------- helpers

  const store = {
    get(key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    set(key, value) {
      try { window.localStorage.setItem(key, value); } catch (e) { /* full or disabled */ }
    },
    remove(key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* disabled */ }
    },
    json(key) {
      try { return JSON.parse(store.get(key) || "null"); } catch (e) { return null; }
    },
  };

  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.prototype.slice.call((root || document).querySelectorAll(sel));

  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const k of Object.keys(props)) {
        if (k === "text") node.textContent = props[k];
        else if (k === "class") node.className = props[k];
        else node.setAttribute(k, props[k]);
      }
    }
    for (const c of children || []) {
      if (c != null) node.append(c);
    }
    return node;
  }

  // A visually hidden span: read by screen readers, not shown.
  const srOnly = (text) => el("span", { class: "visually-hidden", text });

  function isEditable(t) {
    return !!t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  // ---------------------------------------------------------- theme toggle

  // The inline script in <head> applies a stored choice before paint; this
  // shows the button and switches between dark and light, starting from the
  // system's scheme when nothing is stored.
  function themeToggle() {
    const btn = $("button.theme-toggle");
    if (!btn) return;
    const root = document.documentElement;
    const mq = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    const system = () => (mq && mq.matches ? "dark" : "light");
    const other = (t) => (t === "dark" ? "light" : "dark");
    const chosen = () => (root.dataset.theme === "dark" || root.dataset.theme === "light" ? root.dataset.theme : "");
    const name = { "": t("theme_system"), light: t("theme_light"), dark: t("theme_dark") };
    // The control cycles system, then the theme the system does not show,
    // then the one it does, then back to following the system: the first
    // click always changes what the reader sees.
    const next = () => {
      const c = chosen();
      if (c === "") return other(system());
      return c === system() ? "" : system();
    };
    const show = () => {
      const c = chosen();
      btn.textContent = t("theme_toggle", { theme: name[c] });
      btn.title = t(next() === "" ? "theme_to_system" : next() === "dark" ? "theme_to_dark" : "theme_to_light");
    };
    btn.addEventListener("click", () => {
      const n = next();
      if (n === "") delete root.dataset.theme;
      else root.dataset.theme = n;
      store.set("handbook:theme", n);
      show();
    });
    if (mq && mq.addEventListener) mq.addEventListener("change", show);
    window.addEventListener("storage", (e) => {
      if (e.key !== "handbook:theme") return;
      if (e.newValue === "dark" || e.newValue === "light") root.dataset.theme = e.newValue;
      else delete root.dataset.theme;
      show();
    });
    show();
    btn.hidden = false;
  }


  // ---------------------------------------------------------------- search

  const MAX_RESULTS = 12;
  const NOT_WORD = /[^\p{L}\p{N}]+/gu;
  const words = (s) => (s || "").toLowerCase().split(NOT_WORD).filter(Boolean);
  const squash = (s) => (s || "").toLowerCase().replace(NOT_WORD, "");
  // Field weights: a title match outranks a heading, tags/owner, summary and
  // body, in that order.
  const WEIGHT = { title: 100, id: 100, heading: 40, meta: 25, summary: 12, body: 5 };
  // Statuses whose documents no longer guide anyone: ranked lower.
  const FADED = { superseded: 1, deprecated: 1, rejected: 1, retired: 1 };
  const FILTERS = { status: 1, kind: 1, tag: 1, tags: 1, owner: 1 };
  // The kinds come with the index, from the generator's one table of them:
  // the badge of each kind that shows one, and the other words a kind:
  // filter takes for a kind (folders, labels, plurals).
  let kindBadge = {};
  let kindAlias = Object.create(null);

  function prepareIndex(raw) {
    if (!raw || !Array.isArray(raw.docs)) return null;
    kindBadge = raw.kinds || {};
    kindAlias = Object.create(null);
    for (const [word, kind] of Object.entries(raw.kind_aliases || {})) kindAlias[squash(word)] = squash(kind);
    return raw.docs.map((r) => {
      const [url, title, kind, status, owner, tags, headings, summary, body, ids] = r;
      const tg = Array.isArray(tags) ? tags : [];
      const hs = Array.isArray(headings) ? headings : [];
      return {
        url: url || "", title: title || "", kind: kind || "", status: status || "", owner: owner || "",
        headings: hs, summary: summary || "",
        tW: words(title), hW: hs.map(words), mW: words(tg.join(" ") + " " + (owner || "")),
        sW: words(summary), iW: words(ids), body: " " + (body || "") + " ",
        kindN: squash(kind), statusN: squash(status), ownerN: squash(owner), tagN: tg.map(squash),
      };
    });
  }

  // parseQuery splits a query into field filters and text terms. The last
  // text term (and the value of a last filter) match as prefixes, unless
  // the query ends in a space.
  function parseQuery(q) {
    const tokens = q.trim().split(/\s+/).filter(Boolean);
    const open = !/\s$/.test(q);
    const filters = [];
    const terms = [];
    tokens.forEach((tok, i) => {
      const last = open && i === tokens.length - 1;
      const m = /^([a-z]+):(.*)$/i.exec(tok);
      if (m && FILTERS[m[1].toLowerCase()]) {
        let field = m[1].toLowerCase();
        if (field === "tags") field = "tag";
        const value = squash(m[2]);
        if (value) filters.push({ field, value: field === "kind" ? kindAlias[value] || value : value, prefix: last });
        return;
      }
      const ws = words(tok);
      ws.forEach((w, j) => terms.push({ text: w, prefix: last && j === ws.length - 1 }));
    });
    return { filters, terms };
  }

  function passes(d, f) {
    const eq = (v) => v === f.value || (f.prefix && v.startsWith(f.value));
    switch (f.field) {
      case "status": return eq(d.statusN);
      case "kind": return eq(d.kindN);
      case "tag": return d.tagN.some(eq);
      case "owner": return d.ownerN.includes(f.value);
    }
    return true;
  }

  // hit is 1 for a whole-word match, 0.9 for the same word with or without
  // a plural "s", 0.75 for a prefix of a word (last term only), 0 for none.
  function hit(ws, t) {
    let best = 0;
    for (const w of ws) {
      if (w === t.text) return 1;
      if (w === t.text + "s" || w + "s" === t.text) best = 0.9;
      else if (t.prefix && !best && w.startsWith(t.text)) best = 0.75;
    }
    return best;
  }

  function inBody(body, t) {
    if (body.includes(" " + t.text + " ")) return 1;
    if (body.includes(" " + t.text + "s ") || (t.text.endsWith("s") && body.includes(" " + t.text.slice(0, -1) + " "))) return 0.9;
    return t.prefix && body.includes(" " + t.text) ? 0.75 : 0;
  }

  // scoreTerm scores one term against a document: the best field decides,
  // the others add a little. Returns null when nothing matches.
  function scoreTerm(d, t) {
    const s = { title: 0, id: 0, heading: 0, meta: 0, summary: 0, body: 0 };
    let heading = -1;
    s.title = hit(d.tW, t) * WEIGHT.title;
    s.id = hit(d.iW, t) * WEIGHT.id; // adr-004, 0004, an inline decision's id
    d.hW.forEach((hw, i) => {
      const v = hit(hw, t) * WEIGHT.heading;
      if (v > s.heading) { s.heading = v; heading = i; }
    });
    s.meta = hit(d.mW, t) * WEIGHT.meta;
    s.summary = hit(d.sW, t) * WEIGHT.summary;
    s.body = inBody(d.body, t) * WEIGHT.body;
    let max = 0, sum = 0, field = "";
    for (const k of Object.keys(s)) {
      sum += s[k];
      if (s[k] > max) { max = s[k]; field = k; }
    }
    if (!max) return null;
    return { score: max + 0.1 * (sum - max), field, heading };
  }

  function searchDocs(docs, query) {
    const { filters, terms } = parseQuery(query);
    if (!filters.length && !terms.length) return { results: [], total: 0, terms };
    const phrase = terms.map((t) => t.text).join(" ");
    const out = [];
    for (const d of docs) {
      if (!filters.every((f) => passes(d, f))) continue;
      let score = 1;
      let heading = -1;
      let ok = true;
      for (const t of terms) {
        const r = scoreTerm(d, t);
        if (!r) {
          // Words of one or two letters are not in the body words: they
          // count when they match, and do not exclude a document.
          if (t.text.length < 3 && !t.prefix) continue;
          ok = false;
          break;
        }
        score += r.score;
        if (r.field === "heading" && heading < 0) heading = r.heading;
      }
      if (!ok) continue;
      if (terms.length > 1 && d.tW.join(" ").includes(phrase)) score += 50;
      if (FADED[d.status]) score *= 0.4;
      out.push({ d, score, heading });
    }
    out.sort((a, b) => b.score - a.score || a.d.title.localeCompare(b.d.title));
    return { results: out.slice(0, MAX_RESULTS), total: out.length, terms };
  }

  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  // highlight returns text as nodes with the terms, at word starts, in <mark>.
  function highlight(text, terms) {
    const frag = document.createDocumentFragment();
    if (!terms.length) {
      frag.append(text);
      return frag;
    }
    // A plural term also marks its singular ("sessions": "session").
    const forms = terms.flatMap((t) => (t.text.length > 3 && t.text.endsWith("s") ? [t.text, t.text.slice(0, -1)] : [t.text]));
    const alts = forms.map(escapeRe).sort((a, b) => b.length - a.length).join("|");
    const re = new RegExp("(^|[^\\p{L}\\p{N}])(" + alts + ")", "giu");
    let at = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index + m[1].length;
      frag.append(text.slice(at, start), el("mark", { text: m[2] }));
      at = start + m[2].length;
    }
    frag.append(text.slice(at));
    return frag;
  }

  function search() {
    const box = $(".search[data-index]");
    const input = $("#search-input");
    const list = $("#search-results");
    if (!box || !input || !list) return;
    const root = box.dataset.root || "";
    const status = el("p", { class: "visually-hidden search-status", role: "status" });
    box.append(status);

    let docs = null;      // the prepared index, once loaded
    let state = "idle";   // idle | loading | ready | failed
    let options = [];     // the option elements shown
    let active = -1;
    let timer = 0;
    let lastQuery = null;

    function load() {
      if (state !== "idle") return;
      if (window.HANDBOOK_SEARCH) {
        docs = prepareIndex(window.HANDBOOK_SEARCH);
        state = docs ? "ready" : "failed";
        // The query engine, for measuring it at scale (see the browser tests).
        window.handbookSearch = (q) => searchDocs(docs || [], q);
        return;
      }
      state = "loading";
      const s = document.createElement("script");
      s.src = box.dataset.index;
      s.async = true;
      s.onload = () => {
        docs = prepareIndex(window.HANDBOOK_SEARCH);
        state = docs ? "ready" : "failed";
        // The query engine, for measuring it at scale (see the browser tests).
        window.handbookSearch = (q) => searchDocs(docs || [], q);
        lastQuery = null;
        if (document.activeElement === input || input.value) run();
      };
      s.onerror = () => {
        state = "failed";
        lastQuery = null;
        run();
      };
      document.head.appendChild(s);
    }

    function href(url) {
      let h = root + url;
      // From file:// a folder does not open its index.html by itself.
      if (location.protocol === "file:" && (h === "" || h.endsWith("/"))) h += "index.html";
      return h || "./";
    }

    function open(yes) {
      list.hidden = !yes;
      input.setAttribute("aria-expanded", yes ? "true" : "false");
      if (!yes) setActive(-1);
    }

    function setActive(i, fromMouse) {
      if (active >= 0 && options[active]) {
        options[active].classList.remove("active");
        options[active].setAttribute("aria-selected", "false");
      }
      active = i;
      if (i >= 0 && options[i]) {
        const o = options[i];
        o.classList.add("active");
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

    function render(res) {
      options = res.results.map(({ d, heading }, i) => {
        const badges = [];
        if (kindBadge[d.kind]) badges.push(el("span", { class: "kind", text: kindBadge[d.kind] }));
        if (d.status) badges.push(el("span", { class: "badge status-" + d.status, text: d.status }));
        let snippet = null;
        if (heading >= 0) {
          snippet = el("span", { class: "search-snippet" }, [el("span", { class: "search-section", "aria-hidden": "true", text: "§ " }), highlight(d.headings[heading], res.terms)]);
        } else if (d.summary) {
          snippet = el("span", { class: "search-snippet" }, [highlight(d.summary, res.terms)]);
        }
        const a = el("a", { href: href(d.url), tabindex: "-1" }, [
          el("span", { class: "search-title" }, [highlight(d.title, res.terms)]),
          badges.length ? el("span", { class: "search-badges" }, badges) : null,
          snippet,
        ]);
        return el("li", { id: "search-opt-" + i, role: "option", "aria-selected": "false" }, [a]);
      });
      list.replaceChildren(...options);
      active = -1;
      input.removeAttribute("aria-activedescendant");
      const n = res.total;
      status.textContent = n > MAX_RESULTS ? "Showing " + MAX_RESULTS + " of " + n + " results" : n + (n === 1 ? " result" : " results");
      open(true);
    }

    function run() {
      clearTimeout(timer);
      const q = input.value;
      if (!q.trim()) {
        lastQuery = q;
        list.replaceChildren();
        options = [];
        status.textContent = "";
        open(false);
        return;
      }
      if (state === "idle") load();
      if (state === "loading") return message("Loading the search index…");
      if (state === "failed") return message("The search index could not be loaded.");
      if (q === lastQuery) return open(true);
      lastQuery = q;
      list.dataset.query = q; // the query the list shows (tests wait for it)
      const res = searchDocs(docs, q);
      if (!res.total) return message("No results for “" + q.trim() + "”");
      render(res);
    }

    function go(i) {
      const a = options[i] && options[i].querySelector("a");
      if (a) window.location.href = a.href;
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
      const li = e.target.closest("li[role=option]");
      const i = options.indexOf(li);
      if (i >= 0 && i !== active) setActive(i, true);
    });
    list.addEventListener("click", (e) => {
      const li = e.target.closest("li[role=option]");
      if (li && !e.target.closest("a")) go(options.indexOf(li));
    });
    box.addEventListener("focusout", (e) => {
      if (!box.contains(e.relatedTarget)) open(false);
    });
    document.addEventListener("keydown", (e) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isEditable(e.target)) return;
      e.preventDefault();
      load();
      input.focus();
      input.select();
    });
    box.hidden = false;
  }

  // ------------------------------------------------------------ checklists

  // taskText is the plain text of a task item, without its nested lists.
  function taskText(box) {
    const li = box.closest("li");
    if (!li) return box.getAttribute("aria-label") || "";
    const copy = li.cloneNode(true);
    for (const n of copy.querySelectorAll("ul, ol, input")) n.remove();
    return copy.textContent.replace(/\s+/g, " ").trim() || box.getAttribute("aria-label") || "";
  }

  // checklistMarkdown writes the checklist as Markdown: the title, the h2/h3
  // headings and the tasks, ticked or not, with blank lines between blocks.
  function checklistMarkdown(title, content) {
    const blocks = [];
    let run = null;
    for (const n of $$("h2, h3, input[type=checkbox][data-task]", content)) {
      if (n.tagName === "INPUT") {
        if (!run) blocks.push((run = []));
        let depth = 0;
        for (let p = n.closest("li").parentElement; p && p !== content; p = p.parentElement) {
          if (p.tagName === "LI") depth++;
        }
        run.push("  ".repeat(depth) + "- [" + (n.checked ? "x" : " ") + "] " + taskText(n));
      } else {
        run = null;
        // A heading's text without its permalink's "#".
        const text = Array.from(n.childNodes).filter((c) => !(c.nodeType === 1 && c.classList.contains("anchor")));
        blocks.push((n.tagName === "H2" ? "## " : "### ") + text.map((c) => c.textContent).join("").replace(/\s+/g, " ").trim());
      }
    }
    return ["# " + title].concat(blocks.map((b) => (Array.isArray(b) ? b.join("\n") : b))).join("\n\n") + "\n";
  }

  // label puts a task's box and the text after it, up to the first block
  // (a nested list, a paragraph), in a label: clicking the text ticks it.
  function label(box) {
    if (box.closest("label")) return;
    const l = el("label", { class: "task" });
    const move = [];
    for (let n = box; n && !(n.nodeType === 1 && /^(UL|OL|DIV|P|PRE|TABLE|BLOCKQUOTE|DL)$/.test(n.tagName)); n = n.nextSibling) {
      move.push(n);
    }
    box.before(l);
    l.append(...move);
  }

  function checklists() {
    const tools = $(".checklist-tools[data-checklist]");
    if (!tools) return;
    const article = tools.closest("article") || document;
    const content = $(".content", article);
    if (!content) return;
    const key = "handbook:checklist:" + tools.dataset.checklist;
    const boxes = $$("input[type=checkbox][data-task]", content);
    const progress = $("progress", tools);
    const count = $(".checklist-count", tools);
    const copyBtn = $("button[data-action=copy]", tools);
    const resetBtn = $("button[data-action=reset]", tools);
    const area = $("textarea.checklist-markdown", tools);
    let undo = null;       // the saved state before a reset, while it can be undone
    let undoTimer = 0;

    function saved() {
      const v = store.json(key);
      return v && typeof v === "object" && !Array.isArray(v) ? v : {};
    }
    // apply sets the boxes from a saved state: ids that are gone are
    // ignored, new tasks keep the state the Markdown gives them.
    function apply(state) {
      for (const b of boxes) {
        const v = state[b.dataset.task];
        b.checked = v === true ? true : v === false ? false : b.defaultChecked;
      }
      update();
    }
    function current() {
      const state = {};
      for (const b of boxes) {
        if (b.checked) state[b.dataset.task] = true;
        else if (b.defaultChecked) state[b.dataset.task] = false;
      }
      return state;
    }
    function save() {
      const state = current();
      if (Object.keys(state).length) store.set(key, JSON.stringify(state));
      else store.remove(key);
    }
    function update() {
      const done = boxes.filter((b) => b.checked).length;
      if (progress) {
        progress.max = boxes.length || 1;
        progress.value = done;
      }
      if (count) count.textContent = t("checklist_count", { done, total: boxes.length });
      if (area && !area.hidden) area.value = checklistMarkdown(title(), content);
    }
    function endUndo() {
      clearTimeout(undoTimer);
      undo = null;
      if (resetBtn) resetBtn.textContent = t("reset");
    }
    const title = () => {
      const h = $("h1", article);
      return h ? h.textContent.replace(/\s+/g, " ").trim() : document.title;
    };

    for (const b of boxes) {
      b.disabled = false;
      b.removeAttribute("disabled");
      label(b);
    }
    apply(saved());
    content.addEventListener("change", (e) => {
      if (!e.target.matches || !e.target.matches("input[type=checkbox][data-task]")) return;
      endUndo();
      save();
      update();
    });
    window.addEventListener("storage", (e) => {
      if (e.key === key) apply(saved());
    });
    // Reset takes effect at once and can be undone for a while: no dialog.
    if (resetBtn) {
      resetBtn.addEventListener("click", () => {
        if (undo) {
          const prev = undo;
          endUndo();
          apply(prev);
          save();
          return;
        }
        const prev = current();
        for (const b of boxes) b.checked = false;
        save();
        update();
        undo = prev;
        resetBtn.textContent = t("undo_reset");
        undoTimer = setTimeout(endUndo, 10000);
      });
    }
    if (copyBtn && area) {
      copyBtn.addEventListener("click", () => {
        const md = checklistMarkdown(title(), content);
        area.value = md;
        area.rows = Math.min(Math.max(md.split("\n").length, 4), 16);
        area.hidden = false;
        area.focus();
        area.select();
        const label = t("copy_markdown");
        try {
          const p = navigator.clipboard && navigator.clipboard.writeText(md);
          if (p && p.then) {
            p.then(() => {
              copyBtn.textContent = t("copied");
              setTimeout(() => { copyBtn.textContent = label; }, 2000);
            }, () => { /* not allowed: the text stays selected below */ });
          }
        } catch (e) { /* no clipboard: the text stays selected below */ }
      });
    }
    tools.hidden = false;
  }

  // ------------------------------------------------------------ code blocks

  // Copies text: the Clipboard API where the page may use it, else a
  // selected textarea and the copy command. Resolves true when copied.
  function copyText(text) {
    const fallback = () => {
      const area = el("textarea", { class: "visually-hidden", "aria-hidden": "true", tabindex: "-1" });
      area.value = text;
      document.body.append(area);
      area.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { /* not supported */ }
      area.remove();
      return ok;
    };
    try {
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(text).then(() => true, fallback);
      }
    } catch (e) { /* fall through */ }
    return Promise.resolve(fallback());
  }

  // Every code block (<div class="code">, written by the build) gets a Copy
  // button, which says "Copied" for a moment; the frame's data-copied holds
  // the number of copies made, for tests and styles.
  function codeBlocks() {
    for (const frame of $$(".content div.code")) {
      const code = $("pre code", frame) || $("pre", frame);
      if (!code || $("button.code-copy", frame)) continue;
      const status = el("span", { class: "visually-hidden", role: "status" });
      const btn = el("button", { type: "button", class: "code-copy", text: t("copy") });
      let timer = 0;
      btn.addEventListener("click", () => {
        copyText(code.textContent.replace(/\n$/, "")).then((ok) => {
          btn.textContent = ok ? t("copied") : t("copy_press");
          status.textContent = ok ? t("copied_clipboard") : "";
          if (ok) frame.dataset.copied = String(Number(frame.dataset.copied || 0) + 1);
          if (!ok) {
            const range = document.createRange();
            range.selectNodeContents(code);
            const sel = window.getSelection();
            sel.removeAllRanges();
            sel.addRange(range);
          }
          clearTimeout(timer);
          timer = setTimeout(() => { btn.textContent = t("copy"); status.textContent = ""; }, 2000);
        });
      });
      frame.append(btn, status);
    }
  }

  // --------------------------------------------------------- reading paths

  function readList(id) {
    const v = store.json("handbook:path:" + id);
    return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
  }

  const readMark = () => el("span", { class: "read-mark", title: t("read") }, [el("span", { "aria-hidden": "true", text: "✓" }), srOnly(t("read_mark"))]);

  function readingPaths() {
    // A page on a path is marked read on every path it is part of when the
    // reader reaches its end, or marks it with the bar's button, which
    // also un-marks it.
    const bars = $$("nav.pathbar[data-path]").filter((bar) => bar.dataset.url != null);
    const setRead = (yes) => {
      for (const bar of bars) {
        const read = readList(bar.dataset.path).filter((u) => u !== bar.dataset.url);
        if (yes) read.push(bar.dataset.url);
        store.set("handbook:path:" + bar.dataset.path, JSON.stringify(read));
      }
      show();
    };
    const isRead = () => bars.length > 0 && readList(bars[0].dataset.path).includes(bars[0].dataset.url);
    const show = () => {
      const yes = isRead();
      for (const bar of bars) {
        const pos = $(".path-pos", bar);
        const mark = $(".read-mark", bar);
        if (yes && pos && !mark) pos.append(" ", readMark());
        if (!yes && mark) mark.remove();
        const btn = $("button.path-mark", bar);
        if (btn) {
          btn.textContent = yes ? t("mark_unread") : t("mark_read");
          btn.setAttribute("aria-pressed", yes ? "true" : "false");
        }
      }
    };
    for (const bar of bars) {
      const btn = $("button.path-mark", bar);
      if (!btn) continue;
      btn.addEventListener("click", () => setRead(!isRead()));
      btn.hidden = false;
    }
    if (bars.length) {
      show();
      const article = $("main article") || $("main");
      if (article && "IntersectionObserver" in window) {
        const end = el("div", { class: "path-end", "aria-hidden": "true" });
        article.append(end);
        // Only once: a step the reader un-marks stays unread.
        const seen = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            seen.disconnect();
            if (!isRead()) setRead(true);
          }
        });
        seen.observe(end);
      }
    }
    // The path page marks the steps read and counts them.
    for (const ol of $$("ol.steps[data-path]")) {
      const read = readList(ol.dataset.path);
      const steps = $$("li[data-url]", ol);
      let n = 0;
      for (const li of steps) {
        const done = read.includes(li.dataset.url);
        li.classList.toggle("done", done);
        // The step's circle shows a ✓ (CSS); screen readers hear "(read)".
        const mark = $(".read-mark", li);
        if (done && !mark) {
          const a = $("a", li);
          if (a) a.after(el("span", { class: "read-mark visually-hidden", text: " " + t("read_mark") }));
        } else if (!done && mark) {
          mark.remove();
        }
        if (done) n++;
      }
      const article = ol.closest("article") || document;
      const out = $(".path-progress", article);
      if (out) out.textContent = " · " + t("read_count", { read: n, total: steps.length });
    }
  }

  // ------------------------------------------------------- file:// links

  // fileLinks makes the site browsable from disk: a browser opening a
  // folder from file:// lists it instead of opening its index.html, so
  // links to folders get index.html appended there.
  function fileLinks() {
    if (location.protocol !== "file:") return;
    document.querySelectorAll("a[href]").forEach((a) => {
      const h = a.getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(h)) return;
      const [path, frag] = h.split("#");
      if (path === "" || path.endsWith("/")) {
        a.setAttribute("href", path + "index.html" + (frag !== undefined ? "#" + frag : ""));
      }
    });
  }

  // ------------------------------------------------------------ review due

  // A "review due" badge carries the day of the document's last review and
  // its review period: whether it is due is decided on the day the page is
  // read, not the day the site was built (which decided it without script).
  function reviewDue() {
    const today = Date.now();
    document.querySelectorAll(".badge.stale[data-review-last]").forEach((b) => {
      const last = Date.parse(b.dataset.reviewLast + "T00:00:00Z");
      const days = Number(b.dataset.reviewDays);
      if (isNaN(last) || !(days > 0)) return;
      b.hidden = Math.floor((today - last) / 86400000) <= days;
    });
  }

  // ------------------------------------------------------------------ start

  function start() {
    for (const f of [fileLinks, themeToggle, search, checklists, codeBlocks, readingPaths, reviewDue]) {
      try {
        f();
      } catch (e) {
        // One feature failing leaves the others, and the page, working.
        if (window.console) console.error("handbook:", f.name, e);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
