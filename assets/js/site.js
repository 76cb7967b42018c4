/* site.js (ES2017, deferred): opens every <details> for print; client-side
   search over the per-language index named by the search form's data-index;
   the filter of the commitments page; sorting and filtering a metric page's
   league table. (charts.js folds a chart's data table.) */
(function () {
  'use strict';
  const $$ = (s) => Array.prototype.slice.call(document.querySelectorAll(s));

  let opened = [];
  window.addEventListener('beforeprint', () => {
    opened = $$('details:not([open])');
    opened.forEach((d) => { d.open = true; });
  });
  window.addEventListener('afterprint', () => {
    opened.forEach((d) => { d.open = false; });
    opened = [];
  });

  // Search.
  const el = (tag, text) => { const e = document.createElement(tag); if (text) e.textContent = text; return e; };
  const norm = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd').toLowerCase();

  function search(form) {
    const input = form.querySelector('input[type=search]');
    const status = document.getElementById('search-status');
    const list = document.getElementById('search-results');
    const msg = (k, n, q) => (form.getAttribute('data-msg-' + k) || '').replace('%d', n).replace('%s', () => q);
    let docs = null, timer = 0;

    // A snippet of x (normalised: n) around the first word found, words marked.
    function snippet(x, n, words) {
      let map = null;
      if (n.length !== x.length) {
        n = ''; map = [];
        for (let i = 0; i < x.length; i++) {
          const c = norm(x[i]);
          for (let j = 0; j < c.length; j++) { n += c[j]; map.push(i); }
        }
      }
      const o = (k) => (map ? map[k] : k);
      let at = -1;
      words.forEach((w) => { const k = n.indexOf(w); if (k >= 0 && (at < 0 || k < at)) at = k; });
      const p = el('p');
      at = at < 0 ? 0 : o(at);
      let from = Math.max(0, at - 60);
      let to = Math.min(x.length, from + 220);
      if (to < x.length) to = Math.max(x.lastIndexOf(' ', to), at + 1);
      if (from > 0) from = x.indexOf(' ', from) + 1 || from;
      const marks = [];
      words.forEach((w) => {
        for (let k = n.indexOf(w); k >= 0; k = n.indexOf(w, k + w.length)) {
          const a = o(k), b = o(k + w.length - 1) + 1;
          if (a >= from && b <= to) marks.push([a, b]);
        }
      });
      marks.sort((a, b) => a[0] - b[0]);
      let pos = from;
      if (from > 0) p.append('… ');
      marks.forEach((m) => {
        if (m[0] < pos) return;
        p.append(x.slice(pos, m[0]));
        p.append(el('mark', x.slice(m[0], m[1])));
        pos = m[1];
      });
      p.append(x.slice(pos, to) + (to < x.length ? ' …' : ''));
      return p;
    }

    function run(q) {
      list.textContent = '';
      const words = norm(q).split(/[\s,.;:!?"“”()]+/).filter(Boolean);
      if (!words.length) { status.textContent = ''; return; }
      if (!docs) { status.textContent = msg('loading'); return; }
      const hits = [], phrase = words.join(' ');
      docs.forEach((d, i) => {
        let score = d.nt.includes(phrase) ? 20 : d.ns.includes(phrase) ? 5 : 0;
        for (const w of words) {
          const t = d.nt.indexOf(w);
          if (t >= 0) score += t === 0 ? 12 : 10;
          else if (d.ns.indexOf(w) >= 0) score += 3;
          else if (d.nx.indexOf(w) >= 0) score += 1;
          else return;
        }
        hits.push({d: d, score: score, i: i});
      });
      // Equal matches: newer pages first, then series and commitments.
      const date = (h) => h.d.d || '';
      hits.sort((a, b) => b.score - a.score || (date(a) < date(b)) - (date(a) > date(b)) || a.i - b.i);
      status.textContent = msg(hits.length === 1 ? 'one' : hits.length ? 'count' : 'none', hits.length, q);
      hits.slice(0, 50).forEach((h) => {
        const d = h.d, li = el('li'), a = el('a', d.t), k = el('span', form.getAttribute('data-kind-' + d.k) || d.k);
        a.href = d.u;
        k.className = 'badge';
        const inText = d.s && !words.some((w) => d.nt.includes(w) || d.ns.includes(w));
        li.append(a, ' ', k, inText || !d.s ? snippet(d.x || '', d.nx, words) : snippet(d.s, d.ns, words));
        list.append(li);
      });
    }

    function show(push) {
      const q = input.value.trim();
      run(q);
      const url = location.pathname + (q ? '?q=' + encodeURIComponent(q) : '');
      if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
    }

    const fromURL = () => { input.value = new URLSearchParams(location.search).get('q') || ''; run(input.value.trim()); };
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(show, 150); });
    form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); show(true); });
    window.addEventListener('popstate', fromURL);
    fromURL();
    // The index is several files (pages by file, then series and
    // commitments), fetched together.
    Promise.all(form.getAttribute('data-index').split(' ').map((u) =>
      fetch(u, {credentials: 'same-origin'}).then((r) => (r.ok ? r.json() : Promise.reject(r.status)))))
      .then((parts) => {
        docs = [].concat(...parts).map((d) => Object.assign({nt: norm(d.t), ns: norm(d.s), nx: norm(d.x)}, d));
        run(input.value.trim());
      })
      .catch(() => { status.textContent = msg('error'); });
  }

  // The commitments page: the filter narrows the status groups' rows to an
  // agency, a status and a deadline. Without JavaScript the form stays
  // hidden and the page's indexes by agency and deadline do the same.
  function filterCommitments(form) {
    const groups = $$('.c-group');
    const total = $$('.c-group tbody tr').length;
    const status = form.querySelector('.c-filter-status');
    const msg = form.getAttribute('data-msg-shown') || '';
    function apply() {
      const ag = form.elements.agency.value, st = form.elements.status.value, due = form.elements.due.value;
      let shown = 0;
      groups.forEach((g) => {
        let n = 0;
        g.querySelectorAll('tbody tr').forEach((tr) => {
          const ok = (!st || g.id === st) && (!due || tr.getAttribute('data-due') === due) &&
            (!ag || (tr.getAttribute('data-agencies') || '').split(' ').indexOf(ag) >= 0);
          tr.hidden = !ok;
          if (ok) n++;
        });
        g.hidden = n === 0;
        const count = g.querySelector('h2 .count');
        if (count) count.textContent = n;
        shown += n;
      });
      status.textContent = ag || st || due ? msg.replace('%d', shown).replace('%d', total) : '';
    }
    form.hidden = false;
    form.addEventListener('change', apply);
    form.addEventListener('submit', (e) => e.preventDefault());
  }

  // The metrics index's filter: the series whose words (data-filter) hold
  // every word typed, diacritics folded on both sides; themes left empty
  // are hidden.
  function filterMetrics(form) {
    const input = form.querySelector('input');
    const status = form.querySelector('.m-filter-status');
    const groups = $$('[data-filter-group]');
    const items = $$('[data-filter-group] [data-filter]');
    items.forEach((it) => { it.normFilter = norm(it.getAttribute('data-filter')); });
    function apply() {
      const words = norm(input.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      items.forEach((it) => {
        const ok = words.every((w) => it.normFilter.includes(w));
        it.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach((g) => { g.hidden = !g.querySelector('[data-filter]:not([hidden])'); });
      status.textContent = !words.length ? '' : shown ? form.getAttribute('data-msg-shown').replace('%d', shown).replace('%d', items.length) : form.getAttribute('data-msg-none');
    }
    form.hidden = false;
    input.addEventListener('input', apply);
    form.addEventListener('submit', (e) => e.preventDefault());
  }

  // A league table comes sorted best first, readable without
  // JavaScript. Here each column header becomes a button that sorts by it
  // (again: the other way), aria-sort on the sorted column's header, and
  // on a metric page the filter above the table (data-filter-input)
  // narrows the rows to the names that contain what is typed (accents and
  // case aside). Rows without a
  // key (no figure, no comparable change) stay last either way; equal keys
  // keep the order they came in. What changed is said in the status line.
  function leagueTable(table) {
    const heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    const body = table.tBodies[0];
    const rows = Array.prototype.slice.call(body.rows);
    const status = document.getElementById(table.getAttribute('data-status'));
    const msg = (k) => table.getAttribute('data-msg-' + k) || '';
    const lang = document.documentElement.lang || 'vi';
    const collator = window.Intl && Intl.Collator ? new Intl.Collator(lang) : null;
    rows.forEach((tr, i) => { tr.setAttribute('data-i', i); });
    const key = (tr, col) => {
      const cell = tr.cells[col];
      return cell.hasAttribute('data-key') ? cell.getAttribute('data-key') : cell.textContent.trim();
    };
    function sort(col, dir) {
      const numeric = heads[col].getAttribute('data-sort') === 'number';
      const sign = dir === 'ascending' ? 1 : -1;
      const sorted = rows.slice().sort((a, b) => {
        const x = key(a, col), y = key(b, col);
        if ((x === '') !== (y === '')) return x === '' ? 1 : -1;
        let c = 0;
        if (x !== '') {
          c = numeric ? Number(x) - Number(y) : collator ? collator.compare(x, y) : (x < y ? -1 : x > y ? 1 : 0);
        }
        return sign * c || a.getAttribute('data-i') - b.getAttribute('data-i');
      });
      sorted.forEach((tr) => body.appendChild(tr));
      heads.forEach((th, i) => {
        if (i === col) th.setAttribute('aria-sort', dir);
        else th.removeAttribute('aria-sort');
        const mark = th.querySelector('.sort-mark');
        if (mark) mark.textContent = i !== col ? '↕' : dir === 'ascending' ? '▲' : '▼';
      });
    }
    heads.forEach((th, col) => {
      const label = th.textContent.trim();
      const button = el('button');
      button.type = 'button';
      button.className = 'sort';
      button.append(label, ' ');
      const mark = el('span', th.hasAttribute('aria-sort') ? (th.getAttribute('aria-sort') === 'ascending' ? '▲' : '▼') : '↕');
      mark.className = 'sort-mark';
      mark.setAttribute('aria-hidden', 'true');
      button.append(mark);
      th.textContent = '';
      th.append(button);
      button.addEventListener('click', () => {
        const now = th.getAttribute('aria-sort');
        const dir = now ? (now === 'ascending' ? 'descending' : 'ascending') : th.getAttribute('data-first') || 'ascending';
        sort(col, dir);
        if (status) status.textContent = msg('sorted').replace('%s', label).replace('%s', msg(dir));
      });
    });
    const filter = document.getElementById(table.getAttribute('data-filter-input'));
    if (filter) {
      filter.closest('.league-filter').hidden = false;
      filter.addEventListener('input', () => {
        const q = norm(filter.value.trim());
        let shown = 0;
        rows.forEach((tr) => {
          tr.hidden = q !== '' && norm(tr.cells[0].textContent).indexOf(q) < 0;
          if (!tr.hidden) shown++;
        });
        if (status) status.textContent = q ? msg('shown').replace('%d', shown).replace('%d', rows.length) : '';
      });
    }
  }

  function start() {
    const form = document.querySelector('form[data-index]');
    if (form && window.fetch && String.prototype.normalize) search(form);
    const filter = document.querySelector('form.c-filter');
    if (filter) filterCommitments(filter);
    const metrics = document.querySelector('form.m-filter');
    if (metrics) filterMetrics(metrics);
    if (String.prototype.normalize) $$('table.league-table').forEach(leagueTable);
  }
  if (document.readyState === 'complete') start();
  else document.addEventListener('DOMContentLoaded', start);
})();
