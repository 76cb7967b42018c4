/*
 * charts.js: draws tiendo's charts with Apache ECharts (assets/vendor/echarts).
 * No build step, ES2017, no inline script needed, no network requests.
 *
 * Contract with the generator (Go package generator/charts, see its doc):
 *
 *   <div id="ID" class="chart-box"></div>               (sized by CSS, else 320px;
 *                                                        taller by a legend's rows after the first)
 *   <script type="application/json" data-chart="ID">{"option": {…}, "meta": {…}}</script>
 *   <span data-chart-png="ID" hidden><a href="#">PNG</a></span>  (optional, any element)
 *   <script src="/assets/js/charts.js" data-echarts="/assets/vendor/echarts/echarts.min.js" defer></script>
 *
 * The chart's box keeps its height (CSS) from the start, so that nothing
 * moves when it is drawn. A chart is drawn when it comes within NEAR of the
 * viewport (IntersectionObserver; a chart in a closed <details> when it is
 * opened), each in a task of its own; ECharts is loaded, once, from
 * data-echarts when the first chart is, so a page whose charts are never
 * seen never loads it. Before a print every chart is drawn.
 *
 * For every <script type="application/json" data-chart="ID"> this script
 * draws payload.option into the element with id ID, adding what JSON cannot
 * carry: formatters built from payload.meta (numbers as the generator writes
 * them in vi or en, ranks as "71/193", derived and other-source marks, change
 * against the previous value for amounts and counts), the light or dark
 * palette (prefers-color-scheme, redrawn when it changes; always light while
 * printing) and no animation when prefers-reduced-motion asks so, while
 * printing, or for a chart in view as the page opens (it appears with the
 * page; animating it would only keep a phone busy while the reader waits). The element gets the class "chart-ready", and its
 * [data-chart-png] elements are shown; a click in one downloads ID.png.
 * A metric page's data table (details.chart-table) is folded under its
 * chart below 48em. If ECharts is missing or a chart fails, nothing throws:
 * the element is hidden and its data table opened.
 *
 * It also shows the "copy" button of each chart's embed code
 * (button[data-copy=TEXTAREA-ID]) and copies the code when it is clicked;
 * an <iframe src="/…"> in the code gets the page's origin first.
 * In a frame (an embed page), the links of tooltips open in the top window.
 *
 * The option's title is hidden on screen, where the figure's caption is the
 * title; the PNG is drawn by a second, off-screen instance with the title
 * shown, wrapped to the width, and the plot moved down by its height.
 */
(function () {
  'use strict';

  // Colour-blind-safe palettes of 16, one per colour scheme: a line's
  // meta.series[i].color picks its colour, so no two of 16 lines share one.
  // The first 8: six of Okabe–Ito's (darkened to 3:1 on white, lightened to
  // 4.5:1 on the dark page), ColorBrewer's crimson and Tol's indigo (on the
  // dark page Okabe–Ito's yellow); the next 8 (lines 9–16, which the
  // generator also dashes and marks with squares) from Paul Tol's and
  // ColorBrewer's palettes. Why: generator/charts/doc.go.
  const PALETTE = {
    light: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#209ce2', '#000000', '#b2182b', '#332288',
      '#882255', '#50a357', '#762a83', '#c51b7d', '#999933', '#1b7837', '#179fcd', '#9970ab'],
    dark: ['#0086d1', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e4e8ec', '#e54055', '#f0e442',
      '#d24d90', '#50a357', '#b855c8', '#806ddb', '#999933', '#4d9221', '#179fcd', '#9970ab']
  };
  // A muted line (the chart highlights others) is its colour mixed with
  // this grey: grey-toned, still told apart in the legend and the tooltip.
  const MUTED = {light: '#a3abb3', dark: '#59626b', share: 0.6};
  const DEFAULT_HEIGHT = '320px';
  const TITLE_LINE = 18; // px per line of the PNG's wrapped title
  const TITLE_PAD = 14; // px around it: ECharts' title padding (5 + 5) and a gap

  const charts = {}; // id → {el, json, chart}
  const media = (q) => (window.matchMedia ? window.matchMedia(q) : null);
  const darkQuery = media('(prefers-color-scheme: dark)');
  const motionQuery = media('(prefers-reduced-motion: reduce)');
  const printQuery = media('print');
  let printing = false; // paper is white: light palette, no animation
  const isDark = () => !printing && !!(darkQuery && darkQuery.matches);
  const animated = () => !printing && !(motionQuery && motionQuery.matches);

  // Numbers as the generator writes them on the page (Go's i18n.Number):
  // vi "4.543,5", en "4,543.5", a minus sign U+2212; decimals < 0 means as
  // many as needed, at most 2. Written out rather than with
  // Intl.NumberFormat, whose first use loads the locale's data: a tenth of
  // a second on a slow phone, in the task that draws the first chart.
  const MARKS = {vi: {group: '.', decimal: ','}, en: {group: ',', decimal: '.'}};
  const formats = {};
  function nf(lang, decimals) {
    const key = lang + ':' + decimals;
    if (!formats[key]) {
      const m = MARKS[lang] || MARKS.en;
      formats[key] = {format: (v) => formatNumber(m, decimals, v)};
    }
    return formats[key];
  }

  function formatNumber(m, decimals, v) {
    if (typeof v !== 'number' || !isFinite(v)) return String(v);
    let s = decimals >= 0 ? v.toFixed(decimals) : String(Math.round(v * 100) / 100);
    if (s.indexOf('e') >= 0) s = v.toFixed(decimals >= 0 ? decimals : 0); // 1e21 and over
    const neg = s.charAt(0) === '-';
    if (neg) s = s.slice(1);
    const dot = s.indexOf('.');
    const ip = dot < 0 ? s : s.slice(0, dot);
    const fp = dot < 0 ? '' : s.slice(dot + 1);
    let out = '';
    for (let i = 0; i < ip.length; i++) {
      if (i > 0 && (ip.length - i) % 3 === 0) out += m.group;
      out += ip.charAt(i);
    }
    if (fp) out += m.decimal + fp;
    if (neg && /[1-9]/.test(out)) out = '\u2212' + out;
    return out;
  }

  // The number in an ECharts value: 71, [1, 71] or "-" (missing → null).
  function num(v) {
    if (Array.isArray(v)) v = v[v.length - 1];
    return typeof v === 'number' && isFinite(v) ? v : null;
  }

  // "71/193", "80%", "4.543,5 triệu tài khoản": as the page's text writes it.
  // A qualifier ("trên", "over") goes before it and a flag ("ước tính")
  // after it, as on the page.
  function valueText(meta, s, v, pm) {
    return hedge(pm, bare(meta, s, v, pm));
  }

  function bare(meta, s, v, pm) {
    const f = nf(meta.lang, meta.kind === 'rank' ? 0 : s.decimals);
    const n = f.format(v);
    if (pm && pm.of != null) return n + '/' + f.format(pm.of);
    if (meta.kind === 'rank' || !meta.unit) return n;
    return meta.unit === '%' ? n + '%' : n + '\u00a0' + meta.unit;
  }

  function hedge(pm, text) {
    if (!pm) return text;
    if (pm.q) text = pm.q + '\u00a0' + text;
    if (pm.flag) text += ' (' + pm.flag + ')';
    return text;
  }

  // A point's label: "71/193", "87%", "13,7"; the unit (other than %) is
  // above the y axis, and labels stay short enough for 360 px.
  function labelText(meta, s, v, pm) {
    const f = nf(meta.lang, meta.kind === 'rank' ? 0 : s.decimals);
    const n = f.format(v);
    if (pm && pm.of != null) return hedge(pm, n + '/' + f.format(pm.of));
    return hedge(pm, meta.unit === '%' ? n + '%' : n);
  }

  // "+36,6%" / "−2%": change in percent, signed like the page (U+2212 minus).
  function signedPct(lang, pct) {
    const sign = pct > 0 ? '+' : pct < 0 ? '\u2212' : '±';
    return sign + nf(lang, -1).format(Math.round(Math.abs(pct) * 10) / 10) + '%';
  }

  // mix returns the colour a + share × (b − a), both "#rrggbb".
  function mix(a, b, share) {
    const c = (h, i) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
    let out = '#';
    for (let i = 0; i < 3; i++) {
      const v = Math.round(c(a, i) + share * (c(b, i) - c(a, i)));
      out += (v < 16 ? '0' : '') + v.toString(16);
    }
    return out;
  }

  // The colour of option.series[i]: its line's, grey-toned when muted.
  function colorOf(s, palette, dark) {
    const color = palette[(s.color || 0) % palette.length];
    return s.muted ? mix(color, dark ? MUTED.dark : MUTED.light, MUTED.share) : color;
  }

  // byValue orders the tooltip's rows best first: rank 1 first when lower
  // is better (meta.better), the highest first otherwise; rows without a
  // value (a stated gap) last; equal values in the legend's order.
  function byValue(meta) {
    const sign = meta.better === 'lower' ? 1 : meta.better === 'higher' ? -1 : 0;
    return (a, b) => {
      if ((a.v === null) !== (b.v === null)) return a.v === null ? 1 : -1;
      if (a.v === null || !sign || a.v === b.v) return a.at - b.at;
      return sign * (a.v - b.v);
    };
  }

  // The tooltip is built as elements, not as an HTML string: ECharts'
  // markers are <span style="…"> that CSP (style-src 'self') blocks, while
  // element.style is allowed.
  function make(tag, text) {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    return e;
  }

  function dot(color) {
    const d = make('span');
    d.style.display = 'inline-block';
    d.style.width = d.style.height = '10px';
    d.style.borderRadius = '5px';
    d.style.marginRight = '4px';
    d.style.backgroundColor = typeof color === 'string' ? color : '#888';
    return d;
  }

  function tooltip(meta) {
    return (params) => {
      const list = Array.isArray(params) ? params : [params];
      if (!list.length) return '';
      const i = list[0].dataIndex;
      const rows = [];
      list.forEach((p) => {
        const s = meta.series[p.seriesIndex];
        const pm = s && s.points[p.dataIndex];
        const v = num(p.value);
        if (pm && pm.gap) {
          // A stated gap: the period has no value, and the source says why.
          const row = make('div');
          row.appendChild(document.createTextNode(p.seriesName + ': ' + pm.gap));
          rows.push({el: row, v: null, at: rows.length});
          return;
        }
        if (!pm || v === null) return;
        const row = make('div');
        row.appendChild(dot(p.color));
        row.appendChild(document.createTextNode(p.seriesName + ': '));
        row.appendChild(make('b', valueText(meta, s, v, pm)));
        let more = '';
        if (pm.derived) more += ' (' + meta.words.derived + ' ' + pm.from + ')';
        if (pm.change) more += ' · ' + pm.change;
        else if (pm.prev) more += ' · ' + signedPct(meta.lang, (v / pm.prev - 1) * 100) + ' ' + meta.words.vs + ' ' + pm.prevAt;
        if (more) row.appendChild(document.createTextNode(more));
        if (pm.src) {
          // The tooltip can be entered (enterable), so the link can be followed.
          const a = make('a', meta.words.see);
          a.href = pm.src;
          if (framed) a.target = '_top';
          row.appendChild(document.createTextNode(' · '));
          row.appendChild(a);
        }
        rows.push({el: row, v: v, at: rows.length});
      });
      // A filled gap in time (meta.periods[i] is "") has no figure: no tooltip.
      if (!rows.length) return '';
      // The tooltip wraps within the chart: ECharts keeps its text on one
      // line, which ran off a 360 px screen and cut the value.
      const box = make('div');
      box.style.whiteSpace = 'normal';
      box.style.maxWidth = Math.max(160, Math.min(320, window.innerWidth - 48)) + 'px';
      box.appendChild(make('strong', meta.periods[i] || list[0].name || ''));
      rows.sort(byValue(meta)).forEach((r) => box.appendChild(r.el));
      return box;
    };
  }

  // labelPlan picks, for each labelled series of payload, the points whose
  // labels fit in el side by side: from the line's latest value back, a
  // point is labelled when its label clears the last one kept. ECharts'
  // labelLayout.hideOverlap leaves labels of one line overlapping
  // ("91/190/192"); the tooltip and the table give every value. It returns
  // {keep: [series → {index: true}], key: a string that changes with it}.
  const PLOT_MARGIN = 72; // px of the element's width that is not plot: the y labels, the grid's sides
  const LABEL_GAP = 6; // px between two labels
  function labelPlan(payload, el) {
    const option = payload.option, meta = payload.meta;
    const cats = ([].concat(option.xAxis || [])[0] || {}).data || [];
    const plan = {keep: [], key: ''};
    if (!measure) measure = document.createElement('canvas').getContext('2d');
    if (!cats.length || !measure) return plan;
    measure.font = '12px sans-serif';
    const band = Math.max(el.clientWidth - PLOT_MARGIN, 60) / cats.length;
    (option.series || []).forEach((series, i) => {
      const s = meta.series[i];
      if (!s || !series.label || !series.label.show) return;
      const keep = {};
      let at = -1, half = 0; // the last label kept: its category, half its width
      for (let j = (series.data || []).length - 1; j >= 0; j--) {
        const d = series.data[j];
        const v = num(d && typeof d === 'object' && !Array.isArray(d) ? d.value : d);
        if (v === null) continue;
        const w = measure.measureText(labelText(meta, s, v, s.points[j])).width / 2;
        if (at < 0 || (at - j) * band >= half + w + LABEL_GAP) {
          keep[j] = true;
          at = j;
          half = w;
        }
      }
      plan.keep[i] = keep;
      plan.key += i + ':' + Object.keys(keep).join(',') + ';';
    });
    return plan;
  }

  // prepare completes a freshly parsed payload's option for mode: {dark,
  // animation, title (show it, for the PNG), labels (a labelPlan)}; el
  // gives the width.
  function prepare(payload, el, mode) {
    const option = payload.option;
    const meta = payload.meta;
    const palette = mode.dark ? PALETTE.dark : PALETTE.light;
    option.color = palette;
    option.backgroundColor = 'transparent';
    option.animation = mode.animation;
    if (mode.title && option.title) {
      const t = titleLayout(option.title, el);
      option.title = Object.assign({}, option.title, {
        show: true,
        textStyle: Object.assign({}, option.title.textStyle, {width: t.width, overflow: 'break', lineHeight: TITLE_LINE})
      });
      (option.grid || []).forEach((g) => { g.top = Number(g.top || 0) + t.height; });
    }
    // The legend wraps instead of paging: the plot leaves room at its foot
    // for as many rows as the names take at this width.
    const legend = [].concat(option.legend || [])[0];
    if (legend && legend.show) {
      // A name wider than the chart breaks onto lines of its own.
      legend.textStyle = Object.assign({}, legend.textStyle,
        {width: legendText(el), overflow: 'break', lineHeight: LEGEND_LINE});
      const rows = legendRows(option.series || [], el);
      (option.grid || []).forEach((g) => { g.bottom = 8 + rows * LEGEND_ROW; });
    }
    option.tooltip = Object.assign({}, option.tooltip, {formatter: tooltip(meta), confine: true, enterable: true});
    (option.yAxis || []).forEach((y) => {
      y.axisLabel = Object.assign({}, y.axisLabel, {formatter: (v) => nf(meta.lang, -1).format(v)});
    });
    (option.series || []).forEach((series, i) => {
      const s = meta.series[i];
      if (!s) return;
      // Every series takes its line's colour: the parts of a line broken
      // by a gap and the markers of a second source too.
      const color = colorOf(s, palette, mode.dark);
      series.itemStyle = Object.assign({}, series.itemStyle, {color: color});
      if (series.type === 'line') series.lineStyle = Object.assign({}, series.lineStyle, {color: color});
      if (series.label && series.label.show) {
        const keep = (mode.labels && mode.labels.keep[i]) || {};
        series.label.formatter = (p) => {
          const v = num(p.value);
          if (v === null || !keep[p.dataIndex]) return '';
          return labelText(meta, s, v, s.points[p.dataIndex]);
        };
      }
    });
    return option;
  }

  // legendRows is how many rows the legend's names take in el: each is its
  // icon, its text and a gap, laid out as ECharts lays a plain legend; a
  // name wider than legendText breaks onto lines, each counted a row, and
  // the next name starts a row of its own.
  const LEGEND_ROW = 24;
  const LEGEND_LINE = 14; // px per line of a name that breaks
  const LEGEND_ICON = 25 + 5 + 10; // icon, its gap to the text, the gap to the next item
  const legendWidth = (el) => Math.max(el.clientWidth - 16, 120);
  const legendText = (el) => Math.max(legendWidth(el) - LEGEND_ICON, 60);
  function legendRows(series, el) {
    const width = legendWidth(el), most = legendText(el);
    if (!measure) measure = document.createElement('canvas').getContext('2d');
    if (!measure) return 1;
    measure.font = '12px sans-serif';
    const seen = {};
    let rows = 1, x = 0;
    series.forEach((s) => {
      if (!s.name || seen[s.name]) return;
      seen[s.name] = true;
      const text = measure.measureText(s.name).width;
      const lines = Math.ceil(text / most) || 1;
      const w = LEGEND_ICON + Math.min(text, most);
      if (x > 0 && (x + w > width || lines > 1)) { rows++; x = 0; }
      x = lines > 1 ? width : x + w;
      rows += lines - 1;
    });
    return rows;
  }

  // The PNG's title wraps: titleLayout returns its width and the height it
  // takes, by which the plot moves down.
  let measure = null;
  function titleLayout(title, el) {
    const width = Math.max(el.clientWidth - 16, 120);
    const size = (title.textStyle && title.textStyle.fontSize) || 14;
    if (!measure) measure = document.createElement('canvas').getContext('2d');
    let lines = 1;
    if (measure) {
      measure.font = 'bold ' + size + 'px sans-serif';
      lines = Math.ceil(measure.measureText(title.text || '').width / width) || 1;
    }
    return {width: width, height: lines * TITLE_LINE + TITLE_PAD};
  }

  // In a group of bars, ECharts draws a scatter symbol at the middle of the
  // category: alignOthers moves each "other source" marker over its own
  // line's bar, by the offset ECharts' bar layout gave that bar.
  function alignOthers(chart, meta) {
    if (meta.type !== 'bar' || !chart || chart.isDisposed()) return;
    const model = chart.getModel && chart.getModel();
    if (!model) return;
    let changed = false;
    const update = meta.series.map((s, i) => {
      if (s.role !== 'other') return {};
      const bar = model.getSeriesByIndex(s.line);
      const data = bar && bar.getData();
      const offset = data && data.getLayout('offset');
      const size = data && data.getLayout('size');
      if (typeof offset !== 'number' || typeof size !== 'number') return {};
      const x = Math.round((offset + size / 2) * 10) / 10;
      const own = model.getSeriesByIndex(i);
      const was = own && own.get('symbolOffset');
      if (!Array.isArray(was) || was[0] !== x) changed = true;
      return {symbolOffset: [x, 0]};
    });
    if (changed) chart.setOption({series: update});
  }

  // The legend's rows at the element's width (0 without a legend).
  function legendRowsOf(option, el) {
    const legend = [].concat(option.legend || [])[0];
    return legend && legend.show ? legendRows(option.series || [], el) : 0;
  }

  // boxHeight makes the element taller by the legend's rows beyond the
  // first, so that a legend of many lines takes no room from the plot: its
  // height is the stylesheet's (or DEFAULT_HEIGHT) plus the rows.
  function boxHeight(entry, rows) {
    const el = entry.el;
    el.style.height = entry.fixed ? DEFAULT_HEIGHT : '';
    if (rows > 1) el.style.height = (el.clientHeight + (rows - 1) * LEGEND_ROW) + 'px';
  }

  function render(entry) {
    if (entry.chart) entry.chart.dispose();
    entry.chart = null;
    const payload = JSON.parse(entry.json);
    entry.option = payload.option;
    entry.rows = legendRowsOf(payload.option, entry.el);
    boxHeight(entry, entry.rows);
    entry.labels = labelPlan(payload, entry.el);
    const dark = isDark();
    const option = prepare(payload, entry.el, {dark: dark, animation: animated() && !entry.still, title: false, labels: entry.labels});
    const chart = window.echarts.init(entry.el, dark ? 'dark' : null, {renderer: 'canvas'});
    entry.chart = chart;
    entry.meta = payload.meta;
    chart.setOption(option);
    alignOthers(chart, payload.meta);
    if (payload.meta.type === 'bar') {
      // Hiding a series regroups the bars; realign once the action is done.
      const realign = () => setTimeout(() => alignOthers(chart, payload.meta), 0);
      ['legendselectchanged', 'legendselected', 'legendunselected'].forEach((e) => chart.on(e, realign));
    }
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

  // A print is on white paper: the light palette and no animation (the page
  // is laid out for print at once), until it is done.
  function setPrinting(on) {
    if (printing === on) return;
    printing = on;
    redrawAll();
  }

  // resize follows the element's size; when the legend's rows change with
  // the width (a phone turned, a window narrowed), the chart is drawn again
  // with room for them.
  function resize(entry) {
    if (!entry.chart) return;
    if (legendRowsOf(entry.option, entry.el) !== entry.rows || labelPlan({option: entry.option, meta: entry.meta}, entry.el).key !== entry.labels.key) {
      draw(entry, entry.id);
      return;
    }
    entry.chart.resize();
    alignOthers(entry.chart, entry.meta);
  }

  // The colour behind the chart, for the PNG: the first opaque ancestor's.
  function background(el) {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
    }
    return isDark() ? '#121212' : '#ffffff';
  }

  // pngURL draws the chart again, with its title, into an off-screen element
  // the width of the chart and taller by the title, and returns it as a PNG
  // data URL. The chart on screen is left as it is.
  function pngURL(entry) {
    const el = entry.el;
    const payload = JSON.parse(entry.json);
    const dark = isDark();
    const option = prepare(payload, el, {dark: dark, animation: false, title: true, labels: labelPlan(payload, el)});
    // Series the reader hid with the legend stay hidden.
    const shown = entry.chart.getOption().legend;
    if (shown && shown[0] && shown[0].selected && option.legend) {
      option.legend = Object.assign({}, option.legend, {selected: shown[0].selected});
    }
    const width = el.clientWidth;
    const height = el.clientHeight + titleLayout(payload.option.title || {}, el).height;
    const box = document.createElement('div');
    box.setAttribute('aria-hidden', 'true');
    box.style.position = 'fixed';
    box.style.left = '-10000px';
    box.style.top = '0';
    box.style.visibility = 'hidden';
    box.style.width = width + 'px';
    box.style.height = height + 'px';
    document.body.appendChild(box);
    let chart = null;
    try {
      chart = window.echarts.init(box, dark ? 'dark' : null, {renderer: 'canvas', width: width, height: height});
      chart.setOption(option);
      alignOthers(chart, payload.meta);
      return chart.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: background(el)});
    } finally {
      if (chart) chart.dispose();
      box.remove();
    }
  }

  function downloadPNG(id) {
    const entry = charts[id];
    if (!entry || !entry.chart) return false;
    let url;
    try {
      url = pngURL(entry);
    } catch (err) {
      if (window.console) console.warn('charts.js: PNG of ' + id + ' not drawn', err);
      return false;
    }
    const a = document.createElement('a');
    a.href = url;
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

  // ECharts is loaded once a chart nears the viewport, from the one file
  // every page shares (data-echarts on this script's element), and each
  // chart is drawn in a task of its own as it nears the viewport: a page of
  // seven charts draws the one or two the reader sees first, and none that
  // sits in a closed <details> until it is opened.
  const self = document.currentScript;
  const ECHARTS_URL = self ? self.getAttribute('data-echarts') : null;
  const NEAR = '320px 0px'; // how near the viewport a chart is drawn
  let echartsState = window.echarts ? 'ready' : 'none'; // none, loading, ready, failed
  const all = []; // every chart's entry, drawn or not
  const pending = []; // entries near the viewport, to draw
  let pumping = false;

  function loadECharts() {
    if (echartsState !== 'none') return;
    if (!ECHARTS_URL) { failAll(); return; }
    echartsState = 'loading';
    const s = document.createElement('script');
    s.src = ECHARTS_URL;
    s.async = true;
    s.onload = () => {
      if (window.echarts && typeof window.echarts.init === 'function') {
        echartsState = 'ready';
        setTimeout(pump, 0); // the first chart in a task of its own, after ECharts' own
      } else {
        failAll();
      }
    };
    s.onerror = failAll;
    document.head.appendChild(s);
  }

  // failAll gives up on every chart not drawn: ECharts did not load.
  function failAll() {
    echartsState = 'failed';
    pending.length = 0;
    all.forEach((entry) => { if (!entry.chart) fail(entry); });
  }

  // fail hides a chart that could not be drawn and opens its table.
  function fail(entry) {
    entry.done = true;
    entry.el.hidden = true;
    const fig = entry.el.closest('figure');
    const table = fig && fig.querySelector('details.chart-table');
    if (table) table.open = true;
  }

  function want(entry) {
    if (entry.done || entry.queued) return;
    entry.queued = true;
    pending.push(entry);
    if (echartsState === 'ready') pump();
    else loadECharts();
  }

  // pump draws the next pending chart, and the one after it in a later
  // task, so that the page stays responsive while they are drawn.
  function pump() {
    if (pumping || echartsState !== 'ready') return;
    const entry = pending.shift();
    if (!entry) return;
    pumping = true;
    try {
      drawEntry(entry);
    } finally {
      pumping = false;
    }
    if (pending.length) setTimeout(pump, 0);
  }

  function drawEntry(entry) {
    const el = entry.el;
    entry.done = true;
    entry.fixed = !el.clientHeight; // no height from the stylesheet: DEFAULT_HEIGHT (boxHeight)
    if (!draw(entry, entry.id)) {
      fail(entry);
      return;
    }
    charts[entry.id] = entry;
    el.classList.add('chart-ready');
    document.querySelectorAll('[data-chart-png]').forEach((b) => {
      if (b.getAttribute('data-chart-png') === entry.id) b.hidden = false;
    });
    entry.w = el.clientWidth;
    entry.h = el.clientHeight;
    if (window.ResizeObserver) {
      // Its first report is the size the chart was just drawn at.
      new ResizeObserver(() => {
        if (el.clientWidth === entry.w && el.clientHeight === entry.h) return;
        entry.w = el.clientWidth;
        entry.h = el.clientHeight;
        resize(entry);
      }).observe(el);
    }
  }

  // drawAllNow draws every chart not drawn yet, at once: for print.
  function drawAllNow() {
    if (echartsState !== 'ready') return;
    all.forEach((entry) => { if (!entry.done) drawEntry(entry); });
    pending.length = 0;
  }

  // In a frame on another site (an embed page), links open in the top
  // window, as the page's own links do.
  const framed = (() => { try { return window.self !== window.top; } catch (e) { return true; } })();

  // The embed code under a chart is copied with a click on its button.
  // A site built without an origin in its base URL writes the embed page's
  // address as a path, which would point at the other site once pasted
  // there: the page's own origin is put in front of it.
  function copyButtons() {
    const origin = /^https?:$/.test(location.protocol) ? location.origin : '';
    document.querySelectorAll('button[data-copy]').forEach((b) => {
      const area = document.getElementById(b.getAttribute('data-copy'));
      if (!area) return;
      if (origin) area.value = area.value.replace(/^<iframe src="\//, '<iframe src="' + origin + '/');
      const status = b.parentNode.querySelector('.embed-status');
      b.hidden = false;
      b.addEventListener('click', () => {
        const done = () => { if (status) status.textContent = b.getAttribute('data-copied') || ''; };
        const fallback = () => {
          area.focus();
          area.select();
          try { if (document.execCommand('copy')) done(); } catch (e) { /* the text stays selected to copy */ }
        };
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(area.value).then(done, fallback);
        else fallback();
      });
    });
  }

  function start() {
    printing = !!(printQuery && printQuery.matches);
    copyButtons();
    // A metric's table is folded under its chart, except on a wide screen,
    // where there is room for both; if the chart cannot be drawn, its table
    // opens again (fail).
    const wideMetric = document.body.classList.contains('kind-metric') && !!media('(min-width: 48em)') && media('(min-width: 48em)').matches;
    const scripts = document.querySelectorAll('script[type="application/json"][data-chart]');
    Array.prototype.forEach.call(scripts, (script) => {
      const id = script.getAttribute('data-chart');
      const el = document.getElementById(id);
      if (!el || all.some((e) => e.id === id)) return;
      const entry = {id: id, el: el, json: script.textContent, chart: null, meta: null, done: false, queued: false};
      all.push(entry);
      const fig = el.closest('figure');
      const table = fig && fig.querySelector('details.chart-table');
      if (table && table.open && !wideMetric) table.open = false;
    });
    if (!all.length) return;
    if (printing) {
      all.forEach(want);
    } else if (window.IntersectionObserver) {
      let first = true; // the observer's first report: what is in view as the page opens
      const io = new IntersectionObserver((seen) => {
        seen.forEach((s) => {
          if (!s.isIntersecting) return;
          io.unobserve(s.target);
          const entry = all.find((e) => e.el === s.target);
          if (!entry) return;
          entry.still = first;
          want(entry);
        });
        first = false;
      }, {rootMargin: NEAR});
      all.forEach((entry) => io.observe(entry.el));
    } else {
      all.forEach(want);
    }

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
    listen(printQuery, (e) => { setPrinting(!!e.matches); if (e.matches) drawAllNow(); });
    window.addEventListener('beforeprint', () => { setPrinting(true); drawAllNow(); });
    window.addEventListener('afterprint', () => setPrinting(false));
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
