// handbook serve: live reload and the error overlay. Injected by serve
// only; never part of a built site.
(function () {
  "use strict";
  var version = null;
  var overlay = null;
  var broken = false; // the last build failed, whether or not the overlay was closed

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function showOverlay(errors, asBuilt) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "handbook-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#2b0d0d;color:#ffe9e9;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;" +
        "border-top:4px solid #ff5c5c;box-shadow:0 -4px 24px rgba(0,0,0,.4)";
      document.body.appendChild(overlay);
    }
    var html = '<button type="button" aria-label="Close" title="Close (it comes back on the next failed build)" ' +
      'style="float:right;font:inherit;font-size:1.25rem;line-height:1;background:none;border:0;color:inherit;cursor:pointer">\u00d7</button>' +
      (asBuilt ? "<strong>The handbook has " + errors.length + (errors.length === 1 ? " error" : " errors") +
        "; the page is shown as it was built. Each save shows its pages until a build succeeds.</strong>" :
        "<strong>The last save broke the build; this is the last good version of the page.</strong>");
    errors.forEach(function (e) {
      html += '<div style="margin-top:.75rem"><div><span style="color:#ffb3b3">' + esc(e.path) + ":" + e.line + ":" + e.col +
        "</span>: " + esc(e.severity) + ": " + esc(e.message) + "</div>";
      if (e.source) html += '<pre style="margin:.25rem 0;color:#fff;background:#1a0606;padding:.25rem .5rem;white-space:pre-wrap">' + esc(e.source) + "</pre>";
      if (e.hint) html += '<div style="color:#ffd27a">hint: ' + esc(e.hint) + "</div>";
      html += "</div>";
    });
    overlay.innerHTML = html;
    overlay.querySelector("button").onclick = hideOverlay;
  }

  function hideOverlay() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function here() {
    return decodeURIComponent(location.pathname).replace(/index\.html$/, "");
  }

  function swapCSS(href) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (l) {
      // Relative from the page: "assets/…" at the root, "../assets/…" below.
      if (/(^|\/)assets\/[^/]+\.css$/.test(l.getAttribute("href") || "")) {
        var abs = new URL(href, location.origin).href;
        l.href = abs;
      }
    });
  }

  var es = new EventSource("/__handbook/events");
  es.onmessage = function (msg) {
    var ev = JSON.parse(msg.data);
    if (ev.errors && ev.errors.length) {
      // A site shown as built, errors and all, has new pages to load.
      var reload = ev.asBuilt && version !== null && ev.version !== version &&
        (ev.all || (ev.changed || []).indexOf(here()) >= 0);
      broken = true;
      version = ev.version;
      if (reload) {
        location.reload();
        return;
      }
      showOverlay(ev.errors, ev.asBuilt);
      return;
    }
    var had = broken;
    broken = false;
    hideOverlay();
    if (version === null || ev.version === version) {
      version = ev.version;
      return;
    }
    version = ev.version;
    if (ev.css) {
      swapCSS(ev.css);
      return;
    }
    var changed = ev.changed || [];
    if (had || ev.all || changed.indexOf(here()) >= 0) location.reload();
  };
})();
