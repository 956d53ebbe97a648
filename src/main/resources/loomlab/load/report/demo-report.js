// Draws the demo report's charts as inline SVG from the embedded JSON (no libraries, no network).
// Each <figure class="chart" data-chart=...> gets one chart: x = clients (log scale), one line per mode;
// the lab figure gets bars per mode. Served live (http:), the page polls results.json while the demo
// runs and, when a step arrives, swaps in the server-rendered parts marked data-live and redraws.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('demo-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  var COLORS = { serial: '#d62728', platform: '#1f77b4', virtual: '#2ca02c' };
  var W = 560, H = 330, M = { left: 70, right: 20, top: 34, bottom: 48 };
  var PW = W - M.left - M.right, PH = H - M.top - M.bottom;
  var KIB = 1024;

  // What each ladder chart plots: value (null = no point), noise bound (a hollow marker), whiskers.
  var SERIES = {
    throughput: { value: function (s) { return s.answersPerSecond; } },
    cpu: { value: function (s) { return s.serverCpuMicrosPerAnswer; } },
    memory: {
      value: function (s) { return s.memory && !s.memory.rssWithinNoise ? s.memory.rssPerConnectionBytes / KIB : null; },
      bound: function (s) { return s.memory && s.memory.rssWithinNoise && s.memory.rssUpperBoundBytes !== null
                                   ? s.memory.rssUpperBoundBytes / KIB : null; },
      unit: 'KiB'
    },
    kernel: {
      value: function (s) { return s.memory && !s.memory.kernelWithinNoise ? s.memory.kernelPerConnectionBytes / KIB : null; },
      bound: function (s) { return s.memory && s.memory.kernelWithinNoise && s.memory.connections > 0
                                   ? s.memory.kernelNoiseFloorBytes / s.memory.connections / KIB : null; },
      unit: 'KiB'
    },
    threads: { value: function (s) { return s.serverThreads; } },
    p99: { value: function (s) { return s.p99Ms; }, unit: 'ms' },
    served: { value: function (s) { return s.servedPercent; }, unit: '%' },
    fairness: {
      value: function (s) { return s.answersPerClient ? s.answersPerClient.median : null; },
      low: function (s) { return s.answersPerClient ? s.answersPerClient.min : null; },
      high: function (s) { return s.answersPerClient ? s.answersPerClient.max : null; }
    },
    storm: { value: function (s) { return s.allAnsweredSeconds; }, unit: 's' }
  };

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
    if (a >= 1e3) return +(v / 1e3).toPrecision(3) + 'k';
    if (a >= 100 || v === 0) return String(Math.round(v));
    return String(+v.toPrecision(2));
  }

  function usable(v) { return v !== null && v !== undefined && isFinite(v) && v >= 0; }

  // Linear ticks from 0: 1, 2 or 5 times a power of ten, about five of them.
  function linearTicks(hi) {
    if (!(hi > 0)) hi = 1;
    var raw = hi / 5, pow = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * pow; }).find(function (s) { return s >= raw; });
    var ticks = [];
    for (var t = 0; t <= hi + step * 1e-9; t += step) ticks.push(+t.toPrecision(12));
    if (ticks[ticks.length - 1] < hi) ticks.push(+(ticks[ticks.length - 1] + step).toPrecision(12));
    return ticks;
  }

  function logTicks(lo, hi) {
    var ticks = [];
    for (var p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) ticks.push(Math.pow(10, p));
    return ticks;
  }

  function svgFor(fig, height) {
    var old = fig.querySelector('svg.chart-svg');
    if (old) old.remove();
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + (height || H), 'class': 'chart-svg', role: 'img',
                          'aria-label': fig.querySelector('h3').textContent });
    fig.insertBefore(svg, fig.querySelector('p.finding') || fig.querySelector('figcaption'));
    return svg;
  }

  function message(svg, text) {
    el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', 'class': 'empty' }, svg, text);
  }

  function draw(fig) {
    var name = fig.dataset.chart, spec = SERIES[name], logY = fig.dataset.scale === 'log';
    var unit = spec.unit ? ' ' + spec.unit : '';
    var ladder = data.steps.filter(function (s) { return s.scenario === 'ladder' && s.skipped === null; });
    var complete = ladder.filter(function (s) { return s.stopped === null; });
    var points = complete.filter(function (s) { var v = spec.value(s); return usable(v) && (!logY || v > 0); });
    var noise = spec.bound ? complete.filter(function (s) { return usable(spec.bound(s)) && !usable(spec.value(s)); }) : [];
    var stopped = ladder.filter(function (s) { return s.stopped !== null; });
    var svg = svgFor(fig);
    if (points.length === 0 && noise.length === 0) {
      message(svg, !ladder.length ? (data.finished ? 'no steps ran' : 'waiting for the first step…')
                   : 'not measured in any step');
      return 0;
    }
    // x: clients, log scale, over every ladder step that ran, so that all charts share one axis.
    var xs = ladder.map(function (s) { return s.clients; });
    var lxlo = Math.log10(Math.min.apply(null, xs)), lxhi = Math.log10(Math.max.apply(null, xs));
    if (lxhi - lxlo < 1e-9) { lxlo -= 0.5; lxhi += 0.5; }
    function x(c) { return M.left + (Math.log10(c) - lxlo) / (lxhi - lxlo) * PW; }

    // The scale follows the measured values; a noise bound above them (a few connections share the
    // whole floor) is drawn at the top edge, pointing up, and keeps its figure in its tooltip.
    var ys = points.map(function (s) { return spec.value(s); })
      .concat(spec.high ? points.map(function (s) { return spec.high(s); }).filter(usable) : []);
    if (!ys.length) ys = noise.map(function (s) { return spec.bound(s); });
    var ymax = Math.max.apply(null, ys);
    var yticks, y;
    if (logY) {
      yticks = logTicks(Math.min.apply(null, ys), Math.max.apply(null, ys));
      if (yticks.length < 2) yticks.push(yticks[0] * 10);
      var llo = Math.log10(yticks[0]), lhi = Math.log10(yticks[yticks.length - 1]);
      y = function (v) { return M.top + PH - (Math.log10(v) - llo) / (lhi - llo) * PH; };
    } else {
      // Never below 0: every figure here is a count, a time or a size.
      yticks = linearTicks(ymax);
      var yhi = yticks[yticks.length - 1];
      y = function (v) { return M.top + PH - v / yhi * PH; };
    }
    svg.setAttribute('data-y-min', String(yticks[0]));

    yticks.forEach(function (t) {
      el('line', { x1: M.left, x2: M.left + PW, y1: y(t), y2: y(t), 'class': 'grid' }, svg);
      el('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', 'class': 'y-tick' }, svg, fmt(t));
    });
    // x ticks: every client count that ran, and the powers of ten that do not crowd them.
    var xticks = xs.filter(function (c, i) { return xs.indexOf(c) === i; });
    logTicks(Math.pow(10, lxlo), Math.pow(10, lxhi)).forEach(function (t) {
      var inside = Math.log10(t) >= lxlo - 1e-9 && Math.log10(t) <= lxhi + 1e-9;
      if (inside && xticks.every(function (c) { return Math.abs(x(c) - x(t)) > 30; })) xticks.push(t);
    });
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
      function mine(s) { return s.mode === mode; }
      function byClients(a, b) { return a.clients - b.clients; }
      var series = points.filter(mine).sort(byClients);
      var hollow = noise.filter(mine);
      var halts = stopped.filter(mine);
      if (series.length === 0 && hollow.length === 0 && halts.length === 0) return;
      var color = COLORS[mode] || '#555';
      if (series.length) {
        var d = series.map(function (s, i) {
          return (i ? 'L' : 'M') + x(s.clients).toFixed(1) + ' ' + y(spec.value(s)).toFixed(1);
        }).join(' ');
        el('path', { d: d, 'class': 'series series-' + mode, stroke: color, 'data-points': series.length }, svg);
      }
      series.forEach(function (s) {
        if (spec.low && usable(spec.low(s)) && usable(spec.high(s))) {
          var w = el('line', { x1: x(s.clients), x2: x(s.clients), y1: y(spec.low(s)), y2: y(spec.high(s)),
                               stroke: color, 'class': 'whisker' }, svg);
          el('title', {}, w, mode + ', ' + s.clients + ' clients: min ' + fmt(spec.low(s)) + ', max ' + fmt(spec.high(s)));
        }
        var c = el('circle', { cx: x(s.clients), cy: y(spec.value(s)), r: 4, fill: color, 'class': 'point' }, svg);
        el('title', {}, c, mode + ', ' + s.clients + ' clients: ' + fmt(spec.value(s)) + unit);
      });
      // Modes side by side at the same count: bounds are often equal (the same floor, the same connections).
      var shift = (data.modes.indexOf(mode) - (data.modes.length - 1) / 2) * 8;
      hollow.forEach(function (s) {
        var b = spec.bound(s), cx = x(s.clients) + shift, c;
        if (!logY && b > yticks[yticks.length - 1]) {
          var t = M.top;
          c = el('path', { d: 'M' + cx + ' ' + t + ' L' + (cx - 6) + ' ' + (t + 10) + ' L' + (cx + 6) + ' ' + (t + 10) + ' Z',
                           fill: '#fff', stroke: color, 'stroke-width': 2, 'class': 'noise noise-off-scale' }, svg);
        } else {
          c = el('circle', { cx: cx, cy: y(b), r: 5, fill: '#fff', stroke: color, 'stroke-width': 2, 'class': 'noise' }, svg);
        }
        el('title', {}, c, mode + ', ' + s.clients + ' clients: within noise: \u2264 ' + fmt(b) + unit);
      });
      halts.forEach(function (s) {
        var cx = x(s.clients), cy = M.top + PH;
        var g = el('g', { 'class': 'stopped' }, svg);
        el('path', { d: 'M' + (cx - 5) + ' ' + (cy - 5) + ' L' + (cx + 5) + ' ' + (cy + 5) + ' M' + (cx - 5) + ' ' + (cy + 5)
                        + ' L' + (cx + 5) + ' ' + (cy - 5), stroke: color, 'stroke-width': 3 }, g);
        el('title', {}, g, mode + ' stopped at ' + s.clients + ' clients: ' + s.stopped);
      });
      el('rect', { x: legendX, y: 11, width: 16, height: 4, fill: color, 'class': 'legend' }, svg);
      el('text', { x: legendX + 22, y: 17 }, svg, mode);
      legendX += 100;
      drawn++;
    });
    if (noise.length) {
      el('circle', { cx: legendX + 6, cy: 13, r: 4, fill: '#fff', stroke: '#666', 'stroke-width': 2 }, svg);
      el('text', { x: legendX + 16, y: 17 }, svg, 'within noise (\u2264)');
    }
    return drawn;
  }

  // The lab: for each mode its lab step with the most idle connections; three panels of bars.
  function drawLab(fig) {
    var best = {};
    data.steps.filter(function (s) { return s.scenario === 'lab' && s.skipped === null && s.stopped === null; })
      .forEach(function (s) { if (!best[s.mode] || s.idle > best[s.mode].idle) best[s.mode] = s; });
    var modes = data.modes.filter(function (m) { return best[m]; });
    var svg = svgFor(fig, 250);
    if (!modes.length) {
      el('text', { x: W / 2, y: 125, 'text-anchor': 'middle', 'class': 'empty' }, svg,
         data.finished ? 'the lab scenario did not run' : 'waiting for the lab steps…');
      return 0;
    }
    var panels = [
      { title: 'active clients\u2019 p99 (ms)', v: function (s) { return s.p99Ms; } },
      { title: 'server RSS at load (MiB)', v: function (s) { return s.memory ? s.memory.rssAtLoadBytes / (KIB * KIB) : null; } },
      { title: 'server OS threads', v: function (s) { return s.serverThreads; } }
    ];
    var pw = (W - 40) / panels.length, top = 40, ph = 160;
    panels.forEach(function (p, i) {
      var x0 = 20 + i * pw;
      el('text', { x: x0 + pw / 2, y: 20, 'text-anchor': 'middle', 'class': 'axis-title' }, svg, p.title);
      var vals = modes.map(function (m) { return p.v(best[m]); });
      var hi = Math.max.apply(null, vals.filter(usable).concat([0])) || 1;
      var bw = Math.min(40, (pw - 30) / modes.length - 8);
      el('line', { x1: x0 + 10, x2: x0 + pw - 10, y1: top + ph, y2: top + ph, 'class': 'axis' }, svg);
      modes.forEach(function (m, j) {
        var v = vals[j], bx = x0 + 15 + j * (bw + 8);
        el('text', { x: bx + bw / 2, y: top + ph + 16, 'text-anchor': 'middle' }, svg, m);
        if (!usable(v)) {
          el('text', { x: bx + bw / 2, y: top + ph - 4, 'text-anchor': 'middle', 'class': 'empty' }, svg, '-');
          return;
        }
        var h = v / hi * ph;
        var r = el('rect', { x: bx, y: top + ph - h, width: bw, height: Math.max(h, 0), fill: COLORS[m] || '#555', 'class': 'bar' }, svg);
        el('title', {}, r, m + ', ' + best[m].idle + ' idle + ' + best[m].clients + ' active: ' + fmt(v));
        el('text', { x: bx + bw / 2, y: top + ph - h - 4, 'text-anchor': 'middle' }, svg, fmt(v));
      });
    });
    el('text', { x: W / 2, y: 240, 'text-anchor': 'middle', 'class': 'hint' }, svg,
       modes.map(function (m) { return m + ': ' + best[m].idle + ' idle + ' + best[m].clients + ' active'; }).join(', '));
    return 1;
  }

  function render() {
    var charts = 0;
    document.querySelectorAll('figure.chart').forEach(function (fig) {
      if ((fig.dataset.chart === 'lab' ? drawLab(fig) : draw(fig)) > 0) charts++;
    });
    document.body.setAttribute('data-charts-drawn', String(charts));
    document.body.setAttribute('data-steps-rendered', String(data.steps.length));
    document.body.setAttribute('data-finished', String(data.finished));
  }

  // ---- live: poll while the demo runs ----

  function swap(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    document.querySelectorAll('[data-live]').forEach(function (mine) {
      var theirs = doc.getElementById(mine.id);
      if (theirs) mine.innerHTML = theirs.innerHTML;
    });
  }

  function poll() {
    fetch('results.json', { cache: 'no-store' })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (next) {
        if (next.steps.length === data.steps.length && next.finished === data.finished) return null;
        return fetch('./', { cache: 'no-store' }).then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.text();
        }).then(function (html) {
          swap(html);
          data = next;
          render();
        });
      })
      .then(function () {
        document.body.removeAttribute('data-disconnected');
        if (!data.finished) setTimeout(poll, 1000);
      }, function () {
        // The demo may be over and its page closed: say so, and keep trying in case it is only slow.
        document.body.setAttribute('data-disconnected', 'true');
        var p = document.getElementById('progress');
        if (p && p.textContent.indexOf('lost') < 0) p.textContent += ' (connection to the demo lost; retrying)';
        setTimeout(poll, 2000);
      });
  }

  render();
  if (!data.finished && /^https?:$/.test(location.protocol)) setTimeout(poll, 1000);
})();
