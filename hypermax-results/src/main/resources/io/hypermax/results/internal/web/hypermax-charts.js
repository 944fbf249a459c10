/*
 * hypermax-charts.js: the interactive charts of a hypermax study, drawn with Apache ECharts from one JSON study
 * document (io.hypermax.results.internal.web.StudyDocument, "format": 1). report.html embeds this file, ECharts and the
 * document; a web dashboard can serve the same three and call the same function.
 *
 *   HypermaxCharts.render(containerElement, studyDocument, echarts)
 *
 * draws, each in its own panel: the optimization history, the importance (with bootstrap intervals), the EDF, a
 * slice per parameter, contours of the top pairs (with every trial as a dot), parallel coordinates, the timeline and,
 * when trials reported intermediate values, their learning curves (pruned trials in red, a cross where they stopped).
 * Every chart zooms (mouse wheel or the slider under it), shows a trial's numbers on hover, and filters: the colour
 * bars are range sliders, parallel axes can be brushed, the legend toggles series, and a "Trials shown" menu above
 * the charts keeps only the best 50 / 25 / 10 % of the complete trials in every chart. Colours: viridis.
 * When the document has one (the dashboard adds it), also the Pareto front ("pareto"). When trials carry atpe.action
 * metadata (search.method: atpe; the document's "atpeActions"), also the actions over the study ("atpe actions"): a
 * row per action, a marker per trial coloured by model family, and above it each trial's loss and the best so far.
 * Returns { charts: [...echarts instances], filter: <select>, update(newerDocument), dispose() }; the live
 * dashboard (io.hypermax.results.internal.dashboard) calls update() for every new document.
 */
(function (root) {
  'use strict';

  var VIRIDIS = ['#440154', '#481a6c', '#472f7d', '#414487', '#39568c', '#31688e', '#2a788e', '#23888e',
    '#1f988b', '#22a884', '#35b779', '#54c568', '#7ad151', '#a5db36', '#d2e21b', '#fde725'];
  var STATUS = { complete: '#21918c', pruned: '#8c564b', failed: '#d62728', killed: '#ff7f0e', running: '#9e9e9e' };
  var FONT = { fontSize: 13 };

  function fmt(v) {
    if (v === null || v === undefined || typeof v !== 'number') { return String(v); }
    if (v === 0) { return '0'; }
    var a = Math.abs(v);
    if (a < 1e-3 || a >= 1e5) { return v.toExponential(3).replace(/\.?0+e/, 'e'); }
    return String(Number(v.toPrecision(5)));
  }

  function complete(doc) {
    return doc.trials.filter(function (t) { return t.status === 'complete' && t.loss !== null; });
  }

  function trialTooltip(doc, t) {
    var lines = ['<b>trial ' + t.number + '</b> (' + t.status + ')'];
    if (t.loss !== null && t.loss !== undefined) { lines.push('loss: ' + fmt(t.loss)); }
    doc.parameters.forEach(function (p) {
      if (t.params[p.path] !== undefined) { lines.push(escapeHtml(p.path) + ': ' + escapeHtml(fmt(t.params[p.path]))); }
    });
    if (t.error) { lines.push('error: ' + escapeHtml(t.error)); }
    return lines.join('<br>');
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function lossAxis(log, horizontal) {
    return { type: log ? 'log' : 'value', name: log ? 'loss (log scale)' : 'loss', scale: true,
      nameLocation: 'middle', nameGap: horizontal ? 28 : 55, nameTextStyle: FONT, axisLabel: { formatter: fmt } };
  }

  function paramAxis(p, name) {
    if (p.kind === 'categorical') {
      return { type: 'category', data: p.labels, name: name, nameLocation: 'middle', nameGap: 30, nameTextStyle: FONT };
    }
    return { type: p.log ? 'log' : 'value', name: p.path + (p.log ? ' (log scale)' : ''), scale: true,
      minInterval: p.integer ? 1 : 0, nameLocation: 'middle', nameGap: 30, nameTextStyle: FONT,
      axisLabel: { formatter: fmt } };
  }

  function zoom(both) {
    var z = [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }, { type: 'slider', xAxisIndex: 0, height: 16, bottom: 6, filterMode: 'none' }];
    if (both) { z.push({ type: 'inside', yAxisIndex: 0, filterMode: 'none' }); }
    return z;
  }

  function colourBar(min, max, name, dimension, seriesIndex, log) {
    // a continuous visualMap is both the colour bar and a range filter (drag its handles)
    return { type: 'continuous', min: min, max: max, dimension: dimension, seriesIndex: seriesIndex, calculable: true,
      realtime: true, orient: 'vertical', right: 8, top: 'middle', itemHeight: 180, text: [name, ''],
      textStyle: FONT, inRange: { color: VIRIDIS }, outOfRange: { color: ['rgba(200,200,200,0.25)'] },
      formatter: function (v) { return fmt(log ? Math.pow(10, v) : v); } };
  }

  function range(values) {
    var lo = Infinity, hi = -Infinity;
    values.forEach(function (v) { if (v !== null && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
    if (lo > hi) { return [0, 1]; }
    if (lo === hi) { return [lo - 0.5, hi + 0.5]; }
    return [lo, hi];
  }

  function log10(v) { return Math.log(v) / Math.LN10; }

  // ---- the charts; each returns an ECharts option ----

  function history(doc) {
    var done = complete(doc);
    var best = [], bestScore = Infinity;
    var sign = doc.direction === 'maximize' ? -1 : 1;
    done.forEach(function (t) {
      if (sign * t.loss < bestScore) { bestScore = sign * t.loss; }
      best.push([t.number, sign * bestScore]);
    });
    return {
      title: { text: 'Optimization history', subtext: done.length + ' complete trials; dots: each trial, line: best so far' },
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesIndex === 0 ? trialTooltip(doc, done[p.dataIndex]) : 'best so far: ' + fmt(p.value[1]); } },
      legend: { top: 30, right: 10 },
      grid: { left: 80, right: 30, top: 70, bottom: 70 },
      xAxis: { type: 'value', name: 'trial', minInterval: 1, scale: true, nameLocation: 'middle', nameGap: 28, nameTextStyle: FONT },
      yAxis: lossAxis(doc.lossLog),
      dataZoom: zoom(true),
      series: [
        { name: 'loss of each trial', type: 'scatter', symbolSize: 8, itemStyle: { color: VIRIDIS[5], opacity: 0.75 },
          data: done.map(function (t) { return [t.number, t.loss]; }) },
        { name: 'best so far', type: 'line', step: 'end', symbol: 'none', lineStyle: { width: 2.5, color: '#d62728' }, data: best }
      ]
    };
  }

  function importance(doc) {
    var e = doc.importance.slice().reverse(); // the category axis runs upwards: most important on top
    return {
      title: { text: 'Parameter importance', subtext: 'main-effect ω² share of loss ranks; whiskers: 90% bootstrap interval' },
      tooltip: { trigger: 'item', formatter: function (p) {
        var x = e[p.dataIndex];
        return '<b>' + escapeHtml(x.parameter) + '</b><br>share ' + (100 * x.share).toFixed(1) + '%<br>90% interval '
          + (100 * x.low).toFixed(1) + '–' + (100 * x.high).toFixed(1) + '%<br>ω² ' + fmt(x.omegaSquared);
      } },
      grid: { left: 140, right: 40, top: 70, bottom: 50 },
      yAxis: { type: 'category', data: e.map(function (x) { return x.parameter; }), axisLabel: FONT },
      xAxis: { type: 'value', name: 'share of explained variation (%)', nameLocation: 'middle', nameGap: 28, nameTextStyle: FONT, min: 0 },
      series: [
        { type: 'bar', barWidth: '55%', itemStyle: { color: VIRIDIS[6] },
          label: { show: true, position: 'insideLeft', color: '#fff', fontSize: 13, formatter: function (p) { return (p.value).toFixed(1) + '%'; } },
          data: e.map(function (x) { return 100 * x.share; }) },
        { type: 'custom', silent: true, z: 10, data: e.map(function (x, i) { return [i, 100 * x.low, 100 * x.high]; }),
          renderItem: function (params, api) {
            var lo = api.coord([api.value(1), api.value(0)]), hi = api.coord([api.value(2), api.value(0)]);
            var h = api.size([0, 1])[1] * 0.2;
            var style = { stroke: '#000', lineWidth: 2 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
              { type: 'line', shape: { x1: lo[0], y1: lo[1] - h, x2: lo[0], y2: lo[1] + h }, style: style },
              { type: 'line', shape: { x1: hi[0], y1: hi[1] - h, x2: hi[0], y2: hi[1] + h }, style: style }] };
          },
          encode: { x: [1, 2], y: 0 } }
      ]
    };
  }

  function edf(doc) {
    var sign = doc.direction === 'maximize' ? -1 : 1;
    var losses = complete(doc).map(function (t) { return t.loss; }).sort(function (a, b) { return sign * (a - b); });
    var n = losses.length;
    return {
      title: { text: 'Empirical distribution of the loss', subtext: n + ' complete trials' },
      tooltip: { trigger: 'axis', formatter: function (p) { return 'loss ' + fmt(p[0].value[0]) + ': ' + (100 * p[0].value[1]).toFixed(0) + '% of trials'; } },
      grid: { left: 80, right: 30, top: 70, bottom: 70 },
      xAxis: lossAxis(doc.lossLog, true),
      yAxis: { type: 'value', min: 0, max: 1, name: sign > 0 ? 'share with loss ≤ x' : 'share with loss ≥ x', nameLocation: 'middle', nameGap: 45, nameTextStyle: FONT },
      dataZoom: zoom(false),
      series: [{ type: 'line', step: sign > 0 ? 'end' : 'start', symbol: 'none', lineStyle: { width: 2.5, color: VIRIDIS[4] },
        data: losses.map(function (l, i) { return [l, (i + 1) / n]; }) }]
    };
  }

  function slice(doc, p) {
    var done = complete(doc).filter(function (t) { return t.params[p.path] !== undefined && t.params[p.path] !== null; });
    var last = doc.trials.length ? doc.trials[doc.trials.length - 1].number : 1;
    return {
      title: { text: 'Slice: loss by ' + p.path, subtext: done.length + ' complete trials; colour: trial number (drag the bar to filter)' },
      tooltip: { trigger: 'item', formatter: function (q) { return trialTooltip(doc, done[q.dataIndex]); } },
      grid: { left: 80, right: 110, top: 70, bottom: 75 },
      xAxis: paramAxis(p, p.path),
      yAxis: lossAxis(doc.lossLog),
      dataZoom: zoom(true),
      visualMap: colourBar(0, Math.max(1, last), 'trial', 2, 0, false),
      series: [{ type: 'scatter', symbolSize: 9, itemStyle: { opacity: 0.85, borderColor: '#333', borderWidth: 0.5 },
        data: done.map(function (t) { return [t.params[p.path], t.loss, t.number]; }) }]
    };
  }

  function contour(doc, c) {
    var px = doc.parameters.filter(function (p) { return p.path === c.x; })[0];
    var py = doc.parameters.filter(function (p) { return p.path === c.y; })[0];
    var done = complete(doc).filter(function (t) { return typeof t.params[c.x] === 'number' && typeof t.params[c.y] === 'number'; });
    var losses = c.cells.map(function (v) { return v[2]; }).concat(done.map(function (t) { return t.loss; }));
    var r = range(losses);
    var lo = c.lossLog ? log10(r[0]) : r[0], hi = c.lossLog ? log10(r[1]) : r[1];
    function edges(g, log, i) { // the cell of grid point i spans half a step either side
      var a = i > 0 ? g[i - 1] : null, b = i + 1 < g.length ? g[i + 1] : null, v = g[i];
      var stepLo = a !== null ? (log ? Math.sqrt(a * v) : (a + v) / 2) : (log ? v / Math.sqrt(b / v) : v - (b - v) / 2);
      var stepHi = b !== null ? (log ? Math.sqrt(v * b) : (v + b) / 2) : (log ? v * Math.sqrt(v / a) : v + (v - a) / 2);
      return [stepLo, stepHi];
    }
    var best = done.slice().sort(function (a, b) { return (doc.direction === 'maximize' ? -1 : 1) * (a.loss - b.loss); })[0];
    return {
      title: { text: 'Contour: ' + c.x + ' × ' + c.y, subtext: 'kernel-smoothed loss, blank where trials are sparse; dots: trials (ringed: best)' },
      tooltip: { trigger: 'item', formatter: function (q) {
        if (q.seriesIndex === 1) { return trialTooltip(doc, done[q.dataIndex]); }
        return c.x + ' ' + fmt(q.value[0]) + ', ' + c.y + ' ' + fmt(q.value[1]) + ': smoothed loss ' + fmt(q.value[3]);
      } },
      grid: { left: 85, right: 120, top: 70, bottom: 75 },
      xAxis: paramAxis(px), yAxis: Object.assign(paramAxis(py), { nameGap: 55 }),
      dataZoom: zoom(true),
      visualMap: colourBar(lo, hi, c.lossLog ? 'loss (log)' : 'loss', 2, 0, c.lossLog),
      series: [
        { type: 'custom', data: c.cells.map(function (v) {
            return [c.xs[v[0]], c.ys[v[1]], c.lossLog ? log10(v[2]) : v[2], v[2], v[0], v[1]]; }),
          encode: { x: 0, y: 1 },
          renderItem: function (params, api) {
            var ex = edges(c.xs, c.xLog, api.value(4)), ey = edges(c.ys, c.yLog, api.value(5));
            var p0 = api.coord([ex[0], ey[1]]), p1 = api.coord([ex[1], ey[0]]);
            return { type: 'rect', shape: { x: p0[0], y: p0[1], width: p1[0] - p0[0] + 1, height: p1[1] - p0[1] + 1 },
              style: { fill: api.visual('color') } };
          } },
        { type: 'scatter', symbolSize: function (v) { return best && v[3] === best.number ? 14 : 7; },
          itemStyle: { color: '#fff', borderColor: '#000', borderWidth: 1 },
          data: done.map(function (t) {
            var item = { value: [t.params[c.x], t.params[c.y], c.lossLog ? log10(t.loss) : t.loss, t.number] };
            if (best && t.number === best.number) { item.itemStyle = { borderColor: '#d62728', borderWidth: 3 }; }
            return item;
          }) }
      ]
    };
  }

  function parallel(doc) {
    var done = complete(doc);
    var params = doc.parameters;
    var axes = params.map(function (p, i) {
      var a = { dim: i, name: p.path, nameTextStyle: FONT };
      if (p.kind === 'categorical') { a.type = 'category'; a.data = p.labels; } else { a.type = p.log ? 'log' : 'value'; a.scale = true; a.minInterval = p.integer ? 1 : 0; }
      a.axisLabel = { formatter: p.kind === 'categorical' ? undefined : fmt };
      return a;
    });
    axes.push({ dim: params.length, name: 'loss', type: doc.lossLog ? 'log' : 'value', scale: true, nameTextStyle: FONT, axisLabel: { formatter: fmt } });
    var r = range(done.map(function (t) { return t.loss; }));
    var lo = doc.lossLog ? log10(r[0]) : r[0], hi = doc.lossLog ? log10(r[1]) : r[1];
    return {
      title: { text: 'Parallel coordinates', subtext: done.length + ' complete trials; drag along an axis to filter, the colour bar too' },
      tooltip: { trigger: 'item', formatter: function (q) { return trialTooltip(doc, done[q.dataIndex]); } },
      parallel: { left: 60, right: 190, top: 90, bottom: 40 },
      parallelAxis: axes,
      visualMap: colourBar(lo, hi, doc.lossLog ? 'loss (log)' : 'loss', params.length + 1, 0, doc.lossLog),
      series: [{ type: 'parallel', lineStyle: { width: 1.5, opacity: 0.7 }, inactiveOpacity: 0.05, activeOpacity: 0.9,
        data: done.map(function (t) {
          var row = params.map(function (p) { var v = t.params[p.path]; return v === undefined ? null : v; });
          row.push(t.loss);
          row.push(doc.lossLog ? log10(t.loss) : t.loss);
          return row;
        }) }]
    };
  }

  function timeline(doc) {
    var runs = doc.trials.filter(function (t) { return t.start !== undefined && t.start !== null; });
    var workers = [];
    for (var w = 1; w <= Math.max(1, doc.workers); w++) { workers.push('worker ' + w); }
    var end = 0;
    runs.forEach(function (t) { end = Math.max(end, t.end || 0); });
    var series = Object.keys(STATUS).map(function (status) {
      var list = runs.filter(function (t) { return t.status === status; });
      return { name: status + ' (' + list.length + ')', type: 'custom', itemStyle: { color: STATUS[status] },
        encode: { x: [1, 2], y: 0 },
        data: list.map(function (t) { return [t.worker - 1, t.start, Math.max(t.end, t.start + end / 600), t.number]; }),
        renderItem: function (params, api) {
          var a = api.coord([api.value(1), api.value(0)]), b = api.coord([api.value(2), api.value(0)]);
          var h = api.size([0, 1])[1] * 0.7;
          return { type: 'rect', shape: { x: a[0], y: a[1] - h / 2, width: Math.max(1, b[0] - a[0]), height: h },
            style: { fill: STATUS[status], stroke: '#fff', lineWidth: 0.5 } };
        },
        tooltip: { formatter: function (q) {
          var t = doc.trials.filter(function (x) { return x.number === q.value[3]; })[0];
          return trialTooltip(doc, t) + '<br>' + fmt(t.start) + ' s → ' + fmt(t.end) + ' s';
        } } };
    });
    return {
      title: { text: 'Timeline', subtext: runs.length + ' trials on ' + doc.workers + ' worker(s), rows rebuilt from start and end times' },
      tooltip: { trigger: 'item' },
      legend: { top: 30, right: 10 },
      grid: { left: 90, right: 30, top: 70, bottom: 70 },
      xAxis: { type: 'value', name: 'seconds since the first trial started', min: 0, nameLocation: 'middle', nameGap: 28, nameTextStyle: FONT, axisLabel: { formatter: fmt } },
      yAxis: { type: 'category', data: workers, inverse: true },
      dataZoom: zoom(false),
      series: series
    };
  }

  // model families of search.method: atpe; any other family takes the next colour of OTHER_FAMILIES
  var FAMILY = { random: '#9e9e9e', startup: '#9e9e9e', tpe: '#1f77b4', storm: '#ff7f0e', gp: '#2ca02c' };
  var OTHER_FAMILIES = ['#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22'];

  /** Which action made each trial's suggestion (rows), coloured by family; above, the loss and the best so far. */
  function atpeActions(doc) {
    var a = doc.atpeActions;
    var rows = a.actions;
    var families = [];
    a.trials.forEach(function (t) { if (families.indexOf(t.family) < 0) { families.push(t.family); } });
    var byTrial = {};
    a.trials.forEach(function (t) { byTrial[t.trial] = t; });
    var lo = a.trials[0].trial, hi = a.trials[a.trials.length - 1].trial;
    if (hi === lo) { hi = lo + 1; }
    var others = 0;
    var rowHeight = Math.max(120, 26 * rows.length);
    var series = [];
    families.forEach(function (f) {
      var colour = FAMILY[f] || OTHER_FAMILIES[others++ % OTHER_FAMILIES.length];
      var list = a.trials.filter(function (t) { return t.family === f; });
      var name = (f || 'no family') + ' (' + list.length + ')';
      function item(value, t) { return t.status === 'complete' ? value : { value: value, itemStyle: { opacity: 0.35 } }; }
      // the same name in both panels: the legend shows or hides a family in both
      series.push({ name: name, type: 'scatter', xAxisIndex: 1, yAxisIndex: 1, symbolSize: 10, itemStyle: { color: colour },
        data: list.map(function (t) { return item([t.trial, rows.indexOf(t.action), t.trial], t); }) });
      series.push({ name: name, type: 'scatter', xAxisIndex: 0, yAxisIndex: 0, symbolSize: 7, itemStyle: { color: colour, opacity: 0.8 },
        data: list.filter(function (t) { return t.loss !== null && t.status === 'complete'; }).map(function (t) { return [t.trial, t.loss, t.trial]; }) });
    });
    series.push({ name: 'best so far', type: 'line', step: 'end', symbol: 'none', xAxisIndex: 0, yAxisIndex: 0,
      lineStyle: { width: 2.5, color: '#d62728' }, itemStyle: { color: '#d62728' },
      data: a.trials.filter(function (t) { return t.best !== null; }).map(function (t) { return [t.trial, t.best, t.trial]; }) });
    function tip(p) {
      var t = byTrial[p.value[2]];
      if (p.seriesName === 'best so far') { return 'trial ' + t.trial + ': best so far ' + fmt(t.best); }
      return '<b>trial ' + t.trial + '</b> (' + t.status + ')<br>action: ' + escapeHtml(t.action) + ' (' + escapeHtml(t.family) + ')'
        + (t.loss !== null ? '<br>loss: ' + fmt(t.loss) : '') + (t.best !== null ? '<br>best so far: ' + fmt(t.best) : '');
    }
    var xAxis = { type: 'value', min: lo, max: hi, minInterval: 1, nameTextStyle: FONT };
    return {
      title: { text: 'atpe actions', subtext: a.trials.length + ' trials, every one shown; which action made each suggestion (colour: model family, faint: not complete), above: loss and best so far' },
      tooltip: { trigger: 'item', formatter: tip },
      legend: { top: 40, right: 10 },
      grid: [{ left: 130, right: 30, top: 80, height: 150 }, { left: 130, right: 30, top: 260, height: rowHeight }],
      xAxis: [Object.assign({ gridIndex: 0, axisLabel: { show: false } }, xAxis),
        Object.assign({ gridIndex: 1, name: 'trial', nameLocation: 'middle', nameGap: 28 }, xAxis)],
      yAxis: [Object.assign(lossAxis(doc.lossLog), { gridIndex: 0, nameGap: 65 }),
        { gridIndex: 1, type: 'category', data: rows, inverse: true, axisLabel: FONT, splitLine: { show: true } }],
      dataZoom: [{ type: 'inside', xAxisIndex: [0, 1], filterMode: 'none' },
        { type: 'slider', xAxisIndex: [0, 1], height: 16, bottom: 6, filterMode: 'none' }],
      series: series
    };
  }

  function learningCurves(doc) {
    var curves = doc.curves || [];
    var colour = { complete: 'rgba(33,145,140,0.7)', pruned: 'rgba(214,39,40,0.55)' };
    var series = curves.map(function (c) {
      return { type: 'line', name: c.status, showSymbol: false, connectNulls: false,
        lineStyle: { width: 1.3, color: colour[c.status] || 'rgba(158,158,158,0.6)' },
        itemStyle: { color: colour[c.status] || '#9e9e9e' },
        data: c.steps.map(function (s, i) { return [s, c.values[i], c.trial]; }) };
    });
    var pruned = curves.filter(function (c) { return c.status === 'pruned' && c.steps.length > 0; });
    series.push({ type: 'scatter', name: 'pruned at', symbol: 'path://M0,0L10,10M10,0L0,10', symbolSize: 9,
      itemStyle: { color: 'none', borderColor: '#d62728', borderWidth: 2 }, z: 5,
      data: pruned.map(function (c) { var i = c.steps.length - 1; return [c.steps[i], c.values[i], c.trial]; }) });
    var complete = curves.filter(function (c) { return c.status === 'complete'; }).length;
    return {
      title: { text: 'Learning curves', subtext: curves.length + ' trials reported values: ' + complete + ' complete, ' + pruned.length + ' pruned (x: where a pruned trial stopped)' },
      tooltip: { trigger: 'item', formatter: function (p) { return 'trial ' + p.value[2] + ' (' + p.seriesName + ')<br>step ' + p.value[0] + ': ' + fmt(p.value[1]); } },
      grid: { left: 80, right: 30, top: 70, bottom: 70 },
      xAxis: { type: 'value', name: 'step', minInterval: 1, nameLocation: 'middle', nameGap: 28, nameTextStyle: FONT, axisLabel: { formatter: fmt } },
      yAxis: lossAxis(false, false),
      dataZoom: zoom(true),
      series: series
    };
  }

  // ---- layout ----

  function panel(container, heading, height) {
    var box = document.createElement('div');
    box.className = 'hm-chart';
    box.setAttribute('data-chart', heading);
    box.style.height = height + 'px';
    box.style.margin = '1em 0';
    container.appendChild(box);
    return box;
  }

  /** The document with only the best `fraction` of the complete trials (others kept: the timeline shows them all). */
  function bestOf(doc, fraction) {
    if (fraction >= 1) { return doc; }
    var sign = doc.direction === 'maximize' ? -1 : 1;
    var done = complete(doc).slice().sort(function (a, b) { return sign * (a.loss - b.loss) || a.number - b.number; });
    var keep = {};
    done.slice(0, Math.max(1, Math.ceil(fraction * done.length))).forEach(function (t) { keep[t.number] = true; });
    var copy = Object.assign({}, doc);
    copy.trials = doc.trials.filter(function (t) { return t.status !== 'complete' || t.loss === null || keep[t.number]; });
    copy.allTrials = doc.trials;
    return copy;
  }

  function pareto(doc) {
    var names = doc.pareto.objectives;
    var byNumber = {};
    (doc.allTrials || doc.trials).forEach(function (t) { byNumber[t.number] = t; });
    var points = doc.pareto.trials.filter(function (p) { return p.values[0] !== null && p.values[1] !== null; });
    var front = points.filter(function (p) { return p.front; }).sort(function (a, b) { return a.values[0] - b.values[0]; });
    var others = points.filter(function (p) { return !p.front; });
    function tip(q) {
      var p = q.seriesIndex === 0 ? front[q.dataIndex] : others[q.dataIndex];
      var t = byNumber[p.number];
      return (t ? trialTooltip(doc, t) : 'trial ' + p.number) + '<br>' + names.map(function (n, i) { return escapeHtml(n) + ': ' + fmt(p.values[i]); }).join('<br>');
    }
    return {
      title: { text: 'Pareto front: ' + names[0] + ' × ' + names[1],
        subtext: front.length + ' of ' + points.length + ' trials on the front (both objectives minimized)' + (names.length > 2 ? '; ' + names.length + ' objectives, the first two shown' : '') },
      tooltip: { trigger: 'item', formatter: tip },
      legend: { top: 30, right: 10 },
      grid: { left: 85, right: 30, top: 80, bottom: 70 },
      xAxis: { type: 'value', name: names[0], scale: true, nameLocation: 'middle', nameGap: 28, nameTextStyle: FONT, axisLabel: { formatter: fmt } },
      yAxis: { type: 'value', name: names[1], scale: true, nameLocation: 'middle', nameGap: 55, nameTextStyle: FONT, axisLabel: { formatter: fmt } },
      dataZoom: zoom(true),
      series: [
        { name: 'on the front', type: 'line', step: 'end', symbolSize: 10, itemStyle: { color: '#d62728' }, lineStyle: { width: 1.5, color: '#d62728' },
          data: front.map(function (p) { return [p.values[0], p.values[1]]; }) },
        { name: 'dominated', type: 'scatter', symbolSize: 7, itemStyle: { color: VIRIDIS[5], opacity: 0.6 },
          data: others.map(function (p) { return [p.values[0], p.values[1]]; }) }
      ]
    };
  }

  /** Every chart the document has data for, in page order: [name, height, option]. */
  function specs(doc) {
    var list = [];
    function add(name, height, option) { list.push([name, height, option]); }
    var done = complete(doc);
    if (done.length > 0) {
      add('history', 420, history(doc));
      add('edf', 360, edf(doc));
    }
    if (doc.atpeActions && doc.atpeActions.trials.length > 0) {
      add('atpe actions', 340 + Math.max(120, 26 * doc.atpeActions.actions.length), atpeActions(doc));
    }
    if (doc.importance && doc.importance.length > 0) {
      add('importance', Math.max(260, 110 + 40 * doc.importance.length), importance(doc));
    }
    if (done.length > 1) {
      add('parallel', 460, parallel(doc));
      doc.parameters.forEach(function (p) { add('slice ' + p.path, 400, slice(doc, p)); });
    }
    (doc.contours || []).forEach(function (c) { add('contour ' + c.x + ' ' + c.y, 520, contour(doc, c)); });
    if (doc.pareto && doc.pareto.objectives.length >= 2 && doc.pareto.trials.length > 0) {
      add('pareto', 460, pareto(doc));
    }
    if (doc.curves && doc.curves.length > 0) {
      add('learning curves', 440, learningCurves(doc));
    }
    if (doc.trials.length > 0) {
      var all = Object.assign({}, doc, { trials: doc.allTrials || doc.trials });
      add('timeline', Math.max(220, 150 + 34 * doc.workers), timeline(all));
    }
    return list;
  }

  function decorate(option) {
    option.animation = false;
    option.textStyle = { fontFamily: 'system-ui, sans-serif' };
    option.toolbox = { right: 10, top: 0, feature: { dataZoom: { yAxisIndex: 'none' }, restore: {}, saveAsImage: {} } };
    if (option.parallel) { delete option.toolbox.feature.dataZoom; }
    return option;
  }

  function draw(container, doc, echarts) {
    var charts = [];
    specs(doc).forEach(function (s) {
      var el = panel(container, s[0], s[1]);
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(decorate(s[2]));
      charts.push(chart);
    });
    return charts;
  }

  /**
   * Redraws with a newer document. When the same charts exist (the usual case while a study runs), each chart
   * keeps its instance, zoom and filters and only gets its new series; otherwise everything is drawn afresh.
   */
  function redraw(container, charts, doc, echarts) {
    var list = specs(doc);
    var names = [].map.call(container.querySelectorAll('.hm-chart'), function (e) { return e.getAttribute('data-chart'); });
    var same = names.length === list.length && list.every(function (s, i) { return s[0] === names[i]; });
    if (!same) {
      charts.forEach(function (c) { c.dispose(); });
      container.innerHTML = '';
      return draw(container, doc, echarts);
    }
    list.forEach(function (s, i) {
      var option = decorate(s[2]);
      delete option.dataZoom; // keep the user's zoom
      charts[i].setOption(option, { replaceMerge: ['series'] });
    });
    return charts;
  }

  function render(container, doc, echarts) {
    echarts = echarts || root.echarts;
    // the filter: which complete trials every chart shows (importance and contour surfaces use all of them)
    var bar = document.createElement('div');
    bar.className = 'hm-filter';
    bar.style.margin = '0.5em 0';
    var label = document.createElement('label');
    label.textContent = 'Trials shown: ';
    var select = document.createElement('select');
    [[1, 'all complete trials'], [0.5, 'best 50 %'], [0.25, 'best 25 %'], [0.1, 'best 10 %']].forEach(function (o) {
      var opt = document.createElement('option');
      opt.value = String(o[0]);
      opt.textContent = o[1];
      select.appendChild(opt);
    });
    label.appendChild(select);
    bar.appendChild(label);
    var note = document.createElement('span');
    note.style.color = '#666';
    note.textContent = ' (the timeline always shows every trial; importance and contour surfaces are computed from all)';
    bar.appendChild(note);
    container.appendChild(bar);
    var area = document.createElement('div');
    container.appendChild(area);
    var current = doc;
    var charts = draw(area, doc, echarts);
    select.addEventListener('change', function () {
      charts.forEach(function (c) { c.dispose(); });
      area.innerHTML = '';
      charts = draw(area, bestOf(current, Number(select.value)), echarts);
      handle.charts = charts;
    });
    var onResize = function () { charts.forEach(function (c) { c.resize(); }); };
    root.addEventListener && root.addEventListener('resize', onResize);
    var handle = { charts: charts, filter: select,
      /** Shows a newer document of the same study (the live dashboard), keeping the filter and each chart's zoom. */
      update: function (newDoc) {
        current = newDoc;
        charts = redraw(area, charts, bestOf(newDoc, Number(select.value)), echarts);
        handle.charts = charts;
      },
      dispose: function () {
        root.removeEventListener && root.removeEventListener('resize', onResize);
        charts.forEach(function (c) { c.dispose(); });
      } };
    return handle;
  }

  var api = { render: render, bestOf: bestOf, format: fmt, viridis: VIRIDIS };
  if (typeof module === 'object' && module.exports) { module.exports = api; } else { root.HypermaxCharts = api; }
})(typeof window !== 'undefined' ? window : this);
