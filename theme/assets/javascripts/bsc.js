/* Balanced-scorecard portal: sort and filter the units table without a server.
 * Tables marked with th[data-sort] get sort buttons (data-sort="num" sorts numbers, using each
 * cell's data-value when present); a .bsc-filter[data-table=<id>] above a table filters its rows
 * by text (data-name), kind, stage and benchmark. No external scripts, no network. */
(function () {
  "use strict";

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
      button.title = "按“" + th.textContent + "”排序";
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = kind === "num";
        var collator = window.Intl && Intl.Collator ? new Intl.Collator("zh-Hans-CN") : null;
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
      if (count) count.textContent = "显示 " + shown + " / " + rows.length + " 个单位";
    }
    [text, kind, stage, bench].forEach(function (el) {
      if (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); }
    });
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table.bsc-table"), function (t) {
      if (t.querySelector("th[data-sort]")) makeSortable(t);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".bsc-filter[data-table]"), makeFilter);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
