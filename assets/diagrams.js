// Draws the page's diagrams. Only pages whose document has a ```mermaid
// fence load this script, right after the Mermaid bundle (mermaid.js, a
// classic script copied from the npm package the repository pins), so it
// works offline and from file://, and asks no other host for anything.
//
// The build writes each diagram as its escaped source,
// <div class="diagram"><pre class="mermaid">…</pre></div>: that is what a
// reader without JavaScript sees. Here each source is drawn as an SVG beside
// its <pre>, which is hidden and kept for redrawing. A diagram that cannot
// be drawn keeps its source shown, under a short message saying why.
// Diagrams follow the page's theme, and are drawn again when it changes
// (the theme control, or the system's setting).
import { t } from "./i18n.js";

(function () {
  "use strict";

  const mermaid = window.mermaid;
  const frames = Array.prototype.slice.call(document.querySelectorAll("div.diagram"));
  if (!mermaid || frames.length === 0) return;

  const root = document.documentElement;
  const system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  const dark = () =>
    root.dataset.theme === "dark" || (root.dataset.theme !== "light" && !!system && system.matches);

  const grey = () => window.getComputedStyle(root).getPropertyValue("--grey-bg").trim();

  let drawn = null; // the theme the diagrams were last drawn in
  let queue = Promise.resolve();
  let serial = 0;

  // draw draws every diagram in the page's theme, one after the other
  // (Mermaid draws one at a time).
  function draw() {
    const theme = dark() ? "dark" : "default";
    if (theme === drawn) return;
    drawn = theme;
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      suppressErrorRendering: true,
      theme: theme,
      // Mermaid's dark theme puts its edge labels' #ccc text on #585858
      // (4.4:1): the page's own grey ground gives them AA contrast.
      themeVariables: theme === "dark" && grey() ? { edgeLabelBackground: grey() } : {},
      fontFamily: window.getComputedStyle(document.body).fontFamily,
    });
    queue = queue.then(async () => {
      for (const frame of frames) {
        if (drawn !== theme) return; // the theme changed again: a later run draws
        await drawOne(frame);
      }
    });
  }

  async function drawOne(frame) {
    const pre = frame.querySelector("pre.mermaid");
    if (!pre) return;
    let out = frame.querySelector(".diagram-drawn");
    let note = frame.querySelector(".diagram-error");
    try {
      const result = await mermaid.render("diagram-" + ++serial, pre.textContent);
      if (!out) {
        out = document.createElement("div");
        out.className = "diagram-drawn";
        frame.insertBefore(out, pre);
      }
      out.innerHTML = result.svg;
      if (result.bindFunctions) result.bindFunctions(out);
      pre.hidden = true;
      if (note) note.remove();
      frame.dataset.drawn = "";
      delete frame.dataset.failed;
    } catch (e) {
      if (out) out.remove();
      pre.hidden = false;
      if (!note) {
        note = document.createElement("p");
        note.className = "diagram-error";
        frame.insertBefore(note, pre);
      }
      note.textContent = t("diagram_failed", { error: firstLine(e) });
      frame.dataset.failed = "";
      delete frame.dataset.drawn;
    }
  }

  function firstLine(e) {
    const text = String((e && e.message) || e || "unknown error").trim();
    let line = text.split("\n")[0].trim();
    if (line.length > 160) line = line.slice(0, 157) + "…";
    line = line.replace(/[\s:;,]+$/, "");
    return /[.!?…]$/.test(line) ? line : line + ".";
  }

  draw();
  new MutationObserver(draw).observe(root, { attributes: true, attributeFilter: ["data-theme"] });
  if (system && system.addEventListener) system.addEventListener("change", draw);
})();
