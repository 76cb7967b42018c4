/*
 * maps.js: draws tiendo's maps (choropleths) with Apache ECharts' map build
 * (assets/vendor/echarts/echarts-map.min.js). No build step, ES2017, no
 * inline script; the only requests are for the map's own boundary files,
 * on the same site.
 *
 * Contract with the generator (Go: generator/charts/maps.go, the page:
 * templates/partials/map.html):
 *
 *   <p data-map-period="ID" hidden><label for="ID-period">…</label>
 *     <select id="ID-period"><option value="0">2024</option>…</select></p>  (several periods only)
 *   <div id="ID" class="chart-box map-box" hidden></div>
 *   <script type="application/json" data-map="ID">{"option": {…}, "meta": {…}}</script>
 *
 * For each payload this script loads the GeoJSON of the boundaries of the
 * period shown (meta.boundaries[i].url, registered in ECharts under that
 * URL), draws payload.option into the element with id ID and adds what the
 * option leaves out: the colours of the scale (sequential, colour-blind
 * safe, the darker the better in the light palette, the brighter the
 * better in the dark one; meta.better), the numbers with their unit at the
 * ends of the scale (as many as fit the element's width: scale), and tooltips naming the shape, its value with its
 * qualifier and flag, other sources' values and the link to the quoted
 * passage. The period selector is shown, and choosing a period draws its
 * figures (meta.periods[i].data) on its boundaries. If ECharts, a boundary
 * file or the drawing fails, the element stays hidden and the table shows
 * the figures; nothing throws.
 */
(function () {
  'use strict';

  // Sequential scales from low to high: ColorBrewer YlGnBu (colour-blind
  // safe), light to dark on white; dark to bright on the dark background.
  const SCALE = {
    light: ['#f0f9c0', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
    dark: ['#1f3b5a', '#2a6f99', '#41b6c4', '#a1dab4', '#f0f9c0']
  };
  const NO_DATA = {light: '#e3e6e8', dark: '#33383e'};
  const BORDER = {light: '#8d969e', dark: '#6b747d'};
  const TEXT = {light: '#1b1f23', dark: '#e4e8ec'};
  const PAGE = {light: '#fff', dark: '#121417'}; // site.css's --bg

  const media = (q) => (window.matchMedia ? window.matchMedia(q) : null);
  const darkQuery = media('(prefers-color-scheme: dark)');
  const motionQuery = media('(prefers-reduced-motion: reduce)');
  const printQuery = media('print');
  let printing = false;
  const isDark = () => !printing && !!(darkQuery && darkQuery.matches);
  const animated = () => !printing && !(motionQuery && motionQuery.matches);

  const entries = []; // {id, el, payload, period, chart}
  const loads = {}; // url → Promise of the feature names by code
  const names = {}; // url → {code: {name, name_en}}
  const bounds = {}; // url → [west, south, east, north]
  const shapeBounds = {}; // url → {code: [west, south, east, north]}

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

  // "71/193", "80%", "4.543,5 triệu tài khoản", as the page writes values.
  function bare(meta, v, d) {
    const f = nf(meta.lang, meta.kind === 'rank' ? 0 : meta.decimals);
    const n = f.format(v);
    if (d && d.of != null) return n + '/' + f.format(d.of);
    if (meta.kind === 'rank' || !meta.unit) return n;
    return meta.unit === '%' ? n + '%' : n + '\u00a0' + meta.unit;
  }

  function hedged(meta, v, d) {
    let text = bare(meta, v, d);
    if (d && d.q) text = d.q + '\u00a0' + text;
    if (d && d.flag) text += ' (' + d.flag + ')';
    return text;
  }

  function make(tag, text) {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    return e;
  }

  // load fetches a boundary file once and registers it with ECharts.
  function load(url) {
    if (!loads[url]) {
      loads[url] = fetch(url, {credentials: 'same-origin'})
        .then((r) => {
          if (!r.ok) throw new Error(url + ': ' + r.status);
          return r.json();
        })
        .then((geo) => {
          const byCode = {}, boxes = {};
          (geo.features || []).forEach((f, i) => {
            const p = f.properties = f.properties || {};
            // A shape of no code (null in the world's file) is named as
            // the generator names it, "~" and its number, unique and
            // matching no figure: ECharts would merge unnamed shapes.
            if (p.code == null) p.code = '~' + (i + 1);
            byCode[p.code] = p;
            boxes[p.code] = extent({features: [f]});
          });
          names[url] = byCode;
          shapeBounds[url] = boxes;
          bounds[url] = extent(geo);
          window.echarts.registerMap(url, geo);
        });
    }
    return loads[url];
  }

  // focus is the part of a map's boundaries the entry shows: the box of
  // the shapes it has figures for, in every period drawn on them, with a
  // margin, when that is less than half the map (countries of one region
  // on the world map); else the whole map. The shapes around it are drawn
  // to the element's edges.
  function focus(entry, url) {
    const whole = bounds[url], boxes = shapeBounds[url] || {};
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    entry.payload.meta.periods.forEach((p) => {
      if (entry.payload.meta.boundaries[p.boundary].url !== url) return;
      p.data.forEach((d) => {
        const s = boxes[d.code];
        if (!s || !(s[2] >= s[0])) return;
        b[0] = Math.min(b[0], s[0]); b[1] = Math.min(b[1], s[1]);
        b[2] = Math.max(b[2], s[2]); b[3] = Math.max(b[3], s[3]);
      });
    });
    if (!whole || !(b[2] > b[0] && b[3] > b[1])) return whole;
    const area = (x) => (x[2] - x[0]) * (x[3] - x[1]);
    if (area(b) >= area(whole) / 2) return whole;
    const mx = (b[2] - b[0]) * 0.06 + 1, my = (b[3] - b[1]) * 0.06 + 1;
    return [Math.max(whole[0], b[0] - mx), Math.max(whole[1], b[1] - my),
      Math.min(whole[2], b[2] + mx), Math.min(whole[3], b[3] + my)];
  }

  // extent is the box of a GeoJSON's coordinates: [west, south, east, north].
  function extent(geo) {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (c) => {
      if (typeof c[0] === 'number') {
        b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]);
        b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]);
      } else c.forEach(walk);
    };
    (geo.features || []).forEach((f) => { if (f.geometry) walk(f.geometry.coordinates); });
    return b;
  }

  // ECharts stretches a map to fill a box given by left, right, top and
  // bottom: layout gives its centre and size instead, so that the map keeps
  // its shape, as large as the element allows above the colour scale. A
  // degree of longitude is drawn cos(latitude) as wide as one of latitude,
  // at the middle latitude of the map (ECharts' default, 0.75, is right at
  // 41°: it would draw Vietnam a quarter too tall).
  const PAD = 8, SCALE_ROOM = 56;
  function layout(entry) {
    const meta = entry.payload.meta;
    const url = meta.boundaries[meta.periods[entry.period].boundary].url;
    const b = focus(entry, url);
    const w = Math.max(entry.el.clientWidth - 2 * PAD, 40);
    const h = Math.max(entry.el.clientHeight - PAD - SCALE_ROOM, 40);
    const ok = b && b[2] > b[0] && b[3] > b[1];
    const scale = ok ? Math.min(1, Math.max(0.3, Math.cos((b[1] + b[3]) / 2 * Math.PI / 180))) : 1;
    const aspect = ok ? (b[2] - b[0]) / (b[3] - b[1]) * scale : 1.5;
    // ECharts sizes the map's longer side by layoutSize.
    const size = aspect > 1 ? Math.min(w, h * aspect) : Math.min(h, w / aspect);
    const out = {layoutCenter: [PAD + w / 2, PAD + h / 2], layoutSize: size, aspectScale: scale};
    if (ok && b !== bounds[url]) out.boundingCoords = [[b[0], b[3]], [b[2], b[1]]];
    return out;
  }

  // scale is what of the colour scale depends on the element's width: the
  // numbers at its ends and its length. ECharts lays the scale out in a
  // row, its padding, the low end's text, a gap, the bar, a gap and the
  // high end's text, centred, and clips what passes the element's edges:
  // at 360 px "0.3764 score (0-1)" and "0.8701 score (0-1)" around a bar
  // of 160 px do not fit. The bar shortens first, down to BAR_MIN; then
  // the low end drops its unit, which the high end still says; then the
  // high end does too (the page states the unit above the map).
  const FONT = 12, GAP = 10, SCALE_PAD = 8, BAR_MAX = 160, BAR_MIN = 80, EDGE = 4;
  let measurer = null;
  function textWidth(text) {
    if (!measurer) {
      const c = document.createElement('canvas').getContext('2d');
      if (!c) return text.length * FONT * 0.6;
      c.font = FONT + 'px sans-serif'; // ECharts' default, which the scale keeps
      measurer = c;
    }
    return measurer.measureText(text).width;
  }
  function scale(entry, vm) {
    const meta = entry.payload.meta;
    const room = entry.el.clientWidth - 2 * (SCALE_PAD + GAP + EDGE);
    const plain = {unit: '', kind: meta.kind, lang: meta.lang, decimals: meta.decimals};
    const tries = [[meta, meta], [meta, plain], [plain, plain]];
    let text, bar;
    for (const [hi, lo] of tries) {
      text = [bare(hi, vm.max), bare(lo, vm.min)];
      bar = Math.min(BAR_MAX, room - textWidth(text[0]) - textWidth(text[1]));
      if (bar >= BAR_MIN) break;
    }
    return {text: text, itemHeight: Math.max(bar, 24)};
  }

  function resize(entry) {
    if (!entry.chart) return;
    entry.chart.resize();
    const range = entry.payload.option.visualMap[0];
    entry.chart.setOption({series: [layout(entry)], visualMap: [scale(entry, range)]});
  }

  // shapeName is a shape's name in the page's language, from its file.
  function shapeName(entry, code) {
    const meta = entry.payload.meta;
    const url = meta.boundaries[meta.periods[entry.period].boundary].url;
    const p = (names[url] || {})[code];
    if (!p) return code;
    return (meta.lang === 'en' && p.name_en) || p.name || code;
  }

  function tooltip(entry) {
    return (params) => {
      const meta = entry.payload.meta;
      const period = meta.periods[entry.period];
      const d = period.data.find((x) => x.code === params.name);
      const box = make('div');
      box.style.whiteSpace = 'normal';
      box.style.maxWidth = Math.max(160, Math.min(320, window.innerWidth - 48)) + 'px';
      box.appendChild(make('strong', d ? d.name : shapeName(entry, params.name)));
      const row = make('div');
      row.appendChild(document.createTextNode(period.name + ': '));
      if (!d) {
        row.appendChild(document.createTextNode(meta.words.noData));
      } else if (d.gap) {
        row.appendChild(document.createTextNode(d.gap));
      } else {
        row.appendChild(make('b', hedged(meta, d.value, d)));
        if (d.derived) row.appendChild(document.createTextNode(' (' + meta.words.derived + ' ' + d.from + ')'));
      }
      box.appendChild(row);
      if (d && d.others) {
        d.others.forEach((o) => box.appendChild(make('div', meta.words.other + ': ' + o)));
      }
      if (d && d.src) {
        const a = make('a', meta.words.see);
        a.href = d.src;
        const p = make('div');
        p.appendChild(a);
        box.appendChild(p);
      }
      return box;
    };
  }

  // data is the map series' data for the period shown.
  function data(entry) {
    return entry.payload.meta.periods[entry.period].data.map((d) => ({
      name: d.code,
      value: d.gap || d.value == null ? '-' : d.value
    }));
  }

  function option(entry) {
    const payload = JSON.parse(entry.json); // a fresh copy: ECharts keeps what it is given
    const option = payload.option;
    const meta = payload.meta;
    const period = meta.periods[entry.period];
    const mode = isDark() ? 'dark' : 'light';
    let colours = SCALE[mode].slice();
    if (meta.better === 'lower') colours = colours.reverse();
    option.backgroundColor = 'transparent';
    option.animation = animated();
    option.aria.label.description = period.desc;
    option.tooltip = Object.assign({}, option.tooltip, {formatter: tooltip(entry), confine: true, enterable: true});
    option.visualMap = option.visualMap.map((vm) => Object.assign(vm, {
      inRange: {color: colours},
      textStyle: {color: TEXT[mode], fontSize: FONT},
      textGap: GAP,
      // Shapes around a focused region reach under the scale: it keeps
      // the page's colour behind it.
      backgroundColor: PAGE[mode], padding: [4, SCALE_PAD],
      formatter: (v) => bare(meta, v)
    }, scale(entry, vm)));
    const series = option.series[0];
    series.map = meta.boundaries[period.boundary].url;
    Object.assign(series, layout(entry));
    series.data = data(entry);
    series.itemStyle = {areaColor: NO_DATA[mode], borderColor: BORDER[mode], borderWidth: 0.6};
    series.emphasis = {label: {show: false}, itemStyle: {areaColor: null, borderColor: TEXT[mode], borderWidth: 1.5}};
    series.label = {show: false};
    return option;
  }

  function render(entry) {
    const meta = entry.payload.meta;
    const url = meta.boundaries[meta.periods[entry.period].boundary].url;
    return load(url).then(() => {
      if (entry.chart) entry.chart.dispose();
      entry.el.hidden = false;
      entry.chart = window.echarts.init(entry.el, isDark() ? 'dark' : null, {renderer: 'canvas'});
      entry.chart.setOption(option(entry));
      entry.el.classList.add('chart-ready');
    });
  }

  function draw(entry) {
    return render(entry).catch((err) => {
      try { if (entry.chart) entry.chart.dispose(); } catch (ignored) { /* nothing left */ }
      entry.chart = null;
      entry.el.hidden = true;
      if (window.console) console.warn('maps.js: map ' + entry.id + ' not drawn', err);
    });
  }

  function redrawAll() {
    entries.forEach((e) => { if (e.chart) draw(e); });
  }

  function setPrinting(on) {
    if (printing === on) return;
    printing = on;
    redrawAll();
  }

  function listen(query, fn) {
    if (!query) return;
    if (query.addEventListener) query.addEventListener('change', fn);
    else if (query.addListener) query.addListener(fn);
  }

  function start() {
    if (!window.echarts || typeof window.echarts.registerMap !== 'function' || !window.fetch) return;
    printing = !!(printQuery && printQuery.matches);
    document.querySelectorAll('script[type="application/json"][data-map]').forEach((script) => {
      const id = script.getAttribute('data-map');
      const el = document.getElementById(id);
      if (!el || entries.some((e) => e.id === id)) return;
      let payload;
      try {
        payload = JSON.parse(script.textContent);
      } catch (err) {
        if (window.console) console.warn('maps.js: map ' + id + ' has no payload', err);
        return;
      }
      const entry = {id: id, el: el, json: script.textContent, payload: payload, period: payload.meta.selected, chart: null};
      entries.push(entry);
      // The element is shown before drawing so that ECharts has its size.
      el.hidden = false;
      draw(entry).then(() => {
        if (!entry.chart) return;
        const picker = document.querySelector('[data-map-period="' + id + '"]');
        const select = picker && picker.querySelector('select');
        if (!select) return;
        picker.hidden = false;
        select.value = String(entry.period);
        select.addEventListener('change', () => {
          const i = Number(select.value);
          if (!(i >= 0 && i < payload.meta.periods.length)) return;
          entry.period = i;
          draw(entry);
        });
      });
      if (window.ResizeObserver) new ResizeObserver(() => resize(entry)).observe(el);
      else window.addEventListener('resize', () => resize(entry));
    });
    listen(darkQuery, redrawAll);
    listen(motionQuery, redrawAll);
    listen(printQuery, (e) => setPrinting(!!e.matches));
    window.addEventListener('beforeprint', () => setPrinting(true));
    window.addEventListener('afterprint', () => setPrinting(false));
  }

  function safeStart() {
    try {
      start();
    } catch (err) {
      if (window.console) console.warn('maps.js: maps not drawn', err);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', safeStart);
  else safeStart();
})();
