/**
 * The findings table's script: reads the embedded JSON, filters, searches, sorts and shows one
 * page of rows at a time, so 100,000 recordings never become 100,000 DOM rows. Text reaches the
 * page only through textContent, never innerHTML. Plain ES2019, no template literals, because it
 * is inlined from a TypeScript string.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var S = data.strings, t = data.t, PAGE = 100;
  var COL = { root: 0, path: 1, callId: 2, verdict: 3, reason: 4, categories: 5, day: 6, duration: 7, size: 8,
    explanation: 9, events: 10, legal: 11, problems: 12, baseline: 13, deleteBy: 14 };
  var str = function (i) { return i < 0 ? '' : S[i]; };
  var category = function (c) { return data.categories[c] || c; };
  var reason = function (r) { return data.reasons[r] ? r + ' — ' + data.reasons[r] : r; };
  var rows = data.rows;
  var state = { verdict: '', reason: '', category: '', q: '', sort: null, dir: 1, page: 0, open: {} };
  var hasBaseline = rows.some(function (r) { return r[COL.baseline] >= 0; });
  var columns = [
    { key: 'verdict', label: t.verdict, value: function (r) { return str(r[COL.verdict]); } },
    { key: 'reason', label: t.reason, value: function (r) { return str(r[COL.reason]); } },
    { key: 'categories', label: t.category, value: function (r) { return str(r[COL.categories]); } },
    { key: 'callId', label: t.callId, value: function (r) { return r[COL.callId] || ''; } },
    { key: 'path', label: t.path, value: function (r) { return r[COL.path]; } },
    { key: 'day', label: t.date, value: function (r) { return str(r[COL.day]); } },
    { key: 'deleteBy', label: t.deleteBy, value: function (r) { return str(r[COL.deleteBy]); } },
    { key: 'duration', label: t.duration, numeric: true, value: function (r) { return r[COL.duration] == null ? -1 : r[COL.duration]; } }
  ];
  if (hasBaseline) columns.unshift({ key: 'baseline', label: t.status, value: function (r) { return str(r[COL.baseline]); } });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function fillSelect(id, values, label, display) {
    var select = document.getElementById(id);
    select.appendChild(new Option(label + ': ' + t.filterAll, ''));
    values.sort().forEach(function (v) { select.appendChild(new Option(display ? display(v) : v, v)); });
    select.addEventListener('change', function () { state[id.replace('filter-', '')] = select.value; state.page = 0; render(); });
  }
  function distinct(col, split) {
    var seen = {};
    rows.forEach(function (r) {
      var v = str(r[col]);
      (split ? v.split(', ') : [v]).forEach(function (x) { if (x) seen[x] = true; });
    });
    return Object.keys(seen);
  }

  function matches(r) {
    if (state.verdict && str(r[COL.verdict]) !== state.verdict) return false;
    if (state.reason && str(r[COL.reason]) !== state.reason) return false;
    if (state.category && str(r[COL.categories]).split(', ').indexOf(state.category) < 0) return false;
    if (state.q) {
      var hay = (r[COL.callId] || '') + '\\u0000' + r[COL.path];
      if (hay.toLowerCase().indexOf(state.q) < 0) return false;
    }
    return true;
  }

  var visible = rows.map(function (_r, i) { return i; });
  function recompute() {
    visible = [];
    for (var i = 0; i < rows.length; i++) if (matches(rows[i])) visible.push(i);
    if (state.sort) {
      var col = columns.filter(function (c) { return c.key === state.sort; })[0];
      var keyed = visible.map(function (i) { return [col.value(rows[i]), i]; });
      keyed.sort(function (a, b) { return (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]) * state.dir; });
      visible = keyed.map(function (k) { return k[1]; });
    }
  }

  function detail(r) {
    var box = el('div');
    box.appendChild(el('p', reason(str(r[COL.reason])) + '. ' + str(r[COL.explanation])));
    box.appendChild(el('p', str(r[COL.root]) + '/' + r[COL.path], 'mono'));
    box.appendChild(el('h4', t.evidence));
    var events = r[COL.events];
    if (events.length === 0) box.appendChild(el('p', t.noEvidence, 'muted'));
    else {
      var list = el('ul');
      events.forEach(function (e) {
        list.appendChild(el('li', str(e[0]) + ':' + e[1] + ' — "' + str(e[2]) + '" → ' + category(str(e[3])) + ' (' + t.howRead + ': ' + (data.matchedBy[str(e[4])] || str(e[4])) + (e[5] >= 0 ? ', "' + str(e[5]) + '"' : '') + ')' + (e[6] ? ' · ' + e[6] : '')));
      });
      box.appendChild(list);
    }
    var problems = r[COL.problems];
    if (problems.length > 0) {
      box.appendChild(el('h4', t.fileProblems));
      problems.forEach(function (p) { box.appendChild(el('p', str(p))); });
    }
    var ids = str(r[COL.legal]).split(' ').filter(Boolean);
    if (ids.length > 0) {
      box.appendChild(el('h4', t.legalText));
      ids.forEach(function (id) {
        var c = data.citations[id];
        var p = el('div', null, 'citation');
        p.appendChild(el('strong', id + ' '));
        if (c) {
          p.appendChild(el('span', '(' + (c.status === 'confirmed' ? t.confirmed : c.status === 'secondary' ? t.secondary : t.unconfirmed) + ') ', 'status'));
          p.appendChild(el('span', c.text));
        } else p.appendChild(el('span', t.legalTextMissing, 'muted'));
        box.appendChild(p);
      });
    }
    return box;
  }

  var table = document.getElementById('findings');
  var thead = table.querySelector('thead tr');
  thead.appendChild(el('th', null, 'expander-col'));
  // A button in each header and each row: Tab reaches them, Enter and Space press them.
  columns.forEach(function (c) {
    var th = el('th');
    var button = el('button', c.label, 'sort');
    button.type = 'button';
    button.setAttribute('aria-label', t.sortBy + ': ' + c.label);
    th.appendChild(button);
    th.dataset.key = c.key;
    th.addEventListener('click', function () {
      state.dir = state.sort === c.key ? -state.dir : 1;
      state.sort = c.key;
      state.page = 0;
      render();
    });
    thead.appendChild(th);
  });

  function render() {
    var focused = document.activeElement;
    var refocus = focused && focused.classList.contains('expander') ? focused.dataset.index : null;
    recompute();
    var tbody = table.querySelector('tbody');
    tbody.textContent = '';
    var pages = Math.max(1, Math.ceil(visible.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * PAGE;
    visible.slice(start, start + PAGE).forEach(function (i) {
      var r = rows[i];
      var tr = el('tr', null, 'row');
      tr.dataset.index = String(i);
      var toggle = el('button', state.open[i] ? '\u25be' : '\u25b8', 'expander');
      toggle.type = 'button';
      toggle.dataset.index = String(i);
      toggle.setAttribute('aria-expanded', state.open[i] ? 'true' : 'false');
      toggle.setAttribute('aria-label', t.showEvidence);
      var toggleCell = el('td');
      toggleCell.appendChild(toggle);
      tr.appendChild(toggleCell);
      columns.forEach(function (c) {
        var value = c.value(r);
        var shown = c.key === 'verdict' ? data.verdicts[value] || value
          : c.key === 'baseline' ? (value === 'new' ? t.baselineNew : value === 'persisting' ? t.baselinePersisting : '')
          : c.key === 'categories' ? value.split(', ').filter(Boolean).map(category).join(', ')
          : c.key === 'reason' ? reason(value)
          : c.key === 'duration' && value < 0 ? ''
          : c.key === 'deleteBy' && !value && str(r[COL.verdict]) === 'violation' ? t.deleteNow : value;
        var td = el('td', shown);
        if (c.key === 'verdict') td.className = 'verdict-' + value;
        if (c.key === 'path') td.className = 'mono';
        if (c.key === 'callId') td.className = 'mono nowrap';
        if (c.key === 'day' || c.key === 'deleteBy') td.className = 'nowrap';
        if (c.key === 'baseline' && value === 'new') td.className = 'new';
        if (c.numeric) td.className = 'num';
        tr.appendChild(td);
      });
      tr.addEventListener('click', function () { state.open[i] = !state.open[i]; render(); });
      tbody.appendChild(tr);
      if (state.open[i]) {
        var d = el('tr', null, 'detail');
        var td = el('td');
        td.colSpan = columns.length + 1;
        td.appendChild(detail(r));
        d.appendChild(td);
        tbody.appendChild(d);
      }
    });
    if (refocus !== null) {
      var again = tbody.querySelector('button.expander[data-index="' + refocus + '"]');
      if (again) again.focus();
    }
    Array.prototype.forEach.call(thead.querySelectorAll('th[data-key]'), function (th) {
      th.setAttribute('aria-sort', th.dataset.key === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
    document.getElementById('shown-count').textContent = String(visible.length);
    document.getElementById('page-label').textContent = t.page + ' ' + (state.page + 1) + ' / ' + pages;
    document.getElementById('prev').disabled = state.page === 0;
    document.getElementById('next').disabled = state.page >= pages - 1;
  }

  fillSelect('filter-verdict', distinct(COL.verdict), t.verdict, function (v) { return data.verdicts[v] || v; });
  fillSelect('filter-reason', distinct(COL.reason), t.reason, reason);
  fillSelect('filter-category', distinct(COL.categories, true), t.category, category);
  var search = document.getElementById('search');
  search.addEventListener('input', function () { state.q = search.value.trim().toLowerCase(); state.page = 0; render(); });
  document.getElementById('prev').addEventListener('click', function () { state.page -= 1; render(); });
  document.getElementById('next').addEventListener('click', function () { state.page += 1; render(); });
  document.getElementById('findings-ui').hidden = false;
  render();
})();
`;
