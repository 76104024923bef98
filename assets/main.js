import { search, pageHighlight } from "./search.js";

// Default theme behaviour. Every feature here is an enhancement: pages are
// complete and readable without JavaScript, and each feature un-hides its
// own controls. Nothing here requests anything from another host; the only
// requests made are for the site's own search index (search.js), scripts
// that also load from file://.
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
import { drawer, toc, decisionIndex } from "./layout.js";

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
    for (const f of [drawer, toc, decisionIndex, fileLinks, themeToggle, search, pageHighlight, checklists, codeBlocks, readingPaths, reviewDue]) {
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
