/*
 * dashboard.js: the live page of `hypermax dashboard`. It fetches the study document (/api/study, the same
 * document report.html embeds, plus live fields), draws the charts with HypermaxCharts (hypermax-charts.js, shared
 * with report.html), and fills the summary, running and trials tables itself. An EventSource on /events says when
 * a new document exists; the page then fetches it, so new trials appear without a reload. Every value from the
 * study is put in with textContent, never as HTML. Guidance (lock, unlock, scramble, narrow) is POSTed as JSON to
 * /api/guidance with the CSRF token from /api/session in the X-Hypermax-CSRF header; the guidance in force comes
 * with each study document, so it updates live like the rest.
 */
(function () {
  'use strict';
  var fmt = HypermaxCharts.format;
  var state = { doc: null, charts: null, loading: false, again: false, selected: null, sort: 'number', desc: false, seen: {},
    csrf: null, detailTrial: null };
  var MAX_ROWS = 1000;

  function $(id) { return document.getElementById(id); }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': HTTP ' + r.status); }
      return r.json();
    });
  }

  function load() {
    if (state.loading) { state.again = true; return; }
    state.loading = true;
    getJson('/api/study').then(apply).catch(function (e) {
      $('hm-summary').textContent = 'cannot load the study: ' + e.message;
    }).then(function () {
      state.loading = false;
      if (state.again) { state.again = false; load(); }
    });
  }

  function apply(doc) {
    var first = state.doc === null;
    // Live memory/CPU of running trials changes the document twice a second; the charts, the trials table and
    // the open trial's details only change with the study itself (studyVersion), so only then are they redrawn.
    var studyChanged = first || doc.studyVersion !== state.doc.studyVersion;
    state.doc = doc;
    summary(doc);
    guidance(doc);
    running(doc);
    if (studyChanged) {
      trials(doc, first);
      charts(doc);
      if (state.selected !== null && !first) { detail(state.selected, false); }
    }
    document.body.setAttribute('data-version', String(doc.version));
  }

  function duration(seconds) {
    if (!isFinite(seconds)) { return ''; }
    seconds = Math.max(0, Math.round(seconds));
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + s + 's';
  }

  function summary(doc) {
    var s = doc.summary, box = $('hm-summary');
    box.textContent = '';
    var line = el('p');
    line.appendChild(el('b', s.finished + ' of ' + s.planned + ' trials finished'));
    line.appendChild(document.createTextNode(': ' + s.complete + ' complete, ' + s.failed + ' failed, ' + s.killed
      + ' killed, ' + s.running + ' running. Direction: ' + doc.direction + (s.seed !== undefined ? '. Seed ' + s.seed : '') + '.'));
    box.appendChild(line);
    if (s.best) {
      var b = el('p');
      b.id = 'hm-best';
      b.appendChild(el('b', 'Best: loss ' + fmt(s.best.loss) + ' (trial ' + s.best.number + ')'));
      b.appendChild(document.createTextNode(' with ' + JSON.stringify(s.best.parameters)));
      box.appendChild(b);
    } else {
      box.appendChild(el('p', 'No trial has completed yet.'));
    }
    var problems = $('hm-problems');
    problems.textContent = '';
    (s.problems || []).forEach(function (p) { problems.appendChild(el('li', p)); });
  }

  function usageCells(row, u) {
    row.appendChild(el('td', u && u.peakRssMiB !== null && u.peakRssMiB !== undefined ? fmt(u.peakRssMiB) : ''));
    row.appendChild(el('td', u && u.cpuSeconds !== null && u.cpuSeconds !== undefined ? fmt(u.cpuSeconds) : ''));
  }

  function header(table, names, sortable) {
    var head = table.tHead;
    head.textContent = '';
    var tr = el('tr');
    names.forEach(function (n) {
      var th = el('th', n[0] + (sortable && state.sort === n[1] ? (state.desc ? ' ▼' : ' ▲') : ''), n[2] ? 'l' : '');
      if (sortable) {
        th.addEventListener('click', function () {
          if (state.sort === n[1]) { state.desc = !state.desc; } else { state.sort = n[1]; state.desc = false; }
          trials(state.doc, false);
        });
      }
      tr.appendChild(th);
    });
    head.appendChild(tr);
  }

  function running(doc) {
    var table = $('hm-running');
    header(table, [['trial'], ['elapsed'], ['peak RSS MiB'], ['CPU s'], ['parameters', null, true]], false);
    var body = table.tBodies[0];
    body.textContent = '';
    $('hm-running-count').textContent = '(' + doc.running.length + ')';
    var offset = Date.now() - doc.now; // the browser's clock against the server's
    doc.running.forEach(function (t) {
      var tr = el('tr');
      tr.setAttribute('data-trial', String(t.number));
      tr.appendChild(el('td', t.number));
      var elapsed = el('td', '', 'hm-elapsed');
      if (t.startedAt !== undefined) { elapsed.setAttribute('data-start', String(t.startedAt + offset)); }
      tr.appendChild(elapsed);
      usageCells(tr, t.usage);
      tr.appendChild(el('td', JSON.stringify(t.params), 'l'));
      tr.addEventListener('click', function () { detail(t.number, true); });
      body.appendChild(tr);
    });
    tick();
  }

  function tick() {
    var cells = document.querySelectorAll('#hm-running td.hm-elapsed');
    for (var i = 0; i < cells.length; i++) {
      var start = Number(cells[i].getAttribute('data-start'));
      cells[i].textContent = start ? duration((Date.now() - start) / 1000) : '';
    }
  }

  function filters() {
    return { status: $('hm-filter-status').value, loss: $('hm-filter-loss').value === '' ? null : Number($('hm-filter-loss').value),
      text: $('hm-filter-text').value.trim().toLowerCase() };
  }

  function value(t, key) {
    if (key === 'number') { return t.number; }
    if (key === 'status') { return t.status; }
    if (key === 'loss') { return t.loss; }
    if (key === 'time') { return t.time; }
    if (key === 'rss') { return t.usage ? t.usage.peakRssMiB : null; }
    if (key === 'cpu') { return t.usage ? t.usage.cpuSeconds : null; }
    return t.params[key.substring(2)];
  }

  function compare(a, b) {
    if (a === b) { return 0; }
    if (a === null || a === undefined) { return 1; }
    if (b === null || b === undefined) { return -1; }
    if (typeof a === 'number' && typeof b === 'number') { return a - b; }
    return String(a) < String(b) ? -1 : 1;
  }

  function trials(doc, first) {
    var params = doc.parameters.map(function (p) { return p.path; });
    var table = $('hm-trials');
    header(table, [['trial', 'number'], ['status', 'status', true], ['loss', 'loss'], ['time s', 'time'],
      ['peak RSS MiB', 'rss'], ['CPU s', 'cpu']].concat(params.map(function (p) { return [p, 'p:' + p]; }))
      .concat([['error', null, true]]), true);
    var f = filters();
    var shown = doc.trials.filter(function (t) {
      if (f.status && t.status !== f.status) { return false; }
      if (f.loss !== null && !(t.loss !== null && t.loss <= f.loss)) { return false; }
      if (f.text) {
        var hay = JSON.stringify(t.params).toLowerCase() + ' ' + (t.error || '').toLowerCase();
        if (hay.indexOf(f.text) < 0) { return false; }
      }
      return true;
    });
    var key = state.sort, sign = state.desc ? -1 : 1;
    shown.sort(function (a, b) { return sign * compare(value(a, key), value(b, key)) || a.number - b.number; });
    $('hm-trials-count').textContent = '(' + shown.length + ' of ' + doc.trials.length + ' shown'
      + (shown.length > MAX_ROWS ? '; first ' + MAX_ROWS + ' listed' : '') + ')';
    var body = table.tBodies[0];
    body.textContent = '';
    shown.slice(0, MAX_ROWS).forEach(function (t) {
      var tr = el('tr');
      tr.setAttribute('data-trial', String(t.number));
      tr.setAttribute('data-status', t.status);
      var isNew = !first && !state.seen[t.number + t.status];
      state.seen[t.number + t.status] = true;
      if (isNew) { tr.className = 'new'; }
      if (state.selected === t.number) { tr.className += ' selected'; }
      tr.appendChild(el('td', t.number));
      tr.appendChild(el('td', t.status, 'l st-' + t.status));
      tr.appendChild(el('td', t.loss === null || t.loss === undefined ? '' : fmt(t.loss)));
      tr.appendChild(el('td', t.time === null || t.time === undefined ? '' : fmt(t.time)));
      usageCells(tr, t.usage);
      params.forEach(function (p) { tr.appendChild(el('td', t.params[p] === undefined ? '' : fmt(t.params[p]))); });
      tr.appendChild(el('td', t.error || '', 'l'));
      tr.addEventListener('click', function () { detail(t.number, true); });
      body.appendChild(tr);
    });
    if (first) { doc.trials.forEach(function (t) { state.seen[t.number + t.status] = true; }); }
  }

  function charts(doc) {
    var done = doc.trials.some(function (t) { return t.status !== 'running'; });
    $('hm-no-charts').hidden = done;
    if (state.charts) {
      state.charts.update(doc);
    } else if (doc.trials.length > 0) {
      state.charts = HypermaxCharts.render($('hm-charts'), doc, echarts);
    }
  }

  function guidable(doc) {
    var g = doc && doc.guidance;
    var out = {};
    if (g) { g.parameters.forEach(function (p) { out[p.path] = p; }); }
    return out;
  }

  function guidance(doc) {
    var g = doc.guidance;
    if (!g) { return; }
    var refusal = $('hm-guidance-refusal');
    refusal.hidden = g.available;
    refusal.textContent = g.available ? '' : g.refusal;
    $('hm-guide-send').disabled = !g.available;
    var list = $('hm-guidance-state');
    list.textContent = '';
    function item(param, kind, text, canUnlock) {
      var li = el('li', text);
      li.setAttribute('data-param', param);
      li.setAttribute('data-kind', kind);
      if (canUnlock && g.available) {
        var b = el('button', 'unlock');
        b.type = 'button';
        b.addEventListener('click', function () { send({ action: 'unlock', param: param }); });
        li.appendChild(b);
      }
      list.appendChild(li);
    }
    Object.keys(g.locks).forEach(function (p) { item(p, 'lock', p + ' locked to ' + fmt(g.locks[p]), true); });
    g.scrambled.forEach(function (p) { item(p, 'scramble', p + ' scrambled (drawn at random)', true); });
    Object.keys(g.narrowed).forEach(function (p) {
      item(p, 'narrow', p + ' narrowed to [' + fmt(g.narrowed[p][0]) + ', ' + fmt(g.narrowed[p][1]) + ']', true);
    });
    g.pending.forEach(function (w) { item('', 'pending', 'waiting: ' + w + ' (sent, not yet applied by the search)', false); });
    if (!list.firstChild) { item('', 'none', 'No guidance in force: the optimizer chooses every parameter.', false); }
    var select = $('hm-guide-param'), chosen = select.value;
    select.textContent = '';
    g.parameters.forEach(function (p) {
      var o = el('option', p.path);
      o.value = p.path;
      select.appendChild(o);
    });
    if (chosen) { select.value = chosen; }
    rangeHint();
    var history = $('hm-guidance-history');
    history.textContent = '';
    g.history.forEach(function (h) { history.appendChild(el('li', h.at + ' (' + h.source + '): ' + h.what)); });
  }

  function rangeHint() {
    var p = guidable(state.doc)[$('hm-guide-param').value];
    var action = $('hm-guide-action').value;
    $('hm-guide-range').textContent = p ? p.path + ' is ' + p.range : '';
    $('hm-guide-value-label').hidden = action !== 'lock';
    $('hm-guide-range-label').hidden = action !== 'narrow';
  }

  function message(text, ok) {
    var m = $('hm-guidance-message');
    m.textContent = text;
    m.setAttribute('data-state', ok ? 'ok' : 'error');
  }

  /** POSTs one guidance request; the answer's message (or error) is shown under the form. */
  function send(body) {
    var ready = state.csrf ? Promise.resolve() : session();
    return ready.then(function () {
      return fetch('/api/guidance', {
        method: 'POST', credentials: 'same-origin', cache: 'no-store',
        headers: { 'Content-Type': 'application/json', 'X-Hypermax-CSRF': state.csrf },
        body: JSON.stringify(body)
      });
    }).then(function (r) {
      return r.text().then(function (text) {
        var answer = null;
        try { answer = JSON.parse(text); } catch (e) { answer = { error: text.trim() }; }
        if (r.ok) { message(answer.message, true); load(); } else { message('refused (HTTP ' + r.status + '): ' + answer.error, false); }
      });
    }).catch(function (e) { message('cannot send the guidance: ' + e.message, false); });
  }

  function session() {
    return getJson('/api/session').then(function (s) { state.csrf = s.csrf; });
  }

  function lockButtons(t) {
    var box = $('hm-detail-locks');
    box.textContent = '';
    var g = state.doc && state.doc.guidance, params = guidable(state.doc);
    if (!g || !g.available || !t.flat) { return; }
    Object.keys(t.flat).forEach(function (p) {
      if (!params[p]) { return; }
      var b = el('button', 'lock ' + p + ' to ' + fmt(t.flat[p]));
      b.type = 'button';
      b.setAttribute('data-param', p);
      b.title = "lock to this trial's value";
      b.addEventListener('click', function () { send({ action: 'lock', param: p, value: t.flat[p] }); });
      box.appendChild(b);
    });
  }

  function detail(number, scroll) {
    state.selected = number;
    var rows = document.querySelectorAll('#hm-trials tbody tr');
    for (var i = 0; i < rows.length; i++) {
      rows[i].classList.toggle('selected', rows[i].getAttribute('data-trial') === String(number));
    }
    $('hm-detail-title').textContent = '(trial ' + number + ')';
    getJson('/api/trials/' + number).then(function (t) {
      $('hm-detail').textContent = JSON.stringify(t, null, 2);
      lockButtons(t);
      if (t.hasLog) { log(number); } else { $('hm-log').textContent = '(no log file for this trial)'; }
      if (scroll) { $('hm-detail-section').scrollIntoView(); }
    }).catch(function (e) { $('hm-detail').textContent = e.message; });
  }

  function log(number) {
    fetch('/api/trials/' + number + '/log', { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      return r.text().then(function (text) { $('hm-log').textContent = r.ok ? text : '(' + text.trim() + ')'; });
    });
  }

  function connect() {
    var status = $('hm-connection');
    var source = new EventSource('/events');
    source.addEventListener('open', function () { status.textContent = 'live'; status.setAttribute('data-state', 'live'); });
    source.addEventListener('error', function () { status.textContent = 'reconnecting…'; status.setAttribute('data-state', 'lost'); });
    source.addEventListener('update', function (e) {
      var event = JSON.parse(e.data);
      if (!state.doc || event.version !== state.doc.version) { load(); }
    });
  }

  ['hm-filter-status', 'hm-filter-loss', 'hm-filter-text'].forEach(function (id) {
    $(id).addEventListener('input', function () { if (state.doc) { trials(state.doc, false); } });
  });
  $('hm-guide-param').addEventListener('change', rangeHint);
  $('hm-guide-action').addEventListener('change', rangeHint);
  $('hm-guidance-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var body = { action: $('hm-guide-action').value, param: $('hm-guide-param').value };
    if (body.action === 'lock') { body.value = $('hm-guide-value').value; }
    if (body.action === 'narrow') { body.min = $('hm-guide-min').value; body.max = $('hm-guide-max').value; }
    send(body);
  });
  $('hm-log-refresh').addEventListener('click', function () { if (state.selected !== null) { log(state.selected); } });
  setInterval(tick, 1000);
  session().catch(function () {});
  load();
  connect();
})();
