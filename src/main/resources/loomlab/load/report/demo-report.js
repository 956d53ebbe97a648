// Draws the demo report's charts as inline SVG from the embedded JSON (no libraries, no network).
// Each <figure class="chart" data-metric=...> gets one chart: x = clients (log scale), one line per mode.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('demo-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  var COLORS = { serial: '#d62728', platform: '#1f77b4', virtual: '#2ca02c' };
  var W = 560, H = 330, M = { left: 70, right: 20, top: 34, bottom: 48 };
  var PW = W - M.left - M.right, PH = H - M.top - M.bottom;

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function fmt(v) {
    var a = Math.abs(v);
    if (a >= 1e6) return +(v / 1e6).toPrecision(3) + 'M';
    if (a >= 1e4) return +(v / 1e3).toPrecision(3) + 'k';
    if (a >= 100 || v === 0) return String(Math.round(v));
    return String(+v.toPrecision(2));
  }

  // Linear ticks: 1, 2 or 5 times a power of ten, about five of them.
  function linearTicks(lo, hi) {
    var span = hi - lo || Math.abs(hi) || 1;
    var raw = span / 5, pow = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * pow; }).find(function (s) { return s >= raw; });
    var ticks = [];
    for (var t = Math.floor(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(+t.toPrecision(12));
    if (ticks[ticks.length - 1] < hi) ticks.push(ticks[ticks.length - 1] + step);
    return ticks;
  }

  function logTicks(lo, hi) {
    var ticks = [];
    for (var p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) ticks.push(Math.pow(10, p));
    return ticks;
  }

  function draw(fig) {
    var metric = fig.dataset.metric, logY = fig.dataset.scale === 'log';
    var divisor = Number(fig.dataset.divisor || 1), minClients = Number(fig.dataset.minClients || 1);
    var ran = data.steps.filter(function (s) { return s.skipped === null; });
    var points = ran.filter(function (s) {
      var v = s[metric];
      return s.clients >= minClients && v !== null && v !== undefined && isFinite(v) && (!logY || v > 0);
    });
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, 'class': 'chart-svg', role: 'img',
                          'aria-label': fig.querySelector('h3').textContent });
    fig.insertBefore(svg, fig.querySelector('figcaption'));
    if (points.length === 0) {
      el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', 'class': 'empty' }, svg,
         !ran.length ? 'no steps ran'
           : ran.some(function (s) { return s[metric] !== null; }) ? 'no step with ' + minClients + ' clients or more'
           : 'not measured (servers outside this process)');
      return 0;
    }
    // x: clients, log scale, over every step that ran, so that all charts share one axis.
    var xs = ran.map(function (s) { return s.clients; });
    var xlo = Math.min.apply(null, xs), xhi = Math.max.apply(null, xs);
    var lxlo = Math.log10(xlo), lxhi = Math.log10(xhi);
    if (lxhi - lxlo < 1e-9) { lxlo -= 0.5; lxhi += 0.5; }
    function x(c) { return M.left + (Math.log10(c) - lxlo) / (lxhi - lxlo) * PW; }

    var ys = points.map(function (s) { return s[metric] / divisor; });
    var ylo, yhi, yticks, y;
    if (logY) {
      yticks = logTicks(Math.min.apply(null, ys), Math.max.apply(null, ys));
      ylo = yticks[0]; yhi = yticks[yticks.length - 1];
      if (yhi <= ylo) { yhi = ylo * 10; yticks.push(yhi); }
      y = function (v) { return M.top + PH - (Math.log10(v) - Math.log10(ylo)) / (Math.log10(yhi) - Math.log10(ylo)) * PH; };
    } else {
      yticks = linearTicks(Math.min(0, Math.min.apply(null, ys)), Math.max.apply(null, ys));
      ylo = yticks[0]; yhi = yticks[yticks.length - 1];
      if (yhi <= ylo) { yhi = ylo + 1; yticks.push(yhi); }
      y = function (v) { return M.top + PH - (v - ylo) / (yhi - ylo) * PH; };
    }

    yticks.forEach(function (t) {
      el('line', { x1: M.left, x2: M.left + PW, y1: y(t), y2: y(t), 'class': 'grid' }, svg);
      el('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, svg, fmt(t));
    });
    var xticks = logTicks(Math.pow(10, lxlo), Math.pow(10, lxhi)).filter(function (t) {
      return Math.log10(t) >= lxlo - 1e-9 && Math.log10(t) <= lxhi + 1e-9;
    });
    xs.filter(function (c, i) { return xs.indexOf(c) === i && xticks.indexOf(c) < 0; }).forEach(function (c) { xticks.push(c); });
    xticks.forEach(function (t) {
      el('line', { x1: x(t), x2: x(t), y1: M.top, y2: M.top + PH, 'class': 'grid' }, svg);
      el('text', { x: x(t), y: M.top + PH + 16, 'text-anchor': 'middle' }, svg, fmt(t));
    });
    el('line', { x1: M.left, x2: M.left + PW, y1: M.top + PH, y2: M.top + PH, 'class': 'axis' }, svg);
    el('line', { x1: M.left, x2: M.left, y1: M.top, y2: M.top + PH, 'class': 'axis' }, svg);
    el('text', { x: M.left + PW / 2, y: H - 8, 'text-anchor': 'middle', 'class': 'axis-title' }, svg, 'clients (log scale)');
    el('text', { x: 14, y: M.top + PH / 2, 'text-anchor': 'middle', 'class': 'axis-title',
                 transform: 'rotate(-90 14 ' + (M.top + PH / 2) + ')' }, svg, fig.dataset.unit);

    // The legend sits above the plot, where no point can hide it.
    var drawn = 0, legendX = M.left;
    data.modes.forEach(function (mode) {
      var series = points.filter(function (s) { return s.mode === mode; })
                         .sort(function (a, b) { return a.clients - b.clients; });
      if (series.length === 0) return;
      var color = COLORS[mode] || '#555';
      var d = series.map(function (s, i) {
        return (i ? 'L' : 'M') + x(s.clients).toFixed(1) + ' ' + y(s[metric] / divisor).toFixed(1);
      }).join(' ');
      el('path', { d: d, 'class': 'series series-' + mode, stroke: color, 'data-points': series.length }, svg);
      series.forEach(function (s) {
        var c = el('circle', { cx: x(s.clients), cy: y(s[metric] / divisor), r: 4, fill: color, 'class': 'point' }, svg);
        el('title', {}, c, mode + ', ' + s.clients + ' clients: ' + fmt(s[metric] / divisor) + ' ' + fig.dataset.unit);
      });
      el('rect', { x: legendX, y: 11, width: 16, height: 4, fill: color, 'class': 'legend' }, svg);
      el('text', { x: legendX + 22, y: 17 }, svg, mode);
      legendX += 100;
      drawn++;
    });
    return drawn;
  }

  var charts = 0;
  document.querySelectorAll('figure.chart').forEach(function (fig) { if (draw(fig) > 0) charts++; });
  document.body.setAttribute('data-charts-drawn', String(charts));
})();
