// Default theme behaviour. Every feature here is an enhancement: pages are
// complete and readable without JavaScript.
(function () {
  "use strict";

  // Decision index: filter the grouped lists by status, area, owner and year.
  function decisionFilter() {
    var form = document.querySelector("form.decision-filter");
    if (!form) return;
    form.hidden = false;
    var items = Array.prototype.slice.call(document.querySelectorAll(".decision-list li[data-status]"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".decision-group"));
    var out = form.querySelector(".filter-count");
    var fields = ["status", "area", "owner", "year"];

    function apply() {
      var want = {};
      fields.forEach(function (f) { want[f] = form.elements[f].value; });
      var shown = 0;
      items.forEach(function (li) {
        var ok = fields.every(function (f) { return !want[f] || li.dataset[f] === want[f]; });
        li.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (g) {
        g.hidden = !g.querySelector(".decision-list li[data-status]:not([hidden])");
      });
      out.textContent = shown + " of " + items.length + " shown";
      var params = new URLSearchParams();
      fields.forEach(function (f) { if (want[f]) params.set(f, want[f]); });
      var q = params.toString();
      history.replaceState(null, "", q ? "?" + q : location.pathname);
    }

    var initial = new URLSearchParams(location.search);
    fields.forEach(function (f) {
      if (initial.get(f)) form.elements[f].value = initial.get(f);
    });
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", decisionFilter);
  } else {
    decisionFilter();
  }
})();
