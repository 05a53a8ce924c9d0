/* Balanced-scorecard portal: sort and filter the units table without a server.
 * Tables marked with th[data-sort] get sort buttons (data-sort="num" sorts numbers, using each
 * cell's data-value when present); a .bsc-filter[data-table=<id>] above a table filters its rows
 * by text (data-name), kind, stage and benchmark.
 * Wide tables scroll inside their own box (.bsc-scroll; a table outside one is wrapped in one),
 * and a box with more to see says so: a hint above it and a faded edge on the side that has more.
 * Print buttons: data-print="page" prints the page, data-print="<heading id>" only that heading
 * and what follows it up to the next heading (one indicator card).
 * Texts come from window.bscText (the message catalogue, via theme/main.html).
 * No external scripts, no network. */
(function () {
  "use strict";

  /* the interface texts, in the portal's language: set by theme/main.html from the catalogue */
  function uiText(key) {
    return (window.bscText && window.bscText[key]) || "";
  }

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? -Infinity : "";
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    if (numeric) {
      var n = parseFloat(raw);
      return isNaN(n) ? -Infinity : n;
    }
    return raw.trim();
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      button.title = uiText("sort_by").replace("{head}", th.textContent);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = kind === "num";
        var collator = window.Intl && Intl.Collator ? new Intl.Collator(uiText("collator") || undefined) : null;
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          var c = numeric ? x - y : (collator ? collator.compare(x, y) : (x < y ? -1 : x > y ? 1 : 0));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function makeFilter(bar) {
    var table = document.getElementById(bar.getAttribute("data-table"));
    if (!table) return;
    var text = bar.querySelector("[data-filter=text]");
    var kind = bar.querySelector("[data-filter=kind]");
    var stage = bar.querySelector("[data-filter=stage]");
    var bench = bar.querySelector("[data-filter=benchmark]");
    var count = bar.querySelector(".bsc-filter__count");
    function apply() {
      var q = text ? text.value.trim().toLowerCase() : "";
      var shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = (!q || (row.getAttribute("data-name") || "").toLowerCase().indexOf(q) >= 0)
          && (!kind || !kind.value || row.getAttribute("data-kind") === kind.value)
          && (!stage || !stage.value || row.getAttribute("data-stage") === stage.value)
          && (!bench || !bench.checked || row.getAttribute("data-benchmark") === "yes");
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = uiText(rows.length === 1 ? "units_shown_one" : "units_shown")
        .replace("{shown}", shown).replace("{total}", rows.length);
    }
    [text, kind, stage, bench].forEach(function (el) {
      if (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); }
    });
    apply();
  }

  function wrapWideTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table.bsc-table"), function (t) {
      if (t.closest(".bsc-scroll")) return;
      var box = document.createElement("div");
      box.className = "bsc-scroll";
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      var caption = t.caption ? t.caption.textContent.trim() : "";
      box.setAttribute("aria-label", caption || uiText("table"));
      t.parentNode.insertBefore(box, t);
      box.appendChild(t);
    });
  }

  function scrollCue(box) {
    var hint = null;
    function update() {
      var more = box.scrollWidth - box.clientWidth > 2;
      var left = box.scrollLeft > 2;
      var right = box.scrollLeft + box.clientWidth < box.scrollWidth - 2;
      box.classList.toggle("bsc-scroll--more-left", more && left);
      box.classList.toggle("bsc-scroll--more-right", more && right);
      if (more && !hint) {
        hint = document.createElement("p");
        hint.className = "bsc-scroll-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = uiText("wide_table");
        box.parentNode.insertBefore(hint, box);
      }
      if (hint) hint.hidden = !more;
    }
    box.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    update();
  }

  function printPart(button) {
    var which = button.getAttribute("data-print");
    if (which === "page") { window.print(); return; }
    var head = document.getElementById(which);
    if (!head) { window.print(); return; }
    var marked = [head];
    for (var el = head.nextElementSibling; el && !/^H[1-3]$/.test(el.tagName); el = el.nextElementSibling) {
      marked.push(el);
    }
    marked.forEach(function (el) { el.classList.add("bsc-print-target"); });
    document.body.classList.add("bsc-print-one");
    function done() {
      marked.forEach(function (el) { el.classList.remove("bsc-print-target"); });
      document.body.classList.remove("bsc-print-one");
      window.removeEventListener("afterprint", done);
    }
    window.addEventListener("afterprint", done);
    window.print();
  }

  function init() {
    document.documentElement.classList.add("bsc-js");
    Array.prototype.forEach.call(document.querySelectorAll("table.bsc-table"), function (t) {
      if (t.querySelector("th[data-sort]")) makeSortable(t);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".bsc-filter[data-table]"), makeFilter);
    wrapWideTables();
    Array.prototype.forEach.call(document.querySelectorAll(".bsc-scroll"), scrollCue);
    Array.prototype.forEach.call(document.querySelectorAll("button[data-print]"), function (b) {
      b.addEventListener("click", function () { printPart(b); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
