// The page's frame: the navigation drawer on narrow screens, the table of
// contents (open in its rail on wide screens, with the section in view
// marked) and the decision index's filters and sortable table, started by
// main.js; like the rest of the theme's script, each part is an
// enhancement of a page that reads complete without it.

import { t } from "./i18n.js";

// The width from which the sidebar sits beside the page (main.css: 64rem)
// and the table of contents has its rail (75rem).
const WIDE = "(min-width: 64rem)";
const RAIL = "(min-width: 75rem)";

const $ = (sel, root) => (root || document).querySelector(sel);
const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

// ------------------------------------------------------------------ drawer

// drawer makes the header's Menu button open the sidebar (the sections and
// the main menu) as a drawer over the page. Escape, a click outside it, the
// close button, or widening the window to where the sidebar shows closes
// it; focus goes into it when it opens and back to the button when it
// closes from the keyboard or the close button.
export function drawer() {
  const btn = $("button.nav-toggle[aria-controls]");
  const nav = btn && document.getElementById(btn.getAttribute("aria-controls"));
  if (!nav) return;
  const wide = window.matchMedia(WIDE);
  const backdrop = document.createElement("div");
  backdrop.className = "drawer-backdrop";
  backdrop.hidden = true;
  nav.after(backdrop);
  const close = document.createElement("button");
  close.type = "button";
  close.className = "drawer-close";
  close.textContent = t("close");
  nav.prepend(close);

  const isOpen = () => btn.getAttribute("aria-expanded") === "true";
  function set(open, refocus) {
    btn.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("open", open);
    backdrop.hidden = !open;
    // The page behind stays still while the drawer is open.
    document.documentElement.classList.toggle("drawer-open", open);
    if (open) {
      // The current page's link if the drawer lists it, else its first link.
      const target = $('a[aria-current="page"]', nav) || $("a", nav) || close;
      target.focus({ preventScroll: false });
    } else if (refocus) {
      btn.focus();
    }
  }
  btn.addEventListener("click", () => set(!isOpen(), false));
  close.addEventListener("click", () => set(false, true));
  backdrop.addEventListener("click", () => set(false, false));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && isOpen()) {
      e.preventDefault();
      set(false, true);
    }
  });
  // A click or a tap anywhere else (the header's search, say) closes it.
  document.addEventListener("pointerdown", (e) => {
    if (isOpen() && !nav.contains(e.target) && !btn.contains(e.target)) set(false, false);
  });
  // Tabbing out of the drawer closes it, and the page goes on from there.
  nav.addEventListener("focusout", (e) => {
    if (isOpen() && e.relatedTarget && !nav.contains(e.relatedTarget) && e.relatedTarget !== btn) set(false, false);
  });
  const onWidth = () => { if (wide.matches && isOpen()) set(false, false); };
  if (wide.addEventListener) wide.addEventListener("change", onWidth);
  btn.hidden = false;
}

// ------------------------------------------------------- table of contents

// toc keeps the table of contents open where it is a rail (wide screens)
// and folded above the body elsewhere, and marks with aria-current the link
// of the section being read: the last heading above the top fifth of the
// window, or the last one when the page is scrolled to its end.
export function toc() {
  const box = $("details.toc");
  if (!box) return;
  const rail = window.matchMedia(RAIL);
  const summary = box.querySelector("summary");
  // In the rail the summary is a heading, not a control: out of the tab order.
  const fit = () => {
    box.open = rail.matches;
    if (summary) summary.tabIndex = rail.matches ? -1 : 0;
  };
  fit();
  if (rail.addEventListener) rail.addEventListener("change", fit);

  const links = $$('a[href^="#"]', box);
  const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  if (!links.length || targets.some((t) => !t)) return;
  let current = -1;
  let queued = false;
  function mark() {
    queued = false;
    const line = window.innerHeight / 5;
    let i = -1;
    for (let j = 0; j < targets.length; j++) {
      if (targets[j].getBoundingClientRect().top <= line) i = j;
      else break;
    }
    const end = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    if (end && targets[targets.length - 1].getBoundingClientRect().top < window.innerHeight) i = targets.length - 1;
    if (i === current) return;
    if (current >= 0) links[current].removeAttribute("aria-current");
    current = i;
    if (i >= 0) {
      const a = links[i];
      a.setAttribute("aria-current", "true");
      // Keep the marked link in view inside a rail that scrolls.
      if (rail.matches && box.scrollHeight > box.clientHeight) {
        const r = a.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        if (r.top < b.top || r.bottom > b.bottom) box.scrollTop += r.top - b.top - b.height / 3;
      }
    }
  }
  const queue = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(mark);
    }
  };
  window.addEventListener("scroll", queue, { passive: true });
  window.addEventListener("resize", queue);
  window.addEventListener("hashchange", queue);
  mark();
}

// -------------------------------------------------------- decision index

// decisionIndex filters the decision table by status, area, owner, year
// and text, sorts it by a column header, and keeps both in the address
// (?status=accepted&q=kafka&sort=-date), so a filtered, sorted view can be
// shared. Each row carries its status, area, owner and year as data
// attributes; a cell's data-sort, where it has one, is the value it sorts
// by (a status's rank, an ISO date).
export function decisionIndex() {
  const table = $("table.decision-table");
  const form = $("form.decision-filter");
  if (!table && !form) return;
  const rows = table ? $$("tbody tr[data-status]", table) : [];
  const body = table && $("tbody", table);
  const order = rows.slice(); // the page's own order, when no sort is asked
  const none = $(".filter-none");
  const fields = ["status", "area", "owner", "year"];
  const params = new URLSearchParams(location.search);
  // The text filter reads the visible text of each row (id, title,
  // status, date, area, owner), folded once.
  const folded = rows.map((tr) => tr.textContent.toLowerCase());
  const heads = table ? $$("thead th[data-sort-key]", table) : [];
  let sort = params.get("sort") || "";

  function address() {
    // The page's other parameters (a search's ?search=, its highlight's
    // ?h=) stay.
    const q = new URLSearchParams(location.search);
    for (const f of [...fields, "q", "sort"]) q.delete(f);
    if (form) {
      for (const f of fields) if (form.elements[f] && form.elements[f].value) q.set(f, form.elements[f].value);
      const text = form.elements.q && form.elements.q.value.trim();
      if (text) q.set("q", text);
    }
    if (sort) q.set("sort", sort);
    const s = q.toString();
    history.replaceState(null, "", s ? "?" + s : location.pathname);
  }

  function filter() {
    if (!form) return;
    const want = {};
    for (const f of fields) want[f] = form.elements[f] ? form.elements[f].value : "";
    const words = form.elements.q ? form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
    let shown = 0;
    rows.forEach((tr, i) => {
      const ok = fields.every((f) => !want[f] || tr.dataset[f] === want[f]) &&
        words.every((w) => folded[i].includes(w));
      tr.hidden = !ok;
      if (ok) shown++;
    });
    const out = $(".filter-count", form);
    if (out) out.textContent = t("filter_count", { shown, total: rows.length });
    if (none) none.hidden = shown > 0 || rows.length === 0;
    if (table) table.hidden = shown === 0 && rows.length > 0;
  }

  const key = (tr, col) => {
    const cell = tr.cells[col];
    if (!cell) return "";
    return cell.dataset.sort != null ? cell.dataset.sort : cell.textContent.trim().toLowerCase();
  };
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function sortRows() {
    const desc = sort.startsWith("-");
    const name = desc ? sort.slice(1) : sort;
    const th = heads.find((h) => h.dataset.sortKey === name);
    for (const h of heads) {
      if (h === th) h.setAttribute("aria-sort", desc ? "descending" : "ascending");
      else h.removeAttribute("aria-sort");
    }
    let list = order;
    if (th) {
      const col = th.cellIndex;
      // Empty values go last whichever the direction; ties keep the page's order.
      list = order.slice().sort((a, b) => {
        const x = key(a, col);
        const y = key(b, col);
        if (!x !== !y) return x ? -1 : 1;
        const c = collator.compare(x, y);
        return desc ? -c : c;
      });
    } else {
      sort = "";
    }
    for (const tr of list) body.append(tr);
  }

  // Each sortable header gets a button: ascending first, then descending,
  // then back to the page's order.
  for (const th of heads) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "sort";
    b.append(...th.childNodes);
    th.append(b);
    // The header's arrow, outside the button, sorts too.
    th.addEventListener("click", (e) => { if (e.target === th) b.click(); });
    b.addEventListener("click", () => {
      const name = th.dataset.sortKey;
      sort = sort === name ? "-" + name : sort === "-" + name ? "" : name;
      sortRows();
      address();
    });
  }

  if (form) {
    for (const f of fields) {
      const v = params.get(f);
      if (v && form.elements[f]) form.elements[f].value = v;
    }
    if (form.elements.q && params.get("q")) form.elements.q.value = params.get("q");
    form.addEventListener("change", () => { filter(); address(); });
    if (form.elements.q) form.elements.q.addEventListener("input", () => { filter(); address(); });
    form.addEventListener("submit", (e) => e.preventDefault());
    form.hidden = false;
  }
  if (table) sortRows();
  filter();
  if (params.toString()) address();
}
