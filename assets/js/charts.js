/*
 * charts.js: draws tiendo's charts with Apache ECharts (assets/vendor/echarts).
 * No build step, ES2017, no inline script needed, no network requests.
 *
 * Contract with the generator (Go package generator/charts, see its doc):
 *
 *   <div id="ID" class="chart-box" hidden></div>        (sized by CSS, else 320px)
 *   <script type="application/json" data-chart="ID">{"option": {…}, "meta": {…}}</script>
 *   <span data-chart-png="ID" hidden><a href="#">PNG</a></span>  (optional, any element)
 *   <script src="/assets/vendor/echarts/echarts.min.js" defer></script>
 *   <script src="/assets/js/charts.js" defer></script>
 *
 * For every <script type="application/json" data-chart="ID"> this script
 * draws payload.option into the element with id ID, adding what JSON cannot
 * carry: formatters built from payload.meta (numbers with Intl.NumberFormat in
 * vi-VN or en-GB, ranks as "71/193", derived and other-source marks, change
 * against the previous value for amounts and counts), the light or dark
 * palette (prefers-color-scheme, redrawn when it changes) and no animation
 * when prefers-reduced-motion asks so. The element is un-hidden and gets the
 * class "chart-ready", and its [data-chart-png] elements are shown; a click
 * in one downloads ID.png. If ECharts is missing or a chart fails, nothing
 * throws and the element stays hidden: the page's table shows the figures.
 */
(function () {
  'use strict';

  // Colour-blind-safe palettes (Okabe–Ito based), one per colour scheme.
  const PALETTE = {
    light: ['#0b63c5', '#d55e00', '#009e73', '#cc79a7', '#8c6d00', '#6a3d9a', '#56b4e9', '#333333'],
    dark: ['#6cb6ff', '#ff9f5a', '#3fd0a4', '#f2a5cf', '#e6c84f', '#c3a6ff', '#9ad8ff', '#dddddd']
  };
  const DEFAULT_HEIGHT = '320px';
  const TITLE_LINE = 18; // px per line of a wrapped title

  const charts = {}; // id → {el, json, chart}
  const media = (q) => (window.matchMedia ? window.matchMedia(q) : null);
  const darkQuery = media('(prefers-color-scheme: dark)');
  const motionQuery = media('(prefers-reduced-motion: reduce)');
  const isDark = () => !!(darkQuery && darkQuery.matches);

  // Number formatting, cached per language and number of decimals.
  const formats = {};
  function nf(lang, decimals) {
    const key = lang + ':' + decimals;
    if (!formats[key]) {
      const o = decimals >= 0
        ? {minimumFractionDigits: decimals, maximumFractionDigits: decimals}
        : {maximumFractionDigits: 2};
      formats[key] = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', o);
    }
    return formats[key];
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  }

  // The number in an ECharts value: 71, [1, 71] or "-" (missing → null).
  function num(v) {
    if (Array.isArray(v)) v = v[v.length - 1];
    return typeof v === 'number' && isFinite(v) ? v : null;
  }

  // "71/193", "80%", "4.543,5 triệu tài khoản": as the page's text writes it.
  function valueText(meta, s, v, pm) {
    const f = nf(meta.lang, meta.kind === 'rank' ? 0 : s.decimals);
    const n = f.format(v);
    if (pm && pm.of != null) return n + '/' + f.format(pm.of);
    if (meta.kind === 'rank' || !meta.unit) return n;
    return meta.unit === '%' ? n + '%' : n + '\u00a0' + meta.unit;
  }

  // "+36,6%" / "−2%": change in percent, signed like the page (U+2212 minus).
  function signedPct(lang, pct) {
    const sign = pct > 0 ? '+' : pct < 0 ? '\u2212' : '±';
    return sign + nf(lang, -1).format(Math.round(Math.abs(pct) * 10) / 10) + '%';
  }

  function tooltip(meta) {
    return (params) => {
      const list = Array.isArray(params) ? params : [params];
      if (!list.length) return '';
      const i = list[0].dataIndex;
      let html = '<strong>' + esc(meta.periods[i] || list[0].name || '') + '</strong>';
      list.forEach((p) => {
        const s = meta.series[p.seriesIndex];
        const pm = s && s.points[p.dataIndex];
        const v = num(p.value);
        if (!pm || v === null) return;
        let row = p.marker + esc(p.seriesName) + ': <b>' + esc(valueText(meta, s, v, pm)) + '</b>';
        if (pm.derived) row += ' (' + esc(meta.words.derived + ' ' + pm.from) + ')';
        if (pm.prev) {
          row += ' · ' + esc(signedPct(meta.lang, (v / pm.prev - 1) * 100) + ' ' + meta.words.vs + ' ' + pm.prevAt);
        }
        html += '<br>' + row;
      });
      return html;
    };
  }

  // prepare completes a freshly parsed option for the current preferences,
  // noting in entry what a resize needs.
  function prepare(option, meta, entry) {
    const el = entry.el;
    const palette = isDark() ? PALETTE.dark : PALETTE.light;
    option.color = palette;
    option.backgroundColor = 'transparent';
    option.animation = !(motionQuery && motionQuery.matches);
    entry.title = option.title || {text: ''};
    entry.gridTops = (option.grid || []).map((g) => Number(g.top || 0));
    const t = titleLayout(entry.title, el);
    entry.title.textStyle = Object.assign({}, entry.title.textStyle,
      {width: t.width, overflow: 'break', lineHeight: TITLE_LINE});
    (option.grid || []).forEach((g, i) => { g.top = entry.gridTops[i] + t.extra; });
    option.tooltip = Object.assign({}, option.tooltip, {formatter: tooltip(meta), confine: true});
    (option.yAxis || []).forEach((y) => {
      y.axisLabel = Object.assign({}, y.axisLabel, {formatter: (v) => nf(meta.lang, -1).format(v)});
    });
    (option.series || []).forEach((series, i) => {
      const s = meta.series[i];
      if (!s) return;
      if (s.role === 'other') {
        // Markers of a second source take the colour of their line.
        series.itemStyle = Object.assign({}, series.itemStyle, {color: palette[s.line % palette.length]});
      }
      if (series.label && series.label.show) {
        series.label.formatter = (p) => {
          const v = num(p.value);
          return v === null ? '' : valueText(meta, s, v, s.points[p.dataIndex]);
        };
      }
    });
    return option;
  }

  // A long title wraps: titleLayout returns its width and the height its
  // extra lines take, by which the plot moves down.
  let measure = null;
  function titleLayout(title, el) {
    const width = Math.max(el.clientWidth - 16, 120);
    const size = (title.textStyle && title.textStyle.fontSize) || 14;
    if (!measure) measure = document.createElement('canvas').getContext('2d');
    if (!measure) return {width: width, extra: 0};
    measure.font = 'bold ' + size + 'px sans-serif';
    const lines = Math.ceil(measure.measureText(title.text || '').width / width) || 1;
    return {width: width, extra: (lines - 1) * TITLE_LINE};
  }

  function render(entry) {
    if (entry.chart) entry.chart.dispose();
    entry.chart = null;
    const payload = JSON.parse(entry.json);
    entry.width = entry.el.clientWidth;
    const option = prepare(payload.option, payload.meta, entry);
    const chart = window.echarts.init(entry.el, isDark() ? 'dark' : null, {renderer: 'canvas'});
    entry.chart = chart;
    chart.setOption(option);
  }

  // draw renders one chart; on failure it cleans up and reports false.
  function draw(entry, id) {
    try {
      render(entry);
      return true;
    } catch (err) {
      try { if (entry.chart) entry.chart.dispose(); } catch (ignored) { /* nothing left to do */ }
      entry.chart = null;
      if (window.console) console.warn('charts.js: chart ' + id + ' not drawn', err);
      return false;
    }
  }

  function redrawAll() {
    Object.keys(charts).forEach((id) => draw(charts[id], id));
  }

  // resize follows the element's size; a new width may wrap the title
  // differently, which moves the plot.
  function resize(entry) {
    if (!entry.chart) return;
    if (entry.width !== entry.el.clientWidth) {
      entry.width = entry.el.clientWidth;
      const t = titleLayout(entry.title, entry.el);
      entry.chart.setOption({
        title: {textStyle: {width: t.width}},
        grid: entry.gridTops.map((top) => ({top: top + t.extra}))
      });
    }
    entry.chart.resize();
  }

  // The colour behind the chart, for the PNG: the first opaque ancestor's.
  function background(el) {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
    }
    return isDark() ? '#121212' : '#ffffff';
  }

  function downloadPNG(id) {
    const entry = charts[id];
    if (!entry || !entry.chart) return false;
    const a = document.createElement('a');
    a.href = entry.chart.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: background(entry.el)});
    a.download = id + '.png';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return true;
  }

  function listen(query, fn) {
    if (!query) return;
    if (query.addEventListener) query.addEventListener('change', fn);
    else if (query.addListener) query.addListener(fn); // Safari < 14
  }

  function start() {
    if (!window.echarts || typeof window.echarts.init !== 'function') return; // table stays
    const scripts = document.querySelectorAll('script[type="application/json"][data-chart]');
    Array.prototype.forEach.call(scripts, (script) => {
      const id = script.getAttribute('data-chart');
      const el = document.getElementById(id);
      if (!el || charts[id]) return;
      el.hidden = false; // hidden in the HTML so that no empty box shows without charts
      if (!el.clientHeight) el.style.height = DEFAULT_HEIGHT;
      const entry = {el: el, json: script.textContent, chart: null, width: 0, title: null, gridTops: []};
      if (!draw(entry, id)) {
        el.hidden = true;
        return;
      }
      charts[id] = entry;
      el.classList.add('chart-ready');
      document.querySelectorAll('[data-chart-png]').forEach((b) => {
        if (b.getAttribute('data-chart-png') === id) b.hidden = false;
      });
      if (window.ResizeObserver) new ResizeObserver(() => resize(entry)).observe(el);
    });

    if (!window.ResizeObserver) {
      let pending = false;
      window.addEventListener('resize', () => {
        if (pending) return;
        pending = true;
        window.requestAnimationFrame(() => {
          pending = false;
          Object.keys(charts).forEach((id) => resize(charts[id]));
        });
      });
    }
    listen(darkQuery, redrawAll);
    listen(motionQuery, redrawAll);
    document.addEventListener('click', (e) => {
      const t = e.target && e.target.closest ? e.target.closest('[data-chart-png]') : null;
      if (t && downloadPNG(t.getAttribute('data-chart-png'))) e.preventDefault();
    });
  }

  function safeStart() {
    try {
      start();
    } catch (err) {
      if (window.console) console.warn('charts.js: charts not drawn', err);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', safeStart);
  else safeStart();
})();
