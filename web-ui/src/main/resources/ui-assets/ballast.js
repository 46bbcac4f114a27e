// Ballast web UI behaviour, loaded by every page (no inline script: the CSP forbids it).
// 1. htmx requests carry the session's CSRF token (from <body data-csrf>).
// 2. Charts: an element <div class="chart" data-chart="ID"> is drawn with uPlot from the JSON in
//    <script type="application/json" id="ID">, shaped
//      {"kind": "lines"|"bars", "x": [...], "xLabel": "step", "time": false, "yLabel": "value",
//       "series": [{"label": "loss", "values": [...]}, ...]}
//    ("time": true treats x as epoch seconds). Drawn charts get data-drawn="true" and
//    data-points="<number of plotted values>", which the browser tests check.
(function () {
  "use strict";
  var palette = ["#1f5fbf", "#d1495b", "#2e933c", "#edae49", "#6a4c93", "#00798c", "#8c564b", "#e377c2", "#7f7f7f", "#17becf"];

  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.body.getAttribute("data-csrf");
    if (token) {
      event.detail.headers["X-CSRF-Token"] = token;
    }
  });

  function chartOptions(spec, width) {
    var bars = spec.kind === "bars";
    var series = [{ label: spec.xLabel || "x" }];
    (spec.series || []).forEach(function (s, i) {
      var color = s.color || palette[i % palette.length];
      var entry = { label: s.label, stroke: color, width: bars ? 1 : 2, spanGaps: true };
      if (bars) {
        entry.fill = color + "55";
        entry.paths = uPlot.paths.bars({ size: [0.9 / Math.max(1, spec.series.length), 60], align: 0 });
        entry.points = { show: false };
      }
      series.push(entry);
    });
    return {
      width: width, height: spec.height || 260, series: series,
      scales: { x: { time: !!spec.time } },
      axes: [{ label: spec.xLabel || "" }, { label: spec.yLabel || "" }],
      legend: { live: true }
    };
  }

  function draw(el) {
    if (el.getAttribute("data-drawn") === "true" || typeof uPlot === "undefined") {
      return;
    }
    var source = document.getElementById(el.getAttribute("data-chart"));
    if (!source) {
      return;
    }
    var spec = JSON.parse(source.textContent);
    var data = [spec.x || []];
    var points = 0;
    (spec.series || []).forEach(function (s) {
      data.push(s.values);
      s.values.forEach(function (v) { if (v !== null) { points++; } });
    });
    el.innerHTML = "";
    if (points === 0) {
      el.innerHTML = "<p class=\"empty\">No data points to draw.</p>";
      el.setAttribute("data-points", "0");
      el.setAttribute("data-drawn", "true");
      return;
    }
    var plot = new uPlot(chartOptions(spec, Math.max(300, el.clientWidth || 600)), data, el);
    el.setAttribute("data-points", String(points));
    el.setAttribute("data-drawn", "true");
    el._plot = plot;
  }

  function drawAll(root) {
    (root || document).querySelectorAll("[data-chart]").forEach(draw);
  }

  window.addEventListener("resize", function () {
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el._plot) {
        el._plot.setSize({ width: Math.max(300, el.clientWidth), height: el._plot.height });
      }
    });
  });
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (event) { drawAll(event.target); });
  window.Ballast = { drawCharts: drawAll };
})();
