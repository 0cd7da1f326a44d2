// Draws the report's charts from the inline JSON document with the inlined uPlot. No network access.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("throng-data").textContent);
  var history = data.history || [];
  var start = Date.parse(data.started) / 1000;
  var x = history.map(function (p) { return start + p.elapsed_s; });
  var charts = [];

  function column(key) {
    return history.map(function (p) { return p[key] === undefined ? null : p[key]; });
  }

  function width(el) {
    return Math.max(320, Math.min(el.clientWidth - 16, 1140));
  }

  function chart(id, unit, series, columns) {
    var el = document.getElementById(id);
    if (!el) { return; }
    if (history.length === 0 || typeof uPlot === "undefined") {
      el.textContent = history.length === 0 ? "No history was recorded for this run." : "Charts are unavailable.";
      el.className += " empty";
      return;
    }
    var options = {
      width: width(el),
      height: 260,
      scales: { x: { time: true } },
      series: [{ label: "time" }].concat(series.map(function (s) {
        return { label: s.label, stroke: s.color, width: 2, spanGaps: false,
                 value: function (u, v) { return v == null ? "-" : (Math.round(v * 100) / 100) + " " + unit; } };
      })),
      axes: [{}, { label: unit, size: 60 }],
      legend: { live: true }
    };
    charts.push({ plot: new uPlot(options, [x].concat(columns), el), el: el });
  }

  chart("chart-throughput", "per second",
        [{ label: "requests/s", color: "#2563eb" }, { label: "failures/s", color: "#dc2626" }],
        [column("rps"), column("failures_per_s")]);
  chart("chart-latency", "ms",
        [{ label: "p50", color: "#059669" }, { label: "p95", color: "#d97706" }, { label: "p99", color: "#7c3aed" }],
        [column("p50_ms"), column("p95_ms"), column("p99_ms")]);
  chart("chart-users", "users", [{ label: "users", color: "#334e68" }], [column("users")]);

  // A capacity search: p95 (ms, left) and error rate (%, right) against the load of each judged step.
  (function () {
    var el = document.getElementById("chart-capacity");
    var steps = ((data.capacity || {}).steps || []).filter(function (s) { return !s.running; });
    if (!el) { return; }
    if (steps.length === 0 || typeof uPlot === "undefined") {
      el.textContent = steps.length === 0 ? "No step was judged." : "Charts are unavailable.";
      el.className += " empty";
      return;
    }
    steps.sort(function (a, b) { return a.load - b.load; });
    var unit = data.capacity.model === "arrivals" ? "arrivals/s" : "users";
    var options = {
      width: width(el),
      height: 260,
      scales: { x: { time: false }, ms: {}, pct: {} },
      series: [
        { label: unit },
        { label: "p95", stroke: "#d97706", width: 2, scale: "ms", points: { show: true },
          value: function (u, v) { return v == null ? "-" : (Math.round(v * 100) / 100) + " ms"; } },
        { label: "error rate", stroke: "#dc2626", width: 2, scale: "pct", points: { show: true },
          value: function (u, v) { return v == null ? "-" : (Math.round(v * 100) / 100) + " %"; } }
      ],
      axes: [{ label: unit }, { label: "p95, ms", scale: "ms", size: 60 },
             { label: "errors, %", scale: "pct", side: 1, size: 60, grid: { show: false } }],
      legend: { live: true }
    };
    var columns = [steps.map(function (s) { return s.load; }),
                   steps.map(function (s) { return s.p95_ms; }),
                   steps.map(function (s) { return s.error_rate * 100; })];
    // the objective's limits, dashed, on the axis of what they limit
    [["p95Limit", "p95 limit", "#d97706", "ms", " ms"], ["errorLimit", "error limit", "#dc2626", "pct", " %"]]
      .forEach(function (l) {
        var limit = parseFloat(el.dataset[l[0]]);
        if (isNaN(limit)) { return; }
        options.series.push({ label: l[1], stroke: l[2], width: 1, dash: [6, 4], scale: l[3], points: { show: false },
                              value: function () { return limit + l[4]; } });
        columns.push(steps.map(function () { return limit; }));
      });
    charts.push({ plot: new uPlot(options, columns, el), el: el });
  })();

  window.addEventListener("resize", function () {
    charts.forEach(function (c) { c.plot.setSize({ width: width(c.el), height: 260 }); });
  });
})();
